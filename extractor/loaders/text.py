"""Plain-text files in any encoding researchers meet (UTF-8/16, GB18030/GBK, Big5)."""
from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from . import LoadError, LoadedFile


def decode_bytes(data: bytes) -> str:
    """Decode ``data`` with the encoding charset-normalizer finds most likely."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise LoadError("cannot detect the text encoding")
    return str(best)


def read_text_file(path: Path) -> LoadedFile:
    return LoadedFile(raw_text=decode_bytes(path.read_bytes()), format="txt")
