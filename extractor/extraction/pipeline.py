"""The spaCy pipeline: a blank ``zh`` model whose components read the document model in turn.

The ``Doc`` carries the document: ``doc._.view`` (text, masked text, sentences, blocks, outline,
tables and task tags, found once), ``doc._.meta`` and ``doc._.frames``. Each component reads what
earlier ones found — the frames date the deadlines, the deadlines and frames date the targets, the
tables give measures' titles, units and times — and stores its records as ``doc.spans[NAME]``
(every span carries its record in ``span._.record``). Tokens are lines, not characters: a span
only needs to cover its record.

>>> nlp = build_pipeline()
>>> nlp.pipe_names
['policy_metadata', 'policy_structure', 'policy_frames', 'policy_outline', 'policy_deadlines', 'policy_targets', 'policy_responsibilities']
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from extractor.extraction.deadlines import extract_deadlines
from extractor.extraction.horizons import dash_list_frames, task_row_frames, with_horizons
from extractor.extraction.keywords import measure_keywords
from extractor.extraction.localities import apply_locality_override
from extractor.extraction.metadata import extract_metadata
from extractor.extraction.responsibilities import extract_responsibilities
from extractor.extraction.table_records import table_responsibilities, table_targets, task_titles, time_spans
from extractor.extraction.targets import extract_targets
from extractor.extraction.targets_context import condition_spans
from extractor.lexicon import BRACKETED_YEAR
from extractor.models import DocumentMeta, DocumentPart, Extraction
from extractor.reading.front_matter import page_fields
from extractor.reading.normalize import normalize
from extractor.reading.shattered import join_shattered_lines
from extractor.reading.unbroken import restore_line_breaks
from extractor.reading.wrapped import join_hard_wrapped
from extractor.structure.cell_lines import rejoin_cell_tables
from extractor.structure.document import read_document
from extractor.structure.frames import Frame, find_frames
from extractor.structure.outline import measures_of
from extractor.structure.parts import split_documents

SPAN_KEYS = ("measures", "targets", "deadlines", "responsibilities")
COMPONENTS = ("policy_metadata", "policy_structure", "policy_frames", "policy_outline", "policy_deadlines",
              "policy_targets", "policy_responsibilities")
DOC_NUMBER_YEAR = re.compile(BRACKETED_YEAR)  # the bracketed year of a 文号
YEAR_DIGITS = re.compile(r"(?:19|20)\d{2}")  # the year inside it
LINE_TOKEN = re.compile(r"[^\n]*\n|[^\n]+")  # a line and its line break

for name in ("record", "meta", "view", "frames"):
    target = Span if name == "record" else Doc
    if not target.has_extension(name):
        target.set_extension(name, default=None)


def _attach(doc: Doc, key: str, records) -> Doc:
    """Store ``records`` under ``key``: all in ``doc.user_data``, those that align as spans."""
    doc.user_data.setdefault("records", {})[key] = tuple(records)
    spans = []
    for record in records:
        span = doc.char_span(record.start, record.end, alignment_mode="expand")
        if span is not None:
            span._.record = record
            spans.append(span)
    doc.spans[key] = spans
    return doc


def _records(doc: Doc, key: str) -> tuple:
    return doc.user_data["records"][key]


def document_text(raw_text: str) -> str:
    """The text every component reads: a Markdown front matter as page fields, normalised, lost
    line breaks put back, wrapped lines and shattered lines joined, and tables flattened to one
    cell a line joined back into rows (before the shattered lines, whose repair would take a
    row's lone number for a stray one)."""
    text = restore_line_breaks(normalize(page_fields(raw_text)))
    return join_shattered_lines(rejoin_cell_tables(join_hard_wrapped(text)))


def _year(meta: DocumentMeta | None) -> int | None:
    """The document's year: of its issue date, else of its 文号 (川监能市场函〔2024〕44号)."""
    if meta and meta.issued_date:
        return int(meta.issued_date[:4])
    numbered = DOC_NUMBER_YEAR.search(meta.doc_number or "") if meta else None
    return int(YEAR_DIGITS.search(numbered.group()).group()) if numbered else None


def _document_year(doc: Doc) -> int | None:
    """The year of the document, else of the one it is attached to."""
    return _year(doc._.meta) or doc.user_data.get("context", {}).get("parent_year")


@Language.component("policy_metadata")
def metadata_component(doc: Doc) -> Doc:
    context = doc.user_data.get("context", {})
    doc._.meta = extract_metadata(doc.user_data["text"], file_text=context.get("file_text", ""),
                                  file_name=context.get("file_name", ""))
    return doc


@Language.component("policy_structure")
def structure_component(doc: Doc) -> Doc:
    doc._.view = read_document(doc.user_data["text"], document_year=_document_year(doc))
    return doc


@Language.component("policy_frames")
def frames_component(doc: Doc) -> Doc:
    meta, view = doc._.meta or DocumentMeta(), doc._.view
    doc._.frames = find_frames(view.text, view.sections, title=meta.title, genre=meta.doc_type,
                               issued_year=_document_year(doc), parent=doc.user_data.get("context", {}).get("parent"))
    return doc


@Language.component("policy_outline")
def outline_component(doc: Doc) -> Doc:
    view = doc._.view
    titles = task_titles(view)
    measures = [replace(m, title=titles.get(m.start, m.title)) for m in measures_of(view.text, view.sections)]
    measures = [replace(m, keywords=measure_keywords(m.title, m.text)) for m in measures]
    return _attach(doc, "measures", measures)


@Language.component("policy_deadlines")
def deadlines_component(doc: Doc) -> Doc:
    view, frames = doc._.view, doc._.frames
    period = frames.document
    plan_start = int(period.first[:4]) if period and period.first else None
    found = extract_deadlines(view.text, masked=view.masked, reference_year=_document_year(doc),
                              year_at=frames.year_at, plan_start=plan_start, stated=time_spans(view),
                              framed_year=frames.framed_year_at, issued=doc._.meta.issued_date if doc._.meta else None)
    return _attach(doc, "deadlines", found)


@Language.component("policy_targets")
def targets_component(doc: Doc) -> Doc:
    view, deadlines = doc._.view, list(_records(doc, "deadlines"))
    genre = doc._.meta.doc_type if doc._.meta else None
    found = extract_targets(view.text, masked=view.masked, sentences=view.sentences, deadlines=deadlines, genre=genre)
    conditions = condition_spans(view.text, view.sections)
    found = [t for t in sorted(found + table_targets(view), key=lambda t: t.start)
             if not any(a <= t.start < b for a, b in conditions)]  # who qualifies, not what is to be met
    row_frames = task_row_frames(view, deadlines) + dash_list_frames(view.text, deadlines)
    found = with_horizons(found, doc._.frames, deadlines, view.sections, row_frames)
    return _attach(doc, "targets", found)


@Language.component("policy_responsibilities")
def responsibilities_component(doc: Doc) -> Doc:
    view = doc._.view
    found = extract_responsibilities(view.text, masked=view.masked, tags=view.tags, sentences=view.sentences)
    listed = {(r.unit, r.start) for r in found}
    found += [r for r in table_responsibilities(view) if (r.unit, r.start) not in listed]
    return _attach(doc, "responsibilities", sorted(found, key=lambda r: (r.start, r.end)))


@lru_cache(maxsize=1)
def build_pipeline() -> Language:
    """A blank Chinese pipeline with the policy components."""
    nlp = spacy.blank("zh")
    nlp.max_length = 20_000_000
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def make_doc(text: str) -> Doc:
    """A ``Doc`` of ``text`` whose tokens are its lines, in a vocabulary of its own without
    lexical attributes: no component reads tokens (a record's span widens to its lines), and a
    shared vocabulary would keep every line ever seen."""
    words = LINE_TOKEN.findall(text) or [" "]
    return Doc(Vocab(lex_attr_getters={}), words=words, spaces=[False] * len(words))


def extract(text: str, *, file_text: str = "", file_name: str = "", parent: Frame | None = None,
            parent_year: int | None = None) -> Extraction:
    """Run the pipeline over one document's normalised text (``parent``, ``parent_year``: the
    period and the year of the document it is attached to)."""
    doc = make_doc(text)
    doc.user_data["text"] = text
    doc.user_data["context"] = {"file_text": file_text, "file_name": file_name, "parent": parent,
                                "parent_year": parent_year}
    for _, component in build_pipeline().pipeline:
        doc = component(doc)
    frames = doc._.frames
    return Extraction(meta=doc._.meta or DocumentMeta(), period=frames.document if frames else None,
                      **doc.user_data["records"])


LOCALITY_FIELDS = ("province", "city", "county", "adcode", "level")


@dataclass(frozen=True)
class ExtractedDocument:
    """One document of a source file and what was extracted from it."""

    part: DocumentPart
    extraction: Extraction


@dataclass(frozen=True)
class FileExtraction:
    """A source file's normalised text and its documents, in file order."""

    text: str
    documents: tuple[ExtractedDocument, ...]


def extract_file(raw_text: str, *, file_name: str = "", locality: str | None = None) -> FileExtraction:
    """Normalise a file's text, split it into its documents and extract each one.

    Parts after the first (attachments, compilation pieces) take their parent's place and
    date, and a title built from the parent's, unless they state their own; an attachment takes
    the period of the first document before it that has one (the notice, else what it issues).
    ``locality`` (an adcode set by the researcher) overrides the locality of every part.

    >>> found = extract_file("关于印发深泽县教育方案的通知\\n深泽县人民政府\\n2023年5月1日\\n附件\\n"
    ...     "学校建设任务表\\n一、小学\\n新建学校3所,全部达到省定办学标准。\\n二、初中\\n扩建学校2所,新增学位1000个。")
    >>> [(d.extraction.meta.title, d.extraction.meta.county) for d in found.documents]
    [('深泽县教育方案', '深泽县'), ('学校建设任务表', '深泽县')]
    """
    text = document_text(raw_text)
    documents = []
    for part in split_documents(text):
        attached = bool(documents) and part.kind == "attachment"
        parent = next((d.extraction.period for d in documents if d.extraction.period), None) if attached else None
        year = _year(documents[0].extraction.meta) if attached else None
        extraction = extract(part.text, file_text=text, file_name=file_name, parent=parent, parent_year=year)
        if documents:
            extraction = replace(extraction, meta=inherit(extraction.meta, documents[0], part, len(documents)))
        if locality:
            extraction = replace(extraction, meta=apply_locality_override(extraction.meta, locality))
        documents.append(ExtractedDocument(part, extraction))
    return FileExtraction(text, tuple(documents))


def inherit(meta: DocumentMeta, parent: ExtractedDocument, part: DocumentPart, number: int) -> DocumentMeta:
    """A part's metadata completed from its parent document's where the part says nothing."""
    own = parent.extraction.meta
    title = meta.title or part.title or (f"{own.title}(附件{number})" if own.title else None)
    changes = {"title": title, "issued_date": meta.issued_date or own.issued_date,
               "issuer": meta.issuer or own.issuer}
    if not any(getattr(meta, name) for name in LOCALITY_FIELDS):
        changes |= {name: getattr(own, name) for name in LOCALITY_FIELDS}
        changes["locality_reason"] = f"from the document it is attached to ({own.locality_reason})"
    return replace(meta, **changes)
