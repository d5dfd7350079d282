"""The executor layer: batches by bytes, the options and configuration that choose an
executor, the install hint without Dask, and a LocalCluster that listens on 127.0.0.1 only."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT, TELEGRAM
from toolkit.core.executors.batches import MAX_ITEMS, Batches
from toolkit.core.executors.forking import asks_for_local_cluster


def test_batches_are_consecutive_cover_every_item_and_hold_about_the_bytes_asked():
    sizes = [10_000] * 50 + [500_000] + [10_000] * 49
    batches = Batches(sizes, workers=2, rate=1e6, fixed_bytes=50_000)
    cut = []
    while (batch := batches.next()) is not None:
        cut.append(batch)
    assert [i for b in cut for i in b] == list(range(100))
    assert all(sum(sizes[i] for i in b) <= 50_000 or len(b) == 1 for b in cut)
    assert [len(b) for b in cut[:3]] == [5, 5, 5]
    assert any(len(b) == 1 and sizes[b[0]] == 500_000 for b in cut)  # a big file goes alone


def test_batch_size_follows_the_measured_rate_and_shrinks_at_the_end():
    batches = Batches([1000] * 10_000, workers=2, rate=1e6)
    first = batches.next()
    assert len(first) == 500  # 0.5 s at the guessed 1 MB/s, 1 KB files
    batches.observe(len(first), 500_000, 5.0)  # measured: ten times slower
    assert len(batches.next()) == 50
    tail = Batches([1000] * 40, workers=2, rate=1e5)
    assert len(tail.next()) == 10  # a quarter of what is left, not all of it


def test_batches_at_the_end_shrink_no_further_than_a_round_trip_is_worth():
    batches = Batches([1000] * 400, workers=2, rate=1e6)  # 0.4 s of work in all
    cut = []
    while (batch := batches.next()) is not None:
        cut.append(len(batch))
    assert cut[:3] == [100, 75, 56]  # a quarter of what is left...
    assert min(cut[:-1]) == 50  # ...down to 0.05 s of work (50 KB at 1 MB/s), not below
    assert sum(cut) == 400
    many = Batches([0] * 2000, workers=1, rate=1e6)
    assert len(many.next()) == MAX_ITEMS


def test_the_forkserver_starts_early_only_for_a_local_cluster_to_come():
    assert asks_for_local_cluster(["validate", "corpus", "--executor", "dask", "-j", "2"])
    assert asks_for_local_cluster(["build", "--executor=dask", "x.xml"])
    assert not asks_for_local_cluster(["validate", "--executor", "dask", "--scheduler", "tcp://h:1"])
    assert not asks_for_local_cluster(["validate", "--executor", "dask", "--scheduler=tcp://h:1"])
    assert not asks_for_local_cluster(["validate", "--executor", "local", "-j", "2"])
    assert not asks_for_local_cluster(["validate", "-j", "2"])
    assert not asks_for_local_cluster(["validate", "--", "--executor", "dask"])  # file names
    assert not asks_for_local_cluster(["validate", "--executor"])


def test_scheduler_needs_the_dask_executor(cli):
    result = cli("validate", str(TELEGRAM), "--scheduler", "tcp://127.0.0.1:1")
    assert result.returncode == 2
    assert "--scheduler needs --executor dask" in result.stderr
    assert "Traceback" not in result.stderr


def test_configuration_chooses_the_executor_build_table_first(tmp_path, cli):
    from toolkit.core.config import load

    cfg = load(tmp_path / "edition.toml", {
        "executor": "dask", "scheduler": "tcp://10.0.0.5:8786", "batch-bytes": 5000,
        "build": {"executor": "local", "return-outputs": True}})
    assert (cfg.executor, cfg.scheduler, cfg.batch_bytes) == ("dask", "tcp://10.0.0.5:8786", 5000)
    assert (cfg.build_executor, cfg.build_scheduler, cfg.build_return_outputs) == (
        "local", "tcp://10.0.0.5:8786", True)
    (tmp_path / "edition.toml").write_text(
        'executor = "dask"\nscheduler = "tcp://10.0.0.5:8786"\n[build]\nexecutor = "local"\n'
        'return-outputs = true\n')
    result = cli("build", str(TELEGRAM), "--to", "text", "-o", str(tmp_path / "out"), "-v",
                 cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "local: 1 process(es)" in result.stderr  # the build table wins; no cluster joined
    assert (tmp_path / "out" / "telegram-1953-03-29.txt").is_file()


def test_configured_executor_must_be_known(tmp_path, cli):
    (tmp_path / "edition.toml").write_text('executor = "spark"\n')
    result = cli("validate", str(TELEGRAM), cwd=tmp_path)
    assert result.returncode == 2
    assert "edition.toml" in result.stderr and "executor must be one of local, dask" in result.stderr


def test_without_dask_the_executor_says_how_to_install_it(tmp_path):
    """Dask hidden (``import distributed`` fails, as in an install without the extra)."""
    hide = ("import sys; sys.modules['distributed'] = None; sys.modules['dask'] = None; "
            "from toolkit.cli import main; sys.argv[0] = 'tei-edition'; main()")
    for args in (["validate", str(TELEGRAM), "--executor", "dask"],
                 ["build", str(TELEGRAM), "--to", "text", "-o", str(tmp_path), "--force",
                  "--executor", "dask"]):
        result = subprocess.run([sys.executable, "-c", hide, *args], cwd=ROOT,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 2, result.stderr
        assert "pip install 'tei-edition[dask]'" in result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "telegram-1953-03-29.txt").exists()


def test_a_local_cluster_listens_on_127_0_0_1_only():
    """... and not on Dask's dashboard port, 8787: a user's own cluster may have it (here
    this test holds it, where it is free), and taking it would print a warning."""
    import socket
    import warnings

    import psutil

    from toolkit.core.executors.dask import DaskExecutor

    me = psutil.Process()
    before = {c.laddr for c in me.net_connections("inet") if c.status == psutil.CONN_LISTEN}
    dashboard = socket.socket()
    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        try:
            dashboard.bind(("127.0.0.1", 8787))
            dashboard.listen()
        except OSError:
            pass  # taken already: the same case
        executor = DaskExecutor(2)
    dashboard.close()
    try:
        processes = [me, *me.children(recursive=True)]
        listening = [c.laddr for p in processes for c in p.net_connections("inet")
                     if c.status == psutil.CONN_LISTEN and c.laddr not in before]
        assert len(processes) >= 3  # this process and two workers
        assert len(listening) >= 3  # the scheduler, the nannies, the workers
        assert {address.ip for address in listening} == {"127.0.0.1"}
        assert 8787 not in {address.port for address in listening}
        assert not [w for w in warned if "already in use" in str(w.message)]
        assert executor.same_folder
        # the workers got the quieter intervals of LOCAL_CONFIG, not Dask's defaults
        ticks = executor.client.run(_tick_interval).values()
        assert set(ticks) == {"500ms"}
    finally:
        executor.close()


def _tick_interval() -> str:
    import dask

    return dask.config.get("distributed.admin.tick.interval")



def test_workers_of_a_local_cluster_run_in_the_folder_it_was_started_in(tmp_path, monkeypatch):
    import os

    from toolkit.core.executors import forking
    from toolkit.core.executors.dask import DaskExecutor

    forking.start()  # where the platform has it, in this folder, before the one below
    monkeypatch.chdir(tmp_path)
    executor = DaskExecutor(2)
    try:
        assert executor.same_folder  # taken as given for a LocalCluster: it must be true
        folders = set(executor.client.run(os.getcwd).values())
        assert {os.path.realpath(f) for f in folders} == {os.path.realpath(tmp_path)}
    finally:
        executor.close()
