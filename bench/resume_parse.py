"""Benchmark: resume parser accuracy and latency on the labelled fixture set.

    .venv/bin/python bench/resume_parse.py [--lang en|zh] [--format pdf|docx|image]
                                           [--repeat N] [--json OUT] [--verbose]
                                           [--fixtures DIR]

Runs ``resumes.parsing.parse_document`` on every document in ``tests/fixtures/resumes/``
(or in ``--fixtures DIR``, e.g. the held-out set ``tests/fixtures/resumes-heldout``)
(kind from the extension: .pdf -> pdf, .docx -> docx, .png/.jpg -> image) and compares
``ParseOutcome.result`` with the ground truth ``<stem>.json`` beside it. It reports; it
does not judge: the exit status is 0 whatever the figures (2 only for bad arguments).

Timing: the process is pinned to one core (``os.sched_setaffinity(0, {0})``), the
parser is warmed up once (one untimed parse of each kind present), then each document is
parsed ``--repeat`` times (default 1) and every parse is timed with ``perf_counter``.
Latency is reported as p50/p95 (nearest rank) per kind: pdf, docx, image.

Matching rules
--------------
Normalisation of every compared string: Unicode NFKC (full-width letters, digits and
punctuation become half-width; CJK compatibility/Kangxi radical code points become the
ordinary ideographs), case-folded, dashes/quotes unified (– — ‐ − → -, ’ ‘ → ', “ ” → "),
whitespace collapsed to one space, spaces next to CJK characters removed, and leading or
trailing spaces and punctuation ``.,;:·|•-`` stripped. ``None`` and strings empty after
normalisation count as absent.

Field-specific equality:

* name, education.school, work.company: equal after normalisation, or one contains the
  other **and the shorter is at least 80 % of the longer** (in characters, after
  normalisation), e.g. "Fernleaf Coffee Co" vs "Fernleaf Coffee Co." matches, "Oracle" vs
  "Oracle Financial Services" does not.
* phone: compared as digit strings; equal, or one ends with the other when the shorter
  has at least 7 digits (a dropped "+1"/"+86" country code still matches).
* links: also drop a leading ``http://``/``https://`` and ``www.`` and a trailing ``/``.
* dates (education.start/end, work.start/end): equal after normalisation; ``present`` is
  a value like any other. ``2020`` does not match ``2020-01``.
* every other field: equal after normalisation.

Scoring (true positives TP, false positives FP, false negatives FN), per document:

* Scalars (name, email, phone, location): truth present and prediction equal -> TP;
  truth present and prediction different -> FP + FN; truth present and prediction absent
  -> FN; truth absent and prediction present -> FP.
* Lists of values (links, skills, projects.name, certifications.name, languages.name):
  multisets of normalised values; TP = size of the multiset intersection (one predicted
  value matches at most one truth value), FP = predicted - TP, FN = truth - TP.
* Lists of records (education.*, work.*): truth and predicted entries are first paired
  one-to-one, greedily by the number of fields that match (ties: closer position in the
  list); pairs with no matching field are not paired. Each field of each pair is then
  scored as a scalar; every present field of an unpaired truth entry is an FN and every
  present field of an unpaired predicted entry is an FP.
* A document the parser raises on: all of its truth values are FNs, and it is listed.

Per field: precision TP/(TP+FP), recall TP/(TP+FN), F1 their harmonic mean (0 when
undefined). Micro-F1 per language sums TP/FP/FN over all 18 fields and documents.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import traceback
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.common import percentile  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "resumes"
KINDS = {".pdf": "pdf", ".docx": "docx", ".png": "image", ".jpg": "image", ".jpeg": "image"}

SCALARS = ("name", "email", "phone", "location")
EDU_FIELDS = ("school", "degree", "major", "start", "end")
WORK_FIELDS = ("company", "title", "start", "end")
FIELDS = (
    "name",
    "email",
    "phone",
    "location",
    "links",
    "education.school",
    "education.degree",
    "education.major",
    "education.start",
    "education.end",
    "work.company",
    "work.title",
    "work.start",
    "work.end",
    "skills",
    "projects.name",
    "certifications.name",
    "languages.name",
)

_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−"), "-")
_QUOTES = {ord("’"): "'", ord("‘"): "'", ord("“"): '"', ord("”"): '"'}
_CJK = r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]"
_SPACE_CJK = re.compile(rf"(?<={_CJK}) | (?={_CJK})")
_STRIP = " .,;:·|•-"


def norm(value: Any) -> str:
    if value is None:
        return ""
    s = unicodedata.normalize("NFKC", str(value)).casefold()
    s = s.translate(_DASHES).translate(_QUOTES)
    s = re.sub(r"\s+", " ", s)
    s = _SPACE_CJK.sub("", s)
    return s.strip(_STRIP)


def norm_link(value: Any) -> str:
    s = norm(value)
    s = re.sub(r"^https?://", "", s)
    s = re.sub(r"^www\.", "", s)
    return s.rstrip("/")


def digits(value: Any) -> str:
    return re.sub(r"\D", "", str(value or ""))


def eq_plain(t: Any, p: Any) -> bool:
    return norm(t) == norm(p) != ""


def eq_contains(t: Any, p: Any) -> bool:
    a, b = norm(t), norm(p)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return short in long_ and len(short) >= 0.8 * len(long_)


def eq_phone(t: Any, p: Any) -> bool:
    a, b = digits(t), digits(p)
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return a == b or (len(short) >= 7 and long_.endswith(short))


def eq_link(t: Any, p: Any) -> bool:
    return norm_link(t) == norm_link(p) != ""


EQ: dict[str, Callable[[Any, Any], bool]] = {
    "name": eq_contains,
    "school": eq_contains,
    "company": eq_contains,
    "phone": eq_phone,
}


def present(v: Any) -> bool:
    return norm(v) != ""


class Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def merge(self, other: Tally) -> None:
        self.add(other.tp, other.fp, other.fn)

    def figures(self) -> dict[str, Any]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
        }


def score_scalar(t: Any, p: Any, eq: Callable[[Any, Any], bool], tally: Tally) -> None:
    tp_, pp = present(t), present(p)
    if tp_ and pp:
        if eq(t, p):
            tally.add(tp=1)
        else:
            tally.add(fp=1, fn=1)
    elif tp_:
        tally.add(fn=1)
    elif pp:
        tally.add(fp=1)


def score_multiset(
    truth: list[Any], pred: list[Any], key: Callable[[Any], str], tally: Tally
) -> None:
    t = Counter(k for k in map(key, truth) if k)
    p = Counter(k for k in map(key, pred) if k)
    tp = sum((t & p).values())
    tally.add(tp=tp, fp=sum(p.values()) - tp, fn=sum(t.values()) - tp)


def as_list(v: Any) -> list[Any]:
    return v if isinstance(v, list) else []


def as_dict(v: Any) -> dict[str, Any]:
    return v if isinstance(v, dict) else {}


def names(items: Any, key: str = "name") -> list[Any]:
    out = []
    for it in as_list(items):
        out.append(it.get(key) if isinstance(it, dict) else it)
    return out


def score_records(
    truth: list[dict[str, Any]],
    pred: list[dict[str, Any]],
    fields: tuple[str, ...],
    prefix: str,
    tallies: dict[str, Tally],
) -> None:
    pred = [p for p in pred if isinstance(p, dict)]

    def eq(f: str, a: Any, b: Any) -> bool:
        return EQ.get(f, eq_plain)(a, b)

    cands = []
    for i, t in enumerate(truth):
        for j, p in enumerate(pred):
            s = sum(1 for f in fields if eq(f, t.get(f), p.get(f)))
            if s:
                cands.append((-s, abs(i - j), i, j))
    cands.sort()
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _s, _d, i, j in cands:
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    for i, t in enumerate(truth):
        p = pred[pairs[i]] if i in pairs else {}
        for f in fields:
            score_scalar(t.get(f), p.get(f), EQ.get(f, eq_plain), tallies[f"{prefix}.{f}"])
    for j, p in enumerate(pred):
        if j not in used:
            for f in fields:
                if present(p.get(f)):
                    tallies[f"{prefix}.{f}"].add(fp=1)


def score_document(truth: dict[str, Any], pred: dict[str, Any] | None) -> dict[str, Tally]:
    tallies = {f: Tally() for f in FIELDS}
    pred = pred if isinstance(pred, dict) else {}
    tb, pb = as_dict(truth.get("basic_info")), as_dict(pred.get("basic_info"))
    for f in SCALARS:
        score_scalar(tb.get(f), pb.get(f), EQ.get(f, eq_plain), tallies[f])
    score_multiset(as_list(tb.get("links")), as_list(pb.get("links")), norm_link, tallies["links"])
    score_records(
        as_list(truth.get("education")),
        as_list(pred.get("education")),
        EDU_FIELDS,
        "education",
        tallies,
    )
    score_records(
        as_list(truth.get("work_experience")),
        as_list(pred.get("work_experience")),
        WORK_FIELDS,
        "work",
        tallies,
    )
    for field, section in (
        ("skills", "skills"),
        ("projects.name", "projects"),
        ("certifications.name", "certifications"),
        ("languages.name", "languages"),
    ):
        score_multiset(names(truth.get(section)), names(pred.get(section)), norm, tallies[field])
    return tallies


def load_fixtures(
    lang: str | None, kind: str | None, fixtures: Path = FIXTURES
) -> list[dict[str, Any]]:
    out = []
    for doc in sorted(fixtures.iterdir()):
        k = KINDS.get(doc.suffix.lower())
        gt = doc.with_suffix(".json")
        if not k or not gt.exists():
            continue
        truth = json.loads(gt.read_text(encoding="utf-8"))
        if (lang and truth.get("language") != lang) or (kind and k != kind):
            continue
        out.append({"path": doc, "kind": k, "lang": truth.get("language"), "truth": truth})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(
        description="Resume parser accuracy and latency on the fixture set."
    )
    ap.add_argument("--lang", choices=["en", "zh"])
    ap.add_argument("--format", dest="kind", choices=["pdf", "docx", "image"])
    ap.add_argument("--repeat", type=int, default=1, help="timed parses per document")
    ap.add_argument("--json", dest="json_out", help="write all figures here")
    ap.add_argument("--verbose", action="store_true", help="print per-document figures")
    ap.add_argument(
        "--fixtures",
        type=Path,
        default=FIXTURES,
        help="folder of documents and <stem>.json truths (default: tests/fixtures/resumes)",
    )
    args = ap.parse_args()
    fixtures_dir: Path = args.fixtures.resolve()
    if not fixtures_dir.is_dir():
        ap.error(f"--fixtures: no such folder: {args.fixtures}")

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})
    sys.path.insert(0, str(ROOT))
    fixtures = load_fixtures(args.lang, args.kind, fixtures_dir)
    shown = fixtures_dir.relative_to(ROOT) if fixtures_dir.is_relative_to(ROOT) else fixtures_dir
    print(f"{len(fixtures)} fixtures from {shown}")
    try:
        from resumes.parsing import parse_document
    except Exception as exc:  # the parser is being built elsewhere; report, do not judge
        print(f"cannot import resumes.parsing.parse_document: {exc!r}")
        print("no figures: the parser is not importable")
        if args.json_out:
            Path(args.json_out).write_text(json.dumps({"error": repr(exc)}, indent=2) + "\n")
        return 0

    # warm-up: one untimed parse per kind
    for kind in sorted({f["kind"] for f in fixtures}):
        fx = next(f for f in fixtures if f["kind"] == kind)
        try:
            parse_document(fx["path"].read_bytes(), kind=kind)
        except Exception as exc:
            print(f"warm-up failed on {fx['path'].name}: {exc!r}")

    overall = {f: Tally() for f in FIELDS}
    by_lang: dict[str, dict[str, Tally]] = defaultdict(lambda: {f: Tally() for f in FIELDS})
    by_kind: dict[str, dict[str, Tally]] = defaultdict(lambda: {f: Tally() for f in FIELDS})
    latencies: dict[str, list[float]] = defaultdict(list)
    failures: list[dict[str, str]] = []
    per_doc: list[dict[str, Any]] = []
    for fx in fixtures:
        data = fx["path"].read_bytes()
        pred: dict[str, Any] | None = None
        error = ""
        for _ in range(max(1, args.repeat)):
            t0 = time.perf_counter()
            try:
                outcome = parse_document(data, kind=fx["kind"])
            except Exception as exc:
                error = f"{type(exc).__name__}: {exc}"
                if args.verbose:
                    traceback.print_exc()
                break
            latencies[fx["kind"]].append((time.perf_counter() - t0) * 1000)
            pred = outcome.result
        if error:
            failures.append({"file": fx["path"].name, "error": error})
        tallies = score_document(fx["truth"], pred)
        doc_total = Tally()
        for f, t in tallies.items():
            overall[f].merge(t)
            by_lang[fx["lang"]][f].merge(t)
            by_kind[fx["kind"]][f].merge(t)
            doc_total.merge(t)
        per_doc.append({"file": fx["path"].name, "error": error or None, **doc_total.figures()})
        if args.verbose:
            d = doc_total.figures()
            print(
                f"  {fx['path'].name:48} P {d['precision']:.2f} R {d['recall']:.2f} F1 {d['f1']:.2f} {error}"
            )

    def micro(tallies: dict[str, Tally]) -> dict[str, Any]:
        total = Tally()
        for t in tallies.values():
            total.merge(t)
        return total.figures()

    report: dict[str, Any] = {
        "fixtures": len(fixtures),
        "filters": {"lang": args.lang, "format": args.kind},
        "fields": {f: t.figures() for f, t in overall.items()},
        "fields_by_language": {
            lg: {f: t.figures() for f, t in tl.items()} for lg, tl in sorted(by_lang.items())
        },
        "micro_f1": {lg: micro(tl) for lg, tl in sorted(by_lang.items())},
        "micro_f1_by_format": {k: micro(tl) for k, tl in sorted(by_kind.items())},
        "latency_ms": {
            k: {
                "n": len(v),
                "p50": round(percentile(v, 50), 1),
                "p95": round(percentile(v, 95), 1),
            }
            for k, v in sorted(latencies.items())
        },
        "failures": failures,
        "documents": per_doc,
    }

    print(f"\n{'field':22} {'P':>6} {'R':>6} {'F1':>6}   {'TP':>4} {'FP':>4} {'FN':>4}")
    for f, d in report["fields"].items():
        print(
            f"{f:22} {d['precision']:6.3f} {d['recall']:6.3f} {d['f1']:6.3f}   {d['tp']:4} {d['fp']:4} {d['fn']:4}"
        )
    print("\nmicro-F1 by language")
    for lg, d in report["micro_f1"].items():
        print(f"  {lg}: P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}")
    print("micro-F1 by format")
    for k, d in report["micro_f1_by_format"].items():
        print(f"  {k:6}: P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}")
    print("latency (ms, one core, after warm-up)")
    for k, d in report["latency_ms"].items():
        print(f"  {k:6}: n={d['n']:3}  p50 {d['p50']:8.1f}  p95 {d['p95']:8.1f}")
    if failures:
        print(f"parser raised on {len(failures)} file(s):")
        for fl in failures:
            print(f"  {fl['file']}: {fl['error']}")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
        print(f"figures written to {args.json_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
