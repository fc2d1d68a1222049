"""Benchmark: template-engine latency and skill coverage over the resume evaluation set.

    .venv/bin/python bench/question_generation.py [--count 10] [--repeat 5] [--json OUT]

For every labelled document in ``tests/fixtures/resumes/`` the real parser reads it
(``resumes.parsing.parse_document``), then the template engine generates ``--count``
questions in the resume's language from the shipped bank with the default mix (60 %
technical, 30 % behavioral, 10 % situational; 30/50/20 % easy/medium/hard).

Latency is skills analysis plus generation (what the API's inline path adds to the
database work), timed with ``perf_counter`` ``--repeat`` times per resume with a new
seed each time, after one untimed first call (it loads the taxonomy). The process is
pinned to one core. Reported as p50/p95 (nearest rank).

Skill coverage, per resume, two ways:

* ``top5``: the share of the resume's top five skills, as the skills analysis ranks
  them, that at least one question asks about (the issue's definition);
* ``labelled``: the same for the first five skills of the document's hand-made label
  that the taxonomy knows, so a ranking mistake cannot flatter the figure.

It reports; it does not judge: the exit status is 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Literal

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.common import percentile  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "resumes"
KINDS: dict[str, Literal["pdf", "docx", "image"]] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
}
TOP = 5


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", dest="json_out")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interviewgenius.settings")
    import django

    django.setup()
    from questions.analysis import analyse_resume
    from questions.bank import bank_records
    from questions.engines import template
    from questions.engines.types import GenerationSpec, TemplateSpec
    from questions.services import DEFAULT_DIFFICULTY
    from questions.skills import canonical_skill
    from resumes.parsing import parse_document

    templates = [
        TemplateSpec.from_record(r, id=i)
        for i, r in enumerate(bank_records(), start=1)
        if r["is_active"]
    ]
    docs = sorted(p for p in FIXTURES.iterdir() if p.suffix.lower() in KINDS)
    print(f"{len(templates)} templates; {len(docs)} resumes from {FIXTURES.relative_to(ROOT)}")

    parsed: list[tuple[Path, dict[str, Any], dict[str, Any]]] = []
    for doc in docs:
        label = json.loads(doc.with_suffix(".json").read_text(encoding="utf-8"))
        outcome = parse_document(doc.read_bytes(), kind=KINDS[doc.suffix.lower()])
        if outcome.result is not None:
            parsed.append((doc, dict(outcome.result), label))

    def spec(language: str, seed: int) -> Any:
        return GenerationSpec(
            count=args.count,
            language=language,
            type_distribution={"technical": 0.6, "behavioral": 0.3, "situational": 0.1},
            difficulty_distribution=dict(DEFAULT_DIFFICULTY),
            seed=seed,
        )

    first = parsed[0][1]
    started = time.perf_counter()
    template.generate(analyse_resume(first), templates, spec(first.get("language", "en"), 0))
    first_ms = (time.perf_counter() - started) * 1000

    latencies: list[float] = []
    top_cover: list[float] = []
    label_cover: list[float] = []
    short_sets = 0
    per_doc = []
    for doc, result, label in parsed:
        language = "zh" if result.get("language") == "zh" else "en"
        for seed in range(args.repeat):
            started = time.perf_counter()
            profile = analyse_resume(result)
            generated = template.generate(profile, templates, spec(language, seed))
            latencies.append((time.perf_counter() - started) * 1000)
        asked = {q.skill for q in generated.questions if q.skill}
        short_sets += len(generated.questions) < args.count
        top = [s.canonical for s in profile.top_skills(TOP)]
        if top:
            top_cover.append(sum(s in asked for s in top) / len(top))
        known = []
        for item in label.get("skills") or []:
            entry = canonical_skill(str(item.get("name") or ""))
            if entry and entry.name not in known:
                known.append(entry.name)
        known = known[:TOP]
        if known:
            label_cover.append(sum(s in asked for s in known) / len(known))
        per_doc.append({"doc": doc.name, "top5": top, "asked": sorted(asked)})

    figures = {
        "resumes": len(parsed),
        "count": args.count,
        "first_call_ms": round(first_ms, 1),
        "latency_ms": {
            "p50": round(percentile(latencies, 50), 2),
            "p95": round(percentile(latencies, 95), 2),
            "max": round(max(latencies), 2),
            "samples": len(latencies),
        },
        "coverage_top5": {
            "mean": round(statistics.mean(top_cover), 3),
            "resumes_at_or_above_0.8": round(sum(c >= 0.8 for c in top_cover) / len(top_cover), 3),
            "resumes": len(top_cover),
        },
        "coverage_labelled5": {
            "mean": round(statistics.mean(label_cover), 3),
            "resumes": len(label_cover),
        },
        "short_sets": short_sets,
    }
    print(json.dumps(figures, indent=2))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps({**figures, "per_doc": per_doc}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
