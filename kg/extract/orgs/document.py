"""The units of one document: mentions merged into one item per unit.

Generic names (``青年理论学习小组``, ``中心组``, ``党组``) join the one
specific unit they stand for; alone and unmatched they are dropped when they
cannot name anything by themselves (``党委``, ``中心``).
"""
from __future__ import annotations

import bisect
import logging
import re

from ..base import Context, Sentence, finditer_from, register
from ..tokenize import tokenize_text
from .mentions import (PLACE_UNIT_FIRST, PLACE_UNIT_PATTERN, OrgMention, endings_matcher, find_org_mentions,
                       find_self_names)
from .names import (BARE_DROP, BRANCHES, MASKABLE, ORDINAL_TAIL, OWN_HEAD, SCHOOLS, SELF_BODY, STUDY_FAMILIES, family,
                    generic_owner)
from .rules import ADMIN_LEVELS, ZONES, OrgRules, alternation, load_org_rules, load_word_classes

__all__ = ["resolve_organizations", "mentions_in_context", "extract_organizations"]

log = logging.getLogger(__name__)

_SELF_NAMING_SENTENCES = 5
_BODY_WORDS = tuple(sorted(load_word_classes()["body"], key=len, reverse=True))
# A unit named after a partner cue, alone or in a list (与县委党校、县农业农村局机关党支部开展联学): a partner.
_PARTNER_OR_LISTED_BEFORE = re.compile(
    "(?:" + alternation(load_word_classes()["partner"]) + r")(?:[^，,。；;：:]{0,30}[、和及与])?$")


def resolve_organizations(mentions: list[tuple[OrgMention, Sentence]], rules: OrgRules | None = None) -> list[dict]:
    """Merge the mentions of one document into one item per distinct unit.

    Mentions are grouped by their canonical form (市卫健委 and 市卫生健康委
    are one unit; 潞州区总工会 and 区总工会 too); each unit is named as the
    text spells it, its longest spelling, and every other spelling and
    expansion is an alias. Then generic names (``青年理论学习小组``,
    ``中心组``, ``党组``) join the one specific unit they stand for; alone
    and unmatched they are dropped when they cannot name anything by
    themselves (``党委``, ``中心``).
    """
    units = _DocumentUnits(rules or load_org_rules())
    for m, sent in mentions:
        units.add(m, sent)
    units.merge_school_self_names()
    units.merge_study_groups()
    units.merge_level_abbreviations()
    units.merge_short_forms()
    units.merge_declared_aliases()
    units.merge_generic_names()
    units.merge_cut_heads()
    return units.items()


