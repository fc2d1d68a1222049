"""Is an utterance a question? Scored features per clause, combined into a probability.

Each clause is scored on its own, and the utterance counts as a question when its most
question-like clause does ("ok let me share my screen. design a url shortener"):

- a question cue (a wh-word followed by an auxiliary, an auxiliary followed by "you", a
  request verb such as "walk me through" or 讲讲, a Chinese question word or final 吗/呢),
  weighted by where it stands: at the start of the clause (after "ok so", "great thanks"
  and the like) it is strong; after a pause or "so"/"and" nearly as strong; mid-clause
  only the unambiguous ones count much ("how we work is agile" is a statement, "... what
  would you do" is not);
  a short opening phrase ("in react", "when a customer complains") does not push a cue
  off the start, and a second cue elsewhere in the clause adds a little;
- a question mark, when the transcript has punctuation;
- the candidate addressed ("you", 你);
- a non-question pattern: small talk and logistics phrased as questions ("how's your day",
  "can you hear me", 最近忙吗) silence the cues they contain, and a clause with only such
  a pattern, or a statement pattern ("our team mostly works on"), leans further away.

These are summed with fixed weights into a logistic score. The weights were set by hand
on examples, not fitted; the limits are those of word lists: an unusual phrasing of a
question without a cue or question mark, or a statement that happens to open with "how
are", is misread.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from assist.detection import lexicons as lx
from assist.detection.cleaning import Clause, Cleaned

# Feature weights of the logistic score (a clause with no evidence scores BIAS).
BIAS = -2.5
W_CUE = 4.0
W_ASKED = 2.0
W_YOU = 0.6
# A non-question pattern outweighs a question mark when no cue survives it, but barely
# matters beside a cue elsewhere in the clause ("let me share my screen and design ...").
W_NOT_QUESTION = 3.0
W_NOT_QUESTION_BESIDE_CUE = 0.3
W_SECOND_CUE = 0.3
W_SHORT = 0.5  # one or two words with no cue: "fine", "python"
# A backchannel is not a question even when Whisper adds a question mark ("right?").
ACK_CEILING = 0.15
SILENCE_PROBABILITY = 0.02

_B = r"(?<![\w'])"
_E = r"(?![\w'])"


def _en(*patterns: str) -> re.Pattern[str]:
    return re.compile(_B + "(?:" + "|".join(patterns) + ")" + _E)


@dataclass(frozen=True)
class _Cue:
    pattern: re.Pattern[str]
    strength: float
    # Multipliers at the start of a clause, after a pause or boundary word, and elsewhere.
    at_start: float
    at_boundary: float
    inside: float


_WH, _AUX, _YOU = lx.EN_WH, lx.EN_AUX, lx.EN_YOU
_EN_CUES = (
    _Cue(_en(rf"{_WH} {_AUX} {_YOU}"), 0.95, 1.0, 1.0, 0.9),
    _Cue(_en(rf"{_WH} (?:[\w'-]+ ){{1,3}}{_AUX} {_YOU}"), 0.9, 1.0, 1.0, 0.8),
    _Cue(_en(rf"(?:{lx.EN_WH_CONTRACTED}|{_WH} (?:is|are|was|were)) (?:your|you)"), 0.9, 1, 1, 0.8),
    _Cue(_en(rf"{_WH} {_AUX} (?:[\w'-]+ ){{1,4}}{_YOU}"), 0.9, 1.0, 1.0, 0.8),
    _Cue(_en(rf"{_WH} {_AUX}", lx.EN_WH_CONTRACTED), 0.85, 1.0, 0.9, 0.5),
    # "what problems does graphql solve"; not "what people do is ..."
    _Cue(
        _en(rf"{_WH} (?:[\w'-]+ ){{1,2}}{_AUX}(?! (?:is|was|are)(?![\w']))"), 0.8, 1.0, 0.85, 0.35
    ),
    _Cue(
        _en(
            r"how (?:many|much|long|often|far|big|large|fast|well|familiar|comfortable|confident"
            r"|important|likely|old|soon|exactly|specifically|else)"
        ),
        0.75,
        1.0,
        0.85,
        0.4,
    ),
    _Cue(
        _en(
            r"(?:what|which) (?:kind|kinds|type|types|sort|sorts|part|parts|aspect|aspects|area"
            r"|areas) of|which (?:one|ones)"
        ),
        0.8,
        1.0,
        0.85,
        0.4,
    ),
    _Cue(
        _en(
            r"(?:what|how) about|what if|how come|why not|why (?:this|that|these|those|our|here|now|us)"
            r"|what else|what (?:happened|made|makes|led"
            r"|motivated|drove|drives|caused|causes|helped|happens|excites|motivates|attracted|brought)"
        ),
        0.8,
        1.0,
        0.85,
        0.45,
    ),
    _Cue(_en(rf"{_AUX} {_YOU}"), 0.85, 1.0, 0.9, 0.75),
    # "why kafka and not rabbitmq", but not "why we chose go is simple"
    _Cue(_en(r"why (?!we|i|they|it's|that's|this is|he|she)[\w'-]+"), 0.75, 1.0, 0.7, 0.2),
    _Cue(
        _en(
            rf"{_AUX} (?:there|it|this|that|we|they|he|she|anyone|anybody|someone|any|the)"
            r"(?! (?:are|is|was|were|will|'s)(?![\w']))"
        ),
        0.7,
        1.0,
        0.6,
        0.2,
    ),
    _Cue(_en(*lx.EN_REQUESTS), 0.85, 1.0, 0.9, 0.45),
    _Cue(_en(lx.EN_TASKS), 0.85, 1.0, 0.9, 0.2),
    _Cue(_en(lx.EN_HYPOTHETICAL_IF), 0.6, 1.0, 0.85, 0.4),
    # "... walk me through what you would do": embedded, but only ever asked about
    _Cue(_en(r"(?:what|how) you(?:'d| would| will)(?! be(?![\w']))"), 0.7, 1.0, 0.8, 0.7),
)
# A short opening phrase before the question proper: "in react, what is ...", "at your
# last company how did you ...", "when a customer complains, what would you do".
_EN_PREAMBLE = re.compile(
    r"(?:(?:in|at|on|for|as|with|during|from|within|regarding|given|beyond|besides|based on"
    r"|when it comes to|speaking of|coming back to|going back to|back to|thinking about|looking at"
    r"|compared to|apart from) (?:[\w'#+./-]+ ){1,5}"
    r"|(?:when|if|once|after|before|while|since|whenever|given that|now that|because|say)"
    r" (?:[\w'#+./-]+ ){2,9})"
)
_EN_FOLLOW_UP = re.compile("(?:" + "|".join(lx.EN_FOLLOW_UPS) + ")")
_EN_TAG = re.compile(_B + lx.EN_TAGS)
_EN_SECOND_PERSON = _en(*sorted(lx.EN_SECOND_PERSON, key=len, reverse=True))
TAG_STRENGTH = 0.55
ZH_REQUEST_STRENGTH = 0.85
FOLLOW_UP_STRENGTH = 0.85
_EN_LEAD = re.compile(_B + "(?:" + "|".join(sorted(lx.EN_LEAD, key=len, reverse=True)) + ")(?: |$)")
_EN_ACK = re.compile(
    "(?:(?:(?:"
    + "|".join(lx.EN_ACK_FILLERS)
    + ") )*(?:"
    + "|".join(sorted(lx.EN_ACK, key=len, reverse=True))
    + ")(?: |$))+(?:(?:"
    + "|".join(lx.EN_ACK_FILLERS)
    + ")(?: |$))*"
)
_EN_NOT_QUESTION = (
    ("small_talk", _en(*lx.EN_SMALL_TALK), 0.9),
    ("logistics", _en(*lx.EN_LOGISTICS), 0.9),
    ("statement", _en(*lx.EN_STATEMENTS), 0.7),
)

_ZH_NOT_QUESTION = (
    ("small_talk", re.compile("|".join(lx.ZH_SMALL_TALK)), 0.9),
    ("logistics", re.compile("|".join(lx.ZH_LOGISTICS)), 0.9),
    ("statement", re.compile("|".join(lx.ZH_STATEMENTS)), 0.7),
)
_ZH_ACK = re.compile("(?:" + "|".join(sorted(lx.ZH_ACK, key=len, reverse=True)) + ")+")
_ZH_NOT_ASKING = re.compile(lx.ZH_WH_NOT_ASKING)
_ZH_REQUEST = re.compile(lx.ZH_REQUESTS)
# (pattern, strength); requests are scored apart because they survive a logistics phrase.
_ZH_CUES = (
    (re.compile(lx.ZH_PARTICLES_END), 0.85),
    (re.compile(lx.ZH_WEAK_PARTICLES_END), 0.4),
    (re.compile(lx.ZH_WH), 0.8),
    (re.compile(lx.ZH_TOPIC_END), 0.7),
    (re.compile(lx.ZH_HYPOTHETICAL), 0.45),
)
_ZH_TO_YOU = re.compile(r"(?:给|跟|向|和|为)(?:你|您)")
_ZH_TO_ME = re.compile(r"(?:给|跟|和|向|帮|为)(?:我|我们)(?:简单|先|详细|具体)?$")
_ZH_LETS = re.compile(r"我们来|咱们|让我们")
# How far before a request verb its subject is looked for ("我先给你简单介绍一下").
ZH_SUBJECT_WINDOW = 8
ZH_OBJECT_WINDOW = 12


@dataclass(frozen=True)
class Verdict:
    kind: str  # question | small_talk | logistics | acknowledgement | statement
    probability: float  # that the utterance is a question


@dataclass(frozen=True)
class _Span:
    kind: str
    start: int
    end: int
    strength: float


def judge(cleaned: Cleaned) -> Verdict:
    if not cleaned.clauses:
        # Nothing but hesitations ("mm", "嗯"): a backchannel, or noise.
        kind = "acknowledgement" if cleaned.spoken else "statement"
        return Verdict(kind, SILENCE_PROBABILITY)
    scorer = _score_zh if cleaned.language == "zh" else _score_en
    scores = [scorer(clause) for clause in cleaned.clauses]
    probability = max(_sigmoid(z) for z, _ in scores)
    if _is_ack(cleaned):
        return Verdict("acknowledgement", min(probability, ACK_CEILING))
    if probability >= 0.5:
        return Verdict("question", probability)
    spans = [span for _, clause_spans in scores for span in clause_spans]
    if spans:
        strongest = max(spans, key=lambda s: s.strength)
        return Verdict(strongest.kind, probability)
    return Verdict("statement", probability)


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def _is_ack(cleaned: Cleaned) -> bool:
    if cleaned.language == "zh":
        return _ZH_ACK.fullmatch("".join(c.text for c in cleaned.clauses)) is not None
    return _EN_ACK.fullmatch(cleaned.text + " ") is not None


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    strength: float


def _accumulate(found: list[_Found]) -> float:
    """The strongest cue, plus a little for a second one elsewhere in the clause: two cues
    are more evidence ("what would you do ... and how would you explain it"), but one
    phrase matched by several patterns ("how would you") is still one cue."""
    if not found:
        return 0.0
    best = max(found, key=lambda f: f.strength)
    others = [f.strength for f in found if f.end <= best.start or f.start >= best.end]
    return min(1.0, best.strength + W_SECOND_CUE * max(others, default=0.0))


def _combine(cue: float, asked: bool, you: bool, spans: list[_Span], words: int) -> float:
    z = BIAS + W_CUE * cue + W_ASKED * asked + W_YOU * you
    if spans:
        weight = W_NOT_QUESTION if cue == 0 else W_NOT_QUESTION_BESIDE_CUE
        z -= weight * max(span.strength for span in spans)
    if cue == 0 and words <= 2:
        z -= W_SHORT
    return z


# --- English ---------------------------------------------------------------------------------


def _score_en(clause: Clause) -> tuple[float, list[_Span]]:
    text = clause.text
    spans = [
        _Span(kind, m.start(), m.end(), strength)
        for kind, pattern, strength in _EN_NOT_QUESTION
        for m in pattern.finditer(text)
    ]
    # Pleasantries and logistics end where the content starts; a statement runs on.
    preamble = [span for span in spans if span.kind != "statement"]
    start = _content_start(text, preamble)
    boundaries = set(clause.pauses) | {span.end + 1 for span in preamble}
    found: list[_Found] = []
    for candidate in _EN_CUES:
        for m in candidate.pattern.finditer(text):
            at = m.start()
            if _inside(at, spans):
                continue
            if at <= start:
                factor = candidate.at_start
            elif (
                at in boundaries
                or _after_boundary_word(text, at)
                or _EN_PREAMBLE.fullmatch(text, start, at)
            ):
                factor = candidate.at_boundary
            else:
                factor = candidate.inside
            found.append(_Found(at, m.end(), candidate.strength * factor))
    if _EN_FOLLOW_UP.fullmatch(text) or _EN_FOLLOW_UP.fullmatch(text, start):
        found.append(_Found(0, len(text), FOLLOW_UP_STRENGTH))
    cue = _accumulate(found)
    words = text.split()
    you = any(not _inside(m.start(), spans) for m in _EN_SECOND_PERSON.finditer(text))
    if you and _EN_TAG.search(text) and len(words) > 2:
        cue = max(cue, TAG_STRENGTH)
    return _combine(cue, clause.asked, you, spans, len(words)), spans


def _content_start(text: str, spans: list[_Span]) -> int:
    """Where the clause's content begins, past openers ("okay great so") and pleasantries."""
    position = 0
    while position < len(text):
        lead = _EN_LEAD.match(text, position)
        if lead and lead.end() > position:
            position = lead.end()
            continue
        covering = [span.end for span in spans if span.start == position]
        if covering:
            position = min(len(text), max(covering) + 1)
            continue
        break
    return position


