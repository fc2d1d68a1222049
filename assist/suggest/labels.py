"""The words a suggestion card is written in, per session language (not the page's)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "situation": "Situation: {role} at {company}{period}. Set the scene in one sentence.",
        "situation_generic": "Situation: pick a real moment from your last role; set the scene briefly.",
        "task": "Task: {text}",
        "task_generic": "Task: what you were responsible for, and what was at stake.",
        "action": "Action: {text}",
        "action_generic": 'Action: the steps you took yourself; say "I", not "we".',
        "result": "Result: {text}",
        "result_generic": "Result: the outcome with a number if you have one, and what you learnt.",
        "experience": "Tie it to your experience: {skills}{project}.",
        "in_project": " in {project}",
        "example": "Give a concrete example: {project}.",
        "real_case": "Relate it to a real case: how you handled something similar at {company}.",
        "title_star": "STAR outline",
        "title_points": "Key points",
        "title_approach": "Structured approach",
        "company": "your last company",
        "role": "your role",
        "project": "a recent project",
        "skill": "the relevant skill",
        "list_sep": ", ",
    },
    "zh": {
        "situation": "情境：在{company}担任{role}{period}，一句话交代背景。",
        "situation_generic": "情境：选上一份工作里的真实经历，简要交代背景。",
        "task": "任务：{text}",
        "task_generic": "任务：你负责什么，事情的利害关系是什么。",
        "action": "行动：{text}",
        "action_generic": "行动：你本人做了哪些具体步骤，多说“我”，少说“我们”。",
        "result": "结果：{text}",
        "result_generic": "结果：用数字说明成效，再讲你的收获。",
        "experience": "结合你的经历：{skills}{project}。",
        "in_project": "（{project}）",
        "example": "举一个具体例子：{project}。",
        "real_case": "联系实际：讲讲你在{company}处理类似情况的做法。",
        "title_star": "STAR 提纲",
        "title_points": "要点",
        "title_approach": "结构化思路",
        "company": "上一家公司",
        "role": "你的岗位",
        "project": "最近的一个项目",
        "skill": "相关技能",
        "list_sep": "、",
    },
}


def labels(language: str) -> dict[str, str]:
    return LABELS.get(language, LABELS["en"])
