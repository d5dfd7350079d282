"""Shared fixtures: where things are, and a way to run the CLI as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: ../shared beside the checkout; TEI_EDITION_SHARED names it for a checkout elsewhere (a git
#: worktree, a CI cache).
SHARED = Path(os.environ.get("TEI_EDITION_SHARED") or ROOT.parent / "shared")
CORPUS = SHARED / "corpus"
TELEGRAM = ROOT / "tei" / "telegram-1953-03-29.xml"


@pytest.fixture(autouse=True, scope="session")
def _own_schema_cache(tmp_path_factory):
    """The tests prepare RELAX NG schemas into a cache folder of their own (inherited by
    the CLI subprocesses), never into the user's ~/.cache."""
    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if previous is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = previous


def need_shared() -> None:
    """Skip a test that reads ../shared when the checkout has no such sibling."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not available")


@pytest.fixture
def corpus() -> Path:
    need_shared()
    return CORPUS


@pytest.fixture
def telegram() -> Path:
    return TELEGRAM


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 600,
            env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m toolkit ARGS`` in a subprocess, as a user's shell would."""
    full_env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", **(env or {})}
    return subprocess.run([sys.executable, "-m", "toolkit", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def cli():
    return run_cli
