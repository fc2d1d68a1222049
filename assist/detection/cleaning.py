"""From a Whisper transcript to the clauses the detector matches.

English: lowercased words separated by single spaces, without hesitations ("um", "uh"),
false starts ("dis- disagreed") and repeated words or phrases ("you you", "tell me tell
me"); the sentence punctuation Whisper sometimes writes splits clauses, and a comma or a
removed hesitation is kept as a pause (a clause boundary for cue positions).

Chinese: Traditional characters folded to Simplified (Whisper writes either), hesitations
(嗯, 呃) and standalone discourse fillers (那个, 就是) removed, stuttered characters and
phrases collapsed; punctuation and the spaces Whisper leaves between phrases split clauses.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from assist.detection import lexicons as lx

CJK_RANGE = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{CJK_RANGE}]")
LATIN_WORD = re.compile(r"[a-z0-9]+(?:['./+#-][a-z0-9]+)*[+#]*")
_EN_TOKEN = re.compile(
    rf"(?P<cut>[a-z0-9]+-)(?=\s|$)"
    rf"|(?P<word>[a-z0-9]+(?:['./+#-][a-z0-9]+)*[+#]*|[{CJK_RANGE}]+)"
    r"|(?P<pause>\.\.\.|[,:\u2014\u2013]|(?<=\s)-(?=\s))"
    r"|(?P<stop>[?!.;])"
)
_ZH_SPLIT = re.compile(rf"([\u3002.?!;,\u3001:\u2026~]+\s*|(?<=[{CJK_RANGE}])\s+(?=[{CJK_RANGE}]))")
_ZH_FILLER = re.compile(lx.ZH_FILLER_PATTERN)
_ZH_AFTER_FILLER = re.compile(lx.ZH_AFTER_LEADING_FILLER)
_ZH_SPACE_NEAR_CJK = re.compile(rf"\s*([{CJK_RANGE}])\s*")
# A stuttered pronoun is one word ("你你之前"); other characters reduplicate legitimately
# ("讲讲", "看看", "对对"), so only three or more in a row are a stutter.
_ZH_PRONOUN_RUN = re.compile(r"([你您我他她它这那就])\1+")
_ZH_CHAR_RUN = re.compile(rf"([{CJK_RANGE}])\1{{2,}}")
_ZH_PHRASE_RUN = re.compile(rf"([{CJK_RANGE}]{{2,6}}?)\1+")
_TRADITIONAL = str.maketrans(lx.ZH_TRADITIONAL, lx.ZH_SIMPLIFIED)
# Longest n-gram whose immediate repetition is taken as a false start.
MAX_REPEAT_WORDS = 4


@dataclass(frozen=True)
class Clause:
    text: str
    asked: bool  # ended with a question mark
    pauses: frozenset[int] = frozenset()  # offsets of words said after a pause


@dataclass(frozen=True)
class Cleaned:
    language: str
    clauses: tuple[Clause, ...]
    spoken: bool  # the transcript had words before cleaning (not silence)

    @property
    def text(self) -> str:
        return " ".join(clause.text for clause in self.clauses)


def detect_language(text: str, hint: str | None = None) -> str:
    """Return "zh" or "en", the language the text is written in.

    Mixed text goes by weight: Chinese characters against Latin words, English function
    words counting double ("can you explain 分布式事务" is English, "讲讲 kubernetes 的
    service mesh" Chinese). A hint (the session language) only breaks an exact tie.
    """
    lowered = _normalize(text)
    cjk = len(_CJK_CHAR.findall(lowered))
    if not cjk:
        return "en"
    english = sum(2 if w in lx.EN_FUNCTION_WORDS else 1 for w in LATIN_WORD.findall(lowered))
    if cjk == english and hint:
        return "zh" if hint.lower().startswith("zh") else "en"
    return "zh" if cjk >= english else "en"


def clean_text(text: str, language: str | None = None) -> Cleaned:
    language = detect_language(text, language)
    if language == "zh":
        return _clean_zh(text)
    return _clean_en(text)


def _normalize(text: str) -> str:
    # NFKC folds full-width forms (？，ａ) to ASCII; Whisper uses curly apostrophes.
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    return text.lower()


# --- English ---------------------------------------------------------------------------------


def _clean_en(text: str) -> Cleaned:
    sentences: list[tuple[list[str], list[bool], bool]] = []
    words: list[str] = []
    pauses: list[bool] = []
    pause = False
    spoken = False
    for match in _EN_TOKEN.finditer(_normalize(text)):
        kind = match.lastgroup
        piece = match.group()
        if kind == "word":
            spoken = True
            for part in lx.EN_CONTRACTIONS.get(piece, piece).split():
                words.append(part)
                pauses.append(pause)
                pause = False
        elif kind == "cut":
            spoken = True
            pause = True  # a cut-off word is a restart: what follows opens a clause
        elif kind == "pause":
            pause = True
        else:
            sentences.append((words, pauses, piece == "?"))
            words, pauses, pause = [], [], False
    sentences.append((words, pauses, False))
    clauses = []
    for sentence_words, sentence_pauses, asked in sentences:
        kept, kept_pauses = _drop_fillers(sentence_words, sentence_pauses)
        kept, kept_pauses = _drop_repeats(kept, kept_pauses)
        if kept:
            clauses.append(_clause(kept, kept_pauses, asked))
    return Cleaned("en", tuple(clauses), spoken)


def _drop_fillers(words: list[str], pauses: list[bool]) -> tuple[list[str], list[bool]]:
    kept: list[str] = []
    kept_pauses: list[bool] = []
    pause = False
    i = 0
    while i < len(words):
        skip = _filler_length(words, i, kept, at_start=not kept or pauses[i])
        if skip:
            pause = True  # a hesitation separates what comes before from what follows
            i += skip
            continue
        word = words[i]
        if word == "lets" and i + 1 < len(words) and words[i + 1] in lx.EN_LETS_BEFORE:
            word = "let's"
        kept.append(word)
        kept_pauses.append(pauses[i] or pause)
        pause = False
        i += 1
    return kept, kept_pauses


def _filler_length(words: list[str], i: int, kept: list[str], *, at_start: bool) -> int:
    """How many words from ``i`` on are a filler: 0, 1 or 2."""
    word = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if word in lx.EN_FILLERS:
        return 1
    if (word, nxt) == ("you", "know"):
        # a filler unless it asks ("do you know what ...") or is meant ("you know how")
        before = kept[-1] if kept else ""
        after = words[i + 2] if i + 2 < len(words) else ""
        asks = before in lx.EN_YOU_KNOW_ASKS_BEFORE or after in lx.EN_YOU_KNOW_ASKS_AFTER
        return 0 if asks else 2
    if at_start and (word, nxt) == ("i", "mean"):
        return 2
    opener = at_start or (kept[-1] in lx.EN_BOUNDARY if kept else True)
    if opener and word == "like" and nxt not in ("what", "that", "this", "it", ""):
        return 1
    return 0


def _drop_repeats(words: list[str], pauses: list[bool]) -> tuple[list[str], list[bool]]:
    """Collapse a word or phrase said twice in a row ("tell me tell me about")."""
    words, pauses = list(words), list(pauses)
    for n in range(MAX_REPEAT_WORDS, 0, -1):
        i = 0
        while i + 2 * n <= len(words):
            if words[i : i + n] == words[i + n : i + 2 * n]:
                del words[i + n : i + 2 * n]
                del pauses[i + n : i + 2 * n]
            else:
                i += 1
    return words, pauses


def _clause(words: list[str], pauses: list[bool], asked: bool) -> Clause:
    offsets = []
    position = 0
    for word, paused in zip(words, pauses, strict=True):
        if paused and position:
            offsets.append(position)
        position += len(word) + 1
    return Clause(" ".join(words), asked, frozenset(offsets))


# --- Chinese ---------------------------------------------------------------------------------


def _clean_zh(text: str) -> Cleaned:
    normalized = _normalize(text).translate(_TRADITIONAL)
    parts = _ZH_SPLIT.split(normalized)
    spoken = bool(normalized.strip())
    raw_clauses: list[tuple[str, bool]] = []
    for index in range(0, len(parts), 2):
        separator = parts[index + 1] if index + 1 < len(parts) else ""
        body = _clean_zh_clause(parts[index])
        if body:
            raw_clauses.append((body, "?" in separator))
    clauses = []
    for index, (body, asked) in enumerate(raw_clauses):
        following = raw_clauses[index + 1][0] if index + 1 < len(raw_clauses) else ""
        if following.startswith(body):
            continue  # a false start: the next clause says it again, in full
        clauses.append(Clause(body, asked))
    return Cleaned("zh", tuple(clauses), spoken)


def _clean_zh_clause(body: str) -> str:
    body = _ZH_FILLER.sub(" ", body)
    body = _ZH_SPACE_NEAR_CJK.sub(r"\1", body)
    body = " ".join(body.split())
    if body in lx.ZH_STANDALONE_FILLERS:
        return ""
    stripped = True
    while stripped:
        stripped = False
        for filler in lx.ZH_LEADING_FILLERS:
            rest = body[len(filler) :].lstrip()
            if body.startswith(filler) and len(rest) >= 2 and _ZH_AFTER_FILLER.match(rest):
                body, stripped = rest, True
    body = _ZH_PRONOUN_RUN.sub(r"\1", body)
    body = _ZH_CHAR_RUN.sub(r"\1\1", body)
    return _ZH_PHRASE_RUN.sub(r"\1", body)
