"""Find skills from our taxonomy (O*NET + curated, see data/) in resume text.

One spaCy PhraseMatcher pair serves English and Chinese alike: we tokenise ourselves so
that every CJK character is a token (Chinese has no spaces, and "熟练掌握Python" must
still yield "Python"), then match phrases case-insensitively (LOWER) or, for aliases
that are also ordinary words ("Swift", "Go", "R"), in exact case (ORTH).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TAXONOMY_PATH = Path(__file__).resolve().parent / "data" / "skills.tsv"
# A CJK character, a word that may carry ".js" / "++" / "#", a ".NET"-style name, or
# any other single non-space character (punctuation is kept: it gives list context).
_TOKEN = re.compile(
    r"[\u3400-\u9fff\uf900-\ufaff]|[A-Za-z0-9]+(?:[.'][A-Za-z0-9]+)*[+#]*|\.[A-Za-z]+|\S"
)
# Tokens around a strict alias ("C", "R", "Go") that show it is an item in a list.
_LIST_TOKENS = {
    ",",
    "/",
    "、",
    "，",
    ";",
    "；",
    "|",
    "(",
    ")",
    "（",
    "）",
    "和",
    "and",
    "+",
    ":",
    "：",
}
_LINE_BREAK = "\n"
# Tokens after which a word starts a sentence or bullet: "Excel at teamwork" is prose.
_SENTENCE_START = {_LINE_BREAK, ".", "!", "?", "•", "-", "*", "·", "。", "！", "？", "▪", "●"}

ANYWHERE = 0  # any case, anywhere
EXACT_CASE = 1  # exact case: the alias is also an everyday word
LIST_ONLY = 2  # exact case and only in a skills section or a list

SKILLS_SECTION_CONFIDENCE = 0.9
PROSE_CONFIDENCE = 0.6
REPEAT_BONUS = 0.05  # each further mention in prose adds a little certainty


@dataclass(frozen=True)
class SkillEntry:
    canonical: str
    category: str
    strictness: int


@dataclass
class SkillHit:
    name: str  # as written in the resume
    entry: SkillEntry
    in_skills_section: bool


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text)


class SkillMatcher:
    """The taxonomy compiled into matchers; build once per process (``get_matcher``)."""

    def __init__(self, path: Path = TAXONOMY_PATH) -> None:
        import spacy
        from spacy.matcher import PhraseMatcher

        self.nlp = spacy.blank("en")
        self.vocab = self.nlp.vocab
        self.lower = PhraseMatcher(self.vocab, attr="LOWER")
        self.exact = PhraseMatcher(self.vocab, attr="ORTH")
        self.entries: dict[str, SkillEntry] = {}
        lower_patterns: dict[str, list[Any]] = {}
        exact_patterns: dict[str, list[Any]] = {}
        from spacy.tokens import Doc

        for raw in path.read_text(encoding="utf-8").splitlines():
            if not raw or raw.startswith("#"):
                continue
            canonical, category, *aliases = raw.split("\t")
            for item in aliases:
                alias, _, level = item.rpartition("^")
                strictness = int(level)
                key = f"{canonical}\x00{strictness}"
                self.entries[key] = SkillEntry(canonical, category, strictness)
                words = tokenize(alias)
                if not words:
                    continue
                target = lower_patterns if strictness == ANYWHERE else exact_patterns
                target.setdefault(key, []).append(Doc(self.vocab, words=words))
        for key, docs in lower_patterns.items():
            self.lower.add(key, docs)
        for key, docs in exact_patterns.items():
            self.exact.add(key, docs)

    def find(self, lines: list[tuple[str, bool]]) -> list[SkillHit]:
        """Skills in ``lines`` of (text, inside a skills section), in reading order."""
        from spacy.tokens import Doc

        words: list[str] = []
        flags: list[bool] = []
        for text, in_skills in lines:
            tokens = tokenize(text)
            words.extend(tokens)
            flags.extend([in_skills] * len(tokens))
            words.append(_LINE_BREAK)  # phrases never span lines
            flags.append(False)
        if not words:
            return []
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words))
        matches = [*self.lower(doc), *self.exact(doc)]
        # Longest match wins where they overlap ("Spring Boot" over "Spring").
        matches.sort(key=lambda m: (m[1], -(m[2] - m[1])))
        hits: list[SkillHit] = []
        taken_until = -1
        for match_id, start, end in matches:
            if start < taken_until:
                continue
            entry = self.entries[self.vocab.strings[match_id]]
            in_skills = flags[start]
            if entry.strictness == LIST_ONLY and not (in_skills or _in_list(words, start, end)):
                continue
            if (
                entry.strictness == EXACT_CASE
                and not in_skills
                and end - start == 1
                and (start == 0 or words[start - 1] in _SENTENCE_START)
            ):
                continue  # a capitalised everyday word opening a sentence
            taken_until = end
            hits.append(SkillHit(_written(text_tokens=words[start:end]), entry, in_skills))
        return hits


def _written(text_tokens: list[str]) -> str:
    """Rebuild the words as written: spaces between Latin words, none around CJK/"/"."""
    out = ""
    for token in text_tokens:
        if out and out[-1].isalnum() and token[0].isalnum() and token[0].isascii():
            out += " "
        out += token
    return out


def _in_list(words: list[str], start: int, end: int) -> bool:
    before = words[start - 1] if start > 0 else _LINE_BREAK
    after = words[end] if end < len(words) else _LINE_BREAK
    return before.lower() in _LIST_TOKENS or after.lower() in _LIST_TOKENS


@functools.cache
def get_matcher() -> SkillMatcher:
    """The process-wide matcher: loading ~15k patterns takes a moment, so only once."""
    return SkillMatcher()


def collect_skills(hits: list[SkillHit]) -> list[dict[str, Any]]:
    """One schema entry per skill, named as first written, rated by where it was found."""
    by_skill: dict[str, dict[str, Any]] = {}
    mentions: dict[str, int] = {}
    for hit in hits:
        key = hit.entry.canonical
        mentions[key] = mentions.get(key, 0) + 1
        current = by_skill.get(key)
        confidence = SKILLS_SECTION_CONFIDENCE if hit.in_skills_section else PROSE_CONFIDENCE
        if current is None:
            by_skill[key] = {
                "name": hit.name,
                "category": hit.entry.category,
                "confidence": confidence,
            }
        elif confidence > current["confidence"]:
            # Prefer the spelling of the skills section, where people list them properly.
            current.update(name=hit.name, confidence=confidence)
    for key, skill in by_skill.items():
        if skill["confidence"] < SKILLS_SECTION_CONFIDENCE:
            bonus = REPEAT_BONUS * (mentions[key] - 1)
            skill["confidence"] = min(0.85, skill["confidence"] + bonus)
        skill["confidence"] = round(skill["confidence"], 2)
    return list(by_skill.values())


def technologies_in(text: str) -> list[str]:
    """Skill names as written in one piece of text (a project), without repeats."""
    names: list[str] = []
    seen: set[str] = set()
    for hit in get_matcher().find([(text, True)]):
        if hit.entry.canonical not in seen:
            seen.add(hit.entry.canonical)
            names.append(hit.name)
    return names