def _inside(at: int, spans: list[_Span]) -> bool:
    return any(span.start <= at < span.end for span in spans)


def _after_boundary_word(text: str, at: int) -> bool:
    previous = text[:at].rsplit(" ", 2)
    return len(previous) >= 2 and previous[-2] in lx.EN_BOUNDARY


# --- Chinese ---------------------------------------------------------------------------------


def _score_zh(clause: Clause) -> tuple[float, list[_Span]]:
    text = clause.text
    spans = [
        _Span(kind, m.start(), m.end(), strength)
        for kind, pattern, strength in _ZH_NOT_QUESTION
        for m in pattern.finditer(text)
        if m.end() > m.start()
    ]
    # Small talk and logistics are whole clauses in Chinese: their question word or final
    # 吗 may sit anywhere ("你那边声音清楚吗"), so only a request survives them.
    silenced = any(span.kind != "statement" for span in spans)
    searchable = _ZH_NOT_ASKING.sub(lambda m: "_" * len(m.group()), text)
    found: list[_Found] = []
    if not silenced:
        for pattern, strength in _ZH_CUES:
            found.extend(
                _Found(m.start(), m.end(), strength)
                for m in pattern.finditer(searchable)
                if not _inside(m.start(), spans)
            )
    for m in _ZH_REQUEST.finditer(searchable):
        if not _inside(m.start(), spans) and not _said_of_self(text, m):
            found.append(_Found(m.start(), m.end(), ZH_REQUEST_STRENGTH))
    cue = _accumulate(found)
    outside = "".join(ch for i, ch in enumerate(text) if not _inside(i, spans))
    you = any(ch in lx.ZH_SECOND_PERSON for ch in _ZH_TO_YOU.sub("", outside))
    return _combine(cue, clause.asked, you, spans, len(text) // 2), spans


def _said_of_self(text: str, request: re.Match[str]) -> bool:
    """Whether the interviewer announces doing it ("我先介绍一下我们团队"), not asks for it."""
    verb = request.group()
    if verb[0] not in lx.ZH_SELF_VERBS and not verb.startswith(("详细", "具体", "展开")):
        return False
    before = text[max(0, request.start() - ZH_SUBJECT_WINDOW) : request.start()]
    if _ZH_TO_ME.search(before) or _ZH_LETS.search(before):
        return False
    before = _ZH_TO_YOU.sub("", before).replace("自我", "")
    if "我" not in before:
        return False
    if any(ch in lx.ZH_SECOND_PERSON for ch in before[before.rindex("我") :]):
        return False  # "我想听你讲讲": the candidate is the one who speaks
    after = text[request.end() : request.end() + ZH_OBJECT_WINDOW]
    return not any(ch in lx.ZH_SECOND_PERSON for ch in after)
