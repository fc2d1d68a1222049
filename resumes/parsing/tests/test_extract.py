import io

import pytest

from resumes.parsing import ResumeParseError, parse_document
from resumes.parsing.extract import extract_document
from resumes.parsing.extract.image import clean_ocr_text
from resumes.parsing.tests.documents import Run, make_pdf, render_html

LEFT = [
    ("EXPERIENCE", True, 14),
    ("Senior Engineer, Acme Corp", False, 11),
    ("Jan 2020 - Present", False, 11),
    ("Built billing services", False, 11),
    ("Cut latency by 40%", False, 11),
    ("Engineer, Initech LLC", False, 11),
    ("Jun 2016 - Dec 2019", False, 11),
]
RIGHT = [
    ("SKILLS", True, 14),
    ("Python, Go, PostgreSQL", False, 11),
    ("Docker, Kubernetes", False, 11),
    ("EDUCATION", True, 14),
    ("Stanford University", False, 11),
    ("B.S. Computer Science, 2016", False, 11),
]


def two_column_pdf() -> bytes:
    runs = [
        Run("Jane Doe", 40, 740, size=22, bold=True),
        Run("jane@example.com | +1 415 555 0100 | San Francisco, CA", 40, 715),
    ]
    for column, x in ((LEFT, 40.0), (RIGHT, 330.0)):
        y = 680.0
        for text, bold, size in column:
            indent = 14 if text.startswith(("Built", "Cut")) else 0
            runs.append(Run(text, x + indent, y, size=size, bold=bold))
            y -= 18
    return make_pdf([runs])


def test_two_column_pdf_reads_left_column_first():
    document = extract_document(two_column_pdf(), "pdf")
    texts = [line.text for line in document.lines]
    assert texts[:2] == ["Jane Doe", "jane@example.com | +1 415 555 0100 | San Francisco, CA"]
    left = texts[2 : 2 + len(LEFT)]
    right = texts[2 + len(LEFT) :]
    assert [t.removeprefix("• ") for t in left] == [t for t, _, _ in LEFT]
    assert right == [t for t, _, _ in RIGHT]
    assert "• Built billing services" in texts  # the indent stands for the bullet
    headings = {line.text for line in document.lines if line.heading}
    assert {"Jane Doe", "EXPERIENCE", "SKILLS", "EDUCATION"} <= headings


def test_single_column_with_right_aligned_dates_stays_one_column():
    runs = [Run("Jane Doe", 40, 740, size=20)]
    y = 700.0
    for company in ("Acme Corp", "Initech LLC", "Globex Inc", "Hooli", "Umbrella Ltd"):
        runs.append(Run(f"Engineer, {company}", 40, y))
        runs.append(Run("Jan 2018 - Dec 2019", 470, y))
        runs.append(Run("Shipped a large system used by many customers every day", 54, y - 16))
        y -= 40
    texts = [line.text for line in extract_document(make_pdf([runs]), "pdf").lines]
    assert texts[1].startswith("Engineer, Acme Corp") and texts[1].endswith("Jan 2018 - Dec 2019")


def test_right_aligned_field_keeps_its_gap_but_adjacent_runs_join():
    runs = [
        Run("Dispatcher", 40, 700),
        Run("Jan 2019 - Present", 450, 700),
        Run("Swift Freight Logistics", 40, 685),
        Run("Denver, CO", 480, 685),
        # A bold title and a regular company: two runs, one after the other.
        Run("Warehouse Associate", 40, 670, bold=True),
        Run(", Amazon", 145, 670),
    ]
    texts = [line.text for line in extract_document(make_pdf([runs]), "pdf").lines]
    assert texts == [
        "Dispatcher   Jan 2019 - Present",
        "Swift Freight Logistics   Denver, CO",
        "Warehouse Associate, Amazon",
    ]
    result = parse_document(make_pdf([[Run("EXPERIENCE", 40, 720, size=14), *runs]]), kind="pdf")
    first = result.result["work_experience"][0]
    assert (first["company"], first["location"]) == ("Swift Freight Logistics", "Denver, CO")


