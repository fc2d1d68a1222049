"""Real questions from the shipped bank and answers written for these tests."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from interviews.analysis import QuestionContext, SpokenWord

BANK = Path(__file__).resolve().parents[3] / "questions" / "fixtures" / "question_bank"
BANK_FILES = ("behavioral_situational.json", "technical_languages_frameworks.json")


@cache
def question(key: str) -> QuestionContext:
    for name in BANK_FILES:
        for item in json.loads((BANK / name).read_text(encoding="utf-8")):
            if item["key"] == key:
                return QuestionContext(
                    text=item["text"],
                    question_type=item["question_type"],
                    language=item["language"],
                    keywords=tuple(item["keywords"]),
                    answer_points=tuple(item["answer_points"]),
                    skill=item["skill"],
                )
    raise KeyError(key)


def spoken(transcript: str, *, seconds_per_word: float = 0.4) -> list[SpokenWord]:
    """Evenly timed words, as speech-to-text would return them without pauses."""
    words = transcript.split()
    return [
        SpokenWord(w, i * seconds_per_word, i * seconds_per_word + seconds_per_word * 0.8)
        for i, w in enumerate(words)
    ]


# key: (on-topic detailed answer, fluent answer about something else)
ANSWERS: dict[str, tuple[str, str]] = {
    "en.python.list-vs-tuple": (
        "Lists are mutable, so you can append, remove or change items in place, while tuples "
        "are immutable once created. Because a tuple of hashable values is itself hashable, "
        "it can be used as a dictionary key or put in a set, which a list never can. I use "
        "tuples for fixed-shape records like coordinates or returning several values from a "
        "function, and lists for collections that grow. Tuples are also a bit smaller and "
        "cheaper to create.",
        "I mostly worked on the frontend with React and spent a lot of time tuning our CSS "
        "build. Our team held weekly retrospectives and I enjoyed mentoring interns on "
        "accessibility.",
    ),
    "en.teamwork.teammate-not-contributing": (
        "Last year at my previous company we had a shared release where one teammate kept "
        "missing handoffs and his tasks were unfinished two sprints in a row. As the most "
        "senior engineer on that feature it was my job to fix it, because the launch date "
        "was at risk. I spoke to him privately first and learned he was overloaded with "
        "support tickets. We agreed clear owners, dates and a short check-in twice a week, "
        "and I told our manager about the support load. As a result we shipped on time and "
        "he re-engaged with the project. I learned to make ownership explicit at the start "
        "of shared work.",
        "I really like Python and I have used Django for five years. My favourite feature is "
        "the ORM and the admin site. I also play football at weekends with friends.",
    ),
    "zh.python.decorators": (
        "装饰器本质上是一个高阶函数，它接收一个函数，返回一个新的包装函数，@decorator 只是 "
        "func = decorator(func) 的语法糖。包装函数通过闭包持有原函数，所以可以在调用前后加日志、"
        "计时或者鉴权。如果不用 functools.wraps，被装饰函数的 __name__ 和 __doc__ 这些元数据会"
        "变成包装函数的，调试和生成文档都会出问题。带参数的装饰器要再套一层，也就是装饰器工厂。",
        "我之前主要做前端开发，用 React 写了很多页面，也负责过团队的代码评审。平时我喜欢跑步和"
        "看书，周末会和朋友去爬山。",
    ),
    "zh.teamwork.covered-for-teammate": (
        "去年我们组上线一个支付功能的时候，负责接口联调的同事突然生病请假，整个进度眼看要延误。"
        "当时我自己手上也有一个报表模块要交付。我先和他确认了还剩哪些接口没联调，然后找组长"
        "对齐了优先级，把报表的交付时间往后挪了两天，主动把联调接了过来。最后支付功能按时上线，"
        "报表也只晚了两天，没有影响客户。这件事让我体会到，补位之前先沟通清楚优先级很重要。",
        "我觉得 Python 是一门很好的语言，语法简洁，生态丰富。我平时用 Django 写后端，也用 pandas "
        "做数据分析，效率很高。",
    ),
}

# The same story as the STAR answer above, told as loose opinions without its parts.
UNSTRUCTURED_BEHAVIORAL_EN = (
    "Teammates who do not pull their weight are a common problem in software teams. It is "
    "important to talk to people and be fair with everyone involved. Communication matters "
    "a lot and managers should be aware of workload across the whole team."
)
UNSTRUCTURED_BEHAVIORAL_ZH = (
    "团队合作很重要，大家应该互相帮助。同事有困难的时候要多关心，工作上的事情要多交流，"
    "这样氛围会更好。"
)
