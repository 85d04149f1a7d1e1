"""The reporting unit (SCHEMA §2): who speaks or reports in a document.

Why a vote and not a cascade: a report found on the web says who reports in
several places at once — the title (``XX市妇联关于…汇报``, ``区教体局召开…``),
a byline (``稿件来源: 县人社局``), an author line under the title
(``林庄村党总支书记 张振华``), the subject of the opening sentence
(``11月21日下午，土木工程学院党总支召开…``), self-references (``我局``,
``我镇``, ``该院党委``) and a signature at the end — and any one of them can
be missing or mislead (a title naming the inspection group that visited, a
byline naming the newspaper). Each cue proposes a unit with a weight
(``data/lexicon/reporting_cues.txt``); the unit with the most weight wins,
and ``how`` lists the cues that chose it so an analyst can see why.

The answer is the unit as the text spells it; a study group answers for its
unit (局党组理论学习中心组 → 局党组); a unit that only governs (根据市委部署),
a superior (党中央) or a visiting inspection group does not report.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ...errors import LexiconError
from ...ingest.clean import byline_roles
from ...ingest.normalize import normalize_text
from ...lexicon import iter_lines, lexicon_path, read_table, read_wordlist
from ..base import Context, Sentence, register
from .document import extract_organizations, mentions_in_context
from .mentions import OrgMention, find_org_mentions, self_reference_pattern
from .clauses import clause_prefix, clause_start
from .names import BARE_DROP, ORDINAL_TAIL, SCHOOLS, family, generic_owner, strip_mask
from .rules import ADMIN_LEVELS, alternation, load_org_rules, load_word_classes

__all__ = ["extract_reporting_org", "find_title_unit", "reporting_candidates", "Candidate"]

log = logging.getLogger(__name__)

_LEVEL_ROLE = re.compile(r"(副)?([省市县区镇乡])长")
_VENUE = re.compile(r"在(.+?)(?:会)?上的")
_CLASSES = load_word_classes()
_PERSONAL_GENRES = frozenset(_CLASSES["personal_genre"])
_SALUTATION = re.compile("^.{0,24}(" + alternation(_CLASSES["salutation"]) + ")[^。；！？]{0,6}[：:]$")
_SENTENCE_END = re.compile(r"[。；！？!?]")
_PERSON = re.compile(r"^\s*[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})*\s*$")
_OPENING_SENTENCES = 4
_PERSONAL_OPENING = 12  # a 心得's writer may introduce themselves after an editor's note and a scene
_FIRST_PERSON = re.compile(r"我(?!们单位|国|党|市|省|县|区)")
# ——县纪委常委在青石镇…大会上的讲话: who speaks, and at whose meeting
_SPEECH_ATTRIBUTION = re.compile(r"在[^，。；]{1,40}?(?:上|中)的(?:讲话|讲稿|发言|党课|报告|致辞|辅导)")
# 我是某供电所的一名…, 作为县财政局的一名…: the writer names their unit
_SELF_INTRODUCTION = re.compile(r"(?:^|[，,。：:；\s])(?:我(?:是|系|来自)|作为)(?:一名|一位)?(?:[*＊Xx×]{1,4})?")
# （作者单位：…）, （作者系…书记）, （发言人系…局长）: the writer's or speaker's post, on a last line
_AUTHOR_UNIT = re.compile(r"(?:(?:本文)?作者|撰稿人?|发言人|讲话人|主讲人)(?:单位\s*[：:]|系|为)\s*(?:[*＊Xx×]{1,4})?")
_LONGEST_PREFIX = 40  # a subject stands no further into its clause (a date, a byline, a place before it)
_LAST_LINES = 3
_NOT_REPORTING = frozenset(_CLASSES["not_reporting"])
_GENERIC = BARE_DROP - {"办公室"}  # 办公室干部在…的发言: the office speaks
_BODIES = tuple(sorted((b for b in _CLASSES["body"] if b not in ("支部", "纪委")), key=len, reverse=True))


@dataclass
class Candidate:
    """A unit some cue names as the reporter, with the weight of every cue for it."""

    name: str
    spelling: str
    score: float = 0.0
    cues: list[str] = field(default_factory=list)
    sentence: Sentence | None = None
    first: int = 1 << 30  # where in the document it was first proposed
    strongest: float = 0.0  # the weight of its strongest cue, whose spelling it keeps


@lru_cache(maxsize=None)
def _weights() -> dict[str, float]:
    path = lexicon_path("reporting_cues")
    out = {}
    for cue, weight in read_table(path, 2):
        try:
            out[cue] = float(weight)
        except ValueError:
            raise LexiconError(path, 0, f"weight of {cue!r} is not a number: {weight!r}") from None
    return out


@lru_cache(maxsize=None)
def _national_systems() -> frozenset[str]:
    """National bodies whose local units are named after them (国家税务总局某市税务局, 中国移动某分公司)."""
    return _words("reporting_systems") | frozenset(load_org_rules().systems)


@lru_cache(maxsize=None)
def _words(name: str) -> frozenset[str]:
    return frozenset(e.word for e in read_wordlist(lexicon_path(name)))


@lru_cache(maxsize=None)
def _governors() -> tuple[re.Pattern, re.Pattern]:
    """(anywhere, at the end): a governing word of two or more characters anywhere
    in the clause before a unit, or one of one character right before it."""
    words = _words("reporting_governors")
    longer = sorted((w for w in words if len(w) > 1), key=len, reverse=True)
    single = "".join(re.escape(w) for w in words if len(w) == 1)
    anywhere = re.compile("|".join(map(re.escape, longer))) if longer else re.compile(r"(?!)")
    at_end = re.compile(f"[{single}]$") if single else re.compile(r"(?!)")
    return anywhere, at_end


def _is_superior(name: str) -> bool:
    return name in _words("reporting_superiors") or name.startswith(("中共中央", "中央", "党中央", "国务院"))


def _is_visitor(name: str) -> bool:
    """An inspection or guidance group (指导组, 巡察组): it visits, the visited unit reports."""
    return name.endswith(tuple(_words("reporting_visitors")))


def find_title_unit(title: str, body_count=lambda name: 0, mentions: list[OrgMention] | None = None
                    ) -> tuple[OrgMention | str, str] | None:
    """(unit, how) named by a title as its speaker or author, else None.

    The unit is a mention, or a name when only a role names it (副县长 → 县政府).
    ``body_count(name)`` says how often the body names a unit; a unit that is
    only the venue (``在X…上的讲话``) counts when the body names it twice.

    >>> find_title_unit("XX市妇联关于青年理论学习小组建设情况汇报")[0].name
    '市妇联'
    >>> found = find_title_unit("组织部长在区委理论学习中心组专题研讨会上的交流发言")
    >>> found[0].name, found[1]
    ('组织部', 'title speaker')
    >>> find_title_unit("分管交通的副县长在县委中心组研讨交流会上的发言")
    ('县政府', 'title role')
    >>> find_title_unit("在区委主题教育读书班上的交流发言") is None
    True
    """
    if not title:
        return None
    member = _STANDING_MEMBER.match(title)
    if member:  # 县委常委、组织部部长在…: the department the member heads, of that committee
        found = find_title_unit(title[member.end():], body_count)
        if found and isinstance(found[0], OrgMention) and found[0].name[0] not in ADMIN_LEVELS:
            return member.group(1) + "委" + found[0].name, found[1]
        if found:
            return found
    if mentions is None:
        mentions = find_org_mentions(title)
    venue = _VENUE.search(title)
    cut = min((at for at in (title.find("在"), title.find("关于")) if at >= 0), default=-1)
    if venue:
        cut = venue.start() if cut < 0 else min(cut, venue.start())
    speaker_part = [m for m in mentions if (cut < 0 or m.start < cut) and m.name not in _NOT_REPORTING
                    and m.canonical not in _GENERIC and m.name not in _GENERIC]
    if speaker_part:
        return _speaker(speaker_part, title), "title speaker"
    head = title[:cut] if cut >= 0 else title
    role = _LEVEL_ROLE.search(head)
    if role:
        return role.group(2) + "政府", "title role"
    if venue:
        for m in mentions:
            host = len(m.canonical) == 2 and m.canonical[1] == "委"  # 区委 hosts a class for others
            if venue.start(1) <= m.start and m.end <= venue.end(1) and body_count(m.name) >= (2 if host else 1) \
                    and not m.collective:  # 在全市法院…上的讲话: every court of the city, no host
                return m, "title venue"
    return None


_PERSON_AT_END = re.compile(r"\s+\S{1,4}$")
_STANDING_MEMBER = re.compile(r"^(?:中共)?[*＊Xx×某]{0,4}([省市县区州旗])委常委[、，,\s]\s*")


def _speaker(mentions: list[OrgMention], title: str | None = None) -> OrgMention:
    """The unit a title speaks for: the first chain's name a role is attached to
    (县委宣传部部长), else the longest name of the first chain (中共XX市委组织部 → 市委组织部)."""
    first = mentions[0]
    leading, end = [], first.start
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start > end and (title is None or strip_mask(title[end:m.start]).strip()):
            break  # a word between: the first names are over (市老干部局召开…支部书记培训会)
        leading.append(m)
        end = max(end, m.end)
    with_role = [m for m in leading if m.role]
    if with_role:  # 国家税务总局XX市税务局党委书记在…: the unit the role belongs to
        return max(with_role, key=lambda m: (m.end, len(m.name)))
    chain = [m for m in mentions if m.start == first.start]
    chain = [m for m in chain if family(m.name)[0] is None] or chain
    head = max(chain, key=lambda m: m.end)
    after = [m for m in leading if m.start == head.end and family(m.name)[0] is None]
    if head.name in _national_systems() and after:  # 国家税务总局汉中市税务局党委…: the local unit it prefixes
        return max(after, key=lambda m: m.end)
    return head


def _governed(norm: str, m: OrgMention) -> bool:
    """Does a governing word (根据, 按照, 在…领导下) stand before ``m`` in its clause?"""
    before = norm[clause_start(norm, m.start):m.start]
    anywhere, at_end = _governors()
    return anywhere.search(before) is not None or at_end.search(before) is not None


# 村“两委”: the committees of whichever village the text is about, not a reporter by itself
_BARE_TWO = re.compile(r"^(?:村|社区|嘎查)“?两委”?$")
_SIBLING_KIND = re.compile(r"[（(]([\u4e00-\u9fff])[）)]")
# Characters after which a name stands alone: 与公司党委, 由中心党支部.
_STANDS_AFTER = frozenset("与和及同在由对向把将的为是了经")


class _Ballot:
    """The candidates of one document and the weight each cue gave them."""

    def __init__(self, orgs: list[dict], text: str = ""):
        self.orgs = orgs
        self.text = text
        self.by_spelling: dict[str, dict] = {}
        for o in orgs:
            for s in [o["name"], *o["aliases"]]:
                self.by_spelling.setdefault(s, o)
        self.candidates: dict[str, Candidate] = {}
        self.weights = _weights()
        self.suffix_words = load_org_rules().suffix_words
        self.last_chars = load_org_rules().last_chars
        self.subjects: dict[int, list[OrgMention]] = {}  # sentence index → its clause subjects
        self.siblings: list[int] | None = None  # where a sibling kind in brackets follows a name: （站）

    def unit_of(self, spelling: str, bare: bool = False, national: bool = False) -> tuple[str, str] | None:
        """(key, spelling) of the unit ``spelling`` names, or None when it cannot report.

        A generic name (局, 党委) reports only when it is ``bare``: a
        self-reference with nothing in the text to resolve it to."""
        if not spelling or spelling in _NOT_REPORTING or self._a_kind_of_units(spelling) or _BARE_TWO.match(spelling):
            return None
        fam, owner = family(spelling)
        if fam is not None:
            if generic_owner(owner) and len(owner) < 2:
                return None
            spelling = ORDINAL_TAIL.sub("", owner)  # 局党组理论学习中心组 reports as 局党组
        item = self.by_spelling.get(spelling)
        if item and item.get("parent") and family(item["name"])[0] is not None:
            item = self.by_spelling.get(item["parent"], item)  # a study group: its unit
        elif item and item["name"] != spelling and family(item["name"])[0] is not None:
            item = self.by_spelling.get(family(item["name"])[1], item)  # 小组 of 市港航中心青年理论学习小组
        elif item and item.get("parent") and "驻" in item["name"] and item["parent"] in self.by_spelling:
            item = self.by_spelling[item["parent"]]  # a team a unit stations elsewhere: that unit
            spelling = item["name"]
        key = item["name"] if item else spelling
        if not national and (_is_superior(key) or _is_superior(spelling)):
            return None
        for body in _BODIES:
            unit = self.by_spelling.get(key[: -len(body)]) if key.endswith(body) and len(key) > len(body) else None
            if unit is not None:
                key = unit["name"]  # a unit and its party body report as one (市税务局 / 市税务局党委)
                break
        if item and item["name"] != spelling and (spelling in _GENERIC or spelling in self.suffix_words
                                                  or self._cut_head(spelling, item["name"])) \
                and item["name"] not in _GENERIC:
            spelling = item["name"]  # 团委 in the title of the report of __镇团委; 中心党支部 of 市信访局接访中心党支部
        elif spelling in _GENERIC and not bare:
            return None
        return key, spelling

    def _a_kind_of_units(self, spelling: str) -> bool:
        """镇新时代文明实践所（站）: the institutes and stations a town builds, a kind of unit, not one.
        (A second name in brackets is longer: 县工商联（总商会）, 烟草专卖局（公司）.)"""
        if spelling[-1] not in self.last_chars:
            return False
        if self.siblings is None:
            self.siblings = [m.start() for m in _SIBLING_KIND.finditer(self.text) if m.group(1) in self.last_chars]
        return any(at >= len(spelling) and self.text.startswith(spelling, at - len(spelling)) for at in self.siblings)

    def _cut_head(self, spelling: str, name: str) -> bool:
        """Is ``spelling``, the end of ``name``, only ever written as the end of a longer name
        (中心党支部, always after 接访 or another unit's words)?

        Then the scan cut it (接访 is a verb); a kind the text writes alone (，公司党委) is a spelling."""
        if len(name) <= len(spelling) or not name.endswith(spelling) or not self.text:
            return False
        at = self.text.find(spelling)
        while at > 0:
            if not "\u4e00" <= self.text[at - 1] <= "\u9fff" or self.text[at - 1] in _STANDS_AFTER:
                return False
            at = self.text.find(spelling, at + 1)
        return at != 0

    def vote(self, spelling: str, cue: str, sentence: Sentence | None, at: int, scale: float = 1.0,
             bare: bool = False, national: bool = False) -> None:
        found = self.unit_of(spelling, bare, national)
        if found is None:
            return
        key, spelling = found
        weight = self.weights.get(cue, 0.0) * scale
        if _is_visitor(key):
            weight *= self.weights.get("visitor factor", 0.3)
        if weight <= 0:
            return
        c = self.candidates.get(key)
        if c is None:
            c = self.candidates[key] = Candidate(key, spelling)
        if self.weights.get(cue, 0.0) > c.strongest:
            c.spelling, c.strongest = spelling, self.weights.get(cue, 0.0)  # the strongest cue's spelling
        c.score += weight
        c.cues.append(cue if scale == 1.0 else f"{cue} ×{scale:g}")
        if at < c.first:
            c.first, c.sentence = at, sentence or c.sentence
        elif c.sentence is None:
            c.sentence = sentence

    def ranked(self) -> list[Candidate]:
        return sorted(self.candidates.values(), key=lambda c: (-c.score, c.first))


def reporting_candidates(ctx: Context) -> list[Candidate]:
    """Every unit a cue proposes as the reporter, best first."""
    orgs = ctx.found.get("organizations")
    if orgs is None:
        orgs = extract_organizations(ctx)
    mentions = mentions_in_context(ctx)
    doc = ctx.doc
    ballot = _Ballot(orgs, doc.norm or doc.text or "")
    by_sentence: dict[int, list[OrgMention]] = {}
    for m, sent in mentions:
        by_sentence.setdefault(sent.index, []).append(m)

    title = doc.title.strip() if doc.title and not doc.title_derived else ""
    title_norm = normalize_text(title)
    title_sents = [s for s in ctx.sentences[:2] if title and s.norm.strip() and s.norm.strip() in title_norm]
    _vote_title(ctx, ballot, title_norm, title_sents, by_sentence, mentions)
    in_title = {s.index for s in title_sents}
    title_at = title_sents[0].start if title_sents else -1
    # the site's name above the headline (湘中冶金集团有限公司): who publishes the page, like a byline's source
    for s in ctx.sentences:
        if s.start >= title_at:
            break
        for m in _chain_heads(by_sentence.get(s.index, [])):
            ballot.vote(m.name, "byline source", s, s.start)
    body = [s for s in ctx.sentences if s.start >= title_at and s.index not in in_title]
    _vote_occasion(ballot, title_norm, body)
    _vote_subtitle(ballot, body, by_sentence)
    personal = doc.genre in _PERSONAL_GENRES and _FIRST_PERSON.search(doc.norm or doc.text or "") is not None
    bylined = _byline_units(doc.meta.get("byline") or {})
    _vote_byline(ballot, bylined, mentions, personal)
    author_line = _vote_author_line(ballot, body, by_sentence)
    _vote_author_unit(ballot, body, by_sentence)
    _vote_self_introduction(ballot, body[:_PERSONAL_OPENING if personal else _OPENING_SENTENCES + 2], by_sentence)
    _vote_lead(ballot, body[:_OPENING_SENTENCES], by_sentence)
    _vote_openings(ballot, [s for s in body if s.index != author_line], by_sentence,
                   personal=personal)
    _vote_self_references(ctx, ballot, orgs, bylined)
    _vote_plan_owner(ballot, body[:_OPENING_SENTENCES + 2], by_sentence)
    _vote_signature(ballot, body, by_sentence)
    _vote_subjects(ballot, body, by_sentence)
    _discount_superior_levels(ballot, ctx.doc.norm or ctx.doc.text)
    _merge_kind_into_name(ballot)
    return ballot.ranked()


def _vote_title(ctx, ballot, title_norm, title_sents, by_sentence, mentions) -> None:
    if not title_norm:
        return
    if title_sents:
        in_title = [m for s in title_sents for m in by_sentence.get(s.index, [])]
    else:
        in_title = find_org_mentions(title_norm)
    title_index = {s.index for s in title_sents}
    counts: dict[str, int] = {}
    for m, sent in mentions:
        if sent.index not in title_index:
            counts[m.canonical] = counts.get(m.canonical, 0) + 1
    found = find_title_unit(title_norm, lambda name: counts.get(find_canonical(name, mentions), 0), in_title)
    sent = title_sents[0] if title_sents else None
    if found:
        unit, how = found
        name = unit if isinstance(unit, str) else unit.name
        if how == "title speaker" and name in ballot.suffix_words and not getattr(unit, "masked", False):
            how = "title other"  # “家门口”服务站开张: a kind of thing, no unit that speaks
        ballot.vote(name, how, sent, 0)
    venue = _VENUE.search(title_norm)
    visitor = found[0] if found and not isinstance(found[0], str) and _is_visitor(found[0].name) else None
    for m in in_title:
        if venue and venue.start(1) <= m.start < venue.end(1):
            continue  # the host of the meeting, not the speaker
        if visitor is not None and m.start >= visitor.end and _VISIT.search(title_norm, visitor.end, m.start):
            ballot.vote(m.name, "title visited", sent, 0)  # 指导组督查市二医院: the page of the unit visited
            visitor = None
        elif not found or isinstance(found[0], str) or m.canonical != found[0].canonical:
            ballot.vote(m.name, "title other", sent, 0)


def find_canonical(name: str, mentions) -> str:
    for m, _ in mentions:
        if m.name == name:
            return m.canonical
    return name


def _vote_subtitle(ballot, body, by_sentence) -> None:
    """A line under the title that opens with a dash (——某局开展…) is a second title."""
    for s in body[:3]:
        if s.norm.startswith(("——", "—", "--")):
            # 在全县乡镇站所负责人读书班上: every unit of a kind, no speaker
            ms = sorted((m for m in by_sentence.get(s.index, []) if not m.collective), key=lambda m: (m.start, -m.end))
            if ms:
                who = _speaker([m for m in ms if m.start == ms[0].start])
                # ——县纪委常委在青石镇…大会上的讲话: the speaker's unit, not the meeting's host
                spoken = _SPEECH_ATTRIBUTION.search(s.norm, who.end)
                ballot.vote(who.name, "subtitle speaker" if spoken else "subtitle", s, s.start)
            return


def _byline_units(byline: dict) -> list[tuple[str, list[OrgMention]]]:
    """(role, units named) of each byline field that names who published, supplied or wrote the page."""
    roles = byline_roles()
    return [(roles.get(label, "other"), find_org_mentions(normalize_text(value))) for label, value in byline.items()
            if roles.get(label, "other") != "other"]


def _vote_byline(ballot, bylined: list[tuple[str, list[OrgMention]]], mentions, personal: bool = False) -> None:
    """Each unit a byline field names, by the field's role; in a first-person piece (a 心得,
    a 发言) the author field (作者：某县财政局预算股 龙某) names the writer's own unit."""
    named = {m.canonical for m, _ in mentions} | {m.name for m, _ in mentions}
    media = _words("reporting_media")
    voted = set()
    for role, found in bylined:
        for m in _chain_heads(found):  # 石门县委宣传部, not also 石门县委
            if any(word in m.name for word in media):
                continue  # a newspaper or a news site publishes; it does not report
            # 绩溪县教体局 in the byline is the 县教体局 of the text: vote for the spelling the text uses
            known = next((x for x in (m.name, m.canonical, *sorted(m.aliases, key=len, reverse=True))
                          if x in ballot.by_spelling), None)
            spelling = ballot.by_spelling[known]["name"] if known else m.name
            in_text = spelling in named or m.name in named or m.canonical in named or spelling in ballot.by_spelling
            if (role, spelling) in voted:
                continue  # 来源 and the site's 主办单位 naming one unit: one page, one vote
            voted.add((role, spelling))
            cue = "byline writer" if personal and role == "author" else f"byline {role}" + (" named" if in_text else "")
            ballot.vote(spelling, cue, None, 1 << 20)


