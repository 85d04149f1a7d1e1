"""The reporting unit (SCHEMA §2): who speaks or reports in a document.

Why in this order: a title names the unit most reliably
(``XX市妇联关于…汇报`` → 市妇联; ``县纪委书记在…上的发言`` → 县纪委); a unit
named only as the venue (``在区委…读书班上的发言``) reports only when the
body keeps naming it. Then the opening sentences, where a report names
itself as the subject (``市知识产权局青年理论学习小组坚持…``) — a unit after
根据/落实/在 there is a superior or a host, not the speaker. Then
self-references (``我局``, ``本单位``) resolved to the unit named elsewhere.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache

from ...ingest.normalize import normalize_text
from ...lexicon import lexicon_path, read_wordlist
from ..base import Context, Sentence, register
from .document import extract_organizations, mentions_in_context
from .mentions import OrgMention, find_org_mentions
from .names import BARE_DROP, family
from .rules import load_org_rules

__all__ = ["extract_reporting_org", "find_title_unit"]

log = logging.getLogger(__name__)

_OPENING_SENTENCES = 3
_CLAUSE_START = re.compile(r"[，。；：！？,;:!?\n（）()“”\"]")
_LEVEL_ROLE = re.compile(r"(副)?([省市县区镇乡])长")
_SUPERIOR = frozenset(["党中央", "中共中央", "国务院", "中央", "全国人大", "全国政协"])
_VENUE = re.compile(r"在(.+?)(?:会)?上的")
_SALUTATION = re.compile(r"^.{0,24}(同志们|代表|朋友们|老师们|同学们|各位)[^。；！？]{0,6}[：:]$")
_GENERIC = BARE_DROP - {"办公室"}  # 办公室干部在…的发言: the office speaks
_LEVEL_COMMITTEES = frozenset(["省委", "市委", "县委", "区委"])
_PLACE_ENDS = ("社区", "村", "街道", "镇", "乡", "居委会")
_BODY_TAILS = ("机关党委", "党委", "党组")
_NOT_REPORTING = frozenset(["中心组", "理论学习中心组", "青年理论学习小组", "学习小组"])


@lru_cache(maxsize=None)
def _governors() -> frozenset[str]:
    return frozenset(e.word for e in read_wordlist(lexicon_path("reporting_governors")))


def find_title_unit(title: str, body_count=lambda name: 0, mentions: list[OrgMention] | None = None
                    ) -> tuple[str, str] | None:
    """(unit, how) named by a title as its speaker or author, else None.

    ``body_count(name)`` says how often the body names a unit; a unit that is
    only the venue (``在X…上的讲话``) counts when the body names it twice.
    ``mentions`` are ``find_org_mentions(title)`` when the caller has them
    already (the title is usually the first sentence of the text).

    >>> find_title_unit("XX市妇联关于青年理论学习小组建设情况汇报")
    ('市妇女联合会', 'title')
    >>> find_title_unit("组织部长在区委理论学习中心组专题研讨会上的交流发言")
    ('组织部', 'title')
    >>> find_title_unit("分管交通的副县长在县委中心组研讨交流会上的发言")
    ('县政府', 'title role')
    >>> find_title_unit("在区委主题教育读书班上的交流发言") is None
    True
    """
    if not title:
        return None
    if mentions is None:
        mentions = find_org_mentions(title)
    venue = _VENUE.search(title)
    cut = min((at for at in (title.find("在"), title.find("关于")) if at >= 0), default=-1)
    if venue:
        cut = venue.start() if cut < 0 else min(cut, venue.start())
    speaker_part = [m for m in mentions if cut < 0 or m.start < cut]
    speaker_part = [m for m in speaker_part if m.name not in _NOT_REPORTING and m.name not in _GENERIC]
    if speaker_part:
        return _speaker(speaker_part).name, "title"
    head = title[:cut] if cut >= 0 else title
    role = _LEVEL_ROLE.search(head)
    if role:
        return role.group(2) + "政府", "title role"
    if venue:
        for m in mentions:
            host = len(m.name) == 2 and m.name[1] == "委"  # 区委 hosts a class for others
            if venue.start(1) <= m.start and m.end <= venue.end(1) and body_count(m.name) >= (2 if host else 1):
                return m.name, "title venue"
    return None


def _is_superior(name: str) -> bool:
    return name in _SUPERIOR or name.startswith(("中共中央", "中央", "党中央", "国务院"))


def _speaker(mentions: list[OrgMention]) -> OrgMention:
    """The unit a title speaks for: the one a role is attached to (县委宣传部部长),
    else the longest name of the first chain (中共XX市委组织部 → 市委组织部)."""
    with_role = [m for m in mentions if m.role]
    if with_role:
        return max(with_role, key=lambda m: (m.end, len(m.name)))
    first = mentions[0]
    chain = [m for m in mentions if m.start == first.start]
    chain = [m for m in chain if family(m.name)[0] is None] or chain
    return max(chain, key=lambda m: m.end)


def _governed(sentence: Sentence, m: OrgMention, governors: frozenset[str]) -> bool:
    clause_start = 0
    for hit in _CLAUSE_START.finditer(sentence.norm, 0, m.start):
        clause_start = hit.end()
    before = sentence.norm[clause_start:m.start]
    return any(before.endswith(g) or g in before for g in governors if len(g) > 1) or \
        any(before.endswith(g) for g in governors if len(g) == 1)


def _resolve(name: str, orgs: list[dict]) -> str:
    """The document-level name of a mention (after merging aliases and study groups)."""
    for o in orgs:
        if o["name"] == name or name in o["aliases"]:
            return o["name"]
    for o in orgs:
        if o["name"].endswith(name):
            return o["name"]
    return name


def _self_reference(ctx: Context, orgs: list[dict]):
    rules = load_org_rules()
    for sent in ctx.sentences:
        for phrase, suffix in rules.self_refs:
            at = sent.norm.find(phrase)
            if at < 0 or not suffix:
                continue
            named = [o for o in orgs if (suffix == "*" or o["name"].endswith(suffix)) and not _is_superior(o["name"])
                     and o["name"] not in _LEVEL_COMMITTEES and not family(o["name"])[0]]
            if not named and suffix.endswith("党组"):
                named = [o for o in orgs if o["name"].endswith(suffix[:-2])]
            if named:
                best = max(named, key=lambda o: o["mentions"])
                return best["name"], sent
            if suffix != "*" and (len(suffix) > 1 or suffix in "局委院校办厅"):
                return suffix, sent  # nothing names it: 局党组, 局
    return None, None


@register("reporting_org")
def extract_reporting_org(ctx: Context) -> list[dict]:
    """``[{name, evidence, start, end}]`` for the reporting unit, or ``[]``.

    >>> from kg.document import Document
    >>> doc = Document(doc_id="d", title="", text="结合我局工作实际，现制定计划。市局党组负责落实。")
    >>> [r["name"] for r in extract_reporting_org(Context.from_document(doc))]
    ['市局']
    """
    orgs = ctx.found.get("organizations")
    if orgs is None:
        orgs = extract_organizations(ctx)
    mentions = mentions_in_context(ctx)
    doc = ctx.doc

    title = doc.title.strip()
    title_sent = {s.index for s in ctx.sentences if doc.title and s.norm.strip() == title}
    in_title = {}
    for m, sent in mentions:
        if sent.index in title_sent:
            in_title[m.name] = in_title.get(m.name, 0) + 1

    def body_count(name):
        target = _resolve(name, orgs)
        return sum(o["mentions"] for o in orgs if o["name"] == target) - in_title.get(name, 0)

    first = ctx.sentences[0] if ctx.sentences else None
    if doc.title and not doc.title_derived:
        title_norm = normalize_text(doc.title)
        found = find_title_unit(title_norm, body_count, _mentions_of(title_norm, ctx, mentions))
        if found:
            name = _resolve(found[0], orgs) if found[1] != "title role" else found[0]
            titled = [s for s in ctx.sentences if s.index in title_sent]
            named = [s for m, s in mentions if _resolve(m.name, orgs) == name]
            return [_item(name, (titled or named or [first])[0])]
    governors = _governors()
    opening = [s for s in ctx.sentences
               if s.norm.strip() != doc.title.strip() and not _SALUTATION.match(s.norm)][:_OPENING_SENTENCES]
    opening_ids = {s.index for s in opening}
    for m, sent in mentions:
        if sent.index not in opening_ids or m.name in _NOT_REPORTING or m.name in _GENERIC or family(m.name)[0]:
            continue
        if m.parent is not None:
            continue  # reached through the start of its chain
        chain = [x for x, s2 in mentions if s2 is sent and x.start == m.start and not family(x.name)[0]]
        best = max(chain, key=lambda x: x.end)
        if _is_superior(best.name) or best.name in ("省委", "市委", "县委", "区委") and best is m and _governed(sent, m, governors):
            continue
        if _governed(sent, m, governors) or best.name[0] == "省":
            continue
        return [_item(_resolve(best.name, orgs), sent)]
    name, sent = _self_reference(ctx, orgs)
    if name:
        return [_item(name, sent)]
    return []


def _mentions_of(text: str, ctx: Context, mentions) -> list[OrgMention] | None:
    """The mentions already found in a sentence that reads exactly ``text`` (same
    function, same string: same answer), else None."""
    sent = next((s for s in ctx.sentences if s.norm == text), None)
    if sent is None:
        return None
    return [m for m, s in mentions if s is sent]


def _unit_of(name: str) -> str:
    """The unit itself, not its party body: 市税务局党委 → 市税务局, but 局党组 stays."""
    for tail in _BODY_TAILS:
        rest = name[: len(name) - len(tail)]
        if name.endswith(tail) and len(rest) >= 2 and not rest.endswith(_PLACE_ENDS):
            return rest
    return name


def _item(name: str, sent: Sentence | None) -> dict:
    name = _unit_of(name)
    if sent is None:
        return {"name": name, "evidence": "", "start": 0, "end": 0}
    return {"name": name, "evidence": sent.text, "start": sent.start, "end": sent.end}
