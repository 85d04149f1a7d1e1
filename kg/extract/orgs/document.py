"""The units of one document: mentions merged into one item per unit.

Generic names (``青年理论学习小组``, ``中心组``, ``党组``) join the one
specific unit they stand for; alone and unmatched they are dropped when they
cannot name anything by themselves (``党委``, ``中心``).
"""
from __future__ import annotations

import bisect
import logging

from ..base import Context, Sentence, register
from ..tokenize import tokenize_text
from .mentions import OrgMention, endings_pattern, find_org_mentions
from .names import (BARE_DROP, MASKABLE, ORDINAL_TAIL, OWN_HEAD, SCHOOLS, SELF_BODY, STUDY_FAMILIES, family,
                    generic_owner)
from .rules import ADMIN_LEVELS, OrgRules, load_org_rules

__all__ = ["resolve_organizations", "mentions_in_context", "extract_organizations"]

log = logging.getLogger(__name__)


def resolve_organizations(mentions: list[tuple[OrgMention, Sentence]], rules: OrgRules | None = None) -> list[dict]:
    """Merge the mentions of one document into one item per distinct unit.

    Generic names (``青年理论学习小组``, ``中心组``, ``党组``) join the one
    specific unit they stand for; alone and unmatched they are dropped when
    they cannot name anything by themselves (``党委``, ``中心``).
    """
    rules = rules or load_org_rules()
    groups: dict[str, dict] = {}
    order: list[str] = []
    for m, sent in mentions:
        g = groups.get(m.name)
        if g is None:
            g = groups[m.name] = {"name": m.name, "aliases": set(), "kind": m.kind, "sentence": sent,
                                  "start": sent.start, "end": sent.end, "mentions": 0, "parent": m.parent,
                                  "standalone": 0, "masked": False}
            order.append(m.name)
        g["aliases"] |= m.aliases
        g["mentions"] += 1
        g["standalone"] += not m.inner
        g["masked"] = g["masked"] or m.masked
        if m.parent and not g["parent"]:
            g["parent"] = m.parent
    # 学校 in a school's own report is that school (学校党委 ≡ 理工大学党委)
    schools = [o for o in order if o in groups and o.endswith(SCHOOLS) and not o.startswith("学校") and len(o) >= 2]
    if len(schools) > 1:
        schools = [o for o in schools if any(x != o and x.startswith(o) for x in order if x in groups)]
    if len(schools) == 1:
        for name in list(order):
            if name in groups and name.startswith("学校") and name != schools[0]:
                _rename(groups, order, name, schools[0] + name[2:])
    # study bodies: every spelling of one unit's 中心组 / 学习小组 becomes one;
    # a bare one (青年理论学习小组) is the document's own unit's group
    units = [o for o in order if o in groups and family(o)[0] is None and o not in BARE_DROP and not _is_superior(o)
             and not SELF_BODY.match(o)]
    top = max(units, key=lambda o: groups[o]["mentions"]) if units else ""
    for fam, _ in STUDY_FAMILIES:
        members = [o for o in order if o in groups and family(o)[0] == fam]
        specific = [o for o in members if not generic_owner(family(o)[1])]
        bare = [o for o in members if o not in specific]
        own = [o for o in specific if top and _same_unit(family(o)[1], top)]
        if len(specific) == 1 and (not top or groups[specific[0]]["mentions"] >= sum(groups[o]["mentions"] for o in bare)):
            own = specific
        if own:
            target = max(own, key=lambda o: (groups[o]["mentions"], len(o)))
        elif bare:
            target = max(bare, key=lambda o: (len(family(o)[1]), len(o), groups[o]["mentions"]))
        else:
            continue
        for o in bare:
            if o != target:
                _merge(groups, o, target)
        # still bare: name it after the document's own unit, so that the
        # graph does not join every report's 青年理论学习小组 into one node
        for o in [o for o in members if o in groups and generic_owner(family(o)[1])]:
            if top and top in groups:
                new = _own_name(top, o)
                _rename(groups, order, o, new)
                owners = [g for g in groups if g != new and new.startswith(g)]
                groups[new]["parent"] = max(owners, key=len) if owners else top
    # 市局, 县局: the one unit of that level ending so (市市场监督管理局)
    for name in list(order):
        if name in groups and len(name) == 2 and name[0] in ADMIN_LEVELS and name[1] in "局办厅院处所":
            targets = [o for o in order if o in groups and o != name and o[0] == name[0] and o[-1] == name[1]]
            if len(targets) == 1:
                _merge(groups, name, targets[0])
    # generic names without their unit (党组, 局党组) join the one unit that has them
    for name in list(order):
        if name not in groups:
            continue
        targets = [o for o in order if o != name and o in groups and o.endswith(name) and len(o) > len(name)]
        if family(name)[0] is not None:
            continue
        if targets and name[0] not in ADMIN_LEVELS and all(o[0] in ADMIN_LEVELS for o in targets) \
                and len({o[0] for o in targets}) == 1 and len(targets) <= 2:
            _merge(groups, name, max(targets, key=lambda o: (groups[o]["mentions"], -len(o))))
            continue
        if targets and ((len(name) <= 4 and (name in BARE_DROP or name[0] in "局委办院厅部处"))
                        or (len(name) <= 7 and SELF_BODY.match(name))):
            if len({family(o)[1] for o in targets}) == 1 or len(targets) == 1:
                _merge(groups, name, max(targets, key=lambda o: (groups[o]["mentions"], len(o))))
    out = []
    for name in order:
        g = groups.get(name)
        if (g is None or name in BARE_DROP or not g["standalone"]
                or (name in rules.reject and not (g["masked"] and name in MASKABLE))):
            continue
        s = g["sentence"]
        out.append({
            "name": name,
            "aliases": sorted(a for a in g["aliases"] if a != name),
            "kind": g["kind"],
            "parent": g["parent"] if g["parent"] in groups and g["parent"] != name else None,
            "evidence": s.text,
            "start": s.start,
            "end": s.end,
            "mentions": g["mentions"],
        })
    return out


