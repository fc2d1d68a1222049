"""PDF layout from glyph widths: narrow gutters, field gaps, small capitals, wrapped lines."""

from resumes.parsing import parse_document
from resumes.parsing.extract import extract_document
from resumes.parsing.extract.pdf_widths import FontWidths, estimate_width
from resumes.parsing.tests.documents import Run, make_pdf, render_html

# Narrow letters: Helvetica sets this in ~218 pt at 11 pt, an average-width estimate
# in ~341 pt, far across the gutter at x=280.
NARROW = "Filled little lists with illicit lilies till it fit its limits"
SKILLS = [
    "Languages: Python, Go, TypeScript, SQL",
    "Data: PostgreSQL, Redis, Kafka",
    "Cloud: AWS, Docker, Kubernetes, Terraform",
    "Testing: pytest, Playwright",
    "Observability: Prometheus, Grafana",
    "Methods: Scrum, Kanban",
]


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
    left = [NARROW, "Filled little lists", "Illicit lilies fit", "Till it fit", "Lilies", "Little"]
    runs = [Run("Jane Doe", 40, 740, size=20)]
    y = 700.0
    for index, text in enumerate(left):
        runs.append(Run(text, 40, y))
        runs.append(Run(SKILLS[index], 280, y))
        y -= 16
    texts = [line.text for line in extract_document(make_pdf([runs]), "pdf").lines]
    assert texts == ["Jane Doe", *left, *SKILLS]


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


def helvetica(text: str, size: float = 11) -> float:
    from pypdf._codecs.core_font_metrics import CORE_FONT_METRICS

    metrics = CORE_FONT_METRICS["Helvetica"].character_widths
    return sum(metrics[c] for c in text) / 1000 * size


def test_a_line_the_next_word_did_not_fit_after_goes_on_below():
    # A sidebar 140 pt wide (its widest line says so), lines 13 pt apart.
    x, lines = 40.0, ["Certified Kubernetes", "Administrator (CKA)", "Scrum Master", "PMP"]
    widest = "Google Cloud Engineer, 2022"
    assert helvetica(widest) - helvetica(lines[0]) < helvetica("Administrator")
    assert helvetica(widest) - helvetica(lines[1]) > helvetica("Scrum") + 3
    runs = [Run("CERTIFICATIONS", x, 700, size=14, bold=True), Run(widest, x, 680)]
    runs += [Run(text, x, 667 - 13 * index) for index, text in enumerate(lines)]
    texts = [line.text for line in extract_document(make_pdf([runs]), "pdf").lines]
    assert texts[1:] == [widest, "Certified Kubernetes Administrator (CKA)", "Scrum Master", "PMP"]
    names = [
        c["name"] for c in parse_document(make_pdf([runs]), kind="pdf").result["certifications"]
    ]
    assert "Certified Kubernetes Administrator (CKA)" in names


def test_wrapped_text_beside_a_right_aligned_date_joins_before_the_date():
    title = "Senior UX Designer, Meridian Health, New"
    runs = [
        Run("EXPERIENCE", 40, 720, size=14, bold=True),
        Run(title, 40, 700),
        Run("Feb 2021 - Present", 40 + helvetica(title) + 20, 700),
        Run("York, NY", 40, 687),
        Run("Led design for the patient portal used by 1.8 million members", 40, 674),
    ]
    texts = [line.text for line in extract_document(make_pdf([runs]), "pdf").lines]
    assert texts[1] == "Senior UX Designer, Meridian Health, New York, NY   Feb 2021 - Present"


def test_lines_that_end_on_purpose_stay_apart():
    runs = [
        # Contact items, each as wide as the column.
        Run("sophie.laurent@example.com", 40, 700),
        Run("New York, NY", 40, 687),
        Run("sophielaurent.example.design", 40, 674),
        # A bold title over a regular company.
        Run("Principal Reliability Engineer", 40, 640, bold=True),
        Run("Northwind", 40, 627),
        # A paragraph gap wider than the line height.
        Run("Kept the fleet of ninety two turbines running", 40, 600),
        Run("Fleet", 40, 580),
    ]
    texts = [line.text for line in extract_document(make_pdf([runs]), "pdf").lines]
    assert texts == [run.text for run in runs]


