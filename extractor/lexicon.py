"""The word lists of ``extractor/data`` and the characters every module shares.

Each word list is a UTF-8 file with a ``#`` header naming its source, then one entry a line
(tab-separated fields where the list has several). This module is their only reader.

>>> "方案" in words("doc_genres.txt")
True
>>> longest_first("doc_genres.txt")[0] != "方案"
True
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"

#: Chinese numerals as they appear in outline labels and quantities.
CN_DIGITS = "〇零一二两三四五六七八九十百千"
#: Marks that end a sentence, and those that end a clause inside one (normalised text: NFKC
#: has made ！？；：， ASCII).
SENTENCE_MARKS = "。!?"
CLAUSE_MARKS = ";:,"
#: CJK unified ideographs (the basic block), for character classes.
HAN = "\u4e00-\u9fff"
#: One outline label of any style (第三条, 一、, (一), (1), 1., ①), for modules that only spot or
#: skip one; ``structure.labels`` decides which labels really open outline items. Full-width
#: brackets are allowed too: loaders read text before it is normalised.
#: Characters that, right after a number, say what it counts (3所, 1.5万, 2025年): no label.
#: The bracketed year of a 文号 (〔2024〕, [2024], (2024)) and the serial number after it.
BRACKETED_YEAR = r"[〔\[【(]\s*(?:19|20)\d{2}\s*[〕\]】)]"
DOC_SERIAL = r"\s*第?\s*\d{1,5}\s*号"
#: What closes a body's letterhead line: 国家能源局文件, 山东省发展和改革委员会公文稿纸.
LETTERHEAD_END = r"(?:文件|公文稿纸)"
COUNTED = "年月日号时分秒个万亿千百元角位名人次家所项条款批类种倍岁周天期届级只台套件座户米吨亩"
LABEL_FRAGMENT = r"""(?:第[ ]?(?:[一二三四五六七八九十百零〇两]{1,5}|\d{1,3})[ ]?(?:[篇章节条款]|部分)  # 第三条, 第二章
    | [一二三四五六七八九十百]{1,3}[ ]?[、.．]                     # 一、
    | [(（][ ]?(?:[一二三四五六七八九十百]{1,3}|\d{1,3})[ ]?[)）]   # (一), (1)
    | \d{1,3}[ ]?[、.．](?!\d)                                    # 1. 1、 (not 2.5)
    | \d{1,2}(?:\.\d{1,2}){1,3}(?![\d.])[ ]?(?![""" + COUNTED + r"""])  # 1.1, 2.3.1 (not 1.5万)
    | \d{1,2}[)）]                                                # 1)
    | [①-⑳⑴-⒇㈠-㈩])"""
#: A line or string that opens with an outline label.
LABEL_AT_START = re.compile(r"^\s*" + LABEL_FRAGMENT, re.VERBOSE)


@lru_cache(maxsize=None)
def entries(name: str) -> tuple[str, ...]:
    """The entries of ``data/NAME`` in file order: stripped lines without the ``#`` header."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def words(name: str) -> frozenset[str]:
    """The entries of ``data/NAME`` as a set."""
    return frozenset(entries(name))


@lru_cache(maxsize=None)
def longest_first(name: str) -> tuple[str, ...]:
    """The distinct entries of ``data/NAME``, longest first (for alternations and prefixes)."""
    return tuple(sorted(set(entries(name)), key=len, reverse=True))


@lru_cache(maxsize=None)
def alternation(name: str) -> str:
    """The entries of ``data/NAME`` as a regex alternation, longest first."""
    return "|".join(map(re.escape, longest_first(name)))


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The entries of a tab-separated ``data/NAME``, each split into its stripped fields."""
    return tuple(tuple(field.strip() for field in line.split("\t")) for line in entries(name))


@lru_cache(maxsize=1)
def unit_name_endings() -> frozenset[str]:
    """Characters a unit's name (or a list of them) can end with: the last characters of the
    organisation endings in ``data/organisation_suffixes.txt``, and of places and levels."""
    endings = {word[-1] for word in entries("organisation_suffixes.txt")}
    return frozenset(endings | set("市州县区旗盟乡镇省里地)”级"))
