"""Spoken languages and how well: "English (fluent)", "英语 CET-6", "日语 N2"."""

from __future__ import annotations

import re
from typing import Any

from resumes.parsing.extract.model import Line
from resumes.parsing.fields.common import strip_bullet

LANGUAGE_NAMES = (
    "English", "Mandarin Chinese", "Mandarin", "Chinese", "Cantonese", "Spanish", "French",
    "German", "Japanese", "Korean", "Russian", "Portuguese", "Italian", "Arabic", "Hindi",
    "Dutch", "Swedish", "Turkish", "Vietnamese", "Thai", "Indonesian", "Malay", "Polish",
    "Hebrew", "Greek", "Urdu", "Bengali", "Tamil", "Persian", "Ukrainian",
    "Marathi", "Telugu", "Kannada", "Malayalam", "Gujarati", "Punjabi", "Odia", "Nepali",
    "Sinhala", "Tagalog", "Filipino", "Swahili", "Amharic", "Yoruba", "Hausa", "Zulu",
    "Afrikaans", "Norwegian", "Danish", "Finnish", "Icelandic", "Czech", "Slovak",
    "Hungarian", "Romanian", "Bulgarian", "Serbian", "Croatian", "Slovenian", "Albanian",
    "Lithuanian", "Latvian", "Estonian", "Catalan", "Basque", "Irish", "Welsh", "Farsi",
    "Pashto", "Kurdish", "Armenian", "Georgian", "Azerbaijani", "Kazakh", "Uzbek",
    "Mongolian", "Burmese", "Khmer", "Lao", "Taiwanese", "Hokkien", "Shanghainese",
    "American Sign Language", "British Sign Language",
    "英语", "英文", "汉语", "中文", "普通话", "粤语", "日语", "韩语", "法语", "德语",
    "西班牙语", "俄语", "葡萄牙语", "意大利语", "阿拉伯语", "日文", "韩文", "法文", "德文",
    "俄文", "西班牙文", "泰语", "越南语", "马来语", "印尼语", "荷兰语", "瑞典语", "土耳其语",
    "波兰语", "希腊语", "印地语", "闽南语", "上海话", "手语",
)  # fmt: skip
_NAME = re.compile(
    r"(?<![A-Za-z])(?:" + "|".join(sorted(LANGUAGE_NAMES, key=len, reverse=True)) + r")(?![A-Za-z])"
)
_KEPT_COMMA = "\x00"
_ITEM_SPLIT = re.compile(r"\s*(?:[,;，；、|•·]|\s{2,})\s*")


def find_language_names(text: str) -> list[str]:
    return _NAME.findall(text)


_SPACED_DASH = re.compile(r"\s+[-–—]\s+")


def _dash_separated(item: str) -> list[str]:
    """ "Italian (Native) - English (Fluent)": a dash between two languages separates
    them; in "English - Native" it joins a language and its level."""
    pieces = _SPACED_DASH.split(item)
    if len(pieces) > 1 and sum(1 for piece in pieces if _NAME.search(piece)) > 1:
        return pieces
    return [item]


def parse_languages(lines: list[Line]) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    seen: set[str] = set()
    for line in lines:
        # Split items, but keep "(fluent, professional)" together with its language.
        text = re.sub(
            r"[（(][^）)]*[）)]",
            lambda m: m.group(0).replace(",", _KEPT_COMMA).replace("，", _KEPT_COMMA),
            strip_bullet(line.text),
        )
        items = [
            piece.replace(_KEPT_COMMA, ",")
            for item in _ITEM_SPLIT.split(text)
            for piece in _dash_separated(item)
        ]
        for item in items:
            match = _NAME.search(item)
            if match is None:
                continue
            name = match.group(0)
            proficiency = (item[: match.start()] + item[match.end() :]).strip(" :：-–—()（）")
            if name in seen:
                continue
            seen.add(name)
            entries.append({"name": name, "proficiency": proficiency or None})
    return entries
