"""Shared fixtures: where things are, and a way to run the CLI as a user would."""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: ../shared beside the checkout; TEI_EDITION_SHARED names it for a checkout elsewhere (a git
#: worktree, a CI cache).
SHARED = Path(os.environ.get("TEI_EDITION_SHARED") or ROOT.parent / "shared")
CORPUS = SHARED / "corpus"
TELEGRAM = ROOT / "tei" / "telegram-1953-03-29.xml"


def pytest_addoption(parser):
    parser.addoption("--update-snapshots", action="store_true", default=False,
                     help="rewrite the style guide's snapshots (tests/test_styleguide.py) after a reviewed change")


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


def shared_missing(part: str = "corpus") -> str | None:
    """Why a test reading ``part`` of ../shared cannot run here, or None when it can.

    ../shared is the project's shared data folder beside the checkout (seeds, corpus,
    schemas/tei_all), not part of the repository; the reason says so, so that a skipped
    test tells a new user where the data comes from."""
    if (SHARED / part).exists():
        return None
    where = "../shared" if "TEI_EDITION_SHARED" not in os.environ else str(SHARED)
    return (f"{where}/{part} is not available (../shared is the project's shared data folder "
            "beside the checkout; TEI_EDITION_SHARED names another)")


def need_shared(part: str = "corpus") -> None:
    """Skip a test that reads ``part`` of ../shared when the checkout has no such sibling."""
    reason = shared_missing(part)
    if reason:
        pytest.skip(reason)


def needs_shared(part: str = "corpus"):
    """The marker form of :func:`need_shared`."""
    reason = shared_missing(part)
    return pytest.mark.skipif(reason is not None, reason=reason or "")


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


@dataclass(frozen=True)
class CorpusBuild:
    """``tei-edition build`` of the whole corpus to HTML and text, run once per test run."""

    out: Path
    returncode: int
    stderr: str

    def output(self, source: Path, suffix: str) -> Path:
        """Where the build wrote the ``suffix`` output of the corpus file ``source``."""
        stem = source.relative_to(CORPUS).with_suffix("")
        return self.out / stem.with_name(stem.name + suffix)

    def lines(self, source: Path) -> list[str]:
        """What the build printed about ``source``."""
        return [line for line in self.stderr.splitlines() if line.startswith(f"{source}:")]


#: the tests that read the corpus build run in one xdist worker (see pyproject's addopts)
CORPUS_BUILD_GROUP = pytest.mark.xdist_group("corpus-build")


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory) -> CorpusBuild:
    """The corpus built once for every test that needs its HTML or text (shared by xdist
    workers through a lock: the first builds, the others read what it recorded)."""
    need_shared()
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    out, record = shared / "corpus-build", shared / "corpus-build.json"
    with open(shared / "corpus-build.lock", "a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        if not record.is_file():
            result = run_cli("build", str(CORPUS), "--to", "html,text", "-o", str(out),
                             "-j", "2", timeout=1800)
            record.write_text(json.dumps({"returncode": result.returncode,
                                          "stderr": result.stderr}))
    data = json.loads(record.read_text())
    return CorpusBuild(out, data["returncode"], data["stderr"])