def _vote_author_line(ballot, body, by_sentence) -> int | None:
    """``林庄村党总支书记 张振华`` on a line of its own under the title; the line's index (no opening
    sentence: 县委常委、组织部部长 names the speaker's posts, not 县委 acting)."""
    for s in body[:3]:
        if len(s.norm) > 40 or _SENTENCE_END.search(s.norm):
            continue
        if _STANDING_MEMBER.match(s.norm):  # 县委常委、组织部部长　某某
            found = find_title_unit(_PERSON_AT_END.sub("", s.norm.strip()))
            if found:
                ballot.vote(found[0] if isinstance(found[0], str) else found[0].name, "author line", s, s.start)
                return s.index
        ms = [m for m in by_sentence.get(s.index, []) if m.start <= 2]
        if not ms:
            continue
        m = max(ms, key=lambda x: x.end)
        rest = s.norm[m.end:]
        if m.role:
            rest = rest[rest.find(m.role) + len(m.role):] if m.role in rest else rest
        if _PERSON.match(rest) or not rest.strip():
            ballot.vote(m.name, "author line", s, s.start)
            return s.index
    return None


def _vote_author_unit(ballot, body, by_sentence) -> None:
    """``（作者单位：某县第二实验小学语文教研组 刘某）`` or ``（发言人系某分局党支部书记）`` on one of the
    last lines: the writer's unit."""
    _vote_unit_after(ballot, body[-_LAST_LINES:], by_sentence, _AUTHOR_UNIT, "author line", right_after=False)


