"""Evidence lines shown in Chinese: every line the real analysis writes has a translation."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from interviews.analysis import (
    AnswerAnalysis,
    QuestionContext,
    Score,
    SpokenWord,
    analyse_answer,
)
from interviews.analysis.evidence_text import PATTERNS, localise
from interviews.analysis.tests.samples import (
    ANSWERS,
    UNSTRUCTURED_BEHAVIORAL_EN,
    UNSTRUCTURED_BEHAVIORAL_ZH,
    question,
    spoken,
)
from interviews.grading import Grade, combine
from interviews.models import InterviewEvaluation, InterviewSession
from questions.tests.factories import GO_KUBERNETES, parsed_resume

TECH_EN = "en.python.list-vs-tuple"
STORY_EN = "en.teamwork.teammate-not-contributing"
SITUATION_EN = "en.prioritization.two-top-priorities"
TECH_ZH = "zh.python.decorators"
STORY_ZH = "zh.teamwork.covered-for-teammate"
SITUATION_ZH = "zh.prioritization.extra-urgent-task"

SIGNPOSTED_EN = (
    "Lists and tuples differ mainly in whether they can change. First, lists are mutable, "
    "so you can append or remove items. Second, tuples are immutable because they cannot "
    "change once created. For example, a tuple of coordinates can be a dictionary key. "
    "In short, use tuples for fixed records and lists for growing collections."
)
HEDGED_EN = (
    "I think maybe lists are probably mutable, I guess. Perhaps tuples are sort of not. "
    "I'm not sure, it kind of depends."
)
FILLER_HEAVY_EN = (
    "Um, so lists are, like, mutable, you know, and uh tuples are basically immutable. "
    "Um, a tuple of hashable values is, uh, hashable, so, like, it can be a dictionary key."
)
# Told backwards and with blame: the result first, then the set-up.
BLAMING_STORY_EN = (
    "As a result we shipped on time and the release went out. Last year my teammate was "
    "lazy and honestly useless, and the project was at risk. I spoke to him privately and "
    "we agreed clear owners and dates."
)
SITUATION_ANSWER_EN = (
    "I would first clarify the real deadline of each request and what depends on it. Then "
    "I would make the conflict visible to both of them and our manager, with the facts. I "
    "would propose options such as delivering a minimum version of one, and confirm the "
    "decision in writing."
)
HEDGED_ZH = "我觉得可能装饰器大概就是一个函数吧，应该是包一层，我也不太确定。"
FILLER_HEAVY_ZH = (
    "嗯，装饰器那个，就是，呃，一个高阶函数。然后，嗯，就是说包装函数，那个，用闭包。"
    "呃，然后要用 functools.wraps。"
)
SITUATION_ANSWER_ZH = (
    "首先，我会先了解新任务的要求、截止时间和重要性。其次，我会把手头工作的进度告诉领导，"
    "请他帮忙确认优先顺序。最后，根据结果调整计划，并通知受影响的相关方，不会默默硬扛。"
)
MODEL_FEEDBACK = {
    "en": "The answer is accurate but could use a concrete example.",
    "zh": "回答基本准确，但缺少具体例子。",
}

# English words a Chinese evidence line may still contain outside what it quotes.
ALLOWED_WORDS = {"STAR"}
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")


def with_pauses(
    pieces: list[str], *, after: tuple[int, ...], seconds_each: float = 0.5
) -> list[SpokenWord]:
    """Evenly timed words (or Chinese phrases) with a 3 s silence after each index in
    ``after``."""
    timed: list[SpokenWord] = []
    start = 0.0
    for index, piece in enumerate(pieces):
        timed.append(SpokenWord(piece, start, start + seconds_each * 0.8))
        start += seconds_each + (3.0 if index in after else 0.0)
    return timed


def english_left(line: str, verbatim: list[str]) -> list[str]:
    """English words in ``line`` once quotes, tallies and verbatim material (expected
    points, keywords, the model's feedback) are taken out."""
    for material in sorted(verbatim, key=len, reverse=True):
        line = line.replace(material, " ")
    line = _QUOTED.sub(" ", line)  # quoted answers, and tallies such as “maybe” ×2
    return [w for w in _ENGLISH_WORD.findall(line) if w not in ALLOWED_WORDS]


def evidence_of(analysis: AnswerAnalysis) -> list[str]:
    scores: list[Score | None] = [analysis.relevance, analysis.accuracy, analysis.structure]
    scores += [analysis.sentiment, analysis.confidence, analysis.delivery]
    return [line for score in scores if score is not None for line in score.evidence]


Run = tuple[str, str, list[SpokenWord] | None, float | None]


def runs() -> list[Run]:
    """(question key, answer, spoken words, duration): strong, weak, off-topic, hedged,
    filler-heavy, spoken, very short and empty answers in both languages."""
    good_en, off_en = ANSWERS[TECH_EN]
    story_en, off_story_en = ANSWERS[STORY_EN]
    good_zh, off_zh = ANSWERS[TECH_ZH]
    story_zh, off_story_zh = ANSWERS[STORY_ZH]
    return [
        (TECH_EN, good_en, None, None),
        (TECH_EN, good_en, spoken(good_en), None),  # a comfortable pace
        (TECH_EN, SIGNPOSTED_EN, None, None),
        (TECH_EN, off_en, None, None),
        (TECH_EN, HEDGED_EN, None, 5.0),  # fast
        (TECH_EN, FILLER_HEAVY_EN, with_pauses(FILLER_HEAVY_EN.split(), after=(3, 9)), None),
        (TECH_EN, good_en, None, 200.0),  # slow
        (TECH_EN, good_en, None, 0.0),  # no usable duration
        (TECH_EN, "Tuples are immutable.", None, None),
        (TECH_EN, "", None, None),
        (TECH_EN, " ?! ", None, 3.0),
        (STORY_EN, story_en, None, None),
        (STORY_EN, off_story_en, None, None),
        (STORY_EN, UNSTRUCTURED_BEHAVIORAL_EN, None, None),
        (STORY_EN, BLAMING_STORY_EN, None, None),
        (SITUATION_EN, SITUATION_ANSWER_EN, None, None),
        (SITUATION_EN, HEDGED_EN, None, None),
        (TECH_ZH, good_zh, None, 60.0),
        (TECH_ZH, off_zh, None, None),
        (TECH_ZH, HEDGED_ZH, None, None),
        (TECH_ZH, FILLER_HEAVY_ZH, None, 30.0),
        (TECH_ZH, "装饰器是高阶函数。", None, None),
        (TECH_ZH, "", None, None),
        (
            STORY_ZH,
            story_zh,
            with_pauses(re.findall(r"[^，。]+[，。]", story_zh), after=(0,), seconds_each=4.0),
            None,
        ),
        (STORY_ZH, off_story_zh, None, None),
        (STORY_ZH, UNSTRUCTURED_BEHAVIORAL_ZH, None, None),
        (SITUATION_ZH, SITUATION_ANSWER_ZH, None, None),
        (SITUATION_ZH, HEDGED_ZH, None, 4.0),
    ]


@pytest.fixture(scope="module")
def corpus() -> list[tuple[str, list[str]]]:
    """Every evidence line the real analysis (and the model grade) wrote, with the
    verbatim material each may contain."""
    lines: list[tuple[str, list[str]]] = []
    for index, (key, answer, words, duration) in enumerate(runs()):
        q: QuestionContext = question(key)
        analysis = analyse_answer(q, answer, words=words, duration=duration)
        if index % 3 == 0:
            feedback = MODEL_FEEDBACK[q.language]
            analysis = combine(analysis, Grade(72.0, [], [], feedback))
        verbatim = [*q.answer_points, *q.keywords, *MODEL_FEEDBACK.values()]
        lines.extend((line, verbatim) for line in evidence_of(analysis))
    return lines


def test_every_evidence_line_the_analysis_writes_reads_as_chinese(corpus):
    untranslated = [line for line, _ in corpus if localise(line, "zh") == line]
    assert not untranslated
    leftovers = {
        localise(line, "zh"): english_left(localise(line, "zh"), verbatim)
        for line, verbatim in corpus
    }
    assert {shown: words for shown, words in leftovers.items() if words} == {}


def test_every_pattern_is_exercised_by_real_output(corpus):
    """No pattern is dead: each one matches a line the analysis actually produced, so a
    changed English template shows up here, not on a candidate's page."""
    used = {
        next(i for i, (pattern, _) in enumerate(PATTERNS) if pattern.fullmatch(line))
        for line, _ in corpus
    }
    unused = [PATTERNS[i][0].pattern for i in range(len(PATTERNS)) if i not in used]
    assert unused == []


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("No answer was given.", "没有作答。"),
        ("Very short answer (12 words).", "回答太短（仅 12 个词）。"),
        ("Very short answer (20 characters).", "回答太短（仅 20 个字）。"),
        ("The answer addresses the question directly.", "回答直接切题。"),
        ("Covered: Lists are mutable", "已讲到：Lists are mutable"),
        ("Missing: 情境：说清楚当时的困难", "未讲到：情境：说清楚当时的困难"),
        ("Key terms used: none (0 of 3)", "用到的关键词：无（0/3）"),
        ("Key terms used: O(n), pprof (2 of 4)", "用到的关键词：O(n)、pprof（2/4）"),
        ("Key terms not mentioned: root cause, 闭包", "未提到的关键词：root cause、闭包"),
        ("Action: “I spoke to him first.”", "行动：“I spoke to him first.”"),
        ("Clear opening claim: “Tuples are immutable.”", "开门见山的观点：“Tuples are immutable.”"),
        ("Signposting: “first”, “second”", "条理提示词：“first”、“second”"),
        ("Missing from STAR: Task, Result", "STAR 中缺少：任务、结果"),
        (
            "The story is told out of order (situation → action → result).",
            "讲述顺序有些乱（建议按 情境 → 行动 → 结果 的顺序）。",
        ),
        (
            "Could be clearer with: clear opening claim, signposting",
            "还可以更清楚，建议补充：开门见山的观点、条理提示词",
        ),
        ("Only 2 sentence(s): too short to show a structure.", "只有 2 句话，太短，看不出结构。"),
        ("Constructive words: learned ×2, agreed", "积极正面的措辞：“learned” ×2、“agreed”"),
        ("Negative or blaming words: lazy", "消极或指责性的措辞：“lazy”"),
        ("2 hedge(s): maybe ×2", "2 处含糊其辞的说法：“maybe” ×2"),
        ("Assertive phrasing: 本质上", "肯定有力的表达：“本质上”"),
        ("No hedging.", "没有含糊其辞的说法。"),
        (
            "185 words per minute: fast (comfortable 110–170).",
            "每分钟 185 个词：偏快（舒适范围 110–170）。",
        ),
        (
            "120 characters per minute: slow (comfortable 160–280).",
            "每分钟 120 个字：偏慢（舒适范围 160–280）。",
        ),
        ("150 words per minute: a comfortable pace.", "每分钟 150 个词：语速适中。"),
        ("3 filler word(s): um ×2, 那个", "3 个填充词：“um” ×2、“那个”"),
        (
            "2 long pause(s) over 2 s: 2.3 s after “are”, 3.0 s after “然后”",
            "2 次超过 2 秒的长停顿：“are”之后 2.3 秒、“然后”之后 3.0 秒",
        ),
        ("No long pauses.", "没有长停顿。"),
        (
            "Interviewer model: 70/100. Solid, but name a metric.",
            "AI 面试官评分：70/100。Solid, but name a metric.",
        ),
    ],
)
def test_specific_lines_in_chinese(english, chinese):
    assert localise(english, "zh") == chinese
    assert localise(english, "zh-hans") == chinese


