"""What suggestions are built from: answer templates and the question bank, indexed once."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from questions.similarity import shingles

_SUFFIXES = ("ing", "es", "ed", "s")


def terms(text: str) -> frozenset[str]:
    """Content words, crudely stemmed ("indexes"/"index", "queries"/"query"), and Chinese
    character bigrams: what a spoken question and a bank question can share."""
    return frozenset(_stem(word) for word in shingles(text))


def _stem(word: str) -> str:
    if word.isascii() and len(word) > 4:
        if word.endswith("ies"):
            return word[:-3] + "y"
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class TemplateCard:
    key: str
    language: str
    question_type: str
    competency: str
    skill_category: str
    title: str
    cues: tuple[str, ...]
    points: tuple[str, ...]
    template_text: str = ""

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> TemplateCard:
        return cls(
            key=str(row["key"]),
            language=str(row["language"]),
            question_type=str(row["question_type"]),
            competency=str(row.get("competency") or ""),
            skill_category=str(row.get("skill_category") or ""),
            title=str(row.get("title") or ""),
            cues=tuple(str(c).casefold() for c in row.get("cues") or []),
            points=tuple(str(p) for p in row.get("points") or []),
            template_text=str(row.get("template_text") or ""),
        )

    def cue_hits(self, text: str) -> int:
        return sum(1 for cue in self.cues if cue and cue in text)


@dataclass(frozen=True)
class BankEntry:
    """A question of the bank with the points a good answer covers."""

    language: str
    question_type: str
    skill: str
    text: str
    answer_points: tuple[str, ...]
    words: frozenset[str]

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> BankEntry:
        text = str(row.get("text") or "")
        keywords = [str(k) for k in row.get("keywords") or []]
        return cls(
            language=str(row.get("language") or "en"),
            question_type=str(row.get("question_type") or ""),
            skill=str(row.get("skill") or ""),
            text=text,
            answer_points=tuple(str(p) for p in row.get("answer_points") or []),
            words=terms(" ".join([text.replace("{skill}", ""), *keywords])),
        )


@dataclass
class Knowledge:
    templates: list[TemplateCard] = field(default_factory=list)
    bank: list[BankEntry] = field(default_factory=list)
    _by_lang_type: dict[tuple[str, str], list[TemplateCard]] = field(default_factory=dict)
    _idf: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        grouped: dict[tuple[str, str], list[TemplateCard]] = defaultdict(list)
        for card in self.templates:
            grouped[(card.language, card.question_type)].append(card)
        self._by_lang_type = dict(grouped)
        # Inverse document frequency over the bank: "difference" and "explain" are in
        # many questions and say little; "thread" or "kubernetes" say what it is about.
        counts: dict[str, int] = defaultdict(int)
        for entry in self.bank:
            for word in entry.words:
                counts[word] += 1
        total = max(len(self.bank), 1)
        self._idf = {word: math.log((1 + total) / (1 + n)) for word, n in counts.items()}

    def weight(self, word: str) -> float:
        # A word the bank never uses is as telling as its rarest ones.
        return self._idf.get(word, math.log(1 + max(len(self.bank), 1)))

    def templates_for(self, language: str, question_type: str) -> list[TemplateCard]:
        return self._by_lang_type.get((language, question_type), [])

    def best_bank_entry(
        self, words: frozenset[str], language: str, question_type: str, skills: set[str]
    ) -> tuple[BankEntry, float] | None:
        """The bank question closest to the asked one: shared words, and the same skill."""
        best: tuple[BankEntry, float] | None = None
        for entry in self.bank:
            if (
                entry.language != language
                or entry.question_type != question_type
                or not entry.answer_points
            ):
                continue
            shared = entry.words & words
            if not shared:
                continue
            # Cosine of IDF-weighted word sets: shared rare words count, common ones barely.
            overlap = sum(self.weight(w) ** 2 for w in shared)
            norm = math.sqrt(
                sum(self.weight(w) ** 2 for w in entry.words)
                * sum(self.weight(w) ** 2 for w in words)
            )
            score = overlap / norm if norm else 0.0
            # One shared word is a coincidence ("thread" in an async/await question)
            # unless the bank question is about the very skill that was named.
            same_skill = bool(entry.skill) and entry.skill.casefold() in skills
            if len(shared) < 2 and not same_skill:
                continue
            if same_skill:
                score += 0.3
            if best is None or score > best[1]:
                best = (entry, score)
        return best
