"""The unit every stage passes on: one report or speech, cut out of a file."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

__all__ = ["Document", "GENRES"]

GENRES = ("汇报", "讲话", "发言", "计划", "党课", "心得", "其他")


@dataclass
class Document:
    """One document (SCHEMA §1).

    ``text`` is the cleaned text as a reader sees it; every offset the
    extractors emit points into it. ``norm`` is the same text folded
    character by character (full-width forms, punctuation, traditional
    characters) for matching: it has exactly the length of ``text`` so an
    offset found in ``norm`` is valid in ``text``.
    """

    doc_id: str
    title: str
    text: str
    norm: str = ""
    genre: str = "其他"
    year: int | None = None
    source: str = ""
    title_derived: bool = False
    span: tuple[int, int] = (0, 0)
    sha256: str = ""
    file_sha256: str = ""
    encoding: str = "utf-8"
    n_chars: int = 0
    meta: dict = field(default_factory=dict)

    def __post_init__(self):
        if not self.norm:
            self.norm = self.text
        if len(self.norm) != len(self.text):
            raise ValueError(f"{self.doc_id}: norm and text differ in length")
        if not self.n_chars:
            self.n_chars = len(self.text)

    def to_dict(self, *, with_text: bool = False) -> dict:
        """The JSON-ready header of the document (SCHEMA §1), text on request."""
        d = asdict(self)
        d.pop("norm")
        d["span"] = list(self.span)
        if not with_text:
            d.pop("text")
        return d
