"""Improvement suggestions for a single answer."""

from __future__ import annotations

from dataclasses import replace

from feedback.report.advice import load_advice
from feedback.report.questions import question_suggestions
from feedback.report.tests.test_behaviour import STRONG_EN, make_record
from interviews.analysis import text

POINTS = (
    "Situation: describes a specific shared deliverable and how the gap showed up",
    "Task: explains why it was theirs to address and what was at risk",
    "Action: spoke to the teammate privately first, then agreed owners and dates",
    "Result: states what happened to the deliverable and to the working relationship",
)
# Situation, task and action, but the story stops before any outcome.
NO_RESULT = (
    "Last year at my previous company a teammate kept missing handoffs on our shared release. "
    "As the senior engineer it was my job to fix it, because the launch was at risk. "
    "I spoke to him privately first and learned he was overloaded with support tickets. "
    "Then I suggested we agree clear owners and dates for the remaining work."
)


def test_names_the_missed_point_and_the_missing_star_part() -> None:
    record = make_record(
        NO_RESULT,
        points_expected=POINTS,
        points_covered=POINTS[:3],
        keywords_expected=("root cause", "escalation"),
        keywords_found=("root cause",),
        accuracy=55.0,
    )
    suggestions = question_suggestions(record, "en")
    assert 1 <= len(suggestions) <= 4
    assert suggestions[0].startswith("Cover the expected point(s) you missed:")
    assert text.quote(POINTS[3]) in suggestions[0]
    assert POINTS[0] not in suggestions[0]
    assert any("“escalation”" in s and "root cause" not in s for s in suggestions)
    star = next(s for s in suggestions if "STAR" in s)
    assert "Result (" in star and "Task (" not in star


def test_chinese_report_language_gives_chinese_suggestions() -> None:
    answer = (
        "去年我们组做支付功能的时候，负责联调的同事突然请假。当时我负责报表模块。"
        "我先和他确认了还剩哪些接口，然后找组长对齐了优先级，主动把联调接了过来。"
    )
    points = ("结果：讲清楚问题最后怎么解决的，自己的工作有没有受到影响",)
    record = make_record(answer, points_expected=points, keywords_expected=("主动补位", "兼顾"))
    suggestions = question_suggestions(record, "zh")
    assert suggestions[0] == f"补上遗漏的要点：{text.quote(points[0])}。"
    assert any(s.startswith("补上缺少的 STAR 部分：结果（") for s in suggestions)
    assert all(text.is_chinese(s) for s in suggestions)
    # The same answer in an English report: English sentences, Chinese quotes kept.
    english = question_suggestions(record, "en")
    assert english[0].startswith("Cover the expected point(s) you missed: “结果")


def test_hedges_fillers_and_pace_of_a_spoken_answer() -> None:
    answer = (
        "Um, I think maybe the cache was, like, the problem. Uh, we probably could have, um, "
        "added an index, I guess, or maybe sharded the table. Um, it was, you know, maybe "
        "the query, uh, that was slow. I suppose, um, the fix kind of worked in the end."
    )
    record = make_record(answer, question_type="technical", wpm=220, long_pauses=2)
    suggestions = question_suggestions(record, "en", limit=10)
    joined = "\n".join(suggestions)
    assert "Drop the hedges “maybe” ×" in joined
    assert "Cut the filler words “um” ×" in joined
    assert "You spoke at 220 words per minute: slow down to 120–170" in joined
    assert "2 pauses of over 2 seconds" in joined
    assert joined.index("Drop the hedges") < joined.index("Cut the filler words")
    assert len(question_suggestions(record, "en")) == 4


def test_short_and_long_answers_are_told_so() -> None:
    short = make_record("I would use a queue.", question_type="technical")
    assert question_suggestions(short, "en")[0].startswith("At 5 words the answer is too short")
    long = make_record(" ".join([STRONG_EN[0]] * 5), question_type="technical")
    assert any("runs long" in s for s in question_suggestions(long, "en"))


def test_strong_answer_gets_one_push_from_the_curated_advice() -> None:
    record = make_record(
        STRONG_EN[0],
        points_expected=POINTS[:2],
        points_covered=POINTS[:2],
        relevance=90.0,
        accuracy=88.0,
    )
    record = replace(record, overall=86.0)
    suggestions = question_suggestions(record, "en")
    curated = {item for bands in load_advice().values() for b in bands.values() for item in b["en"]}
    assert suggestions, "an analysed answer always gets a suggestion"
    assert suggestions[-1] in curated
    assert question_suggestions(record, "en") == suggestions


def test_unanalysed_answer_gets_nothing_and_an_empty_one_is_told_to_answer() -> None:
    pending = make_record(STRONG_EN[0], analysed=False)
    assert question_suggestions(pending, "en") == []
    empty = replace(make_record("…"), answer="", overall=0.0)
    assert question_suggestions(empty, "zh") == ["这道题没有作答：哪怕用两句话说出思路也能得分。"]