def test_compatibility_glyphs_become_ordinary_letters():
    from resumes.parsing.extract.pdf import _plain

    # Some CJK fonts map 大 to the Kangxi radical ⼤; Latin fonts use the "fi" ligature.
    assert _plain("复旦\u2f24学") == "复旦大学"
    assert _plain("Certi\ufb01ed") == "Certified"


def test_pdf_without_text_is_no_text_error():
    with pytest.raises(ResumeParseError) as caught:
        parse_document(make_pdf([[]]), kind="pdf")
    assert caught.value.step == "extract"
    assert caught.value.code == "no_text"
    assert "JPG or PNG" in caught.value.message


def test_broken_document_is_wrapped_with_cause():
    with pytest.raises(ResumeParseError) as caught:
        parse_document(b"%PDF-1.4 not really", kind="pdf")
    assert caught.value.step == "extract"
    assert caught.value.code in {"internal_error", "no_text"}
    assert "Traceback" not in caught.value.message


def test_docx_with_table_and_styles():
    import docx

    document = docx.Document()
    document.add_heading("Li Na", level=0)
    document.add_paragraph("li.na@example.com | 139 1234 5678")
    document.add_heading("Work Experience", level=1)
    table = document.add_table(rows=2, cols=3)
    for row, cells in zip(
        table.rows,
        [
            ("Jan 2021 - Present", "Data Analyst", "Globex Inc"),
            ("2018.07 - 2020.12", "Analyst", "Initech LLC"),
        ],
        strict=True,
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph("Built dashboards in Tableau", style="List Bullet")
    paragraph = document.add_paragraph()
    paragraph.add_run("Skills").bold = True
    document.add_paragraph("SQL, Python, Tableau")
    buffer = io.BytesIO()
    document.save(buffer)

    extracted = extract_document(buffer.getvalue(), "docx")
    texts = [line.text for line in extracted.lines]
    assert "Jan 2021 - Present | Data Analyst | Globex Inc" in texts
    assert "• Built dashboards in Tableau" in texts
    assert {"Li Na", "Work Experience", "Skills"} <= {
        line.text for line in extracted.lines if line.heading
    }

    result = parse_document(buffer.getvalue(), kind="docx").result
    assert result["basic_info"]["name"] == "Li Na"
    jobs = result["work_experience"]
    assert [(j["company"], j["title"], j["start"], j["end"]) for j in jobs] == [
        ("Globex Inc", "Data Analyst", "2021-01", "present"),
        ("Initech LLC", "Analyst", "2018-07", "2020-12"),
    ]
    assert jobs[1]["highlights"] == ["Built dashboards in Tableau"]


def test_ocr_cleanup():
    assert clean_ocr_text("教 育 背 景") == "教育背景"
    assert clean_ocr_text("。 负责 推荐 系统") == "• 负责推荐系统"
    assert clean_ocr_text("e Built APIs") == "• Built APIs"


def test_ocr_brackets_and_specks():
    assert clean_ocr_text("物流师〈三级 〉") == "物流师（三级）"
    assert clean_ocr_text("“北京传神语联翻译有限公司") == "北京传神语联翻译有限公司"
    assert clean_ocr_text("。普华永道中天会计师事务所") == "普华永道中天会计师事务所"
    assert clean_ocr_text("“精益求精”的工作态度") == "“精益求精”的工作态度"
    assert clean_ocr_text("2019 年 9 月 - 至今 。普华永道") == "2019年9月 - 至今普华永道"
    assert clean_ocr_text("物流师（三级 )") == "物流师（三级)"


@pytest.mark.parametrize("name", ["梁志远", "罗斌", "高雪"])
def test_ocr_reads_a_big_name_over_a_sidebar(name):
    # Tesseract's page segmentation drops a large line set apart at the top of a
    # sidebar while the main column starts beside it; the name is read on its own.
    from conftest import require_tool

    require_tool("tesseract")
    html = (
        '<html><head><meta charset="utf-8"><style>body{font-family:"Noto Serif CJK SC",'
        '"Noto Sans CJK SC",serif;font-size:15pt;margin:60px;display:flex;gap:40px}'
        ".side{width:300px;background:#eef1f5;padding:16px} .main{flex:1}"
        "h1{font-size:44px;margin:0 0 8px}</style></head><body>"
        f'<div class="side"><h1>{name}</h1><p>物流主管</p><h3>联系方式</h3>'
        "<p>电话：139 0000 1234</p><p>邮箱：test@example.cn</p></div>"
        '<div class="main"><h3>个人简介</h3><p>港口物流与仓储管理经验10年。</p>'
        "<h3>工作经历</h3><p>2019.05 - 至今 青岛港国际物流有限公司 物流主管</p>"
        "<p>• 负责保税仓库日常运营</p><h3>教育背景</h3>"
        "<p>2010.09 - 2014.06 中国海洋大学 物流管理 本科</p></div></body></html>"
    )
    result = parse_document(render_html(html, pdf=False), kind="image").result
    assert result["basic_info"]["name"] == name


def test_ocr_of_a_chinese_resume_image():
    from conftest import require_tool

    require_tool("tesseract")
    html = (
        '<html><head><meta charset="utf-8"><style>body{font-family:"Noto Sans CJK SC",sans-serif;'
        "font-size:16pt;margin:40px}</style></head><body><h1>王芳</h1>"
        "<p>电话：139 1234 5678 | 邮箱：wangfang@example.com</p>"
        "<h2>教育背景</h2><p>2015.09 - 2019.06 复旦大学 统计学 本科</p>"
        "<h2>专业技能</h2><p>Python、SQL、数据分析、机器学习</p></body></html>"
    )
    outcome = parse_document(render_html(html, pdf=False), kind="image")
    result = outcome.result
    assert result["language"] == "zh"
    assert result["basic_info"]["email"] == "wangfang@example.com"
    assert result["basic_info"]["phone"].replace(" ", "") == "13912345678"
    assert result["education"][0]["school"] == "复旦大学"
    assert {"Python", "SQL", "数据分析"} <= {s["name"] for s in result["skills"]}


def test_ocr_runs_tesseract_single_threaded_and_restores_the_environment(monkeypatch):
    """OpenMP threads made OCR 4x slower on one core; the limit must not leak."""
    import os

    import pytesseract

    from resumes.parsing.extract import image as image_extract
    from resumes.tests.files import png_bytes

    seen: list[str | None] = []

    def fake_image_to_data(*args, **kwargs):
        seen.append(os.environ.get("OMP_THREAD_LIMIT"))
        return {"text": [], "block_num": [], "par_num": [], "line_num": [], "height": []}

    monkeypatch.setattr(pytesseract, "image_to_data", fake_image_to_data)
    monkeypatch.setenv("OMP_THREAD_LIMIT", "8")
    image_extract.extract_image(png_bytes())
    assert seen == ["1"]
    assert os.environ["OMP_THREAD_LIMIT"] == "8"


def test_lines_beside_a_date_column_are_not_list_items():
    runs = [
        Run("Priya Raman", 40, 740, size=20),
        Run("EXPERIENCE", 40, 710, size=13),
        Run("2019 - Present", 40, 690),
        Run("Operations Supervisor", 140, 690),
        Run("Midwest Freight Co.", 140, 676),
        Run("Managed a team of 14 dock workers", 152, 662),
        Run("Cut loading time by 20%", 152, 648),
        Run("2015 - 2019", 40, 630),
        Run("Dispatcher", 140, 630),
        Run("Lakeshore Transit", 140, 616),
        Run("Scheduled 60 drivers daily", 152, 602),
    ]
    texts = [line.text for line in extract_document(make_pdf([runs]), "pdf").lines]
    assert "Midwest Freight Co." in texts and "Lakeshore Transit" in texts
    assert "• Managed a team of 14 dock workers" in texts
    jobs = parse_document(make_pdf([runs]), kind="pdf").result["work_experience"]
    assert [(j["company"], j["title"]) for j in jobs] == [
        ("Midwest Freight Co.", "Operations Supervisor"),
        ("Lakeshore Transit", "Dispatcher"),
    ]


def test_docx_tab_separates_fields():
    import docx

    document = docx.Document()
    document.add_heading("Experience", level=1)
    paragraph = document.add_paragraph()
    paragraph.add_run("Acme Corp").bold = True
    paragraph.add_run("\tAustin, TX")
    document.add_paragraph("Senior Engineer\tJan 2019 – Present")
    buffer = io.BytesIO()
    document.save(buffer)
    texts = [line.text for line in extract_document(buffer.getvalue(), "docx").lines]
    assert texts[1:] == ["Acme Corp   Austin, TX", "Senior Engineer   Jan 2019 – Present"]


def test_ocr_keeps_wide_gaps_and_puts_a_date_column_back_beside_its_rows():
    from resumes.parsing.extract.image import _fields, _merge_side_blocks, _Row, _Word

    words = [_Word("Senior", 20, 0, 60, 0), _Word("Engineer", 20, 70, 150, 0)]
    words.append(_Word("2019", 20, 600, 650, 0))
    assert _fields(words, 20.0) == ["Senior Engineer", "2019"]

    def row(text, block, left, top):
        return _Row(text, block, 20.0, left, left + 10 * len(text), top, top + 20)

    rows = [
        row("Jane Doe", 1, 0, 0),
        row("Dispatcher", 2, 0, 100),
        row("Swift Freight", 2, 0, 130),
        row("Experience", 3, 0, 60),  # the heading in the same block as the dates
        row("Jan 2019 - Present", 4, 600, 101),
    ]
    assert [r.text for r in _merge_side_blocks(rows)] == [
        "Jane Doe",
        "Dispatcher   Jan 2019 - Present",
        "Swift Freight",
        "Experience",
    ]
    assert clean_ocr_text("+ Served 300 customers a day") == "• Served 300 customers a day"


def _chinese_table_with_a_misread_word() -> dict:
    words = ["王芳", "Sit", "电话", "教育背景", "复旦大学", "统计学"]
    return {
        "text": words,
        "conf": [95, 30, 95, 95, 95, 95],
        "height": [20, 20, 20, 20, 20, 20],
        "left": [10, 60, 10, 10, 10, 10],
        "top": [10, 10, 40, 70, 100, 130],
        "width": [40, 30, 40, 40, 40, 40],
        "block_num": [1] * 6,
        "par_num": [1] * 6,
        "line_num": [1, 1, 2, 3, 4, 5],
    }


def test_ocr_second_looks_stop_when_the_page_budget_is_spent(monkeypatch):
    import time

    import pytesseract
    from PIL import Image

    from resumes.parsing.extract.ocr_rereads import reread_chinese

    calls: list[str] = []

    def record(*args, **kwargs):
        calls.append(kwargs.get("config", ""))
        return ""

    monkeypatch.setattr(pytesseract, "image_to_string", record)
    table = _chinese_table_with_a_misread_word()
    reread_chinese(Image.new("L", (200, 200), 255), table, deadline=time.monotonic() - 1)
    assert calls == [] and table["text"][1] == "Sit"  # the first reading stands


def test_a_second_look_that_times_out_keeps_the_first_reading(monkeypatch):
    import time

    import pytesseract
    from PIL import Image

    from resumes.parsing.extract.ocr_rereads import reread_chinese

    def timed_out(*args, **kwargs):
        assert kwargs["timeout"] <= 15
        raise RuntimeError("Tesseract process timeout")

    monkeypatch.setattr(pytesseract, "image_to_string", timed_out)
    table = _chinese_table_with_a_misread_word()
    reread_chinese(Image.new("L", (200, 200), 255), table, deadline=time.monotonic() + 15)
    assert table["text"][1] == "Sit"
