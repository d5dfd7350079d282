"""``--executor dask`` from the command line, against ``--executor local`` on a corpus sample.

The sample (:data:`SAMPLE`) is fixed: a few files of each project of ../shared/corpus,
chosen for what they make a run do (declared RELAX NG with embedded Schematron, remote
schemas that are not available, files libxml2 refuses, duplicate ids, dangling
pointers), small enough that a LocalCluster run stays within seconds. ``--batch-bytes``
is small so that the sample is cut into several multi-file batches, whose results must
come back in input order. Reports are compared without their timings (``seconds``), which
no two runs share.

Workers are made to die by the executor's test-only hook (``TEI_EDITION_TEST_KILL_WORKER``:
a worker given a source whose path contains the value SIGKILLs itself; with
``TEI_EDITION_TEST_KILL_ONCE`` only the first time).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import CORPUS, need_shared
from toolkit.core.executors.dask import KILL_ON, KILL_ONCE

SAMPLE = (
    "ELTeC-eng/level1/ENG18931_Harraden.xml",  # eltec-1.rng and its embedded Schematron
    "frus-history/documents/2002-08-19-athens-02867.xml",  # remote TEI-All, not available
    "frus-history/documents/1957-03-21-kennan-to-leopold.xml",
    "stylesheets/ss_Test_testnotes1.xml",
    "stylesheets/p5_P5_Test_testdrama.xml",
    "stylesheets/p5_P5_Test_testchinese.xml",
    "stylesheets/ss_Test_testrend.xml",  # not well-formed
    "swedracor/tei/strindberg-moderskarlek.xml",
    "syriaca-data/data/persons/tei/149.xml",  # an xml:id that is not an NCName
    "syriaca-data/data/spear/tei/3081.xml",  # a duplicate xml:id
    "syriaca-data/data/places/tei/1271.xml",
    "EasternNecropolisofConcordia_EpiDoc_project/inscriptions/alexander.xml",  # dangling refs
    "EasternNecropolisofConcordia_EpiDoc_project/inscriptions/sauma.xml",
    "dracor-schema/tests/tst000008-no-structure.xml",
)
BATCH = "40000"  # bytes: the sample in about ten batches


def sample() -> list[str]:
    need_shared()
    return [str(CORPUS / relative) for relative in SAMPLE]


def report(stdout: str) -> dict:
    """The JSON report without its timings."""
    data = json.loads(stdout)
    data["summary"].pop("seconds")
    for entry in data["files"]:
        entry.pop("seconds")
    return data


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".tei-edition.lock"}


@pytest.fixture(scope="module")
def local_report():
    result = _validate()
    assert result.returncode == 1, result.stderr  # the sample has invalid files
    return report(result.stdout)


def _validate(*extra: str, env: dict | None = None):
    from tests.conftest import run_cli

    return run_cli("validate", *sample(), "--format", "json", "-j", "2", *extra, env=env)


def test_validate_on_dask_reports_what_local_does(local_report):
    result = _validate("--executor", "dask", "--batch-bytes", BATCH, "-v")
    assert result.returncode == 1, result.stderr
    assert report(result.stdout) == local_report
    assert [f["file"] for f in local_report["files"]] == sample()  # input order
    assert "dask: 2 worker thread(s) at LocalCluster tcp://127.0.0.1:" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_poison_document_is_reported_and_the_others_are_not_lost(local_report):
    poison = "p5_P5_Test_testdrama"
    result = _validate("--executor", "dask", "--batch-bytes", BATCH, "-v",
                       env={KILL_ON: poison})
    assert result.returncode == 2, result.stderr  # a document could not be checked
    got = report(result.stdout)
    by_file = {f["file"]: f for f in got["files"]}
    [killed] = [name for name in by_file if poison in name]
    assert [(f["rule"], f["severity"]) for f in by_file[killed]["findings"]] == [("worker", "error")]
    assert "died 2 times" in by_file[killed]["findings"][0]["message"]
    others = [f for f in local_report["files"] if poison not in f["file"]]
    assert [f for f in got["files"] if poison not in f["file"]] == others
    assert "retried file by file (1 file(s) given up)" in result.stderr


def test_build_on_a_running_cluster_survives_a_killed_worker(tmp_path, monkeypatch, cli):
    """``--scheduler`` joins a cluster started elsewhere (here, in the test); one of its
    workers is killed during the build and the outputs are still those of a local build."""
    from distributed import LocalCluster

    sources = sample()
    local = cli("build", *sources, "--to", "html,text", "-o", str(tmp_path / "local"), "-j", "2")
    monkeypatch.setenv(KILL_ON, "ss_Test_testnotes1")
    monkeypatch.setenv(KILL_ONCE, str(tmp_path / "killed-once"))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        dask = cli("build", *sources, "--to", "html,text", "-o", str(tmp_path / "dask"),
                   "--executor", "dask", "--scheduler", cluster.scheduler_address,
                   "--batch-bytes", BATCH, "-v")
        plugins = [name for name in cluster.scheduler.worker_plugins if "tei-edition" in name]
    assert (tmp_path / "killed-once").exists()  # a worker did die
    assert dask.returncode == local.returncode == 1, dask.stderr  # testrend is not well-formed
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")
    assert len(tree(tmp_path / "local")) > 20
    assert not plugins  # the warm-up plugin is removed from a cluster we do not own
    assert "Traceback" not in dask.stderr


def test_build_returns_outputs_when_asked(tmp_path, cli):
    sources = sample()[:5]
    local = cli("build", *sources, "--to", "text", "-o", str(tmp_path / "local"), "-j", "1")
    dask = cli("build", *sources, "--to", "text", "-o", str(tmp_path / "dask"), "-j", "1",
               "--executor", "dask", "--return-outputs")
    assert dask.returncode == local.returncode == 0, dask.stderr
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")


def test_site_on_dask_writes_the_site_a_local_run_writes(tmp_path, cli):
    """Summaries and pages made by Dask workers: the same site, byte for byte, as with
    --executor local (the search index is left out: Pagefind runs here either way)."""
    sources = [s for s in sample() if "testrend" not in s][:6]
    args = ("--downloads", "tei,text", "--no-search", "--no-validate", "-j", "2")
    local = cli("site", *sources, "-o", str(tmp_path / "local"), *args)
    dask = cli("site", *sources, "-o", str(tmp_path / "dask"), *args, "--executor", "dask",
               "--batch-bytes", BATCH)
    assert dask.returncode == local.returncode, dask.stderr
    assert "Traceback" not in dask.stderr
    local_files, dask_files = tree(tmp_path / "local"), tree(tmp_path / "dask")
    assert local_files.keys() == dask_files.keys() and len(local_files) > 6
    def comparable(files: dict[str, bytes]) -> dict[str, bytes]:
        """Without the run's own state, and cmif.xml without the time it was made."""
        stamp = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[+-]\d\d:\d\d|Z)?")
        return {n: stamp.sub(b"TIME", b) if n == "cmif.xml" else b
                for n, b in files.items() if not n.startswith(".")}

    assert comparable(dask_files) == comparable(local_files)


