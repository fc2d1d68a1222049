"""Language-aware text helpers: sentences, words, character bigrams, phrase matching.

Chinese has no spaces, so "words" there are CJK characters and similarity is measured
on character bigrams, the usual cheap stand-in for word segmentation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_CHAR = re.compile(f"[{_CJK}]")
_LATIN_WORD = re.compile(r"[a-z0-9][a-z0-9+#'./_-]*[a-z0-9+#]|[a-z0-9]", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?。！？；;])\s*|\n+")
# A quoted sentence longer than this is cut: evidence is read on a phone-sized panel.
QUOTE_CHARS = 90

# Words that carry no topic: they would make any two English texts look alike.
EN_STOPWORDS = frozenset(
    """a an the and or but if then so of to in on at by for with from as is are was were be
    been being it its this that these those i me my we our you your he she they them their
    his her do does did done have has had not no can could would should will shall may might
    must also such than too very just into over about out up down more most some any each
    which what who whom when where why how all both other own same only there here while e.g
    i.e etc one two use used using uses e g""".split()  # noqa: SIM905 (reads as prose)
)


def is_chinese(text: str) -> bool:
    """True when CJK characters make up at least a third of the letters in ``text``."""
    cjk = len(CJK_CHAR.findall(text))
    latin = sum(len(w) for w in _LATIN_WORD.findall(text))
    return cjk > 0 and cjk * 3 >= cjk + latin


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def latin_words(text: str) -> list[str]:
    return [w.lower() for w in _LATIN_WORD.findall(text)]


def word_count(text: str) -> int:
    """Words for English, characters plus Latin words for Chinese (as people count them)."""
    return len(CJK_CHAR.findall(text)) + len(latin_words(CJK_CHAR.sub(" ", text)))


def stem(word: str) -> str:
    """A crude English stemmer: enough to match "dependencies" with "dependency"."""
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + repl
    return word


def content_stems(text: str) -> set[str]:
    return {stem(w) for w in latin_words(text) if w not in EN_STOPWORDS and len(w) > 1}


def cjk_bigrams(text: str) -> set[str]:
    """Bigrams inside runs of CJK characters; punctuation and Latin words break a run."""
    grams: set[str] = set()
    for run in re.findall(f"[{_CJK}]+", text):
        if len(run) == 1:
            grams.add(run)
        grams.update(run[i : i + 2] for i in range(len(run) - 1))
    return grams


def lexical_units(text: str) -> set[str]:
    """CJK bigrams plus stemmed Latin content words: the units lexical overlap counts."""
    return cjk_bigrams(text) | content_stems(CJK_CHAR.sub(" ", text))


def recall(target: set[str], found_in: set[str]) -> float:
    """Share of ``target``'s units that occur in ``found_in`` (0 when target is empty)."""
    if not target:
        return 0.0
    return len(target & found_in) / len(target)


def normalise(text: str) -> str:
    """Lower case, hyphens/underscores as spaces, single spaces: for phrase matching."""
    return re.sub(r"\s+", " ", re.sub(r"[-_]", " ", text.lower())).strip()


def contains_phrase(haystack: str, phrase: str) -> bool:
    """``phrase`` in ``haystack`` on word boundaries (Latin) or as a substring (CJK)."""
    needle = normalise(phrase)
    if not needle:
        return False
    if CJK_CHAR.search(needle):
        return needle in normalise(haystack)
    pattern = r"(?<![a-z0-9])" + re.escape(needle) + r"(?![a-z0-9])"
    return re.search(pattern, normalise(haystack)) is not None


def find_phrases(text: str, phrases: Iterable[str]) -> list[str]:
    """Every phrase that occurs in ``text``, each once, as written in ``phrases``."""
    return [p for p in dict.fromkeys(phrases) if contains_phrase(text, p)]


def quote(sentence: str) -> str:
    """A sentence as evidence: in quotes, shortened to what a candidate will read."""
    s = " ".join(sentence.split())
    if len(s) > QUOTE_CHARS:
        s = s[: QUOTE_CHARS - 1].rstrip() + "…"
    return f"“{s}”"


def phrase_hits(text: str, phrases: Iterable[str]) -> list[str]:
    """Every occurrence of any phrase, longest phrases first, each span counted once.

    So "i think maybe" is one hedge, not also a "maybe".
    """
    return blank_phrases(text, phrases)[0]


# What blank_phrases leaves where a phrase was: a "word" no phrase can match.
BLANK = "\x00"


def blank_phrases(text: str, phrases: Iterable[str]) -> tuple[list[str], str]:
    """The phrase occurrences (as phrase_hits) and the normalised text with each one
    replaced by BLANK, so later searches neither count them again nor lose their place."""
    remaining = normalise(text)
    hits: list[str] = []
    for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)):
        needle = normalise(phrase)
        if not needle:
            continue
        if CJK_CHAR.search(needle):
            pattern = re.escape(needle)
        else:
            pattern = r"(?<![a-z0-9'])" + re.escape(needle) + r"(?![a-z0-9'])"
        found = len(re.findall(pattern, remaining))
        if found:
            hits.extend([phrase] * found)
            remaining = re.sub(pattern, f" {BLANK} ", remaining)
    return hits, remaining


def tally(hits: list[str]) -> str:
    """ "um ×2, like" from ["um", "like", "um"], most frequent first."""
    counts: dict[str, int] = {}
    for h in hits:
        counts[h] = counts.get(h, 0) + 1
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], hits.index(kv[0])))
    return ", ".join(f"{w} ×{n}" if n > 1 else w for w, n in ordered)
