"""Layouts and wordings from real-world resume conventions (examples written for these
tests): plain-paragraph achievements, "Title · Company", flattened text, Indian degree
names, Chinese name lines, certificate issuer lines."""

import io

import pytest

from resumes.parsing import parse_document, parse_text
from resumes.parsing.dates import find_range
from resumes.parsing.extract.model import Line
from resumes.parsing.fields.certifications import parse_certifications
from resumes.parsing.fields.common import is_prose, split_fields
from resumes.parsing.fields.contact import extract_basic_info
from resumes.parsing.fields.education import DEGREE, parse_education
from resumes.parsing.fields.experience import parse_experience
from resumes.parsing.fields.projects import parse_projects
from resumes.parsing.sections import heading_key, split_sections


def lines(text):
    return [Line(text=row) for row in text.splitlines() if row.strip()]


def jobs(text):
    return [(e["company"], e["title"], e["start"], e["end"]) for e in parse_experience(lines(text))]


def _docx(build):
    import docx

    document = docx.Document()
    document.add_paragraph("Jane Doe", style="Title")
    document.add_paragraph("jane@example.com | (555) 123-4567 | Austin, TX")
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_short_achievement_paragraphs_are_not_company_names():
    def build(document):
        document.add_heading("Work Experience", level=1)
        document.add_paragraph("Proseware\tAustin, TX")
        document.add_paragraph("Senior Accountant\tMar 2019 – Present")
        document.add_paragraph("Prepared monthly statements.")
        document.add_paragraph("Reconciled accounts for 40 clients.")
        document.add_paragraph("Trained two junior staff.")
        document.add_paragraph("Lucerne Publishing\tDallas, TX")
        document.add_paragraph("Staff Accountant\t2015 – 2019")
        document.add_paragraph("Handled payables.")

    result = parse_document(_docx(build), kind="docx").result
    assert [
        (w["company"], w["title"], len(w["highlights"])) for w in result["work_experience"]
    ] == [
        ("Proseware", "Senior Accountant", 3),
        ("Lucerne Publishing", "Staff Accountant", 1),
    ]


def test_docx_heading_with_middle_dot_between_title_and_company():
    def build(document):
        document.add_heading("Experience", level=1)
        document.add_heading("Senior Accountant · Proseware, Inc.", level=2)
        document.add_paragraph("March 2019 – Present")
        document.add_paragraph("Prepared monthly statements and reconciled accounts.")
        document.add_heading("Staff Accountant · Lucerne Publishing", level=2)
        document.add_paragraph("2015 – 2019")
        document.add_paragraph("Handled payables for a team of twelve.")

    result = parse_document(_docx(build), kind="docx").result
    assert [(w["company"], w["title"], w["start"]) for w in result["work_experience"]] == [
        ("Proseware, Inc.", "Senior Accountant", "2019-03"),
        ("Lucerne Publishing", "Staff Accountant", "2015"),
    ]


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        ("Reconciled accounts for 40 clients.", True),
        ("Handled payables.", True),
        ("Proseware, Inc.", False),
        ("Acme Co.", False),
        ("Worked in the U.S.", False),
        ("负责推荐系统的后端开发", True),
        ("优化服务性能，延迟降低30%", True),
        ("阿里巴巴（中国）有限公司", False),
        ("Java开发工程师", False),
        ("负责人", False),
    ],
)
def test_prose_lines(line, prose):
    assert is_prose(line) is prose


