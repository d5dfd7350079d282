"""The markup assistant measured: names whose tags were removed are found again and
`annotate --apply` puts back the same @ref (see toolkit/annotate/evaluate.py)."""

from __future__ import annotations

import random

import pytest

from conftest import CORPUS, TELEGRAM, need_shared, run_cli
from toolkit.annotate.evaluate import Score, trial

#: Swedish plays of the shared corpus (DraCor): cast lists in back/listPerson, persName
#: @ref in speeches and stage directions. A fixed sample keeps the suite fast; the
#: benchmark runs all of them.
PLAYS = ["strindberg-marodorer.xml", "leffler-sanna-kvinnor.xml", "topelius-z-krypskyttarne.xml"]


def _cli_apply(path, registers=()):
    args = ["annotate", str(path), "--apply", "-q"]
    for register in registers:
        args += ["--registers", str(register)]
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("seed", range(5))
def test_telegram_with_ten_name_tags_removed_gets_nine_back(tmp_path, seed):
    """Done when: on copies of the telegram with 10 random name tags removed,
    `annotate --apply` restores at least 9 with the original @ref."""
    score = trial(TELEGRAM, tmp_path, 10, random.Random(seed), apply=_cli_apply)
    assert score.removed == 10
    assert score.restored >= 9, score.misses
    assert score.wrong == 0 and score.false_positives == 0, score


def test_telegram_sample_precision_and_recall(tmp_path):
    total = Score()
    for seed in range(100, 110):
        total.add(trial(TELEGRAM, tmp_path / str(seed), 10, random.Random(seed)))
    assert total.recall >= 0.95, total.misses
    assert total.precision >= 0.98, total


@pytest.mark.corpus
def test_swedish_plays_cast_lists(tmp_path):
    need_shared()
    total = Score()
    for name in PLAYS:
        total.add(trial(CORPUS / "swedracor" / "tei" / name, tmp_path / name, 30,
                        random.Random(7)))
    # DraCor tags descriptions and pronouns too ("min mor", "Han"); proper names are the
    # assistant's job, and what it tags must be right.
    assert total.removed_names >= 40
    assert total.name_recall >= 0.8, total.misses
    assert total.precision >= 0.97, total
