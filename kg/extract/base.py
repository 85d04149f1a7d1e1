"""What every extractor shares: sentences with offsets, a context, a registry.

An extractor is a function ``(ctx: Context) -> list[dict]`` registered under
a name. The pipeline runs the registered extractors in order over one
document; each sees what earlier ones found in ``ctx.found`` (metrics use
the slogan spans to reject numbers inside slogans, activities attach the
metrics and materials of their sentence). A config swaps an extractor by
registering another function under the same name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterator

from ..document import Document
from ..errors import ConfigError

__all__ = [
    "Sentence",
    "Context",
    "Extractor",
    "register",
    "get_extractor",
    "registered",
    "iter_sentences",
    "evidence_item",
    "finditer_from",
    "first_chars",
]

# A sentence ends at 。！？；, at a line break, or at a "…" run; closing
# quotes/brackets right after the end mark stay with the sentence.
_SENT_END = re.compile(r"[。！？!?；;]+[”’」』）)】]*|\n+|…{2,}")
_SENT_END_FIRST = re.compile(r"[。！？!?；;\n…]")


def finditer_from(pattern: re.Pattern, first: re.Pattern, text: str, pos: int = 0) -> Iterator[re.Match]:
    """``pattern.finditer(text, pos)``, for a pattern whose matches all start with a ``first`` match.

    Why: Python's regex engine skips ahead quickly only to a literal or a
    character class at the very start of a pattern; an alternation or a
    look-ahead there makes it try a full match at every position, about ten
    times slower over a document. ``first`` (one character class) finds the
    places a match can start; ``pattern.match`` is tried there only.

    >>> [m.group() for m in finditer_from(re.compile(r"[。；]+|…{2,}"), re.compile(r"[。；…]"), "甲。乙…丙……")]
    ['。', '……']
    """
    search, match = first.search, pattern.match
    c = search(text, pos)
    while c is not None:
        at = c.start()
        m = match(text, at)
        if m is None or m.end() == at:
            c = search(text, at + 1)
        else:
            yield m
            c = search(text, m.end())


def first_chars(words) -> re.Pattern:
    """The character class of the first characters of ``words``: the ``first`` of
    :func:`finditer_from` for a pattern that opens with a group of them.

    >>> first_chars(["我局", "该院", "我委"]).pattern
    '[我该]'
    """
    return re.compile("[" + "".join(sorted({re.escape(w[0]) for w in words if w})) + "]")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document; ``start``/``end`` are offsets into ``Document.text``."""

    start: int
    end: int
    text: str  # from Document.text: what the user reads
    norm: str  # from Document.norm: what rules match against
    index: int
    section: str = ""  # the nearest outline heading above it, if any


def iter_sentences(text: str, norm: str | None = None) -> Iterator[Sentence]:
    """Split into sentences, keeping exact offsets and dropping blank ones.

    >>> [s.text for s in iter_sentences("集中学习12次。开展研讨；\\n下一步，加强学习！")]
    ['集中学习12次。', '开展研讨；', '下一步，加强学习！']
    >>> s = list(iter_sentences("甲。乙"))[1]
    >>> "甲。乙"[s.start:s.end]
    '乙'
    """
    norm = text if norm is None else norm
    return iter(_split_sentences(text, norm))


_new = object.__new__
_set = object.__setattr__


def _sentence(start: int, end: int, text: str, norm: str, index: int) -> Sentence:
    # The frozen dataclass __init__ sets each field through object.__setattr__;
    # filling __dict__ at once is a third of the cost, and equal, hashable,
    # printable Sentences all the same.
    s = _new(Sentence)
    _set(s, "__dict__", {"start": start, "end": end, "text": text, "norm": norm, "index": index, "section": ""})
    return s


def _split_sentences(text: str, norm: str) -> list[Sentence]:
    # One flat loop: a generator per segment and a slice of norm per
    # sentence cost more than the split itself (core is that slice).
    out = []
    append = out.append
    pos = 0
    i = 0
    for m in finditer_from(_SENT_END, _SENT_END_FIRST, norm):
        s, e = m.span()
        end = s if norm[s] == "\n" else e
        seg = norm[pos:end]
        core = seg.strip()
        if core:
            start = pos
            if core is not seg:
                start += len(seg) - len(seg.lstrip())
                end = start + len(core)
            append(_sentence(start, end, text[start:end], core, i))
        i += 1
        pos = e
    seg = norm[pos:]
    core = seg.strip()
    if core:
        start = pos + len(seg) - len(seg.lstrip())
        end = start + len(core)
        append(_sentence(start, end, text[start:end], core, i))
    return out


def evidence_item(sentence: Sentence, **fields) -> dict:
    """An extracted item with the sentence that supports it and its offsets."""
    fields.update(evidence=sentence.text, start=sentence.start, end=sentence.end)
    return fields


@dataclass
class Context:
    """One document under extraction, and what the extractors found so far."""

    doc: Document
    sentences: list[Sentence]
    found: dict[str, list] = field(default_factory=dict)
    reporting_org: str | None = None
    reporting_org_evidence: dict | None = None

    @classmethod
    def from_document(cls, doc: Document) -> "Context":
        return cls(doc=doc, sentences=list(iter_sentences(doc.text, doc.norm)))


Extractor = Callable[[Context], list]
_REGISTRY: dict[str, Extractor] = {}


def register(name: str) -> Callable[[Extractor], Extractor]:
    """Register ``fn`` as the extractor called ``name`` (replacing any before)."""

    def deco(fn: Extractor) -> Extractor:
        _REGISTRY[name] = fn
        return fn

    return deco


def get_extractor(name: str) -> Extractor:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ConfigError(f"no extractor named {name!r}", hint=f"known: {', '.join(sorted(_REGISTRY))}") from None


def registered() -> list[str]:
    return sorted(_REGISTRY)
