"""What a validation run is asked to do, as one value both commands build.

Kept apart from the planner and the engines (it imports nothing heavy), so that ``build``
can carry validation options to its workers without loading any schema engine unless
``--validate`` is on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: seconds a schema (RELAX NG) may take to compile before it is given up for the run
DEFAULT_TIMEOUT = 60.0


@dataclass(frozen=True)
class ValidationOptions:
    """What to validate against and how; empty ``schemas`` and ``rules`` mean "find them"."""

    schemas: tuple[Path, ...] = ()
    rules: tuple[Path, ...] = ()
    catalogs: tuple[Path, ...] = ()
    schema_dir: Path | None = None
    checks: bool = True
    schema_timeout: float = DEFAULT_TIMEOUT
    unavailable: str = "error"
    phase: str | None = None
    origin: str = "command line"
    use_env_catalogs: bool = True
    suggest: bool = False  # also report untagged mentions of register entries (annotate)
