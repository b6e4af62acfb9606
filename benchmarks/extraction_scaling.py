"""Print how extraction time grows on hostile shapes of text: it must grow linearly.

usage: python benchmarks/extraction_scaling.py [SIZE]   (default: 1,000,000 characters)

For each shape (one long line full of figures, a flood of outline labels, a flood of task tags,
a long unit list, a table of many rows, lines shattered at every number, flattened tables, a text
whose line breaks were lost, labels whose predecessors never come) the script extracts a text of SIZE/2 and of SIZE
characters, in one run on this machine, and prints the ratio of the times: about 2 means linear,
about 4 quadratic.
"""
from __future__ import annotations

import sys
import time

from extractor.extraction.pipeline import extract_file

SHAPES = {
    "one line of figures": "新建学校3所,投入资金50万元,",
    "outline labels": "(一)",
    "numbered items": "1.加强领导。",
    "task tags": "(责任单位:县教育局)",
    "unit list": "县教育局、",
    "table rows": "1 | 新建学校3所 | 县教育局 | 2024年6月\n",
    "shattered lines": "补贴\n3\n元,\n",
    "flattened table": "序号\n工作任务\n牵头单位\n1\n新建学校\n县教育局\n2\n改造操场\n县财政局\n",
    "lost line breaks": "第一条  为加强管理,制定本办法。一、总体要求(一)目标。1.建校。2.扩校。附件1",
    "labels, no predecessor": "2.加强领导。三、完善制度。",
}


def seconds(text: str) -> float:
    started = time.perf_counter()
    extract_file(text)
    return time.perf_counter() - started


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    extract_file("一、目标\n到2025年,新建学校3所。\n二、任务\n(一)县教育局要加强领导。\n")  # load word lists once
    print(f"{'shape':22s} {'chars':>10s} {'half s':>8s} {'full s':>8s} {'ratio':>6s}")
    for name, piece in SHAPES.items():
        half, full = (piece * (n // len(piece)) for n in (size // 2, size))
        t_half, t_full = seconds(half), seconds(full)
        print(f"{name:22s} {len(full):10,d} {t_half:8.2f} {t_full:8.2f} {t_full / t_half:6.2f}", flush=True)


if __name__ == "__main__":
    main()
