"""Check tests/relaxng_cases.py against jing (a developer's tool, not a test: jing is only
the yardstick). Run: ``python3 tests/relaxng_cases_vs_jing.py``; prints each difference."""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from relaxng_cases import CASES, schema_text  # noqa: E402


def main() -> int:
    differences = 0
    with tempfile.TemporaryDirectory() as tmp:
        schema, doc = Path(tmp) / "s.rng", Path(tmp) / "d.xml"
        for case, (_, _, documents) in CASES.items():
            schema.write_text(schema_text(case), encoding="utf-8")
            for text, expected in documents.items():
                doc.write_text(text, encoding="utf-8")
                out = subprocess.run(["jing", str(schema), str(doc)], capture_output=True,
                                     text=True).stdout
                found = [(int(line), int(col), msg) for line, col, msg in
                         re.findall(r":(\d+):(\d+): error: (.*)", out)]
                got = sorted((line, col) for line, col, _ in found)
                want = sorted((line, col) for line, col, _ in expected)
                words_ok = all(any(w in msg for l2, c2, msg in found if (l2, c2) == (l, c))
                               for l, c, w in expected)
                if got != want or not words_ok:
                    differences += 1
                    print(f"{case}: {text!r}\n  jing: {found}\n  case: {expected}")
    print(f"{differences} difference(s)")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
