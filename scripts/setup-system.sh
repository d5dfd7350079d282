#!/usr/bin/env bash
# Debian packages the toolkit and its tests need on a fresh machine:
#   fonts-dejavu-core, fonts-nanum  Latin/Cyrillic and Hangul fonts for the PDF edition
#   fonts-wqy-microhei           Chinese (simplified) characters Nanum lacks, e.g. 华 国
#   libpango-1.0-0, libpangoft2-1.0-0  WeasyPrint's text layout
#   poppler-utils                pdftotext/pdffonts/pdftoppm, used by the tests
#   chromium                     headless browser for the HTML edition's tests
set -euo pipefail
packages=(fonts-dejavu-core fonts-nanum fonts-wqy-microhei libpango-1.0-0 libpangoft2-1.0-0 poppler-utils chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
