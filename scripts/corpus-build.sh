#!/usr/bin/env bash
# Validate and build ALL of ../shared/corpus (every format, PDF included) and report
# per-file failures, tracebacks (there must be none) and timings.
#
#   scripts/corpus-build.sh [CORPUS] [OUT] [JOBS]
#
# CI runs a subset instead (tests/test_scale.py and the telegram for PDF); building every
# PDF takes a long time (WeasyPrint lays out a few pages a second; the ELTeC novels are
# hundreds of pages each). Exit status: 1 if a traceback appeared, else 0 (documents that
# fail are expected in this corpus and are listed).
set -u
cd "$(dirname "$0")/.."
CORPUS="${1:-../shared/corpus}"
OUT="${2:-build/corpus}"
JOBS="${3:-auto}"
PYTHON="${PYTHON:-python3}"
LOG="${OUT%/}.log"
mkdir -p "$OUT"
export CI=1 NO_COLOR=1

start=$(date +%s)
"$PYTHON" -m toolkit validate "$CORPUS" -j "$JOBS" > "$LOG.validate" 2>&1
validate_exit=$?
mid=$(date +%s)
"$PYTHON" -m toolkit build "$CORPUS" --to html,text,pdf -o "$OUT" -j "$JOBS" --force \
    > "$LOG.build" 2>&1
build_exit=$?
end=$(date +%s)

echo "validate: exit $validate_exit in $((mid - start)) s; $(grep "file(s) checked" "$LOG.validate" | tail -n 1)"
echo "build:    exit $build_exit in $((end - mid)) s; $(tail -n 1 "$LOG.build")"
echo "failed documents (build):"
grep -E ': error: ' "$LOG.build" | sed 's/^/  /'
if grep -q Traceback "$LOG.validate" "$LOG.build"; then
    echo "TRACEBACK found: see $LOG.validate / $LOG.build" >&2
    exit 1
fi
exit 0
