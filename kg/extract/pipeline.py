"""Run the registered extractors over documents and assemble SCHEMA §6 records."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Sequence

from ..document import Document
from ..ingest.normalize import normalize_text
from .base import Context, get_extractor

__all__ = ["DEFAULT_EXTRACTORS", "Pipeline", "extract_document", "extract", "record_fields"]

log = logging.getLogger(__name__)

# Order matters: later extractors read what earlier ones put in ctx.found.
# sections, figure_kinds and problems read the parts of the report and write
# section/kind/period on what metrics and activities found.
DEFAULT_EXTRACTORS = ("organizations", "reporting_org", "slogans", "materials", "metrics", "activities",
                      "sections", "figure_kinds", "problems")

record_fields = (
    "doc_id", "title", "genre", "year", "source", "title_derived", "reporting_org",
    "reporting_org_evidence", "organizations", "activities", "metrics", "slogans", "materials",
    "problems", "sections", "extraction_errors",
)


@dataclass
class Pipeline:
    """An isolated extraction set-up (which extractors, in which order)."""

    extractors: Sequence[str] = field(default=DEFAULT_EXTRACTORS)

    def extract_document(self, doc: Document) -> dict:
        """The SCHEMA §6 record of ``doc``.

        An extractor that raises costs only its own field: the error is
        logged and kept in ``extraction_errors`` (extractor, exception type
        and message), and the document's other extractors still run. One
        sentence a rule chokes on must not take a build down with it.
        """
        _load_extractors()
        ctx = Context.from_document(doc)
        errors = []
        for name in self.extractors:
            extractor = get_extractor(name)
            try:
                ctx.found[name] = extractor(ctx)
            except Exception as err:  # noqa: BLE001 - contained per extractor, reported below
                message = f"{type(err).__name__}: {err}"
                log.warning("%s: extractor %s failed on document %s: %s", doc.source or "-", name, doc.doc_id, message,
                            exc_info=log.isEnabledFor(logging.DEBUG))
                errors.append({"extractor": name, "error": message})
                ctx.found[name] = []
        reporting = ctx.found.get("reporting_org") or []
        return {
            "doc_id": doc.doc_id,
            "title": doc.title,
            "genre": doc.genre,
            "year": doc.year,
            "source": doc.source,
            "title_derived": doc.title_derived,
            "reporting_org": reporting[0]["name"] if reporting else None,
            "reporting_org_evidence": reporting[0] if reporting else None,
            "organizations": ctx.found.get("organizations", []),
            "activities": ctx.found.get("activities", []),
            "metrics": ctx.found.get("metrics", []),
            "slogans": ctx.found.get("slogans", []),
            "materials": ctx.found.get("materials", []),
            "problems": ctx.found.get("problems", []),
            "sections": ctx.found.get("sections", []),
            "extraction_errors": errors,
        }

    def extract_documents(self, docs: Iterable[Document]) -> Iterator[dict]:
        for doc in docs:
            yield self.extract_document(doc)


def _load_extractors() -> None:
    # lazy: importing the modules registers their extractors, and they compile their rules then
    # (0.15 s), which only a document to extract should pay for, not every importer of kg.extract.
    from . import activities, figure_kinds, materials, metrics, orgs, problems, sections, slogans  # noqa: F401


_default = Pipeline()
extract_document = _default.extract_document


def extract(text: str, *, doc_id: str = "text", title: str = "") -> dict:
    """Extract from a bare string (one document), for quick use and tests."""
    return extract_document(Document(doc_id=doc_id, title=title, text=text, norm=normalize_text(text)))
