FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY pyproject.toml README.md ./
COPY dropbox_lite ./dropbox_lite
RUN pip install . && useradd --system --uid 10001 dropbox

USER dropbox
ENV DROPBOX_LITE_HOST=0.0.0.0 DROPBOX_LITE_PORT=8000
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=2)"
CMD ["dropbox-lite", "serve"]
