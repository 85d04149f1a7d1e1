"""Compose one synthetic report together with the truth it plants.

Every fact sentence is written from a template and recorded as it is
written, so the gold annotation (SCHEMA §8) lists exactly what the text
says: the units named (with every accepted spelling), the figures, the
slogans, the activity categories and the studied works. Filler comes from
clauses that name none of these, so it plants nothing.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from .figures import render_figure, to_chinese_numeral
from .templates import Organ, Templates

__all__ = ["Unit", "PlantedDocument", "make_units", "compose_document", "GENRE_WEIGHTS"]

GENRE_WEIGHTS = {"汇报": 34, "发言": 20, "讲话": 16, "计划": 10, "党课": 10, "心得": 10}
_SELF_REFERENCE = {"局": "我局", "委": "我委", "校": "我校", "院": "我院", "会": "我会", "馆": "我馆"}


@dataclass(frozen=True)
class Unit:
    """An organization of the corpus: an organ at a level in a place."""

    organ: Organ
    level: str  # "" when the organ takes no level word
    place: str

    def _written(self, organ_name: str, place: str) -> str:
        if "{P}" in organ_name:
            return organ_name.replace("{P}", place)
        return place + self.level + organ_name

    def spellings(self) -> list[str]:
        """Every spelling a reader accepts, canonical (longest) first."""
        names = (self.organ.name, *self.organ.aliases)
        out = [self._written(n, "") for n in names] + [self._written(n, self.place) for n in names]
        return sorted(dict.fromkeys(out), key=lambda s: (-len(s), s))

    def surface(self, rng: random.Random, mask: str | None) -> str:
        """The unit as one mention writes it: a named or masked place, any alias."""
        names = (self.organ.name, *self.organ.aliases)
        name = names[0] if rng.random() < 0.6 else rng.choice(names)
        return self._written(name, self.place if mask is None else mask)

    def key(self) -> str:
        return self._written(self.organ.name, self.place)

    def superior(self) -> "Unit | None":
        if not self.level or self.organ.name == "委":
            return None
        return Unit(Organ("委", (), "党委", (self.level,)), self.level, self.place)

    def self_reference(self) -> str | None:
        last = self.organ.name[-1]
        return _SELF_REFERENCE.get(last) if "{P}" not in self.organ.name else None


@dataclass
class PlantedDocument:
    """The lines of one document and the gold record of what they say."""

    genre: str
    title: str  # "" when the document has no title line
    lines: list[str]
    year: int
    reporting_org: list[str]
    organizations: dict[str, list[str]] = field(default_factory=dict)
    organizations_optional: dict[str, list[str]] = field(default_factory=dict)
    slogans: list[str] = field(default_factory=list)
    metrics: list[dict] = field(default_factory=list)
    activity_types: list[str] = field(default_factory=list)
    materials: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def gold(self, doc_id: str, source: str) -> dict:
        """The SCHEMA §8 gold record (plus ``materials``, which the scorer ignores)."""
        return {
            "doc_id": doc_id, "source": source, "title": self.title, "genre": self.genre, "year": self.year,
            "reporting_org": self.reporting_org,
            "organizations": list(self.organizations.values()),
            "organizations_optional": [v for k, v in self.organizations_optional.items()
                                       if k not in self.organizations],
            "slogans": self.slogans, "slogans_optional": [],
            "metrics": self.metrics, "activity_types": self.activity_types,
            "materials": self.materials,
        }


def make_units(templates: Templates, rng: random.Random, n: int) -> list[Unit]:
    """``n`` distinct units over the organs, levels and places of the templates."""
    seen, units = set(), []
    while len(units) < n:
        organ = rng.choice(templates.organs)
        level = rng.choice(organ.levels) if organ.levels else ""
        unit = Unit(organ, level, rng.choice(templates.places))
        if unit.key() not in seen:
            seen.add(unit.key())
            units.append(unit)
        if len(seen) >= len(templates.organs) * 3 * len(templates.places):
            break
    return units


class _Writer:
    """Fills templates for one document and records what each one plants."""

    def __init__(self, templates: Templates, rng: random.Random, unit: Unit, units: list[Unit], genre: str):
        self.t, self.rng, self.unit, self.units, self.genre = templates, rng, unit, units, genre
        self.year = rng.randint(2018, 2024)
        self.mask = None if rng.random() < 0.5 else rng.choice(templates.masks)
        self.doc = PlantedDocument(genre=genre, title="", lines=[], year=self.year, reporting_org=unit.spellings())
        self.subunit: tuple[str, tuple[str, ...]] | None = None
        self._slogans_used: set[str] = set()

    # units -----------------------------------------------------------------
    def name_unit(self, unit: Unit, *, optional: bool = False) -> str:
        mask = self.mask if unit is self.unit else (None if self.rng.random() < 0.5 else self.rng.choice(self.t.masks))
        target = self.doc.organizations_optional if optional else self.doc.organizations
        target.setdefault(unit.key(), unit.spellings())
        return unit.surface(self.rng, mask)

    def name_reporting(self) -> str:
        return self.name_unit(self.unit)

    def name_actor(self) -> str:
        """Who does something in a sentence: the unit, its study group, or 我局."""
        roll = self.rng.random()
        if self.subunit and roll < 0.3:
            base = self.name_reporting()
            name, short = self.subunit
            self.doc.organizations.setdefault(self.unit.key() + name,
                                              sorted({s + name for s in self.unit.spellings()} | set(short),
                                                     key=lambda s: (-len(s), s)))
            return base + name
        if roll > 0.8 and self.unit.self_reference() and self.doc.organizations:
            return self.unit.self_reference()
        return self.name_reporting()

    def other_unit(self) -> Unit:
        while True:
            u = self.rng.choice(self.units)
            if u.key() != self.unit.key():
                return u

    # facts -----------------------------------------------------------------
    def figure(self, subject: str, units: tuple[str, ...], lo: int, hi: int) -> str:
        text, gold = render_figure(self.rng, self.rng.choice(units), lo, hi)
        gold["subject"] = subject
        gold["surface"] = text  # not in SCHEMA §8; the scorer ignores it, tests and readers use it
        self.doc.metrics.append(gold)
        return text

    def category(self, category: str | None) -> None:
        if category and category not in self.doc.activity_types:
            self.doc.activity_types.append(category)

    def slogan(self) -> str:
        fresh = [s for s in self.t.slogans if s[0] not in self._slogans_used] or self.t.slogans
        canonical, frames = self.rng.choice(fresh)
        self._slogans_used.add(canonical)
        if canonical not in self.doc.slogans:
            self.doc.slogans.append(canonical)
        if frames and self.rng.random() < 0.4:
            return self.fill("slogan_bare", SF=self.rng.choice(frames).replace("{}", canonical))
        return self.fill("slogan_quoted", S=canonical)

    def material(self) -> str:
        name = self.rng.choice(self.t.materials)
        if name not in self.doc.materials:
            self.doc.materials.append(name)
        return name

    # templates ---------------------------------------------------------------
    def clause(self, slot: str) -> str:
        return self.rng.choice(self.t.clauses[slot])

    def fill(self, kind: str, template: str | None = None, **values) -> str:
        template = template or self.rng.choice(self.t.sentences[kind])
        values.setdefault("Y", str(self.year))
        for slot, key in (("LEAD", "lead"), ("BODY", "body"), ("RESULT", "result")):
            if "{" + slot + "}" in template and slot not in values:
                values[slot] = self.clause(key)
        if "{T}" in template and "T" not in values:
            values["T"] = self.rng.choice(self.t.sentences["time"])
        if "{U}" in template and "U" not in values:
            values["U"] = self.name_reporting()
        if "{ORG}" in template and "ORG" not in values:
            values["ORG"] = self.name_actor()
        if "{SUP}" in template and "SUP" not in values:
            sup = self.unit.superior() or self.other_unit()
            values["SUP"] = self.name_unit(sup)
        for key, value in values.items():
            template = template.replace("{" + key + "}", value)
        return template

    def activity_sentence(self, status: str) -> str:
        rng, t = self.rng, self.t
        if status == "done":
            kind = rng.choices(("done_count", "done_plain", "partner", "material", "metric", "brand"),
                               (30, 10, 10, 12, 28, 10))[0]
        elif status == "planned":
            kind = rng.choice(("planned_count", "planned_plain", "planned_plain"))
        else:
            kind = "urged"
        if kind == "metric":
            frames = rng.sample(t.metrics, 2)
            if rng.random() < 0.3:
                second = f"，{frames[1].frame}{self.figure(frames[1].subject, *self._range(frames[1]))}"
                self.category(frames[1].category)
            else:
                second = ""
            m = frames[0]
            self.category(m.category)
            text = self.fill("metric", FRAME=m.frame, N=self.figure(m.subject, *self._range(m)))
            return text[:-1] + second + "。" if second else text
        if kind == "partner":
            self.category("联学共建")
            template = rng.choice(t.sentences["partner"])
            n = self.figure("联学联建", ("次",), 1, 10) if "{N}" in template else ""
            return self.fill("partner", template, PARTNER=self.name_unit(self.other_unit()), N=n)
        if kind == "material":
            template = rng.choice(t.sentences["material"])
            if "{ACT}" in template:
                act = rng.choice(t.activities_by_category[rng.choice(("集中学习", "专题研讨", "读书分享"))])
                self.category(act.category)
                return self.fill("material", template, MAT=self.material(), ACT=act.name,
                                 N=self.figure(act.name, act.units, act.lo, act.hi))
            self.category("集中学习")
            return self.fill("material", template, MAT=self.material())
        if kind == "brand":
            brand, category, rest = rng.choice(t.brands)
            act = next(a for a in t.activities_by_category[category])
            self.category(category)
            name = f"“{brand}”{rest}"
            return self.fill("done_count", ACT=name, N=self.figure(name, act.units, act.lo, act.hi))
        act = rng.choice(t.activities)
        self.category(act.category)
        template = rng.choice(t.sentences[kind])
        n = self.figure(act.name, act.units, act.lo, act.hi) if "{N}" in template else ""
        return self.fill(kind, template, ACT=act.name, N=n)

    @staticmethod
    def _range(m):
        return m.units, m.lo, m.hi

    def filler(self) -> str:
        roll = self.rng.random()
        if roll < 0.06:
            return self.fill("negative")
        if roll < 0.14:
            word, frame = self.rng.choice(self.t.metaphors)
            return self.fill("metaphor", MF=frame.replace("{}", f"“{word}”"))
        return self.fill("filler")


def _heading(n: int, text: str) -> str:
    return f"{to_chinese_numeral(n)}、{text}"


def compose_document(templates: Templates, rng: random.Random, units: list[Unit], *,
                     genre: str | None = None, titled: bool = True, target_chars: int | None = None) -> PlantedDocument:
    """Write one document of ``genre`` for a unit drawn from ``units``.

    >>> from bench.templates import load_templates
    >>> t = load_templates(); r = random.Random(1)
    >>> doc = compose_document(t, r, make_units(t, r, 20), genre="汇报")
    >>> doc.genre, all(m["unit"] for m in doc.metrics), doc.title in doc.text
    ('汇报', True, True)
    """
    genre = genre or rng.choices(list(GENRE_WEIGHTS), list(GENRE_WEIGHTS.values()))[0]
    unit = units[min(int(rng.paretovariate(1.2)) - 1, len(units) - 1)] if rng.random() < 0.3 else rng.choice(units)
    w = _Writer(templates, rng, unit, units, genre)
    doc, t = w.doc, templates
    target = target_chars or rng.randint(500, 1300)

    if titled:
        pattern = rng.choice(t.titles[genre])
        values = {"TH": rng.choice(t.themes), "R": rng.choice(t.roles)}
        if "{M}" in pattern:
            meeting, category = rng.choice(t.meetings)
            values["M"] = meeting
            w.category(category)
        if "青年理论学习小组" in values["TH"] and "{TH}" in pattern:
            w.subunit = t.subunits[0]
        doc.title = w.fill("title", pattern, **values)
        doc.lines.append(doc.title)
        # the document is itself an activity when its title says so (a 党课, a 中心组 study plan)
        if genre == "党课":
            w.category("党课")
        if "理论学习中心组学习" in doc.title:
            w.category("集中学习")
    if w.subunit is None and rng.random() < 0.25:
        w.subunit = rng.choice(t.subunits)
    if w.subunit and w.subunit[0] == "青年理论学习小组" and rng.random() < 0.5:
        doc.reporting_org = doc.reporting_org + [s + w.subunit[0] for s in unit.spellings()]

    sections: list[tuple[str | None, list[str]]] = []
    if genre in ("讲话", "党课") or (genre == "发言" and rng.random() < 0.5) or not titled:
        doc.lines.append(rng.choice(t.sentences["speech_open"]))
    intro = [w.fill("open")] if genre not in ("讲话", "党课", "心得") or not titled else []
    if genre == "心得":
        intro.append(w.filler())
    if rng.random() < 0.3:
        intro.append(w.fill("negative"))
    sections.append((None, intro))

    n_sections = rng.randint(2, 4)
    status = {"汇报": "done", "发言": "done", "计划": "planned", "讲话": "urged", "党课": "urged", "心得": "done"}[genre]
    headings = rng.sample(t.sentences["heading"], n_sections)
    for heading in headings:
        body = []
        n_facts = {"党课": rng.randint(1, 3), "心得": rng.randint(1, 3), "讲话": rng.randint(2, 4)}.get(genre, rng.randint(3, 6))
        for _ in range(n_facts):
            roll = rng.random()
            if genre == "心得" and roll < 0.3:
                w.category("读书分享")
                body.append(w.fill("material_essay", MAT=w.material()))
            elif roll < 0.22:
                body.append(w.slogan())
            elif genre == "讲话" and roll < 0.45:
                body.append(w.activity_sentence("done"))
            elif genre in ("党课", "心得") and roll < 0.6:
                body.append(w.filler())
            else:
                body.append(w.activity_sentence(status if genre != "发言" or roll < 0.8 else "urged"))
        body.append(w.filler())
        sections.append((heading, body))
    if genre in ("汇报", "发言"):
        sections.append((rng.choice(t.sentences["heading_plan"]),
                         [w.activity_sentence("planned") for _ in range(rng.randint(1, 2))]))

    # pad with filler until the document reaches its length
    length = sum(len(s) for _, body in sections for s in body)
    while length < target:
        _, body = sections[rng.randrange(len(sections))]
        extra = w.filler()
        body.insert(rng.randint(0, len(body)), extra)
        length += len(extra)

    numbered = 0
    for heading, body in sections:
        if heading:
            numbered += 1
            doc.lines.append(_heading(numbered, heading))
        cut = sorted(rng.sample(range(1, len(body)), min(len(body) - 1, rng.randint(0, 2)))) if len(body) > 1 else []
        for a, b in zip([0, *cut], [*cut, len(body)]):
            if b > a:
                doc.lines.append("".join(body[a:b]))
    close = {"汇报": "close_report", "计划": "close_report", "讲话": "close_speech", "党课": "close_speech",
             "发言": "close_speech", "心得": "close_essay"}[genre]
    if rng.random() < 0.6:
        doc.lines.append(rng.choice(t.sentences[close]))
    # The unit's own party organ and study body are units too (SCHEMA §2) but
    # the templates name them only in passing: neither reward nor punish them.
    for organ in ("党组", "党委", "理论学习中心组", "党组理论学习中心组"):
        doc.organizations_optional.setdefault(unit.key() + organ, [s + organ for s in unit.spellings()] + [organ])
    # A unit's party organ speaks for it: the gold accepts every spelling the
    # text gives of the reporting unit (../shared/gold/CONVENTIONS.md), 市政府党组 too.
    text = doc.text
    doc.reporting_org = doc.reporting_org + [s + organ for organ in ("党组", "党委") for s in unit.spellings()
                                             if s + organ in text and s + organ not in doc.reporting_org]
    return doc