def test_upper_case_legal_form_stays_with_its_company():
    assert split_fields("SENIOR ACCOUNTANT | PROSEWARE, INC. | 2019") == [
        "SENIOR ACCOUNTANT",
        "PROSEWARE, INC.",
        "2019",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Northwind Traders: Senior Software Engineer, 01/2019 - Current\n- Built it",
            [("Northwind Traders", "Senior Software Engineer", "2019-01", "present")],
        ),
        (
            "Company: Infosys Limited\nDesignation: Senior Systems Engineer\n"
            "Duration: July 2017 to Till Date\nRoles and Responsibilities:\n• Developed modules",
            [("Infosys Limited", "Senior Systems Engineer", "2017-07", "present")],
        ),
        (
            "Senior Software Engineer      2019 - Present\nNorthwind Traders\n"
            "Led migration of the payments platform to Kubernetes, cutting costs 30%\n"
            "Shipped a new onboarding flow for mobile users\n"
            "Data Analyst      2016 - 2018\nFabrikam\nBuilt dashboards for the sales team",
            [
                ("Northwind Traders", "Senior Software Engineer", "2019", "present"),
                ("Fabrikam", "Data Analyst", "2016", "2018"),
            ],
        ),
        (
            "Working as Software Developer in Infosys Limited from Jan 2016 to date.",
            [("Infosys Limited", "Software Developer", "2016-01", "present")],
        ),
        (
            "Director of the Office of Research\nState University\n2015 - 2020\n• Ran it",
            [("State University", "Director of the Office of Research", "2015", "2020")],
        ),
    ],
)
def test_experience_wordings(text, expected):
    assert jobs(text) == expected


def test_chinese_achievement_lines_without_full_stop():
    text = (
        "2020.07-至今  字节跳动  高级后端工程师\n负责推荐系统的后端开发\n优化服务性能，延迟降低30%\n"
        "2018.07-2020.06\n阿里巴巴（中国）有限公司\nJava开发工程师\n参与淘宝交易链路开发"
    )
    assert [(c, t) for c, t, _, _ in jobs(text)] == [
        ("字节跳动", "高级后端工程师"),
        ("阿里巴巴（中国）有限公司", "Java开发工程师"),
    ]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("July 2017 to Till Date", "2017-07", "present"),
        ("Mar 2018 till date", "2018-03", "present"),
        ("Jan 2019 - To Date", "2019-01", "present"),
        ("Date of birth: 12/1990", "1990-12", None),
    ],
)
def test_till_date_means_present(text, start, end):
    assert find_range(text)[:2] == (start, end)


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("张伟的简历", "张伟"),
        ("张伟 个人简历", "张伟"),
        ("张伟 男 28岁 本科", "张伟"),
        ("王小明 (Wang Xiaoming)", "王小明"),
        ("欧阳娜娜  |  Java开发工程师", "欧阳娜娜"),
    ],
)
def test_chinese_name_lines(header, name):
    info = extract_basic_info([Line(text=header)], [], [Line(text=header)])
    assert info["name"] == name


def test_chinese_word_lines_are_not_names():
    header = lines("后端开发\n张伟\n电话：13800138000")
    assert extract_basic_info(header, [], header)["name"] == "张伟"


def test_name_label_in_a_table_row_and_not_a_company_name():
    row = lines("姓名 | 张伟 | 性别 | 男")
    assert extract_basic_info(row, [], row)["name"] == "张伟"
    body = lines("Jane Doe\nCompany Name: Infosys Limited")
    assert extract_basic_info(body[:1], [], body)["name"] == "Jane Doe"


def test_labelled_chinese_project_names():
    text = (
        "项目名称：智能客服系统\n项目时间：2021.03-2021.09\n项目描述：基于大模型的客服机器人\n"
        "一、在线教育直播系统\n负责直播推流模块"
    )
    assert [p["name"] for p in parse_projects(lines(text))] == ["智能客服系统", "在线教育直播系统"]


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("EDUCATIONAL QUALIFICATION", "education"),
        ("Education Details", "education"),
        ("Professional Background", "experience"),
        ("项目实践", "projects"),
        ("Skill Details", "skills"),
        ("资格认证", "certifications"),
    ],
)
def test_more_heading_wordings(heading, key):
    assert heading_key(heading) == key


@pytest.mark.parametrize(
    ("text", "degree"),
    [
        ("B.E in Computer Science Engineering", "B.E"),
        ("M.E. (VLSI Design)", "M.E."),
        ("MCA from Pune University", "MCA"),
        ("B.Com, Delhi University", "B.Com"),
        ("Bachelor of Computer Applications", "Bachelor of Computer Applications"),
        ("MBBS, AIIMS", "MBBS"),
    ],
)
def test_indian_degree_names(text, degree):
    match = DEGREE.search(text)
    assert match is not None and match.group(0) == degree


