# Sourced by the other scripts: a project virtualenv with everything installed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${DROPBOX_LITE_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"
if [ ! -x "$VENV/bin/python" ]; then
  echo "creating $VENV" >&2
  "$PYTHON" -m venv "$VENV"
fi
stamp="$VENV/.installed-$(sha256sum "$ROOT/pyproject.toml" | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "installing dropbox-lite and its dependencies into $VENV" >&2
  # uv (from PyPI) fetches and installs side by side: about 11 s where pip takes 40. pip
  # does it when uv cannot.
  if ! { "$VENV/bin/python" -m pip install -q uv \
      && "$VENV/bin/python" -m uv pip install -q --python "$VENV/bin/python" -e "$ROOT[dev]"; }; then
    echo "uv could not install; pip does" >&2
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e "$ROOT[dev]"
  fi
  rm -f "$VENV"/.installed-* && touch "$stamp"
fi
export PATH="$VENV/bin:$PATH"
# Compiled modules are kept (in the venv), even where the environment says not to write
# them (PYTHONDONTWRITEBYTECODE): every test worker and every CLI process a test starts
# would compile dropbox_lite and rewrite the test modules again (0.4-0.9 s a process).
unset PYTHONDONTWRITEBYTECODE
export PYTHONPYCACHEPREFIX="${PYTHONPYCACHEPREFIX:-$VENV/pycache}"
cd "$ROOT"