def test_a_cluster_that_stays_up_sees_an_edited_include(tmp_path, cli):
    """The workers of a joined cluster keep what they compiled between commands; a file
    the schema includes is edited between two commands, and the second one reports what
    the edited schema says, as a local run does."""
    from distributed import LocalCluster

    from tests.test_schema_reload import SCHEMAS, _write

    main, part_name, part = SCHEMAS["rng"]
    (tmp_path / "main.rng").write_text(main, encoding="utf-8")
    included = tmp_path / part_name
    included.write_text(part.replace("{}", "a"), encoding="utf-8")
    doc = tmp_path / "doc.xml"
    doc.write_text("<doc><a>x</a></doc>", encoding="utf-8")
    args = ("validate", str(doc), "--schema", str(tmp_path / "main.rng"), "--format", "json")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        joined = ("--executor", "dask", "--scheduler", cluster.scheduler_address)
        first = cli(*args, *joined)
        _write(included, part.replace("{}", "b"))
        second = cli(*args, *joined)
    local = cli(*args)
    assert first.returncode == 0, first.stderr
    assert second.returncode == local.returncode == 1, second.stderr
    assert report(second.stdout) == report(local.stdout)
    rules = [f["rule"] for f in report(second.stdout)["files"][0]["findings"]]
    assert rules and set(rules) == {"relaxng"}  # <a> not allowed, <b> missing