def test_flattened_resume_is_split_at_its_headings():
    text = (
        "Rohan Mehta Mobile: 9876543210 Email: rohan@example.com CAREER OBJECTIVE To work in a "
        "challenging environment where I can grow. EDUCATIONAL QUALIFICATION MCA from Pune "
        "University with 72% in 2015. B.Sc (Computer Science) from Fergusson College in 2012. "
        "TECHNICAL SKILLS Java, PHP, MySQL. WORK EXPERIENCE Working as Software Developer at "
        "Infosys Limited from Jan 2016 to till date."
    )
    result = parse_text(text).result
    assert [(e["degree"], e["school"], e["end"]) for e in result["education"]] == [
        ("MCA", "Pune University", "2015"),
        ("B.Sc", "Fergusson College", "2012"),
    ]
    [job] = result["work_experience"]
    assert (job["company"], job["title"], job["end"]) == (
        "Infosys Limited",
        "Software Developer",
        "present",
    )


def test_long_prose_mentioning_experience_is_not_split():
    line = Line(text="I bring experience in many areas. " * 10)
    sectioned = split_sections([Line(text="SUMMARY"), line])
    assert sectioned.found == ["summary"]


def test_school_named_after_from():
    [entry] = parse_education(lines("MCA from Pune University with 72% in 2015"))
    assert entry["school"] == "Pune University"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "AWS Certified Developer – Associate\nAmazon Web Services (AWS)\n"
            "Issued Mar 2022 · Expires Mar 2025\nCredential ID 7XK2LM9\n"
            "Certified Kubernetes Administrator (CKA)\nThe Linux Foundation\nIssued Jan 2021",
            ["AWS Certified Developer – Associate", "Certified Kubernetes Administrator (CKA)"],
        ),
        (
            "Basic Life Support (BLS)\nAmerican Heart Association, exp. 2025\nACLS Certification",
            ["Basic Life Support (BLS)", "ACLS Certification"],
        ),
        (
            "Certified Emergency Medical Technician\n"
            "National Registry of Emergency Medical Technicians\n2019\n"
            "Food Handler Certificate\nServSafe, 2020",
            ["Certified Emergency Medical Technician", "Food Handler Certificate"],
        ),
        (
            "• Google Data Analytics Professional Certificate (Coursera, 2022)\n"
            "  Completed 8 courses covering SQL, R and Tableau\n• Six Sigma Green Belt – 2019",
            ["Google Data Analytics Professional Certificate", "Six Sigma Green Belt"],
        ),
        ("英语六级（CET-6）\nPMP 2020.05", ["英语六级（CET-6）", "PMP"]),
    ],
)
def test_certificate_issuer_and_detail_lines(text, names):
    assert [c["name"] for c in parse_certifications(lines(text))] == names


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Clinical Experience", "experience"),
        ("WORK EXPERIENCES", "experience"),
        ("Leadership Experience", "experience"),
        ("Research Experience", "experience"),
        ("Teaching Experience", "experience"),
        ("Volunteer Experience", "other"),
        ("工作及实习经历", "experience"),
    ],
)
def test_any_kind_of_experience_heading_holds_jobs(heading, key):
    assert heading_key(heading) == key


def test_skill_list_items():
    from resumes.parsing.fields.skill_list import listed_skills

    assert listed_skills(
        [
            "Microsoft Office (Word, Excel, PowerPoint)",
            "Customer service • Cash handling • Inventory management",
            "熟悉Java、MyBatis等框架",
            "1. 熟练掌握Python，能够阅读英文技术文档",
        ]
    ) == [
        "Microsoft Office",
        "Customer service",
        "Cash handling",
        "Inventory management",
        "Java",
        "MyBatis",
        "Python",
    ]


@pytest.mark.parametrize(
    ("text", "school", "major"),
    [
        ("2016.09-2020.06  浙江大学  软件工程专业  硕士研究生", "浙江大学", "软件工程"),
        ("清华大学（985/211）  2018.09-2021.06\n计算机技术  硕士", "清华大学", "计算机技术"),
        ("学校：南京大学\n专业：电子信息工程\n学历：本科", "南京大学", "电子信息工程"),
        ("中山大学 管理学院 工商管理 本科", "中山大学", "工商管理"),
        ("中国石油大学（华东） 石油工程 本科", "中国石油大学（华东）", "石油工程"),
    ],
)
def test_chinese_education_school_and_major(text, school, major):
    [entry] = parse_education(lines(text))
    assert (entry["school"], entry["major"]) == (school, major)


