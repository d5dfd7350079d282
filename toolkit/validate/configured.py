"""Validation options from the project's configuration alone, for the long-running commands.

``validate`` builds its :class:`ValidationOptions` from its flags and the configuration;
``serve`` and ``lsp`` have no such flags, so they take the configuration's schemas, rules,
catalogs and settings as ``validate`` would with no flags given, and otherwise the
documents' own declarations (``<?xml-model?>``, catalogs): the same plan, the same findings.
"""

from __future__ import annotations

from pathlib import Path

from toolkit.core import config as config_module
from toolkit.validate.options import DEFAULT_TIMEOUT, ValidationOptions


def options_for(folder: Path | None = None) -> tuple[ValidationOptions, config_module.Config]:
    """The options ``validate`` would use in ``folder`` (default: the current folder) with no
    flags, and the configuration they came from. Raises ``UsageError`` for a bad file."""
    cfg = config_module.find_config(folder)
    options = ValidationOptions(
        schemas=cfg.schemas,
        rules=cfg.rules,
        catalogs=cfg.catalogs,
        schema_dir=cfg.schema_dir,
        checks=True if cfg.checks is None else cfg.checks,
        schema_timeout=cfg.schema_timeout or DEFAULT_TIMEOUT,
        unavailable=cfg.unavailable or "error",
        origin=f"configuration {cfg.path}" if cfg.path else "")
    return options, cfg


def configured_registers(cfg: config_module.Config) -> tuple[Path, ...]:
    """Register files named by the configuration (``registers = ["tei/registers.xml"]``)."""
    return cfg.registers


def forget_other_files() -> None:
    """Drop what the checks remember of other files (the ids of ``registers.xml``, read
    once per path): a long-running process calls this before checking again, so that an
    edited register file is read afresh."""
    from toolkit.validate.engines.checks import ids

    ids.forget()
