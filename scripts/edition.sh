#!/usr/bin/env bash
# The README's first command: build the bundled edition (the telegram of 29 March 1953 and
# its front matter) into build/ of the checkout, as HTML, plain text and PDF.
#
#   bash scripts/edition.sh [BUILD OPTIONS...]     e.g. --to html, -p lang=de
#
# Installs what is missing first (scripts/venv.sh: Debian packages, .venv, the toolkit
# without its test tools) and nothing when it is there.
source "$(dirname "${BASH_SOURCE[0]}")/venv.sh"
ensure_installed ""
cd "$ROOT"
exec "$VENV/bin/tei-edition" build "$@"
