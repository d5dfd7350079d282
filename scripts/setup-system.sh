#!/usr/bin/env bash
# Debian/Ubuntu packages the toolkit and its tests need on a fresh machine, installed only
# when missing (one dpkg-query call when all are there: a fast no-op):
#   fonts-dejavu-core, fonts-nanum  Latin/Cyrillic and Hangul fonts for the PDF edition
#   fonts-wqy-microhei           Chinese (simplified) characters Nanum lacks, e.g. 华 国
#   libpango-1.0-0, libpangoft2-1.0-0  WeasyPrint's text layout
#   poppler-utils                pdftotext/pdffonts/pdftoppm, used by the tests
#   chromium                     headless browser for the HTML edition's tests
#   python3-venv                 only when python3 cannot make a virtual environment
#                                (Debian's python3 without ensurepip)
# Run by scripts/edition.sh and scripts/test.sh; as root it uses apt-get directly, else sudo.
set -euo pipefail
packages=(fonts-dejavu-core fonts-nanum fonts-wqy-microhei libpango-1.0-0 libpangoft2-1.0-0
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
