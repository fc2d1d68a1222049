"""Second, independent accuracy check: ``parse_text`` on 50 real resume texts.

    .venv/bin/python bench/resume_ner_check.py [--json OUT] [--verbose]

Data: ``tests/fixtures/resume-ner/set_aside_test_v2_50cvs.zip`` (CC0; see the README
there): 50 English CVs from Indeed and Kaggle, one XML file each, whose text carries
inline ``<label type="...">`` spans. The text given to the parser is the XML's text with
the tags removed (``itertext``); ``__MACOSX/`` entries are skipped. It reports; it does
not judge: exit status 0.

Labels -> parse-result fields
-----------------------------
* ``Name``                       -> ``basic_info.name``
* ``Email Address``              -> ``basic_info.email``
* ``Companies worked at``        -> ``work_experience[].company``
* ``Designation``                -> ``work_experience[].title`` (reported as "titles")
* ``Degree``                     -> ``education[].degree`` (+ ``major``, see below)
* ``Tech Tools``, ``Job Specific Skills`` -> ``skills[].name`` (recall);
  ``Soft Skills`` also count as correct for precision, not for recall.
* Not scored: ``Location`` (it marks every place, not the candidate's address),
  ``Years of Experience``, ``Graduation Year``, ``College Name`` (could be added).

Scoring: per CV, the distinct normalised truth values T and predicted values P of a
field (normalisation as in ``bench/resume_parse.py``: NFKC, case-fold, whitespace,
dashes, edge punctuation). Recall counts the t in T matched by some p; precision counts
the p in P that match some t; both summed over CVs (micro), F1 their harmonic mean.
Equality: name, company, title -- equal or one contains the other with the shorter
>= 80 % of the longer; email and skills -- equal after normalisation; degree -- the
annotated span equals the predicted degree, or "degree in major", or the span starts
with the predicted degree followed by a space, "(" or "," (the annotations put degree
and major in one span, e.g. "B.E in Computer Science Engineering").

Caveats: annotations are partial, especially skills (annotators marked a subset of the
tools and skills a CV lists), so skill precision is a lower bound; the Kaggle CVs are
flattened onto one line with no section layout, and several have placeholder names
("Name Surname") and no Name label, so a name predicted there counts as a false
positive; the same company or title is often labelled several times with small
variations ("Oracle" / "Oracle Financial Services"), which the distinct-value sets and
the containment rule only partly absorb. Figures here are not comparable with the
fixture-set figures, which use exact, complete ground truth.
"""

from __future__ import annotations

import argparse
import json
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from resume_parse import eq_contains, eq_plain, norm  # noqa: E402

ZIP = ROOT / "tests" / "fixtures" / "resume-ner" / "set_aside_test_v2_50cvs.zip"
SKILL_LABELS = {"Tech Tools", "Job Specific Skills"}


def load_cvs() -> list[dict[str, Any]]:
    cvs = []
    with zipfile.ZipFile(ZIP) as zf:
        for info in sorted(zf.infolist(), key=lambda i: i.filename):
            if info.is_dir() or "__MACOSX" in info.filename or not info.filename.endswith(".xml"):
                continue
            root = ET.fromstring(zf.read(info))  # noqa: S314
            labels: dict[str, list[str]] = {}
            for el in root.iter("label"):
                text = "".join(el.itertext()).strip()
                if text:
                    labels.setdefault(el.get("type", ""), []).append(text)
            cvs.append(
                {
                    "file": Path(info.filename).name,
                    "text": "".join(root.itertext()),
                    "labels": labels,
                }
            )
    return cvs


def eq_degree(span: str, pred: dict[str, Any]) -> bool:
    s, d = norm(span), norm(pred.get("degree"))
    if not s or not d:
        return False
    if s == d or (pred.get("major") and s == norm(f"{pred['degree']} in {pred['major']}")):
        return True
    return any(s.startswith(d + c) for c in (" ", "(", ","))


class Counts:
    def __init__(self) -> None:
        self.truth = self.truth_found = self.predicted = self.predicted_correct = 0


