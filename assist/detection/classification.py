"""What kind of question: technical, behavioral or situational, and the competency probed.

Rules in order, the first that applies wins:

1. the candidate's self, motivation or career ("tell me about yourself", "why are you
   leaving", 自我介绍, 期望薪资): behavioral;
2. past-experience framing ("tell me about a time", "have you ever", 讲一个…的经历,
   有没有遇到过): behavioral, except "have you ever used <tool>", which asks about a skill;
3. weaker past framing ("the hardest project you worked on", "your role on that", 上家公司,
   最有挑战): behavioral, unless its subject is technical (below);
4. hypothetical framing ("what would you do if", "imagine", "let's say", 假如, 你会怎么):
   situational, unless its subject is technical ("suppose a table has a billion rows, how
   would you speed up the queries");
5. a knowledge form ("what is", "difference between", 原理, 怎么实现), a technical verb
   (design, implement, debug) or technical vocabulary (software, and the professions'
   own: nursing, accounting, sales, teaching, marketing, HR): technical, unless it asks
   how the candidate handled people ("how did you get buy-in from the other teams");
6. habits, people and conduct ("how do you deal with stress", "what do you think"):
   behavioral; anything else is a knowledge question in words the lists lack: technical.

A subject is technical when it has technical vocabulary (two terms, or one with a
technical ask) and nobody in it (a manager, a colleague) and nothing of the candidate's
conduct (stress, a mistake). Common words ("data", "production", 数据, 上线) count half.

Competency: keyword scores per competency (generic words count half); the highest wins
and ties go to the more specific one. Self questions name none, so theirs is the nearest
(a weakness is learning, leaving is adaptability, an introduction is communication).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assist.detection import lexicons as lx
from assist.detection.cleaning import LATIN_WORD, Cleaned

# Technical terms that make a subject technical without a technical ask. One is not
# enough: "a bug in production right before a release" is a judgement call, not a task.
TECH_TERMS_FOR_TASK = 2
# Words like "data" or "production" say little alone: they count this much.
WEAK_TERM = 0.5
_B = r"(?<![\w'])"
_E = r"(?![\w'])"


def _en(*patterns: str) -> re.Pattern[str]:
    return re.compile(_B + "(?:" + "|".join(patterns) + ")" + _E)


@dataclass(frozen=True)
class _Rules:
    self_: re.Pattern[str]
    star: re.Pattern[str]
    star_weak: re.Pattern[str]
    situational: re.Pattern[str]
    tech_forms: re.Pattern[str]
    past_self: re.Pattern[str]
    tool_experience: re.Pattern[str]
    opinion: re.Pattern[str]


_EN = _Rules(
    self_=_en(*lx.EN_SELF),
    star=_en(*lx.EN_STAR),
    star_weak=_en(*lx.EN_STAR_WEAK),
    situational=_en(*lx.EN_SITUATIONAL),
    tech_forms=_en(*lx.EN_TECH_FORMS),
    past_self=_en(*lx.EN_PAST_SELF),
    # "have you ever used kafka" asks whether the candidate knows a tool.
    tool_experience=_en(
        r"(?:have|has|did) you (?:ever )?(?:used|worked with|worked on|built|deployed|written"
        r"|implemented|tried|heard of|played with|touched|set up|configured|programmed|coded)"
    ),
    opinion=_en(
        r"what do you think|how do you feel|(?:in )?your (?:opinion|view)|what's your (?:take|view)"
        r"|do you (?:think|believe|agree|prefer)|would you (?:say|agree|rather)"
    ),
)
_ZH = _Rules(
    self_=re.compile(lx.ZH_SELF),
    star=re.compile(lx.ZH_STAR),
    star_weak=re.compile(lx.ZH_STAR_WEAK),
    situational=re.compile(lx.ZH_SITUATIONAL),
    tech_forms=re.compile(lx.ZH_TECH_FORMS),
    past_self=re.compile(lx.ZH_PAST_SELF),
    tool_experience=re.compile(r"用过|接触过|了解过|听说过|写过|部署过|搭建过|使用过"),
    opinion=re.compile(r"你(?:觉得|认为|怎么看|如何看待)|你的(?:看法|观点|想法)"),
)
_EN_TECH_PHRASES = _en(*lx.EN_TECH_PHRASES)
_ZH_TECH_TERMS = re.compile(lx.ZH_TECH_TERMS)
_ZH_TECH_TERMS_WEAK = re.compile(lx.ZH_TECH_TERMS_WEAK)
_ZH_PEOPLE = re.compile(lx.ZH_PEOPLE)
_ZH_CONDUCT = re.compile(lx.ZH_CONDUCT)


def _competency_index(
    language: str,
) -> tuple[re.Pattern[str], dict[str, list[tuple[str, float]]]]:
    """One pattern that finds every competency keyword in a single pass, and what each
    keyword found is worth to the competencies that list it (generic words count half)."""
    weights: dict[str, list[tuple[str, float]]] = {}
    for name, words in lx.COMPETENCY_KEYWORDS[language].items():
        for word in words:
            weight = 1.0 if word in lx.GENERIC_COMPETENCY_WORDS else 2.0
            weights.setdefault(word, []).append((name, weight))
    keywords = "|".join(re.escape(w) for w in sorted(weights, key=len, reverse=True))
    start = "(?<![a-z])" if language == "en" else ""  # "lie" is not in "client"
    return re.compile(f"{start}(?:{keywords})"), weights


_COMPETENCY_INDEX = {language: _competency_index(language) for language in lx.COMPETENCY_KEYWORDS}
_SELF_COMPETENCIES = [(re.compile(p), name) for p, name in lx.SELF_COMPETENCIES]


@dataclass(frozen=True)
class _Evidence:
    tech_terms: float
    tech_ask: bool  # a knowledge form or a technical verb
    people: int  # colleagues, customers, managers
    conduct: int  # stress, mistakes, priorities: the candidate's own conduct

    @property
    def technical_subject(self) -> bool:
        """A technical problem with nobody in it ("the queries got slow"), not a human one."""
        if self.people or self.conduct:
            return False
        return self.tech_terms >= TECH_TERMS_FOR_TASK or (self.tech_terms > 0 and self.tech_ask)


def classify(cleaned: Cleaned) -> tuple[str, str]:
    """(question type, competency) of a question; competency is "" for technical ones."""
    text = cleaned.text
    rules = _ZH if cleaned.language == "zh" else _EN
    if rules.self_.search(text):
        return "behavioral", _self_competency(text, cleaned.language)
    kind = _question_type(text, rules, _evidence(text, cleaned.language, rules))
    if kind == "technical":
        return kind, ""
    return kind, _competency(text, cleaned.language, kind)


def _question_type(text: str, rules: _Rules, evidence: _Evidence) -> str:
    if rules.star.search(text):
        if evidence.tech_terms and rules.tool_experience.search(text) and not evidence.people:
            return "technical"
        return "behavioral"
    if rules.star_weak.search(text):
        return "technical" if evidence.technical_subject else "behavioral"
    if rules.situational.search(text):
        return "technical" if evidence.technical_subject else "situational"
    past_self = rules.past_self.search(text) is not None
    human = evidence.people > 0 or evidence.conduct > 0
    if evidence.tech_terms or evidence.tech_ask:
        if past_self and human and not evidence.tech_ask:
            return "behavioral"
        return "technical"
    # Nothing technical in it. "How do you plan a lesson" is still a skill question, so
    # addressing the candidate is not enough to make it about them.
    if past_self or human or rules.opinion.search(text):
        return "behavioral"
    return "technical"


def _evidence(text: str, language: str, rules: _Rules) -> _Evidence:
    ask = rules.tech_forms.search(text) is not None
    if language == "zh":
        latin = [w for w in LATIN_WORD.findall(text) if w not in lx.ZH_LATIN_NOT_TECH]
        terms = sum(
            WEAK_TERM if _ZH_TECH_TERMS_WEAK.fullmatch(term) else 1.0
            for term in _ZH_TECH_TERMS.findall(text)
        ) + len(latin)
        people = len(_ZH_PEOPLE.findall(text))
        return _Evidence(terms, ask, people, len(_ZH_CONDUCT.findall(text)))
    words = [w.removesuffix("'s") for w in text.split()]
    terms = sum(
        WEAK_TERM if w in lx.EN_TECH_TERMS_WEAK else 1.0
        for w in words
        if w in lx.EN_TECH_TERMS or w in lx.EN_TECH_TERMS_WEAK
    ) + len(_EN_TECH_PHRASES.findall(text))
    ask = ask or any(w in lx.EN_TECH_VERBS for w in words)
    people = sum(1 for w in words if w in lx.EN_PEOPLE)
    conduct = sum(1 for w in words if w in lx.EN_CONDUCT)
    return _Evidence(terms, ask, people, conduct)


def _competency(text: str, language: str, kind: str) -> str:
    return _keyword_competency(text, language) or lx.DEFAULT_COMPETENCY[kind]


def _self_competency(text: str, language: str) -> str:
    for pattern, name in _SELF_COMPETENCIES:
        if pattern.search(text):
            return name
    return _keyword_competency(text, language) or lx.DEFAULT_COMPETENCY["self"]


def _keyword_competency(text: str, language: str) -> str | None:
    pattern, weights = _COMPETENCY_INDEX[language]
    scores = dict.fromkeys(lx.COMPETENCY_KEYWORDS[language], 0.0)
    for keyword in set(pattern.findall(text)):
        for name, weight in weights[keyword]:
            scores[name] += weight
    best = max(scores.values())
    if best <= 0:
        return None
    # dicts keep insertion order, which lists the specific competencies first
    return next(name for name, score in scores.items() if score == best)
