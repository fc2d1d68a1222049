"""Field extractors on layouts real resumes use (examples written for these tests)."""

import pytest

from resumes.parsing.extract.model import Line
from resumes.parsing.fields.certifications import parse_certifications
from resumes.parsing.fields.education import parse_education
from resumes.parsing.fields.experience import parse_experience


def lines(text):
    return [Line(text=row) for row in text.splitlines() if row.strip()]


@pytest.mark.parametrize(
    ("text", "company", "title", "start", "end"),
    [
        (
            "Senior Engineer, Acme Corp (Jan 2019 - Present)",
            "Acme Corp",
            "Senior Engineer",
            "2019-01",
            "present",
        ),
        ("Acme Corp — Senior Engineer", "Acme Corp", "Senior Engineer", None, None),
        (
            "Senior Engineer | Acme Corp | 2019 – 2021",
            "Acme Corp",
            "Senior Engineer",
            "2019",
            "2021",
        ),
        (
            "Registered Nurse · Emergency Department, St. Mary's Hospital",
            "St. Mary's Hospital",
            "Registered Nurse · Emergency Department",
            None,
            None,
        ),
        (
            "Programmer, Remington Rand (Jan 1949 – Dec 1950)",
            "Remington Rand",
            "Programmer",
            "1949-01",
            "1950-12",
        ),
        (
            "Senior Engineer\nAcme Corp\nJan 2019 – Present",
            "Acme Corp",
            "Senior Engineer",
            "2019-01",
            "present",
        ),
        (
            "Acme Corp                Jan 2019 – Present\nSenior Engineer",
            "Acme Corp",
            "Senior Engineer",
            "2019-01",
            "present",
        ),
        (
            "2019.03 - 至今  阿里巴巴  高级Java开发工程师",
            "阿里巴巴",
            "高级Java开发工程师",
            "2019-03",
            "present",
        ),
        (
            "公司：阿里巴巴 职位：高级工程师 时间：2019.03 - 2021.06",
            "阿里巴巴",
            "高级工程师",
            "2019-03",
            "2021-06",
        ),
        (
            "Company: Globex | Position: Data Analyst | 2018 - 2020",
            "Globex",
            "Data Analyst",
            "2018",
            "2020",
        ),
    ],
)
def test_work_entry_header_layouts(text, company, title, start, end):
    [entry] = parse_experience(lines(text + "\n• Did a thing that mattered"))
    assert (entry["company"], entry["title"], entry["start"], entry["end"]) == (
        company,
        title,
        start,
        end,
    )


def test_consulting_partners_is_the_company_not_the_title():
    [entry] = parse_experience(lines("Analyst | Bain Consulting Partners | 2019 - 2020"))
    assert entry["title"] == "Analyst"
    assert entry["company"] == "Bain Consulting Partners"


def docx_with_table(rows):
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("Work Experience", style="Heading 1")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "rows",
    [
        [["Dates", "Employer", "Position"], ["2019 - 2021", "Globex", "Data Analyst"]],
        [["时间", "公司", "职位"], ["2019.03 - 2021.06", "美团", "后端开发"]],
    ],
)
def test_docx_table_header_row_maps_columns(rows):
    from resumes.parsing.extract import extract_document

    document = extract_document(docx_with_table(rows), "docx")
    body = [line for line in document.lines if line.text != "Work Experience"]
    [entry] = parse_experience(body)
    assert entry["company"] == rows[1][1]
    assert entry["title"] == rows[1][2]
    assert entry["start"] is not None


def test_text_header_row_is_not_a_job():
    entries = parse_experience(lines("Dates | Employer | Position\n2019 - 2021 | Globex | Analyst"))
    assert [(e["company"], e["title"]) for e in entries] == [("Globex", "Analyst")]


@pytest.mark.parametrize(
    ("text", "name", "issuer", "date"),
    [
        (
            "AWS Certified Solutions Architect – Associate (Amazon Web Services, 2022)",
            "AWS Certified Solutions Architect – Associate",
            "Amazon Web Services",
            "2022",
        ),
        (
            "• PMP, Project Management Institute, 2021",
            "PMP",
            "Project Management Institute",
            "2021",
        ),
        (
            "Certified Kubernetes Administrator (CKA) – CNCF – Mar 2023",
            "Certified Kubernetes Administrator (CKA)",
            "CNCF",
            "2023-03",
        ),
        ("2020.06  PMP项目管理专业人士资格认证", "PMP项目管理专业人士资格认证", None, "2020-06"),
    ],
)
def test_certification_line_is_one_certification(text, name, issuer, date):
    [cert] = parse_certifications(lines(text))
    assert (cert["name"], cert["issuer"], cert["date"]) == (name, issuer, date)


