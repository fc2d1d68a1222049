"""The report's summary paragraph when no LLM writes it: the numbers, said plainly."""

from __future__ import annotations

from collections.abc import Sequence

from feedback.report.plan import PlanItem
from feedback.report.scoring import DimensionScore
from feedback.report.skills import SkillResult

NAMES = {
    "en": {
        "technical": "technical knowledge",
        "communication": "communication",
        "problem_solving": "problem solving",
        "confidence": "confidence",
        "structure": "answer structure",
        "clarity": "clarity",
        "ownership": "ownership",
        "collaboration": "collaboration",
    },
    "zh": {
        "technical": "技术能力",
        "communication": "沟通表达",
        "problem_solving": "解决问题",
        "confidence": "自信程度",
        "structure": "回答结构",
        "clarity": "清晰简洁",
        "ownership": "主人翁意识",
        "collaboration": "团队协作",
    },
}
PHRASES = {
    "en": {
        "answered": "You answered {answered} of {planned} questions.",
        "follow_ups": "You answered {answered} of {planned} questions, and {follow_ups} "
        "follow-up question(s).",
        "pending": "{pending} answer(s) were still being analysed and are not counted.",
        "scores": "Overall {overall}/100: strongest in {best} ({best_score}), "
        "weakest in {worst} ({worst_score}).",
        "even": "Overall {overall}/100, even across the four dimensions.",
        "skill": "Best-shown skill: {skill} ({level}).",
        "first": "Work on {area} first.",
        "none": "No answer has been analysed yet, so there is nothing to score.",
    },
    "zh": {
        "answered": "本次共 {planned} 道题，你回答了 {answered} 道。",
        "follow_ups": "本次共 {planned} 道题，你回答了 {answered} 道，另有 {follow_ups} 道追问。",
        "pending": "另有 {pending} 个回答仍在分析中，未计入。",
        "scores": "总分 {overall}/100：{best}最强（{best_score}），{worst}最弱（{worst_score}）。",
        "even": "总分 {overall}/100，四个维度较为均衡。",
        "skill": "表现最好的技能：{skill}（{level}）。",
        "first": "建议优先提升：{area}。",
        "none": "还没有分析完成的回答，暂时无法评分。",
    },
}
LEVEL_NAMES = {
    "en": {
        "beginner": "beginner",
        "intermediate": "intermediate",
        "advanced": "advanced",
        "expert": "expert",
    },
    "zh": {"beginner": "入门", "intermediate": "中级", "advanced": "高级", "expert": "专家"},
}
# Dimensions within this many points of each other are "even".
EVEN_WITHIN = 5.0


def name_of(area: str, language: str) -> str:
    return NAMES[language].get(area, area)


def write_summary(
    *,
    language: str,
    answered: int,
    follow_ups: int,
    planned: int,
    pending: int,
    scores: dict[str, DimensionScore],
    skills: Sequence[SkillResult],
    plan: Sequence[PlanItem],
) -> str:
    say = PHRASES[language]
    phrase = say["follow_ups"] if follow_ups else say["answered"]
    parts = [
        phrase.format(answered=answered, planned=max(planned, answered), follow_ups=follow_ups)
    ]
    if pending:
        parts.append(say["pending"].format(pending=pending))
    if "overall" not in scores:
        parts.append(say["none"])
        return " ".join(parts) if language == "en" else "".join(parts)
    overall = f"{scores['overall'].value:.0f}"
    ranked = sorted(
        (d for n, d in scores.items() if n != "overall"), key=lambda d: d.value, reverse=True
    )
    best, worst = ranked[0], ranked[-1]
    if best.value - worst.value <= EVEN_WITHIN:
        parts.append(say["even"].format(overall=overall))
    else:
        parts.append(
            say["scores"].format(
                overall=overall,
                best=name_of(best.name, language),
                best_score=f"{best.value:.0f}",
                worst=name_of(worst.name, language),
                worst_score=f"{worst.value:.0f}",
            )
        )
    if skills:
        top = skills[0]
        parts.append(say["skill"].format(skill=top.skill, level=LEVEL_NAMES[language][top.level]))
    if plan:
        parts.append(say["first"].format(area=name_of(plan[0].area, language)))
    return " ".join(parts) if language == "en" else "".join(parts)