def _vote_self_introduction(ballot, opening, by_sentence) -> None:
    """``我是某供电所的一名配电运维工``, ``作为县财政局的一名年轻干部`` in the first sentences:
    the writer's own unit."""
    _vote_unit_after(ballot, opening, by_sentence, _SELF_INTRODUCTION, "self introduction", right_after=True)


def _vote_lead(ballot, opening, by_sentence) -> None:
    """由县委网信办牵头，县委宣传部、县公安局联合主办: the unit that leads an event others join."""
    for s in opening:
        for hit in _LEAD.finditer(s.norm):
            ms = _chain_heads([m for m in by_sentence.get(s.index, []) if hit.start(1) <= m.start and m.end == hit.end(1)])
            if ms:
                ballot.vote(ms[0].name, "lead", s, s.start)
                return


_LEAD = re.compile(r"由([^，。；、由]{2,24}?)牵头")


def _vote_unit_after(ballot, sentences, by_sentence, cue: re.Pattern, how: str, right_after: bool) -> None:
    """In the first of ``sentences`` where ``cue`` is found, the unit named after it (``right_after``:
    starting where the cue ends) gets the vote ``how``."""
    for s in sentences:
        at = cue.search(s.norm)
        if at is None:
            continue
        ms = _chain_heads([m for m in by_sentence.get(s.index, [])
                           if (m.start == at.end() if right_after else m.start >= at.end())])
        if ms:
            ballot.vote(ms[0].name, how, s, s.start)
            return


