"""Normalise policy text: control characters removed, NFKC, traditional -> simplified, converter
pinyin removed, spaces collapsed.

>>> normalize("義務(wù)教育　　優質均衡（草案）")
'义务教育 优质均衡(草案)'
>>> normalize("情形(a)")
'情形(a)'
>>> normalize("班额\\x00不超过\\x1b45人")
'班额不超过45人'
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

PINYIN_ANNOTATION = re.compile(
    r"""(?<=[\u3400-\u9fff])        # right after a Chinese character
        \(
        [a-zü]*                     # a pinyin syllable ...
        [āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ] # ... with a tone mark (so "(a)" or "(pc)" stay)
        [a-zü]*
        \)""",
    re.VERBOSE,
)
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # all but tab and line breaks
HORIZONTAL_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000\ufeff\ue000-\uf8ff]+")  # private-use glyphs of a web font too (1\ue010突破: a lost dot)
SPACE_AROUND_NEWLINE = re.compile(r" *\n *")
MANY_BLANK_LINES = re.compile(r"\n{3,}")


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional -> simplified with OpenCC's ``t2s`` table."""
    return _t2s().convert(text)


def normalize(text: str) -> str:
    """The form every extractor reads; offsets of records refer to this text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = CONTROL_CHARACTERS.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    text = PINYIN_ANNOTATION.sub("", text)
    text = to_simplified(text)
    text = HORIZONTAL_SPACE.sub(" ", text)
    text = SPACE_AROUND_NEWLINE.sub("\n", text)
    return MANY_BLANK_LINES.sub("\n\n", text).strip()
