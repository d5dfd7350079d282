#!/usr/bin/env bash
# The peers the benchmarks measure against, installed only for benchmarking (never a
# dependency of the toolkit or its tests):
#   fop   Apache FOP (Debian), for bench_pdf.py's TEI Stylesheets + FOP yardstick.
# The TEI Stylesheets themselves are in no registry this project uses: give bench_pdf.py a
# checkout of TEIC/Stylesheets (fo/fo.xsl and common/) with --tei-stylesheets DIR or
# TEI_STYLESHEETS=DIR, kept outside this repository.
set -euo pipefail
if ! command -v fop >/dev/null; then
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends fop
fi
