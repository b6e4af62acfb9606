"""Turn Chinese local policy documents into data.

The package is layered: ``loaders`` read files into text, the extractor modules
(``outline``, ``metadata``, ``targets``, ``deadlines``, ``responsibilities``) turn
text into frozen records without any I/O, ``pipeline`` wraps them as spaCy
components, and ``store`` writes the records to SQLite.
"""

__version__ = "0.1.0"

#: Recorded on every row; bump when extraction output changes so that
#: ``policy reextract`` knows which documents are stale.
EXTRACTOR_VERSION = "0.1.0"