def test_english_is_the_identity(corpus):
    for line, _ in corpus:
        assert localise(line, "en") == line


@pytest.mark.parametrize(
    "line",
    [
        "Something the analysis never writes.",
        "Covered:no space after the colon",
        "Situation: not a quoted sentence",
        "",
    ],
)
def test_an_unknown_line_comes_back_unchanged(line):
    assert localise(line, "zh") == line


@pytest.mark.django_db
def test_a_chinese_candidate_reads_the_evidence_in_chinese(client, user, question_bank):
    user.language = "zh-hans"
    user.save(update_fields=["language"])
    client.force_login(user)
    resume = parsed_resume(user, GO_KUBERNETES)
    client.post(reverse("interviews:start"), {"resume_id": resume.pk, "count": "2"})
    room = reverse("interviews:room", args=[InterviewSession.objects.get().pk])
    client.post(room, {"action": "answer", "text": "I do not know, maybe caching."})

    body = client.get(room).content.decode()
    evaluation = InterviewEvaluation.objects.get()
    lines = [line for part in ("relevance", "confidence") for line in evaluation.evidence[part]]
    assert any(line.startswith("Very short answer") for line in lines)
    for line in lines:
        assert escape(localise(line, "zh")) in body
        assert escape(line) not in body
    assert "相关性" in body and "回答太短" in body and "Very short answer" not in body