def score(
    truth: list[Any],
    pred: list[Any],
    eq: Callable[[Any, Any], bool],
    tally: Counts,
    extra_ok: list[Any] | None = None,
) -> None:
    t = list({norm(x): x for x in truth if norm(x)}.values())
    p = list(
        {
            norm(x) if isinstance(x, str) else json.dumps(x, sort_keys=True): x for x in pred if x
        }.values()
    )
    hits_t = sum(1 for x in t if any(eq(x, y) for y in p))
    ok = t + list(extra_ok or [])
    hits_p = sum(1 for y in p if any(eq(x, y) for x in ok))
    tally.truth += len(t)
    tally.truth_found += hits_t
    tally.predicted += len(p)
    tally.predicted_correct += hits_p


def figures(t: Counts) -> dict[str, Any]:
    p = t.predicted_correct / t.predicted if t.predicted else 0.0
    r = t.truth_found / t.truth if t.truth else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "truth": t.truth,
        "truth_found": t.truth_found,
        "predicted": t.predicted,
        "predicted_correct": t.predicted_correct,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description="parse_text against the resume NER annotations")
    ap.add_argument("--json", dest="json_out")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    cvs = load_cvs()
    print(f"{len(cvs)} annotated CVs from {ZIP.relative_to(ROOT)}")
    try:
        from resumes.parsing import parse_text
    except Exception as exc:
        print(f"cannot import resumes.parsing.parse_text: {exc!r}; no figures")
        return 0
    fields = ("names", "emails", "companies", "titles", "degrees", "skills")
    tallies = {f: Counts() for f in fields}
    failures = []
    for cv in cvs:
        lab = cv["labels"]
        try:
            res: dict[str, Any] = parse_text(cv["text"]).result
        except Exception as exc:
            failures.append({"file": cv["file"], "error": f"{type(exc).__name__}: {exc}"})
            res = {}
        bi = res.get("basic_info") or {}
        work = [w for w in res.get("work_experience") or [] if isinstance(w, dict)]
        edu = [e for e in res.get("education") or [] if isinstance(e, dict)]
        skills = [s.get("name") for s in res.get("skills") or [] if isinstance(s, dict)]
        score(lab.get("Name", []), [bi.get("name")], eq_contains, tallies["names"])
        score(lab.get("Email Address", []), [bi.get("email")], eq_plain, tallies["emails"])
        score(
            lab.get("Companies worked at", []),
            [w.get("company") for w in work],
            eq_contains,
            tallies["companies"],
        )
        score(
            lab.get("Designation", []),
            [w.get("title") for w in work],
            eq_contains,
            tallies["titles"],
        )
        score(
            lab.get("Degree", []),
            [e for e in edu if e.get("degree")],
            eq_degree,
            tallies["degrees"],
        )
        truth_skills = [s for k in SKILL_LABELS for s in lab.get(k, [])]
        score(
            truth_skills, skills, eq_plain, tallies["skills"], extra_ok=lab.get("Soft Skills", [])
        )
        if args.verbose:
            print(
                f"  {cv['file']:16} name={bi.get('name')!r} companies={[w.get('company') for w in work]}"
            )
    report = {f: figures(t) for f, t in tallies.items()}
    print(f"\n{'field':10} {'P':>6} {'R':>6} {'F1':>6}  truth/found  predicted/correct")
    for f, d in report.items():
        print(
            f"{f:10} {d['precision']:6.3f} {d['recall']:6.3f} {d['f1']:6.3f}  "
            f"{d['truth']:5}/{d['truth_found']:<5}  {d['predicted']:5}/{d['predicted_correct']}"
        )
    if failures:
        print(f"parse_text raised on {len(failures)} CV(s):")
        for fl in failures:
            print(f"  {fl['file']}: {fl['error']}")
    if args.json_out:
        out = {"cvs": len(cvs), "fields": report, "failures": failures}
        Path(args.json_out).write_text(json.dumps(out, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
