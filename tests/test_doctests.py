"""The runnable examples in the package's docstrings."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import extractor

MODULES = sorted(
    info.name for info in pkgutil.walk_packages(extractor.__path__, "extractor.")
    if not info.name.endswith("__main__")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
