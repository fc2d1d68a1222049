"""Run widths from the PDF's fonts: narrow gutters, field gaps and small capitals."""

from resumes.parsing import parse_document
from resumes.parsing.extract import extract_document
from resumes.parsing.extract.pdf_widths import FontWidths, estimate_width
from resumes.parsing.tests.documents import Run, make_pdf, render_html

# Narrow letters: Helvetica sets this in ~218 pt at 11 pt, an average-width estimate
# in ~341 pt, far across the gutter at x=280.
NARROW = "Filled little lists with illicit lilies till it fit its limits"


def test_helvetica_widths_come_from_the_font_metrics():
    from pypdf.generic import DictionaryObject, NameObject

    helvetica = DictionaryObject(
        {
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    width, measured = FontWidths().width("Illicit", 10, helvetica)
    # I 278 + l 222 + l 222 + i 222 + c 500 + i 222 + t 278 thousandths of an em.
    assert measured and abs(width - 19.44) < 0.01
    assert estimate_width("Illicit", 10) == 35.0


def test_an_unreadable_font_falls_back_to_the_estimate():
    assert FontWidths().width("abc", 10, {"/Subtype": "/Type0"}) == (15.0, False)
    assert FontWidths().width("abc", 10, None) == (15.0, False)


def test_narrow_gutter_between_columns_of_narrow_text():
    runs = [Run("Jane Doe", 40, 740, size=20)]
    y = 700.0
    for index in range(6):
        runs.append(Run(NARROW, 40, y))
        runs.append(Run(f"Skill {index}: Python, PostgreSQL, Docker, Kubernetes", 280, y))
        y -= 16
    texts = [line.text for line in extract_document(make_pdf([runs]), "pdf").lines]
    skills = [f"Skill {i}: Python, PostgreSQL, Docker, Kubernetes" for i in range(6)]
    assert texts == ["Jane Doe"] + [NARROW] * 6 + skills


def test_tags_a_few_points_apart_are_separate_fields():
    # Skill chips: "Figma" ends at ~67 pt (Helvetica 10 pt); the next chip starts
    # ~9 pt (0.9 em) later, much more than a word space.
    runs = [Run("Figma", 40, 700, size=10), Run("User research", 76, 700, size=10)]
    texts = [line.text for line in extract_document(make_pdf([runs]), "pdf").lines]
    assert texts == ["Figma   User research"]


def test_small_capitals_heading_and_name_read_as_words():
    # Each word: a capital at 14 pt, the rest in capitals at 10 pt, right after it.
    def small_caps(words: list[str], x: float, y: float) -> list[Run]:
        from pypdf._codecs.core_font_metrics import CORE_FONT_METRICS

        metrics = CORE_FONT_METRICS["Helvetica"].character_widths
        runs = []
        for word in words:
            runs.append(Run(word[0], x, y, size=14))
            x += metrics[word[0]] / 1000 * 14
            runs.append(Run(word[1:], x, y, size=10))
            x += sum(metrics[c] for c in word[1:]) / 1000 * 10 + 0.28 * 10
        return runs

    runs = [
        *small_caps(["JANE", "DOE"], 40, 740),
        Run("jane.doe@example.com", 40, 720),
        *small_caps(["PROFESSIONAL", "EXPERIENCE"], 40, 690),
        Run("Senior Engineer, Acme Corp", 40, 670),
        Run("Jan 2020 - Present", 450, 670),
    ]
    document = extract_document(make_pdf([runs]), "pdf")
    assert [line.text for line in document.lines][:3] == [
        "JANE DOE",
        "jane.doe@example.com",
        "PROFESSIONAL EXPERIENCE",
    ]
    result = parse_document(make_pdf([runs]), kind="pdf").result
    assert result["work_experience"][0]["start"] == "2020-01"


def test_browser_small_caps_and_digits_in_an_embedded_font():
    # Chromium embeds subset fonts whose width table leaves out the glyphs at the
    # default width (digits, in Liberation Serif); both must measure right.
    html = """<html><body style="font-family: 'Liberation Serif', serif; margin: 40px">
    <h1 style="font-variant: small-caps; font-size: 24px">Daniel Okafor</h1>
    <p style="font-size: 13px">(312) 555-0138 &bull; daniel.okafor@example.com</p>
    <h2 style="font-variant: small-caps; font-size: 15px; border-bottom: 1px solid">Experience</h2>
    <table style="width: 100%; font-size: 13px"><tr><td>Actuarial Analyst</td>
    <td style="text-align: right">Jul 2018 &ndash; May 2021</td></tr></table>
    <p style="font-size: 13px">Prairie State Life &amp; Casualty</p>
    </body></html>"""
    document = extract_document(render_html(html, pdf=True), "pdf")
    texts = [line.text for line in document.lines]
    assert texts[:4] == [
        "DANIEL OKAFOR",
        "(312) 555-0138 • daniel.okafor@example.com",
        "EXPERIENCE",
        "Actuarial Analyst   Jul 2018 – May 2021",
    ]