def test_certification_detail_lines_join_the_one_above():
    certs = parse_certifications(
        lines(
            "Google Data Analytics Certificate\nIssued Jan 2022 · Credential ID ABC123\nCCNA\nCisco\n2019"
        )
    )
    assert [(c["name"], c["date"]) for c in certs] == [
        ("Google Data Analytics Certificate", "2022-01"),
        ("CCNA", "2019"),
    ]
    assert certs[1]["issuer"] == "Cisco"


@pytest.mark.parametrize(
    ("text", "school", "degree", "major", "start", "end"),
    [
        (
            "Harvard University, 1930 - 1934\nBachelor of Science in Mathematics",
            "Harvard University",
            "Bachelor of Science",
            "Mathematics",
            "1930",
            "1934",
        ),
        (
            "Ohio State University | B.A. in Economics | 2015 – 2019",
            "Ohio State University",
            "B.A.",
            "Economics",
            "2015",
            "2019",
        ),
        (
            "M.S. in Computer Science, Stanford University, 2020 - 2022",
            "Stanford University",
            "M.S.",
            "Computer Science",
            "2020",
            "2022",
        ),
        (
            "Lone Star College\nAssociate of Applied Science, Nursing, 2012",
            "Lone Star College",
            "Associate of Applied Science",
            "Nursing",
            None,
            "2012",
        ),
        (
            "University of Florida — Doctor of Pharmacy (PharmD), 2016 – 2020",
            "University of Florida",
            "Doctor of Pharmacy (PharmD)",
            None,
            "2016",
            "2020",
        ),
        (
            "2016.09 - 2020.06  浙江大学  计算机科学与技术  本科",
            "浙江大学",
            "本科",
            "计算机科学与技术",
            "2016-09",
            "2020-06",
        ),
        (
            "复旦大学 硕士研究生 专业：金融学 2020.09-2023.06",
            "复旦大学",
            "硕士研究生",
            "金融学",
            "2020-09",
            "2023-06",
        ),
    ],
)
def test_education_entry(text, school, degree, major, start, end):
    [entry] = parse_education(lines(text))
    got = (entry["school"], entry["degree"], entry["major"], entry["start"], entry["end"])
    assert got == (school, degree, major, start, end)


@pytest.mark.parametrize(
    ("text", "company", "title"),
    [
        # A job word the list did not know used to swap the two.
        ("Dispatcher   Jan 2019 - Present\nSwift Freight Logistics   Denver, CO", "Swift Freight Logistics", "Dispatcher"),
        ("Blue Bottle Coffee | Boulder, CO\nBarista | 2016 - 2018", "Blue Bottle Coffee", "Barista"),
        # A comma before a legal form is part of the name.
        ("Senior Engineer, Initech, Inc., Austin, TX, 2019 - 2021", "Initech, Inc.", "Senior Engineer"),
        ("Globex, LLC — Springfield, IL\nAnalyst | 2017 - 2019", "Globex, LLC", "Analyst"),
        # A place in brackets leaves no bracket behind.
        ("Senior Engineer\nAcme Corp (Austin, TX)\n2019 - 2021", "Acme Corp", "Senior Engineer"),
        # How long the job lasted is not a field.
        ("Acme Corp\nSenior Engineer\nJanuary 2019 - Present (5 years 2 months)", "Acme Corp", "Senior Engineer"),
        ("Acme Corp | Senior Engineer | Jan 2020 - Present · 2 yrs 3 mos", "Acme Corp", "Senior Engineer"),
    ],
)  # fmt: skip
def test_work_entry_company_and_title(text, company, title):
    [entry] = parse_experience(lines(text + "\n• Did a thing that mattered"))
    assert (entry["company"], entry["title"]) == (company, title)


def test_duration_words_inside_a_sentence_stay():
    from resumes.parsing.fields.common import remove_dates

    assert remove_dates("Grew sales 2x in 2 years") == "Grew sales 2x in 2 years"
    assert remove_dates("2019.03 - 2021.06（2年3个月）") == ""


def test_certification_issuer_and_date_line_joins_the_name():
    certs = parse_certifications(
        lines(
            "AWS Certified Developer\nAmazon Web Services · 2021\n"
            "Registered Nurse (RN)\nCalifornia Board of Registered Nursing, 2015"
        )
    )
    assert [(c["name"], c["date"]) for c in certs] == [
        ("AWS Certified Developer", "2021"),
        ("Registered Nurse (RN)", "2015"),
    ]