def _chain_heads(ms: list[OrgMention]) -> list[OrgMention]:
    """The longest mention of each chain (市林草局 / 市林草局直属机关党委 → the latter)."""
    out = []
    for m in sorted(ms, key=lambda m: (m.start, -m.end)):
        if out and m.start == out[-1].start:
            continue
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


# A speech's 刚才 (just now) opens what others at the meeting did before the speaker.
_OTHERS_BEFORE = re.compile(r"\s*(?:刚才|刚刚)")


def _subject_mentions(s: Sentence, ms: list[OrgMention], memo: dict | None = None) -> list[OrgMention]:
    """Mentions that open their clause (after a date or an opener) and are not governed."""
    if memo is not None and s.index in memo:
        return memo[s.index]
    out = []
    if _OTHERS_BEFORE.match(s.norm):
        ms = []  # 刚才，县委党校和石门乡党委的同志作了发言: others spoke before the speaker
    for m in _chain_heads(ms):
        if s.norm[m.end:m.end + 1] == "的" or m.start - clause_start(s.norm, m.start) > _LONGEST_PREFIX:
            continue
        if _VENUE_AFTER.match(s.norm, m.end):
            continue  # 法院九楼审判庭座无虚席: the unit is where it happens
        if _MEMBER_AFTER.match(s.norm, m.end):
            continue  # 某小学五年级学生乌日娜说: one of the people it serves speaks, not the unit
        if clause_prefix(s.norm, m.start) or _governed(s.norm, m):
            continue
        out.append(m)
    if memo is not None:
        memo[s.index] = out
    return out


