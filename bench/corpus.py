"""``python -m bench.corpus --docs N --seed S OUT/``: a synthetic corpus with its truth.

Writes N documents as report files would arrive: most one document a file,
some compilations of several documents with the junk lines material sites
add, in UTF-8, UTF-8 with BOM, GB18030, UTF-16 and .docx. Beside them it
writes ``gold.jsonl`` (SCHEMA §8, what was planted, so accuracy at scale can
be scored) and ``files.jsonl`` (one line a file: encoding, format, its
documents). The same seed gives the same corpus, byte for byte.

``--change FRACTION`` rewrites that share of an existing corpus's files
(new content, same names and encodings) and updates the two manifests: the
input of an incremental-rebuild benchmark.
"""
from __future__ import annotations

import argparse
import io
import logging
import math
import random
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import orjson

from kg.errors import InputError
from .compose import PlantedDocument, compose_document, make_units
from .templates import Templates, load_templates

__all__ = ["FileSpec", "generator_fingerprint", "plan_files", "render_file", "write_corpus", "change_files", "read_gold", "main"]

log = logging.getLogger(__name__)

ENCODINGS = {"utf-8": 60, "utf-8-sig": 12, "gb18030": 18, "utf-16": 10}
DOCX_SHARE = 0.08
COMPILATION_SHARE = 0.3
_FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class FileSpec:
    """Where one file goes and how it is written; its content comes from (seed, index, revision)."""

    index: int
    stem: str
    suffix: str  # ".txt" or ".docx"
    encoding: str  # "docx" for .docx
    n_docs: int
    newline: str = "\n"

    @property
    def name(self) -> str:
        return self.stem + self.suffix


def plan_files(n_docs: int, seed: int) -> list[FileSpec]:
    """Decide the files of an ``n_docs`` corpus: names, formats, documents per file.

    >>> specs = plan_files(50, 7)
    >>> sum(s.n_docs for s in specs)
    50
    >>> specs == plan_files(50, 7)
    True
    """
    rng = random.Random(f"{seed}:layout")
    specs, left, index = [], n_docs, 0
    while left > 0:
        n = min(left, rng.randint(2, 6)) if rng.random() < COMPILATION_SHARE else 1
        if rng.random() < DOCX_SHARE:
            suffix, encoding = ".docx", "docx"
        else:
            suffix, encoding = ".txt", rng.choices(list(ENCODINGS), list(ENCODINGS.values()))[0]
        newline = "\r\n" if rng.random() < 0.1 else "\n"
        specs.append(FileSpec(index, f"{index:06d}_{rng.getrandbits(64):016x}", suffix, encoding, n, newline))
        left -= n
        index += 1
    return specs


