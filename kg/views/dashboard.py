"""The 总览 dashboard's numbers: KPI counts and chart tables under filters.

Filters narrow the set of documents first (genre, year), then the facts
(unit, category), and every chart is computed from the same narrowed set,
so the cards and the charts never disagree. Activities are counted by
status (done / planned / urged, :data:`STATUS_NAMES`): "开展了" means done
unless the analyst adds the others, and the page says which it counts.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .facts import UNKNOWN_ORG, UNKNOWN_YEAR, Facts
from .labels import STATUS_NAMES

__all__ = ["DashboardFilters", "DashboardSummary", "list_filter_choices", "summarize_dashboard", "KPI_NAMES",
           "describe_statuses"]

KPI_NAMES = {
    "documents": "文档",
    "units": "单位",
    "activities": "活动",
    "metrics": "数据",
    "slogans": "提法",
    "masked": "隐去的数据",
}


@dataclass(frozen=True)
class DashboardFilters:
    """What the analyst selected in the sidebar; an empty tuple means all."""

    units: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    genres: tuple[str, ...] = ()
    years: tuple[str, ...] = ()  # years as text; UNKNOWN_YEAR for documents without one
    statuses: tuple[str, ...] = ()  # activity statuses (done, planned, urged); empty means all
    year_range: tuple[int, int] | None = None  # first and last year, inclusive
    unknown_year: bool = True  # with a year range: keep documents that state no year


def describe_statuses(statuses) -> str:
    """Which statuses a count includes, in words for a caption.

    >>> describe_statuses(("done",)), describe_statuses(()), describe_statuses(("planned", "done"))
    ('只计已开展', '含全部状态（已开展、计划、要求）', '含已开展、计划')
    """
    chosen = [s for s in STATUS_NAMES if s in set(statuses)]
    if not chosen or len(chosen) == len(STATUS_NAMES):
        return "含全部状态（" + "、".join(STATUS_NAMES.values()) + "）"
    if len(chosen) == 1:
        return "只计" + STATUS_NAMES[chosen[0]]
    return "含" + "、".join(STATUS_NAMES[s] for s in chosen)


@dataclass
class DashboardSummary:
    kpis: dict[str, int] = field(default_factory=dict)
    unassigned_activities: int = 0  # counted in the KPI, but no unit to put them under in the matrix
    by_category: list[dict] = field(default_factory=list)
    top_slogans: list[dict] = field(default_factory=list)
    unit_category: list[dict] = field(default_factory=list)
    docs_by_genre_year: list[dict] = field(default_factory=list)
    top_units_by_metrics: list[dict] = field(default_factory=list)


def _year_text(year) -> str:
    return UNKNOWN_YEAR if year in (None, "") else str(year)


def list_filter_choices(facts: Facts) -> dict[str, list[str]]:
    """The values each sidebar filter offers, units named in most documents first.

    >>> from kg.views.facts import Facts
    >>> f = Facts(documents=[{"doc_id": "a", "genre": "汇报", "year": None}],
    ...           activities=[{"org": "市妇联", "category": "读书班", "doc_id": "a"}])
    >>> list_filter_choices(f)["years"]
    ['未注明']
    """
    doc_counts = Counter({o["name"]: len(o["doc_ids"]) for o in facts.organizations})
    act_counts = Counter(a["org"] for a in facts.activities if a["org"] != UNKNOWN_ORG)
    years = {_year_text(d["year"]) for d in facts.documents}
    numeric = sorted(int(y) for y in years if y.isdigit())
    return {
        "units": sorted(set(doc_counts) | set(act_counts), key=lambda u: (-doc_counts[u], -act_counts[u], u)),
        "categories": sorted({a["category"] for a in facts.activities}),
        "genres": sorted({d["genre"] for d in facts.documents}),
        "years": sorted(years - {UNKNOWN_YEAR}) + ([UNKNOWN_YEAR] if UNKNOWN_YEAR in years else []),
        "year_span": [numeric[0], numeric[-1]] if numeric else [],
        "statuses": [s for s in STATUS_NAMES if any(a.get("status") == s for a in facts.activities)],
    }


def summarize_dashboard(facts: Facts, filters: DashboardFilters = DashboardFilters(), *, top_n: int = 15) -> DashboardSummary:
    """KPI counts and chart tables for the facts that pass the filters.

    ``top_n`` caps the ranked charts (slogans, units) so a large graph
    still draws a readable chart.

    >>> from kg.views.facts import Facts
    >>> f = Facts(documents=[{"doc_id": "a", "genre": "汇报", "year": 2023},
    ...                      {"doc_id": "b", "genre": "讲话", "year": 2024}],
    ...           activities=[{"org": "市妇联", "category": "读书班", "doc_id": "a"},
    ...                       {"org": "市委", "category": "党课", "doc_id": "b"}])
    >>> summarize_dashboard(f).kpis["activities"]
    2
    >>> summarize_dashboard(f, DashboardFilters(genres=("讲话",))).by_category
    [{'category': '党课', 'count': 1}]
    """
    units, cats = set(filters.units), set(filters.categories)
    docs = [
        d for d in facts.documents
        if (not filters.genres or d["genre"] in filters.genres)
        and (not filters.years or _year_text(d["year"]) in filters.years)
        and _in_range(d["year"], filters)
    ]
    doc_ids = {d["doc_id"] for d in docs}
    statuses = set(filters.statuses)
    activities = [a for a in facts.activities if a["doc_id"] in doc_ids and (not statuses or a.get("status") in statuses)]
    metrics = [m for m in facts.metrics if m["doc_id"] in doc_ids
               and (not statuses or m.get("status") is None or m.get("status") in statuses)]
    echoes = [e for e in facts.echoes if e["doc_id"] in doc_ids]
    mentions = [s for s in facts.slogan_mentions if s["doc_id"] in doc_ids]
    orgs = [o for o in facts.organizations if doc_ids.intersection(o["doc_ids"])]
    if units:
        activities = [a for a in activities if a["org"] in units]
        metrics = [m for m in metrics if m["org"] in units]
        echoes = [e for e in echoes if e["org"] in units]
        orgs = [o for o in orgs if o["name"] in units]
        unit_docs = {i for o in orgs for i in o["doc_ids"]}
        unit_docs |= {d["doc_id"] for d in docs if d["reporting_org"] in units}
        doc_ids &= unit_docs
        mentions = [s for s in mentions if s["doc_id"] in doc_ids and (s["slogan"] in {e["slogan"] for e in echoes})]
    if cats:
        activities = [a for a in activities if a["category"] in cats]
        metrics = [m for m in metrics if m["category"] in cats]
        doc_ids &= {a["doc_id"] for a in activities}
        echoes = [e for e in echoes if e["doc_id"] in doc_ids]
        mentions = [s for s in mentions if s["doc_id"] in doc_ids]
        orgs = [o for o in orgs if doc_ids.intersection(o["doc_ids"])]
    docs = [d for d in docs if d["doc_id"] in doc_ids]

    summary = DashboardSummary()
    summary.kpis = {
        "documents": len(docs),
        "units": len({o["name"] for o in orgs}),
        "activities": len(activities),
        "metrics": len(metrics),
        "slogans": len({e["slogan"] for e in echoes} | {s["slogan"] for s in mentions}),
        "masked": sum(1 for m in metrics if m["masked"]),
    }
    # Ties are broken by name, never by the order the facts were read in.
    summary.by_category = [
        {"category": c, "count": n}
        for c, n in sorted(Counter(a["category"] for a in activities).items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    slogan_units: dict[str, set] = defaultdict(set)
    slogan_docs: dict[str, set] = defaultdict(set)
    for e in echoes:
        slogan_units[e["slogan"]].add(e["org"])
        slogan_docs[e["slogan"]].add(e["doc_id"])
    for s in mentions:
        slogan_docs[s["slogan"]].add(s["doc_id"])
    ranked = sorted(slogan_docs, key=lambda s: (-len(slogan_units[s]), -len(slogan_docs[s]), s))[:top_n]
    summary.top_slogans = [
        {"slogan": s, "units": len(slogan_units[s]), "documents": len(slogan_docs[s])} for s in ranked
    ]
    summary.unassigned_activities = sum(1 for a in activities if a["org"] == UNKNOWN_ORG)
    per_unit = Counter(a["org"] for a in activities if a["org"] != UNKNOWN_ORG)
    top_units = {u for u, _ in sorted(per_unit.items(), key=lambda kv: (-kv[1], kv[0]))[:top_n]}
    pairs = Counter((a["org"], a["category"]) for a in activities if a["org"] in top_units)
    summary.unit_category = [
        {"org": o, "category": c, "count": n} for (o, c), n in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    genre_year = Counter((d["genre"], _year_text(d["year"])) for d in docs)
    summary.docs_by_genre_year = [
        {"genre": g, "year": y, "count": n} for (g, y), n in sorted(genre_year.items())
    ]
    reported = Counter(m["org"] for m in metrics if m["org"] != UNKNOWN_ORG)
    masked = Counter(m["org"] for m in metrics if m["org"] != UNKNOWN_ORG and m["masked"])
    summary.top_units_by_metrics = [
        {"org": o, "metrics": n, "masked": masked[o], "stated": n - masked[o]}
        for o, n in sorted(reported.items(), key=lambda kv: (-kv[1], kv[0]))[:top_n]
    ]
    return summary


def _in_range(year, filters: DashboardFilters) -> bool:
    if filters.year_range is None:
        return True
    if year in (None, ""):
        return filters.unknown_year
    lo, hi = filters.year_range
    return lo <= int(year) <= hi