def _is_addressee(s: Sentence, ms: list[OrgMention]) -> bool:
    """``区委：`` or ``县委主题教育领导小组：`` alone on a line: whom a report is sent to, not who sends it."""
    line = s.norm.strip()
    return len(line) <= 40 and line.endswith(("：", ":")) and bool(ms) and all(
        not line[:m.start].strip("、，, 和及与") for m in ms[:1]) and max(m.end for m in ms) >= len(line) - 1


def _vote_openings(ballot, body, by_sentence, personal: bool = False) -> None:
    """The subject of the first clauses; failing one, the first unit named at all.

    In a piece written in the first person (a 心得, a 发言), the units opening it set the
    scene (区委组织部启动…计划, 我有幸成为其中一员): they count half."""
    opening = [s for s in body if not _SALUTATION.match(s.norm) and not s.norm.startswith(("——", "—"))
               and not _is_addressee(s, by_sentence.get(s.index, []))]
    rank = 0
    named = False
    for s in opening[:_OPENING_SENTENCES]:
        ms = by_sentence.get(s.index, [])
        subjects = _subject_mentions(s, ms, ballot.subjects)
        honoured = _HONOURED.search(s.norm)
        visited = next((m for m in ms if honoured and m.start == honoured.end()), None)
        if visited is not None:
            # 省局考评组莅临某区局进行考核: the page of the unit honoured with the visit
            ballot.vote(visited.name, "opening visited", s, s.start)
            subjects = [m for m in subjects if m.start > honoured.start()]
        if subjects:
            ballot.vote(subjects[0].name, "opening subject", s, s.start,
                        scale=(0.5 if personal else 1.0) / (1 + rank))
            rank += 1
        if not named:
            free = [m for m in _chain_heads(ms) if not _governed(s.norm, m)]
            if free:
                ballot.vote(free[0].name, "opening mention", s, s.start)
                named = True


