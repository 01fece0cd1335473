FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

# The dependencies first, at the versions pinned in constraints.txt (their own layer,
# rebuilt only when the pins change), then the package itself without resolving again;
# `pip check` fails the build when pyproject.toml asks for something not pinned.
COPY constraints.txt ./
RUN pip install --requirement constraints.txt
COPY pyproject.toml README.md ./
COPY dropbox_lite ./dropbox_lite
RUN pip install --no-deps . && pip check && useradd --system --uid 10001 dropbox

USER dropbox
ENV DROPBOX_LITE_HOST=0.0.0.0 DROPBOX_LITE_PORT=8000
EXPOSE 8000
# Asks the port the server was configured with (DROPBOX_LITE_PORT), not a fixed one.
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request as r; r.urlopen('http://127.0.0.1:%s/readyz' % os.environ.get('DROPBOX_LITE_PORT', '8000'), timeout=2)"]
CMD ["dropbox-lite", "serve"]
