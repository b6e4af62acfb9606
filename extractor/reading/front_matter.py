"""A Markdown copy's YAML front matter, read as the page fields it stands for.

Crawler exports and note-taking tools put the page's metadata at the top of a Markdown file
between ``---`` lines (``title:``, ``date:``, ``region:``). The block is replaced by the lines a
government page shows under its headline (the title, ``发布日期:``, ``文号:``, ``地区:``, and
``来源:`` for the site a page title ``标题_栏目_站点`` names), which the metadata reader knows;
keys the field list (``data/front_matter_fields.txt``) does not name are dropped.

>>> print(page_fields("---\\ntitle: 农机补贴操作要求_实施情况_乌达区人民政府\\ndate: '2024-08-22'\\n"
...                   "region:\\n  name: 乌海市乌达区\\n---\\n# 正文"))
农机补贴操作要求
发布日期:2024-08-22
地区:乌海市乌达区
来源:乌达区人民政府
<BLANKLINE>
# 正文
>>> page_fields("---\\n: not yaml [\\n---\\n正文")
'---\\n: not yaml [\\n---\\n正文'
"""
from __future__ import annotations

import datetime
import re
from functools import lru_cache

import yaml

from extractor.lexicon import rows

FRONT_MATTER = re.compile(
    r"""\A\ufeff?---[ \t]*\r?\n        # the opening fence on the first line
        (?P<body>.{0,8000}?)           # the block, bounded
        \r?\n---[ \t]*(?:\r?\n|\Z)     # the closing fence
    """,
    re.VERBOSE | re.DOTALL,
)
TITLE_PIECES = re.compile(r"\s*[_|]\s*|\s+-\s+")  # 标题_栏目_站点, 标题 | 站点, 标题 - 站点
FIELD_NAMES = {"date": "发布日期", "number": "文号", "region": "地区"}


@lru_cache(maxsize=1)
def _fields() -> dict[str, str]:
    return {key.lower(): field for key, field in rows("front_matter_fields.txt")}


def page_fields(text: str) -> str:
    """``text`` with a leading YAML front matter written as page field lines."""
    found = FRONT_MATTER.match(text)
    if found is None:
        return text
    try:
        block = yaml.safe_load(found.group("body"))
    except yaml.YAMLError:
        return text
    if not isinstance(block, dict):
        return text
    return "\n".join(_lines(block)) + "\n\n" + text[found.end():]


def _lines(block: dict) -> list[str]:
    """The page field lines of a front matter's known keys, the headline first."""
    values = {}
    for key, value in block.items():
        field = _fields().get(str(key).lower())
        value = _value(value)
        if field and value and field not in values:
            values[field] = value
    pieces = [p for p in TITLE_PIECES.split(values.pop("title", "")) if p]
    lines = pieces[:1] + [f"{FIELD_NAMES[field]}:{value}" for field, value in values.items()]
    return lines + ([f"来源:{pieces[-1]}"] if len(pieces) > 1 else [])


def _value(value) -> str:
    """A field's text: a date as ISO, a mapping by its name, a list by its first item."""
    if isinstance(value, dict):
        value = value.get("name")
    elif isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, (datetime.date, datetime.datetime)):
        value = value.isoformat()[:10]
    return str(value).strip() if value is not None else ""
