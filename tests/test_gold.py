"""Extraction quality on the hand-annotated development set, scored like the project's scorer.

The overall figures are printed at the end of the test run; each field must reach its threshold.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.cli import cli
from extractor.evaluate import evaluate, format_report

from conftest import GOLD_FIGURES

GOLD = Path(__file__).parent / "gold"
THRESHOLDS = {"measures": 0.90, "targets": 0.85, "deadlines": 0.90, "responsibilities": 0.80}
METADATA_THRESHOLD = 0.80


@pytest.fixture(scope="module")
def report(tmp_path_factory, pytestconfig) -> dict:
    db = tmp_path_factory.mktemp("gold") / "gold.db"
    result = CliRunner().invoke(cli, ["ingest", str(GOLD / "corpus"), "--db", str(db), "-s"])
    assert result.exit_code == 0, result.output
    scored = evaluate(db, GOLD / "dev")
    pytestconfig.stash[GOLD_FIGURES] = format_report(scored).split("overall\n", 1)[1]
    return scored


def test_every_annotated_file_was_found(report):
    missing = [name for name, entry in report["files"].items() if not entry["documents_found"]]
    assert not missing


@pytest.mark.parametrize("field", list(THRESHOLDS))
def test_field_f1_reaches_threshold(report, field):
    assert report["summary"][field]["f1"] >= THRESHOLDS[field]


def test_metadata_accuracy_reaches_threshold(report):
    assert report["summary"]["metadata"]["accuracy"] >= METADATA_THRESHOLD