def test_more_project_name_layouts():
    text = (
        "项目一：智能客服系统\n职责：后端开发\n2021.03 - 2021.09\n电商推荐平台\n- 设计召回与排序架构\n"
        "Project 2: Chess Engine\n- Wrote it in Rust"
    )
    assert [p["name"] for p in parse_projects(lines(text))] == [
        "智能客服系统",
        "电商推荐平台",
        "Chess Engine",
    ]


def test_labelled_chinese_duties_are_highlights():
    text = "公司名称：京东集团\n职位：数据分析师\n在职时间：2016.07-2018.06\n工作描述：负责用户增长分析"
    [entry] = parse_experience(lines(text))
    assert (entry["company"], entry["title"]) == ("京东集团", "数据分析师")
    assert entry["highlights"] == ["工作描述：负责用户增长分析"]


@pytest.mark.parametrize("bullet", ["\uf0b7", "\uf0a7", "❖", "o"])
def test_symbol_font_and_second_level_bullets(bullet):
    text = f"Acme Corp   2019 - 2021\nSenior Engineer\n{bullet} Led the move\n{bullet} Cut costs"
    [entry] = parse_experience(lines(text))
    assert entry["highlights"] == ["Led the move", "Cut costs"]


def test_ocr_rereads_chinese_words_read_as_latin():
    from conftest import require_tool
    from resumes.parsing.tests.documents import render_html

    require_tool("tesseract")
    html = (
        '<html><head><meta charset="utf-8"><style>body{font-family:"Noto Sans CJK SC",'
        'sans-serif;font-size:14pt;margin:40px}</style></head><body><div><span style="'
        'font-size:26pt;font-weight:bold">郭佳</span>&nbsp;&nbsp;&nbsp;<span>产品经理</span>'
        "</div><p>13912345678 | gj@example.com | 北京</p></body></html>"
    )
    result = parse_document(render_html(html, pdf=False), kind="image").result
    assert result["basic_info"]["name"] == "郭佳"
    assert result["basic_info"]["email"] == "gj@example.com"


@pytest.mark.parametrize(
    ("text", "degree", "major"),
    [
        ("2016.09-2020.06 北京大学 计算机科学与技术（本科）", "本科", "计算机科学与技术"),
        ("华中科技大学 工学学士 自动化 2012.09-2016.06", "工学学士", "自动化"),
        ("2014.09-2018.06 厦门大学 统招本科 会计学", "本科", "会计学"),
        ("浙江大学 硕士研究生 软件工程", "硕士研究生", "软件工程"),
    ],
)
def test_chinese_degree_forms(text, degree, major):
    [entry] = parse_education(lines(text))
    assert (entry["degree"], entry["major"]) == (degree, major)


@pytest.mark.parametrize(
    "text",
    [
        "字节跳动｜后端工程师｜2019.07-2021.06",
        "字节跳动 丨 后端工程师 丨 2019.07-2021.06",
        "字节跳动-后端工程师  2019.07-2021.06",
        "字节跳动·后端工程师  2019.07-2021.06",
    ],
)
def test_chinese_field_separators(text):
    [entry] = parse_experience(lines(text + "\n- 负责开发"))
    assert (entry["company"], entry["title"]) == ("字节跳动", "后端工程师")


@pytest.mark.parametrize(
    ("text", "school"),
    [
        (
            "Bachelor of Science in Biology, University of Texas at Austin   2014 - 2018",
            "University of Texas at Austin",
        ),
        (
            "University of North Carolina at Chapel Hill\nB.A. in History, 2012",
            "University of North Carolina at Chapel Hill",
        ),
        ("University of California, Berkeley — B.S. 2019", "University of California, Berkeley"),
    ],
)
def test_campus_after_at_stays_in_the_school_name(text, school):
    [entry] = parse_education(lines(text))
    assert entry["school"] == school