def _vote_subjects(ballot, body, by_sentence) -> None:
    """Every clause-opening mention in the body: the unit the report keeps talking about."""
    counts: dict[str, tuple[int, Sentence]] = {}
    for s in body:
        for m in _subject_mentions(s, by_sentence.get(s.index, []), ballot.subjects):
            n, first = counts.get(m.name, (0, s))
            counts[m.name] = (n + 1, first)
    cap = ballot.weights.get("subject cap", 3.0)
    for name, (n, s) in counts.items():
        ballot.vote(name, "body subject", s, s.start, scale=min(n, cap))


def _ends_as(name: str, suffix: str) -> bool:
    """Does ``name``, or its unit before a party body, end in ``suffix`` (校党委 ends as 校)?"""
    if name.endswith(suffix):
        return True
    return any(name.endswith(body) and name[: -len(body)].endswith(suffix) for body in _BODIES)


def _vote_self_references(ctx, ballot, orgs, bylined: list[tuple[str, list[OrgMention]]]) -> None:
    """The first self-reference of the document (我局, 我镇, 该院), resolved to the
    most named unit of that kind, else the kind word itself."""
    pattern, table = self_reference_pattern(load_org_rules())
    norm = ctx.doc.norm or ctx.doc.text
    hit = pattern.search(norm)
    if hit is None:
        return
    suffix, at = table[hit.group()], hit.start()
    sent = next((s for s in ctx.sentences if s.start <= at < s.end), None)
    units = [o for o in orgs if not _is_superior(o["name"]) and family(o["name"])[0] is None
             and o["name"] not in ("省委", "市委", "县委", "区委")]
    named = [o for o in units if suffix == "*" or o["name"].endswith(suffix)
             or any(a.endswith(suffix) for a in o["aliases"])]
    if not named:  # 我校 in a report that names only 校党委
        named = [o for o in units if _ends_as(o["name"], suffix) or any(_ends_as(a, suffix) for a in o["aliases"])]
    if suffix == "校":  # 我校 in a school's speech that names the county's 党校 once: the school first
        schools = [o for o in units if o["name"].endswith(SCHOOLS)]
        named = schools + [o for o in named if o not in schools]
    if not named and suffix.endswith("党组"):
        named = [o for o in orgs if o["name"].endswith(suffix[:-2])]
    # 我们支部 on a page 供稿 by a 研究生党支部: the page's own unit, before a partner the text names
    supplied = [m.name for role, found in bylined if role == "source" for m in found]
    supplied = [n for n in supplied if suffix != "*" and (n.endswith(suffix) or _ends_as(n, suffix))]
    if supplied:
        ballot.vote(supplied[-1], "self reference", sent, at)
    elif named:
        best = max(named, key=lambda o: o["mentions"])
        ballot.vote(best["name"], "self reference", sent, at)
    elif suffix != "*" and (len(suffix) > 1 or suffix in "局委院校办厅镇乡村"):
        ballot.vote(suffix, "self reference bare", sent, at, bare=True)


