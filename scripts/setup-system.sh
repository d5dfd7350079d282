#!/usr/bin/env bash
# Debian/Ubuntu packages the toolkit and its tests need on a fresh machine, installed only
# when missing (one dpkg-query call when all are there: a fast no-op):
#   fonts-noto-core     Noto Serif (Latin, Greek, Cyrillic; regular, italic, bold) and the
#                       Noto faces of other scripts (Hebrew, Arabic, Syriac, Armenian, ...):
#                       the print edition's one type family. 12 MB download, 43 MB installed.
#   fonts-noto-cjk      Noto Serif CJK (KR for Hangul, SC/TC for Chinese, JP), the serif CJK
#                       faces made to go with Noto Serif. 57 MB download, 91 MB installed.
#                       (Nanum Myeongjo matches for Hangul only and AR PL UMing for Chinese
#                       only, 33 + 21 MB, in two more designs: one package serves both.)
#   fonts-dejavu-core   DejaVu Sans Mono for code in the WeasyPrint engine (Typst has its own)
#   libpango-1.0-0, libpangoft2-1.0-0  WeasyPrint's text layout
#   poppler-utils       pdftotext/pdffonts/pdftohtml/pdftoppm, used by the tests
#   chromium            headless browser for the HTML edition's tests
#   python3-venv        only when python3 cannot make a virtual environment
#                       (Debian's python3 without ensurepip)
# Run by scripts/edition.sh and scripts/test.sh; as root it uses apt-get directly, else sudo.
set -euo pipefail
packages=(fonts-noto-core fonts-noto-cjk fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0
          poppler-utils chromium)
"${PYTHON:-python3}" -c 'import ensurepip, venv' 2>/dev/null || packages+=(python3-venv)

if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
  echo "setup-system.sh: not a Debian/Ubuntu system; install the equivalents of:" \
       "${packages[*]}" >&2
  exit 0
fi
installed=$(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' "${packages[@]}" 2>/dev/null \
            | awk '$1 == "ii" {print $2}' || true)
missing=()
for p in "${packages[@]}"; do
  grep -qx "$p" <<<"$installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup-system.sh: installing ${missing[*]}" >&2
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
