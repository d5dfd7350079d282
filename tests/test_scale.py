"""Corpus scale: outputs independent of --jobs, incremental rebuilds, atomic writes under
SIGKILL, bounded memory, and the whole shared corpus without a traceback.

Outputs are compared byte for byte, PDFs included: WeasyPrint writes no creation date or
random document id unless the HTML asks for one, and the stylesheets build anchors from
xml:id or document order (never ``generate-id()``, whose values depend on how many
documents a Saxon process parsed before).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import CORPUS, CORPUS_BUILD_GROUP, ROOT, TELEGRAM, need_shared, run_cli
from toolkit.build.manifest import MANIFEST_NAME

SMALL_CORPUS = [
    "frus-history/documents/1957-03-21-kennan-to-leopold.xml",
    "dracor-validate-action/tei/valid.xml",
    "swedracor/tei/agrell-hvarfor.xml",
    "stylesheets/ss_Test_testxi.xml",
    "stylesheets/testxi-inc.xml",
]


def _outputs(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def _sample(tmp_path: Path, with_corpus: bool = True) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(TELEGRAM, src / "telegram.xml")
    text = TELEGRAM.read_text("utf-8")
    for i in range(3):
        (src / f"variant-{i}.xml").write_text(text.replace("</body>", f"<p>Variant {i}.</p></body>"),
                                              "utf-8")
    (src / "broken.xml").write_text("<TEI><text>unclosed</TEI>", "utf-8")
    if with_corpus and CORPUS.is_dir():
        for relative in SMALL_CORPUS:
            if (CORPUS / relative).is_file():
                target = src / "corpus" / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(CORPUS / relative, target)
    return src


def _messages(stderr: str) -> list[str]:
    """Findings only: no progress lines, no summary (it carries timings)."""
    return [ln for ln in stderr.splitlines()
            if ": error:" in ln or ": warning:" in ln or ": info:" in ln]


@pytest.fixture(scope="module")
def jobs_runs(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("jobs")
    src = _sample(tmp_path)
    runs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out-j{jobs}"
        result = run_cli("build", str(src), "--to", "html,text,pdf", "-o", str(out), "-j", jobs,
                         timeout=900)
        assert result.returncode == 1, result.stderr  # broken.xml
        assert "Traceback" not in result.stderr
        runs[jobs] = (out, _outputs(out), _messages(result.stderr))
    return runs


@pytest.mark.slow
def test_outputs_and_messages_do_not_depend_on_jobs(jobs_runs):
    (_, files1, messages1), (_, files2, messages2) = jobs_runs["1"], jobs_runs["2"]
    assert files1.keys() == files2.keys()
    assert len(files1) >= 12
    assert [name for name in files1 if files1[name] != files2[name]] == []
    assert messages1 == messages2


def _summary(stderr: str) -> str:
    return [ln for ln in stderr.splitlines() if "document(s):" in ln][-1]


def test_incremental_rebuilds_only_what_changed(tmp_path):
    src = _sample(tmp_path, with_corpus=False)
    out = tmp_path / "out"
    build = lambda *extra: run_cli("build", str(src), "--to", "html,text", "-o", str(out),  # noqa: E731
                                   *extra)
    first = build()
    assert "4 built, 0 up to date (skipped), 1 failed" in _summary(first.stderr)
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    assert len(manifest["sources"]) == 4  # failures are not recorded: retried next time

    again = build()
    assert "0 built, 4 up to date (skipped), 1 failed" in _summary(again.stderr)

    os.utime(src / "telegram.xml")  # new mtime, same content: still up to date
    assert "0 built, 4 up to date" in _summary(build().stderr)

    with open(src / "variant-0.xml", "a", encoding="utf-8") as handle:
        handle.write("\n<!-- edited -->\n")
    (out / "variant-1.txt").unlink()
    assert "2 built, 2 up to date" in _summary(build().stderr)

    assert "4 built, 0 up to date" in _summary(build("--param", "lang=de").stderr)
    assert "0 built, 4 up to date" in _summary(build("--param", "lang=de").stderr)
    assert "4 built, 0 up to date" in _summary(build("--force").stderr)
    assert "4 built, 0 up to date" in _summary(build("--to", "text").stderr)

    (src / "variant-2.xml").unlink()
    gone = build("--to", "text")
    assert "variant-2.xml: source no longer exists" in gone.stderr
    assert (out / "variant-2.txt").is_file()  # left in place


def test_a_user_stylesheet_and_what_it_imports_are_part_of_the_configuration(tmp_path):
    src = tmp_path / "doc.xml"
    shutil.copy(TELEGRAM, src)
    helper = tmp_path / "helper.xsl"
    helper.write_text('<xsl:stylesheet version="3.0" '
                      'xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>')
    mine = tmp_path / "mine.xsl"
    mine.write_text(f'<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                    f'<xsl:import href="{(ROOT / "xslt" / "text.xsl").as_uri()}"/>'
                    '<xsl:include href="helper.xsl"/></xsl:stylesheet>')
    args = ("build", str(src), "--to", "text", "-o", str(tmp_path / "out"),
            "--stylesheet", f"text={mine}")
    assert "1 built" in _summary(run_cli(*args).stderr)
    assert "1 up to date" in _summary(run_cli(*args).stderr)
    helper.write_text(helper.read_text() + "\n<!-- changed -->")
    assert "1 built" in _summary(run_cli(*args).stderr)


def test_noop_rebuild_imports_neither_saxon_nor_weasyprint(tmp_path):
    src = _sample(tmp_path, with_corpus=False)
    (src / "broken.xml").unlink()
    out = tmp_path / "out"
    assert run_cli("build", str(src), "--to", "html,text", "-o", str(out)).returncode == 0
    code = ("import sys\nfrom toolkit.cli import cli\n"
            "try:\n    cli.main([" + ", ".join(repr(a) for a in
                                        ("build", str(src), "--to", "html,text", "-o", str(out)))
            + "], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('saxonche', 'weasyprint') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stdout + result.stderr


def test_a_second_build_into_the_same_folder_is_refused_while_one_runs(tmp_path):
    import fcntl

    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".tei-edition.lock", "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        result = run_cli("build", str(TELEGRAM), "--to", "text", "-o", str(out))
    assert result.returncode == 2
    assert "another build is writing to this output folder" in result.stderr


@pytest.mark.slow
def test_killing_a_build_leaves_old_or_new_outputs_only(tmp_path):
    """SIGKILL a build at random moments: every output is byte-identical to the previous
    build's or to the new one's, the manifest is one of the two, and the next run removes
    any temporary ``.part`` file."""
    src = tmp_path / "src"
    src.mkdir()
    text = TELEGRAM.read_text("utf-8")
    docs = 6
    for i in range(docs):
        (src / f"doc-{i}.xml").write_text(text.replace("</body>", f"<p>Old {i}.</p></body>"))
    args = ("--to", "html,text,pdf", "-j", "2")
    old_out = tmp_path / "old"
    assert run_cli("build", str(src), "-o", str(old_out), *args).returncode == 0
    old = _outputs(old_out)
    old_manifest = (old_out / MANIFEST_NAME).read_text()
    for i in range(docs):
        (src / f"doc-{i}.xml").write_text(text.replace("</body>", f"<p>New {i}.</p></body>"))
    new_out = tmp_path / "new"
    assert run_cli("build", str(src), "-o", str(new_out), *args).returncode == 0
    new = _outputs(new_out)
    new_manifest = (new_out / MANIFEST_NAME).read_text()
    assert old.keys() == new.keys() and all(old[k] != new[k] for k in old if k.endswith(".txt"))

    rng = random.Random(20260329)
    env = {**os.environ, "NO_COLOR": "1"}
    for attempt in range(4):
        out = tmp_path / f"killed-{attempt}"
        shutil.copytree(old_out, out)
        process = subprocess.Popen([sys.executable, "-m", "toolkit", "build", str(src), "-o",
                                    str(out), *args], cwd=ROOT, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        time.sleep(rng.uniform(0.5, 4.0))
        os.killpg(process.pid, signal.SIGKILL)  # the build and its workers
        process.wait()
        now = _outputs(out)
        assert now.keys() == old.keys()
        for name, data in now.items():
            assert data in (old[name], new[name]), f"attempt {attempt}: {name} is torn"
        assert (out / MANIFEST_NAME).read_text() in (old_manifest, new_manifest)
        # the next build finishes the job and leaves no temporary file behind
        assert run_cli("build", str(src), "-o", str(out), *args).returncode == 0
        assert _outputs(out) == new
        assert not [p for p in out.rglob("*.part")]


@pytest.mark.slow
def test_largest_corpus_novel_builds_within_bounded_memory(tmp_path):
    """The largest ELTeC novel to HTML, text and PDF: peak RSS of the build well under 1.5 GB."""
    need_shared()
    novel = max((CORPUS / "ELTeC-eng").rglob("*.xml"), key=lambda p: p.stat().st_size)
    code = f"""
