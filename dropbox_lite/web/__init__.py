"""The web app: the single-page app at /, the offline GraphiQL and the share pages.

The files under `static/` are the committed output of `npm run build` in `web/`.
"""
