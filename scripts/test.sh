#!/usr/bin/env bash
# The README's second command, and what CI runs (.ci/run): the whole test suite on 2 cores.
#
#   bash scripts/test.sh [PYTEST OPTIONS...]       e.g. tests/test_spine.py -x
#
# Installs what is missing first (scripts/venv.sh: Debian packages, .venv, the toolkit with
# its [test] extras) and nothing when it is there. Tests that read ../shared (the project's
# shared data folder beside the checkout, or TEI_EDITION_SHARED) skip, saying so, without it.
source "$(dirname "${BASH_SOURCE[0]}")/venv.sh"
ensure_installed test
cd "$ROOT"
if (($#)); then
  exec "$VENV/bin/python" -m pytest "$@"
fi
exec "$VENV/bin/python" -m pytest -n 2 -q
