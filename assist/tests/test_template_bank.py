"""The shipped answer templates: enough of them, both languages, loadable, and validated."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command

from assist.models import AnswerTemplate
from assist.template_bank import TemplateBankError, load, read_records
from questions.models import Competency

pytestmark = pytest.mark.django_db


def test_the_shipped_templates_cover_every_type_competency_and_both_languages():
    records = read_records()
    assert len(records) >= 120
    by_language = Counter(r["language"] for r in records)
    assert by_language["en"] == by_language["zh"]
    keys = {r["key"] for r in records}
    # Every English template has a Chinese twin.
    assert {k.removeprefix("en.") for k in keys if k.startswith("en.")} == {
        k.removeprefix("zh.") for k in keys if k.startswith("zh.")
    }
    for language in ("en", "zh"):
        mine = [r for r in records if r["language"] == language]
        for kind in ("behavioral", "situational"):
            covered = {r["competency"] for r in mine if r["question_type"] == kind}
            assert covered >= set(Competency.values), (language, kind)
        technical = {r["skill_category"] for r in mine if r["question_type"] == "technical"}
        assert {"general", "system_design", "database", "healthcare", "finance"} <= technical


def test_loading_twice_updates_instead_of_duplicating():
    call_command("load_answer_templates")
    count = AnswerTemplate.objects.count()
    AnswerTemplate.objects.filter(key="en.behavioral.teamwork-cross-team").update(title="edited")
    call_command("load_answer_templates")
    assert AnswerTemplate.objects.count() == count
    assert AnswerTemplate.objects.get(key="en.behavioral.teamwork-cross-team").title != "edited"


def test_a_bad_template_is_reported_and_nothing_is_written(tmp_path: Path):
    good = read_records()[0]
    bad = {**good, "key": "en.bad", "points": ["Say {salary}"], "question_type": "riddle"}
    (tmp_path / "mixed.json").write_text(json.dumps([good, bad]))
    with pytest.raises(TemplateBankError) as refused:
        load(read_records(tmp_path))
    problems = "\n".join(refused.value.problems)
    assert "mixed.json[1]: question_type" in problems
    assert "mixed.json[1]: points: unknown placeholder 'salary'" in problems
    assert AnswerTemplate.objects.count() == 0