class _DocumentUnits:
    """The units of one document, keyed by canonical name, in order of first mention."""

    def __init__(self, rules: OrgRules):
        self.rules = rules
        self.groups: dict[str, dict] = {}
        self.order: list[str] = []

    def add(self, m: OrgMention, sent: Sentence) -> None:
        key = m.canonical
        g = self.groups.get(key)
        if g is not None and m.place and g["place"] and not (g["place"].endswith(m.place)
                                                            or m.place.endswith(g["place"])):
            key = m.place + m.canonical  # 潼南区民政局 and 铜梁区民政局: two units of one kind
            g = self.groups.get(key)
        if g is None:
            g = self.groups[key] = {"aliases": set(), "spellings": {}, "kind": m.kind, "sentence": sent,
                                    "mentions": 0, "parent": m.parent, "standalone": 0, "masked": False,
                                    "named": "", "collective": 0, "in_titles": 0, "place": "", "partner": 0}
            self.order.append(key)
        g["last"] = sent
        g["place"] = g["place"] or m.place
        g["partner"] += _PARTNER_OR_LISTED_BEFORE.search(sent.norm, max(0, m.start - 40), m.start) is not None
        g["aliases"] |= m.aliases
        g["spellings"][m.name] = g["spellings"].get(m.name, 0) + 1
        g["mentions"] += 1
        g["standalone"] += not m.inner
        g["masked"] = g["masked"] or m.masked
        g["collective"] += m.collective
        g["in_titles"] += "《" in sent.norm and _inside_title(sent.norm, m.start, m.end)
        if m.parent and not g["parent"]:
            g["parent"] = m.parent

    def live(self) -> list[str]:
        return [o for o in self.order if o in self.groups]

    def merge_school_self_names(self) -> None:
        """学校 in a school's own report is that school (学校党委 ≡ 理工大学党委)."""
        names = self.live()
        schools = [o for o in names if o.endswith(SCHOOLS) and not o.startswith("学校") and len(o) >= 2]
        if len(schools) > 1:
            schools = [o for o in schools if any(x != o and x.startswith(o) for x in names)]
        if len(schools) == 1:
            for name in names:
                if name.startswith("学校") and name != schools[0]:
                    self.rename(name, schools[0] + name[2:])

    def merge_study_groups(self) -> None:
        """Every spelling of one unit's 中心组 / 学习小组 becomes one; a bare one
        (青年理论学习小组) is the document's own unit's group."""
        units = [o for o in self.live() if family(o)[0] is None and o not in BARE_DROP and not _is_superior(o)
                 and not SELF_BODY.match(o)]
        top = max(units, key=lambda o: self.groups[o]["mentions"]) if units else ""
        for fam, _ in STUDY_FAMILIES:
            members = [o for o in self.live() if family(o)[0] == fam]
            specific = [o for o in members if not generic_owner(family(o)[1])]
            bare = [o for o in members if o not in specific]
            own = [o for o in specific if top and _same_unit(family(o)[1], top)]
            if len(specific) == 1 and (not top or self.groups[specific[0]]["mentions"]
                                       >= sum(self.groups[o]["mentions"] for o in bare)):
                own = specific
            if own:
                target = max(own, key=lambda o: (self.groups[o]["mentions"], len(o)))
            elif bare:
                target = max(bare, key=lambda o: (len(family(o)[1]), len(o), self.groups[o]["mentions"]))
            else:
                continue
            for o in bare:
                if o != target:
                    self.merge(o, target)
            # still bare: name it after the document's own unit, so that the
            # graph does not join every report's 青年理论学习小组 into one node
            for o in [o for o in members if o in self.groups and generic_owner(family(o)[1])]:
                owner = self._owner_of_kind(family(o)[1], units) or top
                if owner and owner in self.groups:
                    new = _own_name(self.name_of(owner), o)
                    self.rename(o, new)
                    owners = [g for g in self.groups if g != new and new.startswith(self.name_of(g))]
                    self.groups[new]["parent"] = self.name_of(max(owners, key=len) if owners else owner)

    def _owner_of_kind(self, owner: str, units: list[str]) -> str | None:
        """The most named unit of the kind a bare group's owner says (院党委 → a 院, 局党组 → a 局)."""
        kind = next((owner[: -len(b)] for b in _BODY_WORDS if owner.endswith(b) and len(owner) > len(b)), owner)
        fitting = [u for u in units if u in self.groups and kind and self.name_of(u).endswith(kind)]
        return max(fitting, key=lambda u: self.groups[u]["mentions"]) if fitting else None

    def merge_level_abbreviations(self) -> None:
        """市局, 县局: the one unit of that level ending so (市市场监督管理局);
        区党工委: the one unit of a zone named so (开发区党工委)."""
        for name in self.live():
            if name in self.groups and len(name) == 2 and name[0] in ADMIN_LEVELS and name[1] in "局办厅院处所":
                targets = [o for o in self.live() if o != name and o[0] == name[0] and o[-1] == name[1]]
                if len(targets) == 1:
                    self.merge(name, targets[0])
            elif name in self.groups and len(name) == 3 and name[0] in ADMIN_LEVELS and name[1:] == "医院":
                # 区医院: the one 人民医院 of that level the report names (赫山区人民医院)
                targets = [o for o in self.live() if o != name and o[0] == name[0] and o.endswith("人民医院")]
                if len(targets) == 1:
                    self.merge(name, targets[0])
            elif name in self.groups and name[0] == "区":
                targets = [o for o in self.live() if o != name and o.endswith(name)
                           and o[: len(o) - len(name) + 1].endswith(ZONES)]
                if len(targets) == 1:
                    self.merge(name, targets[0])

    def merge_generic_names(self) -> None:
        """Generic names without their unit (党组, 局党组) join the one unit that has them;
        a self-reference (我院党委) first joins the name it stands for (院党委)."""
        for name in self.live():
            if name in self.groups and name[0] in "我本" and len(name) >= 4:
                bare = name[1:]
                targets = [o for o in self.live() if o != name and (o == bare or o.endswith(bare) and o[0] != name[0])]
                if bare in targets:
                    self.merge(name, bare)
                elif len(targets) == 1:
                    self.merge(name, targets[0])
        for name in self.live():
            if name not in self.groups or family(name)[0] is not None:
                continue
            # a unit named only as a partner is not the one a bare 局机关党支部 of the report stands for
            targets = [o for o in self.live() if o != name and o.endswith(name) and len(o) > len(name)
                       and self.groups[o]["collective"] < self.groups[o]["mentions"]
                       and self.groups[o]["partner"] < self.groups[o]["mentions"]]
            if targets and name[0] not in ADMIN_LEVELS and all(o[0] in ADMIN_LEVELS for o in targets) \
                    and len({o[0] for o in targets}) == 1 and len(targets) <= 2:
                self.merge(name, max(targets, key=lambda o: (self.groups[o]["mentions"], -len(o))))
                continue
            if len(targets) > 1 and name[0] not in ADMIN_LEVELS and all(o[0] in ADMIN_LEVELS for o in targets):
                # 党校 in the report of 市委党校 that names 省委党校 once: the document's own
                ranked = sorted(targets, key=lambda o: self.groups[o]["mentions"], reverse=True)
                if self.groups[ranked[0]]["mentions"] > self.groups[ranked[1]]["mentions"]:
                    self.merge(name, ranked[0])
                    continue
            if targets and ((len(name) <= 4 and (name in BARE_DROP or name in BRANCHES or name[0] in "局委办院厅部处"))
                            or (len(name) <= 7 and SELF_BODY.match(name))
                            or (len(targets) == 1 and name in self.rules.suffix_words
                                and self._points_back_to(name, targets[0]))):
                if len({family(o)[1] for o in targets}) == 1 or len(targets) == 1:
                    target = max(targets, key=lambda o: (self.groups[o]["mentions"], len(o)))
                    self.merge(name, target)
                    if name in BRANCHES:  # 分局党委 in the report of 公安分局: 公安分局党委
                        for body in [o for o in self.live() if o.startswith(name) and o != name]:
                            self.rename(body, self.name_of(target) + body[len(name):])

    def _points_back_to(self, kind: str, target: str) -> bool:
        """Does the bare ``kind`` (派出所) stand for ``target``: the one unit of the document any
        spelling of which ends so, named before the kind's last mention (黎平县公安局尚重派出所 …
        派出所; a headline's 调查队 that the body then names 国家统计局通辽调查队)?"""
        if self.groups[target]["sentence"].start > self.groups[kind]["last"].start:
            return False
        return all(o == target or o == kind or not any(
            n.endswith(kind) for n in (o, *self.groups[o]["spellings"], *self.groups[o]["aliases"]))
            for o in self.live())

    def merge_short_forms(self) -> None:
        """A short form of a longer unit the document names joins it: 宁河支队 and
        屏山法院 are 宁河区消防救援支队 and 屏山县人民法院 — same first character,
        same suffix, every character found in order in the longer name."""
        keys = self.live()
        if len(keys) < 2:
            return
        fulls = {k: {self.name_of(k), *self.groups[k]["spellings"], *self.groups[k]["aliases"]} for k in keys}
        for key in sorted(keys, key=len):
            if key not in self.groups:
                continue
            short = self.name_of(key)
            suffix = self.rules.suffix_of(short)
            if not suffix or len(short) - len(suffix) < 2:
                continue  # 市委 is a unit of its own, not short for 市卫生健康委
            # 市人大常委会党组 is not short for 市人大常委会机关党组: the 机关's body is another
            targets = {other for other in keys if other != key and other in self.groups and any(
                len(full) > len(short) and full[0] == short[0] and full.endswith(suffix)
                and self.rules.suffix_of(full) == suffix and _in_order(short, full)
                and ("机关" in short or "机关" not in full) for full in fulls[other])}
            head = short[:2]
            if not targets and _names_a_place(head):
                # short for the end of a longer name: 北湾处党支部 and 渣津支行 after
                # 连云港海事局北湾海事处党支部 and 修水农村商业银行股份有限公司渣津支行
                targets = {other for other in keys if other != key and other in self.groups and any(
                    head in full[1:] and _short_for_tail(short, suffix, full, self.rules.suffix_of)
                    for full in (other, *fulls[other]))}
            if len(targets) == 1:
                self.merge(key, targets.pop())

    def merge_cut_heads(self) -> None:
        """A name that is the end of one longer name of the document, its owner's
        part left off, is that unit: 金工二车间党支部 and 车间党支部 after
        华重机械金工二车间党支部, 学院机电工程系党支部 after 某市技师学院机电工程系党支部.
        Longest first, so a chain of shorter forms ends at the full name."""
        names = {key: self.name_of(key) for key in self.live()}  # a merge leaves the target's name as it is
        for key in sorted(names, key=len, reverse=True):
            if key not in self.groups:
                continue
            short = names[key]
            if len(short) < 5 or short[0] in ADMIN_LEVELS or family(short)[0] is not None \
                    or short in BARE_DROP or SELF_BODY.match(short):
                continue
            targets = [o for o, name in names.items() if o != key and o in self.groups
                       and len(name) >= len(short) + 2 and name.endswith(short)]
            if len(targets) == 1:
                self.merge(key, targets[0])

    def merge_declared_aliases(self) -> None:
        """A unit named by another unit's alias, and by no one else's (黔南分行 after
        中国农业银行黔南分行（以下简称“黔南分行”）), is that unit."""
        owners: dict[str, list[str]] = {}
        for key in self.live():
            for alias in self.groups[key]["aliases"]:
                owners.setdefault(alias, []).append(key)
        for key in self.live():
            if key not in self.groups:
                continue
            claim = [o for o in owners.get(self.name_of(key), []) if o != key and o in self.groups]
            if len(claim) == 1 and len(self.name_of(key)) >= 3:
                self.merge(key, claim[0])

    def rename(self, old: str, new: str) -> None:
        """Give the unit ``old`` a name of our making (its own unit's group)."""
        if new == old:
            return
        if new in self.groups:
            self.merge(old, new)
            return
        g = self.groups.pop(old)
        g["aliases"] |= {old} | set(g["spellings"])
        g["named"] = new
        self.groups[new] = g
        self.order[self.order.index(old)] = new

    def merge(self, source: str, target: str) -> None:
        src, dst = self.groups.pop(source), self.groups[target]
        dst["aliases"] |= src["aliases"] | {source} | set(src["spellings"])
        dst["mentions"] += src["mentions"]
        dst["standalone"] += src["standalone"]
        if src["sentence"].start < dst["sentence"].start:
            dst["sentence"] = src["sentence"]

    def name_of(self, key: str) -> str:
        """The unit's name: ours when we made it, else its longest spelling in the text."""
        g = self.groups[key]
        if g["named"]:
            return g["named"]
        return max(g["spellings"], key=lambda n: (len(n), g["spellings"][n], n)) if g["spellings"] else key

    def items(self) -> list[dict]:
        spelled = {}
        for key in self.live():
            for name in {key, self.name_of(key)} | set(self.groups[key]["spellings"]):
                spelled.setdefault(name, key)
        out = []
        for key in self.live():
            g = self.groups[key]
            if g["in_titles"] == g["mentions"]:
                continue  # only the author of a studied text: 《中共中央关于…的意见》
            if (key in BARE_DROP or not g["standalone"]
                    or (key in self.rules.reject and not (g["masked"] and key in MASKABLE))):
                continue
            if g["collective"] == g["mentions"]:
                continue  # 全省党校, 全市公立医院党支部: the units of a kind in a place, no unit of its own
            name = self.name_of(key)
            parent = spelled.get(g["parent"]) if g["parent"] else None
            s = g["sentence"]
            out.append({
                "name": name,
                "aliases": sorted(({key} | g["aliases"] | set(g["spellings"])) - {name}),
                "kind": g["kind"],
                "parent": self.name_of(parent) if parent and parent != key else None,
                "evidence": s.text,
                "start": s.start,
                "end": s.end,
                "mentions": g["mentions"],
            })
        return out


