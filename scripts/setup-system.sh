#!/usr/bin/env bash
# Debian packages the toolkit and its tests need on a fresh machine:
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
set -euo pipefail
packages=(fonts-noto-core fonts-noto-cjk fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 poppler-utils chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
