"""Which language a resume is written in: "zh" when Chinese characters dominate."""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def detect_language(text: str) -> str:
    # A Chinese character carries about as much as an English word, and Chinese resumes
    # are full of English tool names, so compare characters with words, not letters.
    cjk = len(_CJK.findall(text))
    words = len(_LATIN_WORD.findall(text))
    return "zh" if cjk > 0 and cjk >= words else "en"


def is_cjk(char: str) -> bool:
    return bool(_CJK.match(char))