def _inside_title(text: str, start: int, end: int) -> bool:
    """Does text[start:end] stand inside a book title (《…》)?"""
    return any(t.start() < start and end < t.end() for t in _BOOK_TITLE.finditer(text))


_BOOK_TITLE = re.compile(r"《[^《》]{1,80}》")


def _in_order(short: str, full: str) -> bool:
    """Are the characters of ``short`` found in ``full`` in the same order?

    >>> _in_order("宁河支队", "宁河区消防救援支队"), _in_order("市委", "委员会")
    (True, False)
    """
    rest = iter(full)
    return all(c in rest for c in short)


_UNIT_CHARACTERS = frozenset("局委院部处所站队会司办厅党支机总分")
_NUMERALS = frozenset("第一二三四五六七八九十百")  # 12345热线党支部 is a name


def _names_a_place(head: str) -> bool:
    """Are a short form's first characters a name (北湾, 渣津), not a generic head or a
    number (局机关党支部, 公司工会, 总局党委, 第二党支部)?

    >>> _names_a_place("北湾"), _names_a_place("局机"), _names_a_place("第二")
    (True, False, False)
    """
    return not any(c in _UNIT_CHARACTERS or c in _NUMERALS for c in head)


def _short_for_tail(short: str, suffix: str, full: str, suffix_of) -> bool:
    """Is ``short`` a short form of the part of ``full`` from where its first two characters
    stand? (Its head is a name: :func:`_names_a_place`.)

    >>> from kg.extract.orgs.rules import load_org_rules
    >>> s = load_org_rules().suffix_of
    >>> _short_for_tail("北湾处党支部", "党支部", "连云港海事局北湾海事处党支部", s)
    True
    >>> _short_for_tail("城东站党支部", "党支部", "连云港海事局北湾海事处党支部", s)
    False
    """
    at = full.find(short[:2], 1)
    if at < 1 or "机关" in full[at:] and "机关" not in short:
        return False
    tail = full[at:]
    return tail.endswith(suffix) and suffix_of(tail).endswith(suffix) and _in_order(short, tail)


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
    # a unit naming itself by its kind (集团召开…) does so in the title and the opening sentences
    for sent in ctx.sentences[:_SELF_NAMING_SENTENCES]:
        taken = [m for m, s in found if s is sent]
        found.extend((m, sent) for m in find_self_names(sent.norm, rules, taken))
    found.sort(key=lambda pair: (pair[1].start, pair[0].start))
    ctx.found["_org_mentions"] = found
    return found