def test_a_wrapped_chinese_line_joins_without_a_space():
    from resumes.parsing.extract.pdf_runs import glue

    assert (
        glue("负责华东区域三十家医院的学术推广与", "客户维护")
        == "负责华东区域三十家医院的学术推广与客户维护"
    )
    assert glue("chain-", "ladder methods") == "chain-ladder methods"
    assert glue("Certified Kubernetes", "Administrator") == "Certified Kubernetes Administrator"


def test_a_sidebar_wraps_at_its_own_edge_not_at_a_wider_line_above_it():
    # The name above the sidebar starts further left and runs wider; the sidebar's
    # own lines (x=60) end at its edge, ~150 pt.
    runs = [Run("Alexandra Whitfield-Moreno, PMP", 47, 740, size=14)]
    sidebar = [
        "Containers: Kubernetes,",
        "Docker, Helm, Argo CD",
        "Certified Kubernetes",
        "Administrator (CKA)",
        "Observability: Grafana",
    ]
    runs += [Run(text, 60, 700 - 13 * index) for index, text in enumerate(sidebar)]
    lines = extract_document(make_pdf([runs]), "pdf").lines
    texts = [line.text.removeprefix("• ") for line in lines]
    assert texts[1:] == [
        "Containers: Kubernetes, Docker, Helm, Argo CD",
        "Certified Kubernetes Administrator (CKA)",
        "Observability: Grafana",
    ]


def test_bullets_drawn_as_graphics_stay_apart_when_the_next_starts_anew():
    # List items whose bullets are drawn, not written: only the indent is left. Each
    # line ends at the column's edge.
    jobs = [
        "Lead a five-person HR team supporting 1,400 employees in nine warehouses",
        "Reduced first-year turnover from 48% to 31% with a new onboarding plan",
    ]
    certificates = [
        "Basic Life Support (BLS), American Heart Association (Jan 2023)",
        "Advanced Cardiovascular Life Support (ACLS), American Heart Association",
    ]
    runs = [Run("EXPERIENCE", 40, 720, size=14, bold=True)]
    runs += [Run(text, 54, 700 - 13 * index) for index, text in enumerate(jobs)]
    runs.append(Run("CERTIFICATIONS", 40, 660, size=14, bold=True))
    runs += [Run(text, 54, 640 - 13 * index) for index, text in enumerate(certificates)]
    runs.append(Run("HR Manager, Peachtree Logistics", 40, 600))
    texts = [
        line.text.removeprefix("• ") for line in extract_document(make_pdf([runs]), "pdf").lines
    ]
    assert texts == [
        "EXPERIENCE",
        *jobs,
        "CERTIFICATIONS",
        *certificates,
        "HR Manager, Peachtree Logistics",
    ]


def test_chinese_text_wrapped_in_a_sidebar_joins_without_a_space():
    # Chinese glyphs are an em wide in any font, so CJK lines wrap like measured ones.
    html = """<html><head><meta charset="utf-8"><style>
    body{font-family:"Noto Sans CJK SC",sans-serif;font-size:14px;margin:40px;display:flex;gap:30px}
    .side{width:150px} .main{flex:1}</style></head><body>
    <div class="side"><h3>核心能力</h3><p>品牌策划、新媒体运营、抖音投放、市场调研、预算管理</p>
    <h3>语言能力</h3><p>英语：专业八级</p></div>
    <div class="main"><h3>工作经历</h3><p>2019年8月 - 至今 广州美露日化有限公司 市场营销经理</p>
    <p>负责洗护品牌年度营销预算的规划与执行，策划达人种草活动。</p>
    <p>管理线下促销活动及经销商沟通。</p><p>协助完成洗发水品类的年度品牌计划。</p></div>
    </body></html>"""
    texts = [line.text for line in extract_document(render_html(html, pdf=True), "pdf").lines]
    assert "品牌策划、新媒体运营、抖音投放、市场调研、预算管理" in [
        t.removeprefix("• ") for t in texts
    ]
