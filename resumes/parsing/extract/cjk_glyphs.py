"""Chinese characters a PDF font maps to the wrong code point.

A font's ToUnicode map names one code point per glyph. Where two code points share a
glyph, PDF writers sometimes pick the odd one: a radical from the CJK Radicals
Supplement ("⻋", U+2ECB) for the character "车", or the traditional "戶" for the
simplified "户" that Noto CJK draws the same way. Text search, skills matching and the
candidate all expect the ordinary character. NFKC does not help: these code points have
no decomposition.
"""

from __future__ import annotations

from resumes.parsing.extract.model import Line

# Radicals that stand for whole characters, and the characters (Unicode's
# EquivalentUnifiedIdeograph data for these code points).
_RADICALS = str.maketrans(
    {
        "\u2e9f": "母", "\u2ea0": "民", "\u2ec4": "西", "\u2ec5": "见", "\u2ec6": "角",
        "\u2ec9": "贝", "\u2ecb": "车", "\u2ed1": "長", "\u2ed3": "长", "\u2ed4": "门",
        "\u2ed7": "雨", "\u2ed8": "青", "\u2ed9": "韦", "\u2eda": "页", "\u2edb": "风",
        "\u2edc": "飞", "\u2edd": "食", "\u2ee2": "马", "\u2ee3": "骨", "\u2ee4": "鬼",
        "\u2ee5": "鱼", "\u2ee6": "鸟", "\u2ee7": "卤", "\u2ee8": "麦", "\u2ee9": "黄",
        "\u2eea": "黾", "\u2eec": "齐", "\u2eee": "齿", "\u2ef0": "龙", "\u2ef3": "龟",
    }
)  # fmt: skip
# Traditional forms that simplified-Chinese fonts draw with the simplified glyph.
_SHARED_GLYPHS = str.maketrans({"戶": "户"})
# Characters only simplified Chinese writes, and their traditional forms: which script
# a document is in.
_SIMPLIFIED = frozenset("们这发经历学业项务负责销级证说时过还进动对会为实现开关")
_TRADITIONAL = frozenset("們這發經歷學業項務負責銷級證說時過還進動對會為實現開關")


def fix_glyph_mappings(lines: list[Line]) -> None:
    """Put the ordinary characters back, in place."""
    text = "".join(line.text for line in lines)
    simplified = sum(1 for char in text if char in _SIMPLIFIED)
    traditional = sum(1 for char in text if char in _TRADITIONAL)
    table = dict(_RADICALS)
    if simplified > traditional:
        table.update(_SHARED_GLYPHS)
    for line in lines:
        line.text = line.text.translate(table)
