"""The synthetic corpus's word lists and sentence templates, loaded from data/bench.

Everything the generator writes comes from these files, so the corpus can be
made richer by editing data, not code; a malformed line fails with
``file:line`` through :mod:`kg.lexicon`.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.errors import LexiconError
from kg.lexicon import read_table, read_wordlist

__all__ = ["BENCH_DATA_DIR", "CATEGORIES", "Organ", "Templates", "load_templates"]

BENCH_DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "bench"

# SCHEMA §3's closed list of activity categories.
CATEGORIES = (
    "集中学习", "专题研讨", "读书班", "党课", "宣讲", "培训", "调查研究", "检视整改", "警示教育",
    "主题党日", "参观见学", "比赛评选", "联学共建", "为民服务", "组织生活", "线上学习", "读书分享", "其他",
)
_PLACEHOLDER = re.compile(r"\{([A-Z]*)\}")
_KNOWN_PLACEHOLDERS = {"U", "SUP", "Y", "T", "ORG", "ACT", "N", "PARTNER", "MAT", "FRAME", "LEAD", "BODY",
                       "RESULT", "S", "SF", "MF", "R", "M", "TH", "P", ""}


@dataclass(frozen=True)
class Organ:
    """A kind of unit (民政局), instantiated at a level and place by the generator."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    levels: tuple[str, ...]  # () when the unit takes no level word


@dataclass(frozen=True)
class Activity:
    category: str
    name: str
    units: tuple[str, ...]
    lo: int
    hi: int


@dataclass(frozen=True)
class MetricFrame:
    frame: str
    subject: str
    units: tuple[str, ...]
    lo: int
    hi: int
    category: str | None


@dataclass
class Templates:
    organs: list[Organ]
    places: list[str]
    masks: list[str]
    subunits: list[tuple[str, tuple[str, ...]]]
    activities: list[Activity]
    brands: list[tuple[str, str, str]]
    metrics: list[MetricFrame]
    slogans: list[tuple[str, tuple[str, ...]]]
    metaphors: list[tuple[str, str]]
    materials: list[str]
    clauses: dict[str, list[str]]
    sentences: dict[str, list[str]]
    titles: dict[str, list[str]]
    themes: list[str]
    roles: list[str]
    meetings: list[tuple[str, str | None]]
    junk: dict[str, list[str]]
    activities_by_category: dict[str, list[Activity]] = field(default_factory=dict)

    def __post_init__(self):
        grouped = defaultdict(list)
        for a in self.activities:
            grouped[a.category].append(a)
        self.activities_by_category = dict(grouped)


def _split(field_: str) -> tuple[str, ...]:
    return () if field_ == "-" else tuple(p for p in field_.split("|") if p)


def _range(path: Path, text: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d+)-(\d+)", text)
    if not m or int(m.group(1)) > int(m.group(2)):
        raise LexiconError(path, _line_of(path, text), f"bad range {text!r}; write lo-hi with lo <= hi, e.g. 2-12")
    return int(m.group(1)), int(m.group(2))


def _line_of(path: Path, needle: str) -> int:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    return 0


def _check_category(path: Path, category: str) -> None:
    if category not in CATEGORIES:
        raise LexiconError(path, _line_of(path, category),
                           f"unknown activity category {category!r}; use one of SCHEMA §3: {' '.join(CATEGORIES)}")


def _check_placeholders(path: Path, template: str) -> None:
    for name in _PLACEHOLDER.findall(template):
        if name not in _KNOWN_PLACEHOLDERS:
            raise LexiconError(path, _line_of(path, template),
                               f"unknown placeholder {{{name}}} in {template!r}; "
                               f"known: {' '.join(sorted(n for n in _KNOWN_PLACEHOLDERS if n))}")


def _grouped(path: Path, rows) -> dict[str, list[str]]:
    out = defaultdict(list)
    for key, value in rows:
        _check_placeholders(path, value)
        out[key].append(value)
    return dict(out)


@lru_cache(maxsize=4)
def load_templates(directory: str | Path | None = None) -> Templates:
    """Read every data file of the generator (cached per directory).

    >>> t = load_templates()
    >>> "卫健委" in next(o for o in t.organs if o.name == "卫生健康委员会").aliases
    True
    """
    d = Path(directory) if directory else BENCH_DATA_DIR

    def p(name):
        return d / f"{name}.txt"

    organs = [Organ(n, _split(a), k, _split(lv)) for n, a, k, lv in read_table(p("organs"), 4)]
    activities = []
    for cat, name, units, rng in read_table(p("activities"), 4):
        _check_category(p("activities"), cat)
        activities.append(Activity(cat, name, _split(units), *_range(p("activities"), rng)))
    metrics = []
    for frame, subject, units, rng, cat in read_table(p("metrics"), 5):
        if cat != "-":
            _check_category(p("metrics"), cat)
        metrics.append(MetricFrame(frame, subject, _split(units), *_range(p("metrics"), rng), None if cat == "-" else cat))
    brands = []
    for brand, cat, rest in read_table(p("brands"), 3):
        _check_category(p("brands"), cat)
        brands.append((brand, cat, rest))
    meetings = []
    for name, cat in read_table(p("meetings"), 2):
        if cat != "-":
            _check_category(p("meetings"), cat)
        meetings.append((name, None if cat == "-" else cat))
    titles = _grouped(p("titles"), read_table(p("titles"), 2))
    themes = titles.pop("theme", [])
    return Templates(
        organs=organs,
        places=[e.word for e in read_wordlist(p("places"))],
        masks=[e.word for e in read_wordlist(p("masks"))],
        subunits=[(n, _split(s)) for n, s in read_table(p("subunits"), 2)],
        activities=activities,
        brands=brands,
        metrics=metrics,
        slogans=[(c, _split(f)) for c, f in read_table(p("slogans"), 2)],
        metaphors=[(w, f) for w, f in read_table(p("metaphors"), 2)],
        materials=[e.word for e in read_wordlist(p("materials"))],
        clauses=_grouped(p("clauses"), read_table(p("clauses"), 2)),
        sentences=_grouped(p("sentences"), read_table(p("sentences"), 2)),
        titles=titles,
        themes=themes,
        roles=[e.word for e in read_wordlist(p("roles"))],
        meetings=meetings,
        junk=_grouped(p("junk"), read_table(p("junk"), 2)),
    )
