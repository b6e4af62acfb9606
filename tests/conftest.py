"""Shared fixtures: small real policy texts written to disk, and a CLI runner."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.cli import cli

#: Where the dev-gold scores are kept for the end-of-run summary.
GOLD_FIGURES = pytest.StashKey[str]()


def pytest_terminal_summary(terminalreporter, config):
    figures = config.stash.get(GOLD_FIGURES, None)
    if figures:
        terminalreporter.write_sep("-", "extraction quality on the gold sets (tests/gold)")
        terminalreporter.write_line(figures)

PLAN = """深泽县义务教育优质均衡发展实施方案
为推进义务教育优质均衡发展,结合我县实际,制定本方案。
一、工作目标
到2025年,全县小学、初中所有班级学生数分别不超过45人、50人。
二、主要任务
(一)加强教师队伍建设。教师5年360学时培训完成率达到100%。县教育局要加强统筹。
(二)改善办学条件。特殊教育学校生均公用经费不低于6000元。
三、保障措施
加强组织领导,县财政局负责落实经费。
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def invoke(runner):
    """Run ``policy ARGS...`` in-process and return click's Result."""
    def run(*args: str):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return run


@pytest.fixture
def plan_text() -> str:
    return PLAN


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "files" / "深泽县方案.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PLAN, encoding="utf-8")
    return path