import resource, subprocess, sys
result = subprocess.run([sys.executable, "-m", "toolkit", "build", {str(novel)!r}, "--to",
                         "html,text,pdf", "-o", {str(tmp_path / 'out')!r}, "-j", "1"],
                        capture_output=True, text=True)
print(result.returncode)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(result.stderr)
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, timeout=900)
    returncode, kib, stderr = result.stdout.split("\n", 2)
    assert returncode == "0", stderr
    assert int(kib) < 1536 * 1024, f"peak RSS {int(kib) // 1024} MB"


@pytest.mark.corpus
@pytest.mark.slow
@CORPUS_BUILD_GROUP
def test_whole_corpus_builds_without_traceback_and_noop_is_fast(corpus_build):
    out = corpus_build.out
    assert "Traceback" not in corpus_build.stderr
    summary = _summary(corpus_build.stderr)
    failed = int(summary.split(" failed")[0].rsplit(" ", 1)[-1])
    errors = [ln for ln in corpus_build.stderr.splitlines() if ": error:" in ln]
    assert failed <= len(errors), "every failed document is explained"
    assert failed < 10, summary
    # nothing is rebuilt (its speed is measured in benchmarks/bench_build.py, and
    # test_noop_rebuild_imports_neither_saxon_nor_weasyprint keeps it cheap)
    again = run_cli("build", str(CORPUS), "--to", "html,text", "-o", str(out), timeout=120)
    assert f"{failed} failed" in _summary(again.stderr)
    assert "0 built" in _summary(again.stderr)
