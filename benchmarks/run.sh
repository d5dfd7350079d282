#!/usr/bin/env bash
# Reproduce every benchmark figure of the README: runs each benchmarks/bench_*.py in turn
# (build, validate, pdf, and any added later), each writing benchmarks/results/<name>.json
# and printing its Markdown table. Extra arguments are passed to every benchmark
# (e.g. a corpus path). Exit status: non-zero if any benchmark failed.
set -u
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
status=0
for bench in benchmarks/bench_*.py; do
    echo "## $(basename "$bench" .py)"
    echo
    if ! "$PYTHON" "$bench" "$@"; then
        echo "$bench failed" >&2
        status=1
    fi
    echo
done
exit $status
