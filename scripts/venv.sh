# shellcheck shell=bash
# What scripts/edition.sh and scripts/test.sh share, sourced by both: make sure the machine
# and the project's virtual environment have what the command needs, doing nothing (fast)
# when they already do.
#
# Why a virtual environment: Debian's and Ubuntu's python3 refuse `pip install` outside one
# (PEP 668, "externally-managed-environment"), and the user's install must not mix with the
# system's packages. It lives in .venv of the checkout (TEI_EDITION_VENV may name another
# folder; PYTHON another interpreter, 3.11 or newer).
#
# Why a stamp: `pip install` resolves every dependency again, seconds even when nothing is
# missing. .venv/.tei-edition-installed records what was installed (the extras) and the
# SHA-256 of the pyproject.toml it was installed from; a run whose pyproject.toml and extras
# are covered by it does not call pip. The toolkit is installed editable (-e), so edits to
# toolkit/, tei/, schemas/ and xslt/ need no reinstall; a changed pyproject.toml does.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=${TEI_EDITION_VENV:-$ROOT/.venv}
PYTHON=${PYTHON:-python3}
STAMP=$VENV/.tei-edition-installed

# The Python the virtual environment is made from: 3.11 or newer, or a message saying so.
check_python() {
  if ! command -v "$PYTHON" >/dev/null; then
    echo "tei-edition needs Python 3.11 or newer: '$PYTHON' was not found (set PYTHON=...)" >&2
    exit 2
  fi
  if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "tei-edition needs Python 3.11 or newer; $PYTHON is $("$PYTHON" -V 2>&1)." \
         "Install python3.11 (and python3.11-venv) and run again with PYTHON=python3.11" >&2
    exit 2
  fi
}

# The stamp line for extras "$1" ("" or "test"): what is installed, from which pyproject.toml.
stamp_line() {
  echo "extras=${1:-none} pyproject=$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"
}

# True when the virtual environment works and already has extras "$1" installed from this
# pyproject.toml (an install with [test] covers one without).
installed() {
  [[ -x $VENV/bin/python && -f $STAMP ]] || return 1
  local want have
  want=$(stamp_line "$1")
  have=$(cat "$STAMP")
  [[ $have == "$want" || ( -z $1 && ${have#extras=test } == "${want#extras=none }" ) ]] || return 1
  "$VENV/bin/python" -c '' 2>/dev/null  # the interpreter it was made from is still there
}

# Make sure the system packages, the virtual environment and the toolkit (with extras "$1")
# are installed; do nothing when they are.
ensure_installed() {
  local extras=${1:-}
  PYTHON=$PYTHON bash "$ROOT/scripts/setup-system.sh"
  if installed "$extras"; then
    return 0
  fi
  check_python
  if ! "$VENV/bin/python" -c '' 2>/dev/null; then
    echo "creating the virtual environment $VENV" >&2
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
  fi
  local spec=$ROOT
  [[ -n $extras ]] && spec="$ROOT[$extras]"
  echo "installing tei-edition${extras:+ with [$extras]} into $VENV" >&2
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$spec"
  stamp_line "$extras" >"$STAMP"
}
