"""Regenerate data/lexicon/places.txt from jionlp's gazetteer of China's divisions.

    pip install jionlp            # only to regenerate; kg does not need it at run time
    python tools/make_place_lexicon.py [--source PATH/TO/china_location.zip]

Why a generated word list and not the library at run time: the extractor
needs only the names (provinces, cities, counties and their short forms,
towns and streets), loaded into the segmenter's user dictionary in a few
milliseconds; jionlp's full five-level table (700,000 lines, villages
included) would cost every worker process a second and a dependency. The
list stays plain data an analyst can extend by hand (jieba user-dictionary
format), like every file in data/lexicon.

Short forms (屏山 for 屏山县) are kept only where the segmenter does not
already read them as another word (开化 is a verb): a place must not
re-segment ordinary prose.
"""
from __future__ import annotations

import argparse
import importlib.util
import io
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

OUT = REPO / "data" / "lexicon" / "places.txt"
LEVEL_TAGS = {1: "province", 2: "city", 3: "county", 4: "town"}
TOWN_ENDS = ("镇", "乡", "街道", "苏木")
# Division names that are also the common words for a part of any place
# (新区, 城区, 矿区 …): as places they would glue to every unit after them.
GENERIC = frozenset("城区 新区 郊区 矿区 市区 东区 西区 南区 北区 中区 市中 城关 城东 城西 城南 城北 城中 河东 河西 江北 "
                    "江南 街道 开发区 高新区 经开区 园区 镇 乡".split())
HEADER = """\
# Place names of China's divisions, for unit names (kg/extract/orgs/places.py):
# provinces, cities, counties and districts with their short forms (屏山县,
# 屏山), towns, townships and streets (华阳镇, 状元街道). Loaded into the
# segmenter's user dictionary as places, so 潞州区总工会 is read as the
# district 潞州区 + 总工会 and its name keeps the place.
#
# Format: name level (jieba word-list format, the level as the tag): one of
# province, city, county, town. Generated from jionlp's china_location
# (Apache License 2.0, https://github.com/dongrixinyu/JioNLP) by
# tools/make_place_lexicon.py; lines may be added by hand (a new district,
# a development zone) and are kept apart below the generated block.
"""


def _source(path: str | None) -> bytes:
    if path:
        return Path(path).read_bytes()
    spec = importlib.util.find_spec("jionlp")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        sys.exit("jionlp is not installed: pip install jionlp, or pass --source china_location.zip")
    return (Path(spec.submodule_search_locations[0]) / "dictionary" / "china_location.zip").read_bytes()


def read_divisions(zipped: bytes) -> dict[str, int]:
    """name → level (1 province … 4 town) from jionlp's tab-indented table."""
    with zipfile.ZipFile(io.BytesIO(zipped)) as zf:
        text = zf.read(zf.namelist()[0]).decode("utf-8")
    out: dict[str, int] = {}
    for line in text.splitlines():
        level = len(line) - len(line.lstrip("\t")) + 1
        parts = line.strip().split("\t")
        if not parts[0] or level > 4 or parts[0] in GENERIC or len(parts[0]) < 2:
            continue
        if level == 4 and not parts[0].endswith(TOWN_ENDS):
            continue  # farms, parks, prisons: not places a name starts with
        out.setdefault(parts[0], level)
        if level <= 3 and len(parts) >= 3 and len(parts[2]) >= 2 and parts[2] not in GENERIC:
            out.setdefault(parts[2], -level)  # a short form, checked below
    return out


def keep_short(name: str) -> bool:
    """Keep a short form (屏山) only where the segmenter does not read it as another word."""
    from kg.extract.tokenize import tag_words

    tagged = tag_words(name)
    return len(tagged) > 1 or tagged[0][1] == "ns"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", help="china_location.zip (default: the installed jionlp's)")
    args = ap.parse_args(argv)
    divisions = read_divisions(_source(args.source))
    manual = []
    if OUT.exists():
        lines = OUT.read_text(encoding="utf-8").splitlines()
        if "# added by hand" in lines:
            manual = lines[lines.index("# added by hand"):]
    rows = []
    for name, level in sorted(divisions.items(), key=lambda kv: (abs(kv[1]), kv[0])):
        if level < 0 and (divisions.get(name, level) > 0 or not keep_short(name)):
            continue
        rows.append(f"{name} {LEVEL_TAGS[abs(level)]}")
    OUT.write_text(HEADER + "\n".join(rows) + "\n" + ("\n" + "\n".join(manual) + "\n" if manual else ""),
                   encoding="utf-8")
    print(f"wrote {len(rows)} places to {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
