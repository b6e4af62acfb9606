"""A target's horizon: the date by which it is to be met, and where that date comes from.

A target keeps its own sentence's deadline (source ``sentence``) or a table's year (``table``);
otherwise it takes the nearest frame that governs it (``structure.frames``): a task-table row's
time, a heading, a section lead-in, a date carried inside a goal section, the document's period
or its parent's. Targets nothing governs keep no horizon.

>>> from extractor.structure.frames import Frame, Frames
>>> frames = Frames(Frame(0, 100, "2025-12-31", None, "document", ""), (), 2025)
>>> t = Target("新建3所", "新建3所。", 0, 4, "新建", "=", 3.0, None, "所")
>>> with_horizons([t], frames, [], ())[0].deadline
'2025-12-31'
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractor.models import Deadline, Target
from extractor.structure.document import DocumentView
from extractor.structure.frames import Frame, Frames, carried_frames
from extractor.structure.outline import Section

HORIZON_KINDS = ("by", "period")
DASH_ITEM = re.compile(r"[ \t\u3000]*(?:——|—|-{2})")  # ——创新能力。打造…: an item of the list a lead-in opens


def with_horizons(targets: list[Target], frames: Frames, deadlines: list[Deadline],
                  sections: tuple[Section, ...], row_frames: list[Frame] = ()) -> list[Target]:
    """``targets`` with ``deadline`` set to their horizon and ``deadline_source`` to its origin."""
    dated = [(d.start, d.date) for d in deadlines if d.kind in HORIZON_KINDS]
    governing = frames.carried(carried_frames(sections, dated) + list(row_frames))
    found = []
    for target in targets:
        if target.kind == "fact":
            found.append(target)
            continue
        if target.deadline:
            found.append(replace(target, deadline_source=target.deadline_source or "sentence"))
            continue
        frame = governing.horizon(target.start)
        found.append(replace(target, deadline=frame.date, deadline_source=frame.source) if frame else target)
    return found


def task_row_frames(view: DocumentView, deadlines: list[Deadline]) -> list[Frame]:
    """The time cell of a task-table row governs the whole row."""
    frames = []
    for layout in view.tables:
        for row in layout.data_rows:
            times = [c for c in layout.cells(row) if c.role == "deadline"]
            inside = [d for d in deadlines for c in times
                      if c.start <= d.start < c.end and d.kind in HORIZON_KINDS]
            if inside:
                last = max(inside, key=lambda d: d.date)
                frames.append(Frame(row.start, row.end, last.date, None, "table", last.quote))
    return frames


def dash_list_frames(text: str, deadlines: list[Deadline]) -> list[Frame]:
    """A dated lead-in (到2026年,…) governs the ——items on the lines right after its paragraph.

    >>> text = "到2026年,全市水平领先。\\n——创新能力。打造3个平台。\\n——集群发展。培育20家企业。\\n二、任务\\n"
    >>> [(f.date, text[f.start:f.end][-8:]) for f in dash_list_frames(text, [Deadline("到2026年", "", 0, 6, "2026-12-31", None, "year", "by")])]
    [('2026-12-31', '培育20家企业。')]
    """
    frames = []
    for deadline in deadlines:
        if deadline.kind not in HORIZON_KINDS:
            continue
        line_end = text.find("\n", deadline.end)
        end = line_end
        while 0 <= end < len(text) and DASH_ITEM.match(text, end + 1):  # the next line is an item
            following = text.find("\n", end + 1)
            end = following if following >= 0 else len(text)
        if line_end >= 0 and end > line_end:
            frames.append(Frame(deadline.start, end, deadline.date, None, "section", deadline.quote))
    return frames
