#!/usr/bin/env bash
# The peers the benchmarks measure against, installed only for benchmarking (never a
# dependency of the toolkit or its tests):
#   fop   Apache FOP (Debian), for bench_pdf.py's TEI Stylesheets + FOP yardstick.
# The TEI Stylesheets themselves are in no registry this project uses: give bench_pdf.py a
# checkout of TEIC/Stylesheets (fo/, common/ and i18n.xml: 27 files for the FO profile) with
# --tei-stylesheets DIR or TEI_STYLESHEETS=DIR, kept outside this repository, e.g.
#   git clone --depth 1 https://github.com/TEIC/Stylesheets /opt/tei-stylesheets
# Where no network reaches GitHub, a copy of those 27 files reconstructed from stored public
# versions of TEIC/Stylesheets does as a yardstick (on the project's build machine:
# /work/yardsticks/tei-stylesheets; its files are not all from one commit). bench_pdf.py checks that every xsl:import/xsl:include
# of fo/fo.xsl resolves before it times the folder. Its XSLT step runs on saxonche (the
# toolkit's own Saxon), so the peer's time has FOP's JVM in it but not a second one for
# Saxon: the peer is, if anything, measured faster than its users run it.
set -euo pipefail
if ! command -v fop >/dev/null; then
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends fop
fi