@lru_cache(maxsize=None)
def _occasions() -> tuple[tuple[re.Pattern, str], ...]:
    path = lexicon_path("reporting_occasions")
    out = []
    for n, line in iter_lines(path):
        pattern, sep, unit = line.rpartition("=>")
        if not sep or not pattern.strip() or not unit.strip():
            raise LexiconError(path, n, f"expected 'pattern => unit', got {line!r}")
        try:
            out.append((re.compile(pattern.strip(), re.M), unit.strip()))
        except re.error as err:
            raise LexiconError(path, n, f"bad pattern {pattern.strip()!r}: {err}") from err
    return tuple(out)


def _vote_occasion(ballot, title_norm: str, body: list[Sentence]) -> None:
    """A national report: 我代表国务院…, 在…第十九次全国代表大会上的报告 (data/lexicon/reporting_occasions.txt).

    The unit the occasion names reports even when it is a superior elsewhere."""
    opening = body[:_OPENING_SENTENCES + 2]
    parts = [(title_norm, None)] + [(s.norm, s) for s in opening]
    for text, sent in parts:  # the title first, then the opening lines
        for pattern, unit in _occasions():
            if text and pattern.search(text):
                sent = sent or (body[0] if body else None)  # a title outside the text: the opening line stands for it
                ballot.vote(unit, "occasion", sent, sent.start if sent else 0, national=True)
                return


_HONOURED = re.compile(r"莅临|亲临")
_VISIT = re.compile(r"督查|督导|检查|调研|视察|走访|指导|考察|慰问|巡察|巡视|莅临|到")
_VENUE_AFTER = re.compile(r"(?:[一二三四五六七八九十\d]{1,2}楼)?(?:" + alternation(_CLASSES["venue_after"]) + ")")
_MEMBER_AFTER = re.compile(r"(?:[一二三四五六七八九十\d]{1,2}年级|(?:19|20)?\d{2}级|[初高][一二三])?(?:"
                           + alternation(_CLASSES["member_after"]) + ")")
_PLAN_OF = re.compile("(?:" + "|".join(map(re.escape, _CLASSES["plan_verb"])) + ")$")


def _vote_plan_owner(ballot, sentences, by_sentence) -> None:
    """现制定市局2023年度理论学习计划, 现将市委统战部上半年工作总结汇报如下: whose plan or report it is."""
    for s in sentences:
        for m in _chain_heads(by_sentence.get(s.index, [])):
            if _PLAN_OF.search(s.norm, max(0, m.start - 4), m.start):
                ballot.vote(m.name, "plan owner", s, s.start)
                return


_OWN_LEVEL = re.compile(r"我(省|市|州|县|区|镇|乡)")
_LEVEL_RANK = {"省": 0, "市": 1, "州": 1, "县": 2, "区": 2, "镇": 3, "乡": 3}


def _discount_superior_levels(ballot, norm: str) -> None:
    """我市, 我县: the speaker is of that level, so a unit of a higher level (省委老干部局
    in a city's report) hosted or instructed, and counts only a fraction of its votes."""
    own = _OWN_LEVEL.search(norm)
    if own is None:
        return
    rank = _LEVEL_RANK[own.group(1)]
    factor = ballot.weights.get("superior level factor", 0.2)
    for c in ballot.candidates.values():
        level = c.name[:1]
        if level in _LEVEL_RANK and _LEVEL_RANK[level] < rank:
            c.score *= factor
            c.cues.append(f"superior level ×{factor:g}")


_FORMAL_PARTY = re.compile(r"^(?:中共|中国共产党)|委员会$")
# Cues that name the page's own unit from outside its prose (a superior the body names is no such unit).
_PAGE_CUES = ("title", "subtitle", "byline", "signature", "author line", "self introduction", "plan owner")


def _kind_of_bare(name: str) -> str | None:
    """The kind a bare self-name stands for (矿党委 → 矿, 局 → 局), else None."""
    for body in ("", *_BODIES):
        kind = name[: len(name) - len(body)]
        if name.endswith(body) and len(kind) == 1 and "\u4e00" <= kind <= "\u9fff":
            return kind
    return None


def _merge_kind_into_name(ballot) -> None:
    """矿党委 in the opening and 中共某集团鹰嘴山煤矿委员会 in the signature are one unit:
    a bare kind gives its votes to the one full name of that kind that a title, byline,
    signature or author line names, which keeps its spelling."""
    for c in list(ballot.candidates.values()):
        kind = _kind_of_bare(c.name)
        if kind is None:
            continue
        named = [d for d in ballot.candidates.values() if d is not c and len(d.name) > 2
                 and _kind_of_bare(d.name) is None
                 and (_ends_as(_FORMAL_PARTY.sub("", d.name), kind) or _ends_as(d.name, kind)
                      or kind == "委" and d.name.endswith("委员会"))  # 我委 of 某管理委员会
                 and any(cue.startswith(_PAGE_CUES) for cue in d.cues)]
        if len(named) != 1:
            continue
        d = named[0]
        d.score += c.score
        d.cues.extend(c.cues)
        if c.first < d.first:
            d.first, d.sentence = c.first, c.sentence or d.sentence
        del ballot.candidates[c.name]