def generator_fingerprint() -> str:
    """A hash of the generator's code and data: a corpus made by another version is stale.

    >>> len(generator_fingerprint())
    16
    """
    import hashlib

    from .templates import BENCH_DATA_DIR

    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for path in sorted(BENCH_DATA_DIR.glob("*.txt")) + [here / f"{m}.py" for m in
                                                        ("corpus", "compose", "figures", "templates")]:
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def _units(templates: Templates, seed: int, n_docs: int):
    return make_units(templates, random.Random(f"{seed}:units"), max(200, min(5000, n_docs // 8)))


def render_file(spec: FileSpec, seed: int, templates: Templates, units, revision: int = 0
                ) -> tuple[list[str], list[PlantedDocument], int]:
    """The lines of one file, its documents, and how many junk lines it holds."""
    rng = random.Random(f"{seed}:{spec.index}:{revision}")
    if spec.n_docs == 1:
        doc = compose_document(templates, rng, units, titled=rng.random() > 0.12)
        return list(doc.lines), [doc], 0
    junk = templates.junk
    lines, docs, n_junk = [], [], 0
    if rng.random() < 0.4:
        lines += [rng.choice(junk["breadcrumb"]), ""]
        n_junk += 1
    paid = rng.random() < 0.5
    for i in range(spec.n_docs):
        doc = compose_document(templates, rng, units, titled=True)
        docs.append(doc)
        if i == 1 and paid:
            lines += [junk["paid_begin"][0]] + [""] * rng.randint(1, 4)
            n_junk += 1
        lines += doc.lines
        lines += [""] * rng.randint(1, 3)
        if rng.random() < 0.25:
            lines += [rng.choice(junk["advert"])] * rng.randint(1, 2) + [""]
            n_junk += 1
    if paid and spec.n_docs > 1:
        lines.append(junk["paid_end"][0])
        n_junk += 1
    return lines, docs, n_junk


def _encode(spec: FileSpec, lines: list[str]) -> bytes:
    text = spec.newline.join(lines) + spec.newline
    if spec.encoding == "docx":
        return _docx_bytes(lines)
    return text.encode(spec.encoding)


def _docx_bytes(lines: list[str]) -> bytes:
    import datetime

    import docx

    document = docx.Document()
    when = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
    document.core_properties.created = document.core_properties.modified = when
    for line in lines:
        document.add_paragraph(line)
    raw = io.BytesIO()
    document.save(raw)
    # python-docx stamps zip members with the current time; fix it for determinism
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, _FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()


def _gold_rows(spec: FileSpec, docs: list[PlantedDocument]) -> list[dict]:
    if len(docs) == 1:
        return [docs[0].gold(spec.stem, spec.name)]
    return [d.gold(f"{spec.stem}#{i}", spec.name) for i, d in enumerate(docs, 1)]


def _manifest_row(spec: FileSpec, docs, n_junk: int, n_bytes: int, revision: int) -> dict:
    return {"path": spec.name, "index": spec.index, "encoding": spec.encoding, "newline": repr(spec.newline)[1:-1],
            "n_docs": spec.n_docs, "n_junk": n_junk, "bytes": n_bytes, "revision": revision,
            "doc_ids": [r["doc_id"] for r in _gold_rows(spec, docs)]}


def write_corpus(out_dir: str | Path, n_docs: int = 10_000, seed: int = 1, *,
                 templates: Templates | None = None, progress: bool = False) -> dict:
    """Write the corpus, ``gold.jsonl`` and ``files.jsonl`` under ``out_dir``; return a summary.

    Files go to ``out_dir/files/`` so the manifests never look like input.

    >>> import tempfile
    >>> summary = write_corpus(tempfile.mkdtemp(), 12, seed=3)
    >>> summary["documents"], summary["files"] > 0
    (12, True)
    """
    if n_docs < 1:
        raise InputError(str(out_dir), f"--docs must be at least 1, got {n_docs}")
    templates = templates or load_templates()
    out = Path(out_dir)
    files_dir = out / "files"
    files_dir.mkdir(parents=True, exist_ok=True)
    units = _units(templates, seed, n_docs)
    specs = plan_files(n_docs, seed)
    total = text_bytes = 0
    iterator = specs
    if progress:
        from tqdm import tqdm

        iterator = tqdm(specs, unit="file", desc="corpus", file=sys.stderr)
    with open(out / "gold.jsonl", "wb") as gold_fh, open(out / "files.jsonl", "wb") as files_fh:
        for spec in iterator:
            lines, docs, n_junk = render_file(spec, seed, templates, units)
            data = _encode(spec, lines)
            (files_dir / spec.name).write_bytes(data)
            total += len(data)
            text_bytes += sum(len(d.text.encode("utf-8")) for d in docs)
            for row in _gold_rows(spec, docs):
                gold_fh.write(orjson.dumps(row) + b"\n")
            files_fh.write(orjson.dumps(_manifest_row(spec, docs, n_junk, len(data), 0)) + b"\n")
    summary = {"documents": n_docs, "files": len(specs), "bytes": total, "text_bytes_utf8": text_bytes, "seed": seed,
               "generator": generator_fingerprint(), "units": len(units),
               }
    (out / "corpus.json").write_bytes(orjson.dumps(summary, option=orjson.OPT_INDENT_2))
    summary["out"] = str(out)
    log.info("wrote %d documents in %d files (%.1f MB) to %s", n_docs, len(specs), total / 1e6, out)
    return summary


def read_gold(path: str | Path) -> list[dict]:
    """Read a gold.jsonl (or files.jsonl) back."""
    with open(path, "rb") as fh:
        return [orjson.loads(line) for line in fh if line.strip()]


def change_files(out_dir: str | Path, fraction: float = 0.01, seed: int | None = None, *,
                 templates: Templates | None = None) -> list[str]:
    """Rewrite ``fraction`` of a corpus's files with new content; return their names.

    Names, encodings and document counts stay; the manifests are updated.
    """
    out = Path(out_dir)
    summary = orjson.loads((out / "corpus.json").read_bytes())
    seed = summary["seed"] if seed is None else seed
    templates = templates or load_templates()
    rows = read_gold(out / "files.jsonl")
    rng = random.Random(f"{seed}:change:{sum(r['revision'] for r in rows)}")
    chosen = sorted(rng.sample(range(len(rows)), max(1, math.ceil(fraction * len(rows)))))
    specs = {s.index: s for s in plan_files(summary["documents"], summary["seed"])}
    units = _units(templates, summary["seed"], summary["documents"])
    gold = {g["doc_id"]: g for g in read_gold(out / "gold.jsonl")}
    changed = []
    for i in chosen:
        spec, row = specs[rows[i]["index"]], rows[i]
        revision = row["revision"] + 1
        lines, docs, n_junk = render_file(spec, seed, templates, units, revision)
        data = _encode(spec, lines)
        (out / "files" / spec.name).write_bytes(data)
        for g in _gold_rows(spec, docs):
            gold[g["doc_id"]] = g
        rows[i] = _manifest_row(spec, docs, n_junk, len(data), revision)
        changed.append(spec.name)
    with open(out / "gold.jsonl", "wb") as fh:
        for g in gold.values():
            fh.write(orjson.dumps(g) + b"\n")
    with open(out / "files.jsonl", "wb") as fh:
        for r in rows:
            fh.write(orjson.dumps(r) + b"\n")
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", metavar="OUT", help="folder to write (files/, gold.jsonl, files.jsonl)")
    parser.add_argument("--docs", type=int, default=10_000, help="number of documents (default 10000, ≈ 30 MB)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--change", type=float, metavar="FRACTION",
                        help="rewrite this share of an existing corpus's files instead (e.g. 0.01)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.change is not None:
        changed = change_files(args.out, args.change, None)
        print(f"rewrote {len(changed)} files under {args.out}/files")
        return 0
    summary = write_corpus(args.out, args.docs, args.seed, progress=sys.stderr.isatty())
    print(f"{summary['documents']} documents in {summary['files']} files, "
          f"{summary['bytes'] / 1e6:.1f} MB on disk ({summary['text_bytes_utf8'] / 1e6:.1f} MB of text as UTF-8), "
          f"{summary['units']} units -> {summary['out']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