def sentences_naming_units(ctx: Context, rules: OrgRules) -> list[Sentence]:
    """The sentences :func:`may_name_unit` lets through, found by one scan of the document per pattern.

    The ending words hold no sentence break, so a match in the document lies
    inside one sentence and each sentence's first match is its own.
    """
    sents = ctx.sentences
    if not sents:
        return []
    norm = ctx.doc.text if ctx.doc.norm is None else ctx.doc.norm
    starts = [s.start for s in sents]
    spans = ((end + 1 - length, end + 1) for end, length in endings_matcher(rules).iter_long(norm))
    keep = _sentences_holding(spans, sents, starts)
    places = _sentences_matching(_first_place_unit, norm, sents, starts)
    if places:
        seen = {s.index for s in keep}
        keep = sorted(keep + [s for s in places if s.index not in seen], key=lambda s: s.start)
    return keep


def _first_place_unit(norm: str, pos: int) -> re.Match | None:
    return next(finditer_from(PLACE_UNIT_PATTERN, PLACE_UNIT_FIRST, norm, pos), None)


def _sentences_holding(spans, sents: list[Sentence], starts: list[int]) -> list[Sentence]:
    """The sentences that hold one of ``spans`` (left to right, not overlapping) whole."""
    keep = []
    for start, end in spans:
        k = bisect.bisect_right(starts, start) - 1
        if k >= 0 and end <= sents[k].end and (not keep or keep[-1] is not sents[k]):
            keep.append(sents[k])
    return keep


def _sentences_matching(search, norm: str, sents: list[Sentence], starts: list[int]) -> list[Sentence]:
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