def _is_superior(name: str) -> bool:
    return name in ("党中央", "国务院", "中共中央", "省委", "市委") or name.startswith(("中央", "中共中央"))


def _same_unit(owner: str, unit: str) -> bool:
    """Is ``owner`` (the name before 中心组/学习小组) the unit ``unit`` or its 党组/党委?"""
    owner = ORDINAL_TAIL.sub("", owner)
    for tail in ("党组", "党委", "机关"):
        if owner.endswith(tail) and len(owner) > len(tail):
            owner = owner[: -len(tail)]
    return bool(owner) and (owner == unit or unit.endswith(owner) or owner.endswith(unit))


def _own_name(unit: str, bare: str) -> str:
    """局党组 + 党组理论学习中心组 → 局党组理论学习中心组; 市外办 + 青年理论学习小组 → 市外办青年理论学习小组."""
    if bare.startswith(unit):
        return bare
    head = OWN_HEAD.match(bare)
    if head and head.end() < len(bare):
        bare = bare[head.end():]  # 公司党委理论学习中心组 → 党委理论学习中心组
    elif bare[0] in "局委办院校":
        bare = bare[1:]
    for body in ("党组", "党委"):
        if unit.endswith(body) and bare.startswith(body):
            return unit + bare[len(body):]
    return unit + bare


def _rename(groups: dict, order: list, old: str, new: str) -> None:
    if new == old:
        return
    if new in groups:
        _merge(groups, old, new)
        return
    g = groups.pop(old)
    g["aliases"].add(old)
    g["name"] = new
    groups[new] = g
    order[order.index(old)] = new


def _merge(groups: dict, source: str, target: str) -> None:
    src, dst = groups.pop(source), groups[target]
    dst["aliases"] |= src["aliases"] | {source}
    dst["mentions"] += src["mentions"]
    dst["standalone"] += src["standalone"]
    if src["sentence"].start < dst["sentence"].start:
        dst["sentence"] = src["sentence"]


def mentions_in_context(ctx: Context, rules: OrgRules | None = None) -> list[tuple[OrgMention, Sentence]]:
    """Organization mentions of every sentence of the document (cached on ctx)."""
    cached = ctx.found.get("_org_mentions")
    if cached is not None:
        return cached
    rules = rules or load_org_rules()
    found = []
    for sent in sentences_naming_units(ctx, rules):
        for m in find_org_mentions(sent.norm, rules, tokens=tokenize_text(sent.norm)):
            found.append((m, sent))
    ctx.found["_org_mentions"] = found
    return found


def sentences_naming_units(ctx: Context, rules: OrgRules) -> list[Sentence]:
    """The sentences :func:`_may_name_unit` lets through, found by one scan of the document.

    The ending words hold no sentence break, so a match in the document lies
    inside one sentence and each sentence's first match is its own.
    """
    sents = ctx.sentences
    if not sents:
        return []
    norm = ctx.doc.text if ctx.doc.norm is None else ctx.doc.norm
    starts = [s.start for s in sents]
    search = endings_pattern(rules).search
    keep = []
    m = search(norm, sents[0].start)
    while m is not None:
        sent = sents[bisect.bisect_right(starts, m.start()) - 1]
        if m.end() <= sent.end:
            keep.append(sent)
            m = search(norm, sent.end)  # the rest of this sentence cannot add to the answer
        else:
            m = search(norm, m.start() + 1)
    return keep


@register("organizations")
def extract_organizations(ctx: Context) -> list[dict]:
    """One item per distinct unit named in the document, first mention as evidence.

    >>> from kg.document import Document
    >>> doc = Document(doc_id="d", title="", text="市卫健委召开会议。市卫生健康委青年理论学习小组开展学习。")
    >>> [(o["name"], o["mentions"]) for o in extract_organizations(Context.from_document(doc))]
    [('市卫生健康委', 2), ('市卫生健康委青年理论学习小组', 1)]
    """
    return resolve_organizations(mentions_in_context(ctx))
