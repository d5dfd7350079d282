"""Project configuration for ``tei-edition``: ``[tool.tei-edition]`` in ``pyproject.toml``,
or an ``edition.toml`` (top-level keys), found by walking up from the current folder.

The nearest folder that has either file with tei-edition settings wins (``edition.toml``
before ``pyproject.toml`` in the same folder). Keys may sit at the top of the table or in a
``validate`` sub-table (which wins for the validate command)::

    [tool.tei-edition]
    schemas = ["schemas/edition.rng"]      # grammars for every file (instead of declared ones)
    rules = ["schemas/edition.sch"]        # Schematron for every file
    catalogs = ["catalog.xml"]             # OASIS XML catalogs for remote schema URLs
    schema-dir = "vendor/tei-schemas"      # local copies for the built-in TEI catalog
    fail-on = "error"                      # error | warning | info
    checks = true                          # pointer, xml:id and date checks
    schema-timeout = 60                    # seconds a RELAX NG schema may take to compile
    unavailable = "error"                  # severity when a declared schema cannot be found
    jobs = 1

Relative paths are relative to the file that names them.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.core.errors import UsageError

SEVERITY_CHOICES = ("error", "warning", "info")


@dataclass(frozen=True)
class Config:
    """Validation settings from a configuration file (all optional)."""

    path: Path | None = None
    schemas: tuple[Path, ...] = ()
    rules: tuple[Path, ...] = ()
    catalogs: tuple[Path, ...] = ()
    schema_dir: Path | None = None
    fail_on: str | None = None
    checks: bool | None = None
    schema_timeout: float | None = None
    unavailable: str | None = None
    jobs: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def find_config(start: Path | None = None) -> Config:
    """The configuration that applies in ``start`` (default: the current folder)."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        edition = candidate / "edition.toml"
        if edition.is_file():
            return load(edition, _read(edition))
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            table = _read(pyproject).get("tool", {}).get("tei-edition")
            if isinstance(table, dict):
                return load(pyproject, table)
    return Config()


def _read(path: Path) -> dict:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"configuration is not valid TOML: {exc}", str(path), rule="config") from None
    except OSError as exc:
        raise UsageError(f"cannot read configuration: {exc.strerror or exc}", str(path),
                         rule="config") from None


def load(path: Path, table: dict) -> Config:
    """Check and convert one settings table read from ``path``."""
    merged = {k: v for k, v in table.items() if not isinstance(v, dict)}
    if isinstance(table.get("validate"), dict):
        merged.update(table["validate"])
    base = path.resolve().parent

    def paths(key: str) -> tuple[Path, ...]:
        value = merged.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise UsageError(f"{key} must be a list of paths", str(path), rule="config")
        return tuple((base / v) for v in value)

    def choice(key: str) -> str | None:
        value = merged.get(key)
        if value is None:
            return None
        if value not in SEVERITY_CHOICES:
            raise UsageError(f"{key} must be one of {', '.join(SEVERITY_CHOICES)}, got {value!r}",
                             str(path), rule="config")
        return value

    checks = merged.get("checks")
    if checks is not None and not isinstance(checks, bool):
        raise UsageError("checks must be true or false", str(path), rule="config")
    timeout = merged.get("schema-timeout")
    if timeout is not None and (not isinstance(timeout, (int, float)) or timeout <= 0):
        raise UsageError("schema-timeout must be a positive number of seconds", str(path),
                         rule="config")
    jobs = merged.get("jobs")
    if jobs is not None and (not isinstance(jobs, int) or jobs < 1):
        raise UsageError("jobs must be a positive integer", str(path), rule="config")
    schema_dir = merged.get("schema-dir")
    known = {"schemas", "rules", "catalogs", "schema-dir", "fail-on", "checks", "schema-timeout",
             "unavailable", "jobs"}
    return Config(
        path=path,
        schemas=paths("schemas"),
        rules=paths("rules"),
        catalogs=paths("catalogs"),
        schema_dir=(base / schema_dir) if isinstance(schema_dir, str) else None,
        fail_on=choice("fail-on"),
        checks=checks,
        schema_timeout=float(timeout) if timeout is not None else None,
        unavailable=choice("unavailable"),
        jobs=jobs,
        extra={k: v for k, v in merged.items() if k not in known},
    )