# A person's name after the unit on a signature line, set off by spaces: 2–4 characters or a mask.
_SIGNER_AFTER = re.compile(r"\s+(?:[\u4e00-\u9fff]{1,2}(?:[Xx×*＊某]{1,3}|[\u4e00-\u9fff]{1,2}))$")


_SIGNATURE_LEAD = re.compile(r"(?:中共|中国共产党)?(?:[*＊Xx×某]{1,4})?")


def _vote_signature(ballot, body, by_sentence) -> None:
    """A unit's name alone on one of the last lines (above a date): the signature."""
    addressed = any(_is_addressee(o, by_sentence.get(o.index, [])) for o in body[:2])
    for s in body[-_LAST_LINES:]:
        if len(s.norm) > 30 or _SENTENCE_END.search(s.norm):
            continue
        ms = _chain_heads(by_sentence.get(s.index, []))
        line = _SIGNER_AFTER.sub("", s.norm.strip())  # 湘潭县司法局花石司法所　谭XX: the unit, then who signs
        lead = _SIGNATURE_LEAD.match(line).end()  # 中共XX区委宣传部: the party's name and a mask before it
        if ms and ms[0].start <= lead + 1 and ms[-1].end >= len(line) - 1:
            ballot.vote(ms[0].name, "signature addressed" if addressed else "signature", s, s.start)


def _speaker_lines(ctx: Context) -> str:
    """The title and the short lines above the body: where a speech names its speaker."""
    lines = [ctx.doc.title or ""]
    for line in (ctx.doc.norm or ctx.doc.text).split("\n", _LEAD_LINES)[:_LEAD_LINES]:
        if 0 < len(line.strip()) <= 40 and not _SENTENCE_END.search(line):
            lines.append(line.strip())
    return "\n".join(lines)


_LEAD_LINES = 12


def _unit_headed(spelling: str, lines) -> str:
    """The unit, not its party body, when the speaker is the body's secretary and
    the unit's head: 市公安局党委书记、局长 speaks as 市公安局 (a meeting the
    secretary only chairs is still the body's). ``lines`` gives the speaker's
    lines, read only for a party body's spelling.

    >>> _unit_headed("市总工会党组", lambda: "市总工会党组书记、常务副主席　孙XX")
    '市总工会'
    >>> _unit_headed("镇党委", lambda: "镇党委书记、镇长　李XX"), _unit_headed("局党组", lambda: "局党组书记、局长")
    ('镇党委', '局党组')
    """
    body = next((b for b in ("党组", "党委") if spelling.endswith(b)), None)
    unit = spelling[: -len(body)] if body else ""
    if len(unit) < 2 or unit[-1] in ADMIN_LEVELS:
        return spelling
    text = lines()
    if spelling + "书记" not in text:
        return spelling
    kind = re.sub(r"（[^）]*）$", "", unit)[-1]
    roles, pattern = _head_roles()
    for m in pattern.finditer(text):
        if text.startswith(spelling, m.start() - len(spelling)):
            ends = roles[m.group(1)]
            if not ends or kind in ends:
                return unit
    return spelling


@lru_cache(maxsize=1)
def _head_roles() -> tuple[dict[str, str], re.Pattern]:
    """The roles that head a unit itself (局长, 主席, 院长), with the last character
    its name then has ("" for any), and the secretary's post followed by one."""
    roles = {role: end for role, end in load_org_rules().roles if not end.startswith("@")
             and not role.startswith(("副", "常务", "专职")) and not any(w in role for w in ("书记", "干部", "负责"))}
    # a deputy speaks as the secretary; a standing deputy (工会的常务副主席) runs the unit
    return roles, re.compile("书记[、，,]\\s*(?:常务副)?(" + alternation(roles) + ")")


@register("reporting_org")
def extract_reporting_org(ctx: Context) -> list[dict]:
    """``[{name, how, score, evidence, start, end}]`` for the reporting unit, or ``[]``.

    >>> from kg.document import Document
    >>> doc = Document(doc_id="d", title="", text="11月2日，县统计局召开学习会。我局党员干部参加。")
    >>> [(r["name"], r["how"]) for r in extract_reporting_org(Context.from_document(doc))]
    [('县统计局', 'opening subject, opening mention, self reference, body subject')]
    """
    ranked = reporting_candidates(ctx)
    if not ranked:
        return []
    best = ranked[0]
    if best.score < _weights().get("minimum", 0.0):
        return []
    sent = best.sentence
    item = {"name": _unit_headed(best.spelling, lambda: _speaker_lines(ctx)), "how": ", ".join(dict.fromkeys(best.cues)),
            "score": round(best.score, 2)}
    if sent is None:
        item.update(evidence="", start=0, end=0)
    else:
        item.update(evidence=sent.text, start=sent.start, end=sent.end)
    return [item]
