"""Project configuration for ``tei-edition``: ``[tool.tei-edition]`` in ``pyproject.toml``,
or an ``edition.toml`` (top-level keys), found by walking up from the current folder.

The nearest folder that has either file with tei-edition settings wins (``edition.toml``
before ``pyproject.toml`` in the same folder). Keys may sit at the top of the table, in a
``validate`` sub-table (which wins for validation) or, for the build, in a ``build``
sub-table::

    [tool.tei-edition]
    schemas = ["schemas/edition.rng"]      # grammars for every file (instead of declared ones)
    rules = ["schemas/edition.sch"]        # Schematron for every file
    catalogs = ["catalog.xml"]             # OASIS XML catalogs for remote schema URLs
    schema-dir = "vendor/tei-schemas"      # local copies for the built-in TEI catalog
    fail-on = "error"                      # error | warning | info
    checks = true                          # pointer, xml:id and date checks
    schema-timeout = 60                    # seconds a RELAX NG schema may take to compile
    unavailable = "error"                  # severity when a declared schema cannot be found
    jobs = 1                               # validate's worker processes
    executor = "dask"                      # where validate, build and site run: local | dask
    scheduler = "tcp://10.0.0.5:8786"      # with dask: join this cluster (default: a
                                           # LocalCluster of --jobs processes on 127.0.0.1)
    batch-bytes = 2000000                  # with dask: source bytes per task (default: ~0.5 s)
    validate = true                        # build validates first (build --validate)
    registers = ["tei/registers.xml"]      # register files every document's #id may resolve in
    base-url = "https://example.org/ed/"   # where the edition is published (canonical URLs,
                                           #   the site's sitemap.xml, cmif.xml, JSON-LD)

    [tool.tei-edition.build]
    validate = true                        # the same, where a [validate] table exists
    jobs = 2                               # build's worker processes (default: auto)
    executor = "local"                     # executor, scheduler, batch-bytes: for build only
    return-outputs = true                  # with dask: workers send outputs back to be written

    [tool.tei-edition.site]
    title = "Letters of 1953"              # the site's name (default: the first document's)
    out = "site"                           # where ``tei-edition site`` writes
    jobs = 2                               # its worker processes (default: auto)
    validate = false                       # publish documents without validating them first
    editor = "A. Editor"                   # cmif.xml: the contact person, with
    email = "editor@example.org"           #   an e-mail address
    publisher = "The Brandt Letters Project"  # cmif.xml: who publishes the metadata

Relative paths are relative to the file that names them. A key the toolkit does not know
is an error naming the key and the file (a misspelt ``fail_on`` must not be ignored).
The command line wins over the configuration: the CLI passes these values to click as the
commands' defaults (``default_map``).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from toolkit.core.errors import UsageError

SEVERITY_CHOICES = ("error", "warning", "info")
EXECUTOR_CHOICES = ("local", "dask")
#: where the work runs (:mod:`toolkit.core.executors`): top-level keys apply to every command
EXECUTOR_KEYS = ("executor", "scheduler", "batch-bytes")
#: keys of the top of the table and of its ``validate`` sub-table
VALIDATE_KEYS = ("schemas", "rules", "catalogs", "schema-dir", "fail-on", "checks",
                 "schema-timeout", "unavailable", "jobs") + EXECUTOR_KEYS
#: keys of the top of the table only
TOP_KEYS = ("validate", "registers", "base-url")
#: keys of the ``build`` sub-table
BUILD_KEYS = ("validate", "jobs", "return-outputs") + EXECUTOR_KEYS
#: keys of the ``site`` sub-table
SITE_KEYS = ("title", "out", "jobs", "validate", "editor", "email", "publisher")


@dataclass(frozen=True)
class Config:
    """Settings from a configuration file (all optional)."""

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
    build_validate: bool | None = None
    build_jobs: int | None = None
    #: register files in which every document's ``#id`` pointers may also resolve
    registers: tuple[Path, ...] = ()
    #: ``executor``, ``scheduler``, ``batch-bytes`` for validate (and site) ...
    executor: str | None = None
    scheduler: str | None = None
    batch_bytes: int | None = None
    #: ... and for build (its sub-table over the top of the table)
    build_executor: str | None = None
    build_scheduler: str | None = None
    build_batch_bytes: int | None = None
    build_return_outputs: bool | None = None
    base_url: str | None = None
    site_title: str | None = None
    site_out: Path | None = None
    site_jobs: int | None = None
    site_validate: bool | None = None
    site_editor: str | None = None
    site_email: str | None = None
    site_publisher: str | None = None


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


def _unknown(table: dict, known: tuple[str, ...], where: str, path: Path) -> None:
    for key in table:
        if key not in known:
            raise UsageError(f"unknown configuration key '{where}{key}' (known: "
                             f"{', '.join(known)})", str(path), rule="config")


def load(path: Path, table: dict) -> Config:
    """Check and convert one settings table read from ``path``."""
    sub_validate = table.get("validate") if isinstance(table.get("validate"), dict) else {}
    sub_build = table.get("build") if isinstance(table.get("build"), dict) else {}
    sub_site = table.get("site") if isinstance(table.get("site"), dict) else {}
    top = {k: v for k, v in table.items()
           if not (k in ("validate", "build", "site") and isinstance(v, dict))}
    _unknown(top, VALIDATE_KEYS + TOP_KEYS, "", path)
    _unknown(sub_validate, VALIDATE_KEYS, "validate.", path)
    _unknown(sub_build, BUILD_KEYS, "build.", path)
    _unknown(sub_site, SITE_KEYS, "site.", path)
    merged = {k: v for k, v in top.items() if k not in TOP_KEYS}
    merged.update(sub_validate)
    base = path.resolve().parent

    def fail(message: str) -> UsageError:
        return UsageError(message, str(path), rule="config")

    def paths(key: str, table: dict = merged) -> tuple[Path, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(f"{key} must be a list of paths")
        return tuple((base / v) for v in value)

    def choice(key: str) -> str | None:
        value = merged.get(key)
        if value is not None and value not in SEVERITY_CHOICES:
            raise fail(f"{key} must be one of {', '.join(SEVERITY_CHOICES)}, got {value!r}")
        return value

    def flag(value, key: str) -> bool | None:
        if value is not None and not isinstance(value, bool):
            raise fail(f"{key} must be true or false")
        return value

    def jobs(value, key: str) -> int | None:
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)
                                  or value < 1):
            raise fail(f"{key} must be a positive integer")
        return value

    timeout = merged.get("schema-timeout")
    if timeout is not None and (not isinstance(timeout, (int, float)) or timeout <= 0):
        raise fail("schema-timeout must be a positive number of seconds")
    schema_dir = merged.get("schema-dir")
    if schema_dir is not None and not isinstance(schema_dir, str):
        raise fail("schema-dir must be a path")
    def executor(table: dict) -> tuple[str | None, str | None, int | None]:
        name, scheduler = table.get("executor"), table.get("scheduler")
        if name is not None and name not in EXECUTOR_CHOICES:
            raise fail(f"executor must be one of {', '.join(EXECUTOR_CHOICES)}, got {name!r}")
        if scheduler is not None and not isinstance(scheduler, str):
            raise fail("scheduler must be an address such as tcp://host:8786")
        return name, scheduler, jobs(table.get("batch-bytes"), "batch-bytes")

    build_validate = sub_build.get("validate", top.get("validate"))
    run_on = executor(merged)
    build_on = executor({**{k: top[k] for k in EXECUTOR_KEYS if k in top}, **sub_build})
    base_url = top.get("base-url")
    if base_url is not None and not (isinstance(base_url, str)
                                     and base_url.startswith(("http://", "https://"))):
        raise fail(f"base-url must be an http or https address, got {base_url!r}")

    def text(key: str) -> str | None:
        value = sub_site.get(key)
        if value is not None and not isinstance(value, str):
            raise fail(f"site.{key} must be a string")
        return value

    site_out = text("out")
    return Config(
        path=path,
        schemas=paths("schemas"),
        rules=paths("rules"),
        catalogs=paths("catalogs"),
        schema_dir=(base / schema_dir) if schema_dir is not None else None,
        fail_on=choice("fail-on"),
        checks=flag(merged.get("checks"), "checks"),
        schema_timeout=float(timeout) if timeout is not None else None,
        unavailable=choice("unavailable"),
        jobs=jobs(merged.get("jobs"), "jobs"),
        build_validate=flag(build_validate, "validate"),
        build_jobs=jobs(sub_build.get("jobs"), "build.jobs"),
        registers=paths("registers", top),
        executor=run_on[0], scheduler=run_on[1], batch_bytes=run_on[2],
        build_executor=build_on[0], build_scheduler=build_on[1], build_batch_bytes=build_on[2],
        build_return_outputs=flag(sub_build.get("return-outputs"), "return-outputs"),
        base_url=base_url,
        site_title=text("title"),
        site_out=(base / site_out) if site_out is not None else None,
        site_jobs=jobs(sub_site.get("jobs"), "site.jobs"),
        site_validate=flag(sub_site.get("validate"), "site.validate"),
        site_editor=text("editor"),
        site_email=text("email"),
        site_publisher=text("publisher"),
    )
