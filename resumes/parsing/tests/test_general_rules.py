"""General resume conventions, each with invented examples: one-line and nested-list
projects, project headings, and more (see each test)."""

import pytest

from resumes.parsing.extract.model import Line
from resumes.parsing.fields.certifications import parse_certifications
from resumes.parsing.fields.contact import find_name
from resumes.parsing.fields.experience import parse_experience
from resumes.parsing.fields.projects import parse_projects
from resumes.parsing.fields.skill_list import listed_skills
from resumes.parsing.sections import heading_key


def lines(text):
    return [Line(text=row) for row in text.splitlines() if row.strip()]


def project_names(text):
    return [p["name"] for p in parse_projects(lines(text))]


@pytest.mark.parametrize(
    "text",
    [
        # A name line, then a one-line description without a full stop.
        "Tidewatch\nA tide prediction dashboard for harbour pilots\n"
        "Ledgerly\nBudget tracker that syncs with bank exports",
        # "Name — what it is." on one line.
        "Tidewatch — A tide prediction dashboard for harbour pilots.\n"
        "Ledgerly — Budget tracker that syncs with bank exports.",
        # The same with a colon, in bullets.
        "• Tidewatch: Built a tide prediction dashboard for harbour pilots using React.\n"
        "• Ledgerly: Wrote a budget tracker that syncs with bank exports.",
        # A nested list: names on the outer level, details on the inner one.
        "• Tidewatch\n- Built a tide prediction dashboard.\n• Ledgerly\n- Synced bank exports.",
    ],
)
def test_project_layouts_without_a_header_line(text):
    assert project_names(text) == ["Tidewatch", "Ledgerly"]


def test_part_bullets_under_a_project_name_stay_details():
    text = (
        "Harbor Watch | React, Flask\n• Frontend: a React map of berth occupancy.\n"
        "• Backend: a Flask API fed by the port's AIS receiver.\nQuillpad\n- Note app."
    )
    assert project_names(text) == ["Harbor Watch", "Quillpad"]


def test_sentence_case_project_names_still_start_projects():
    text = "Fraud scoring service\n- Scored card payments in Go.\nChurn model\n- Trained it."
    assert project_names(text) == ["Fraud scoring service", "Churn model"]


def test_chinese_project_labels_stay_with_their_project():
    text = (
        "项目名称：智慧仓储管理平台\n项目描述：为物流企业搭建的仓储系统\n项目时间：2021.03-2021.12\n"
        "软件环境：Linux\n项目名称：校园二手交易小程序\n责任描述：负责前端开发"
    )
    assert project_names(text) == ["智慧仓储管理平台", "校园二手交易小程序"]


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Technical Projects", "projects"),
        ("PROJECTS UNDERTAKEN", "projects"),
        ("Projects & Achievements", "projects"),
        ("Project", "projects"),
        ("参与项目", "projects"),
        ("Capstone Project", None),
        ("Project Manager", None),
    ],
)
def test_project_heading_wordings(heading, key):
    assert heading_key(heading) == key


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Certifications & Awards", "certifications"),
        ("Training and Certifications", "certifications"),
        ("CERTIFICATIONS / LICENSES", "certifications"),
        ("Professional Licensure", "certifications"),
        ("荣誉证书", "certifications"),
        ("Skills & Certifications", "skills"),
        ("Graduate Certificate", None),
        ("学位证书", None),
    ],
)
def test_certification_heading_wordings(heading, key):
    assert heading_key(heading) == key


def certs(text):
    return [(c["name"], c["issuer"]) for c in parse_certifications(lines(text))]


def test_certificate_description_sentences_are_not_certificates():
    text = (
        "Certified Payroll Professional\nAmerican Payroll Association, 2020\n"
        "Covered multi-state withholding and year-end reporting.\n"
        "• Lean Practitioner — Kestrel Institute, 2018\n"
        "• Completed 30 hours of shop-floor kaizen workshops."
    )
    assert certs(text) == [
        ("Certified Payroll Professional", "American Payroll Association"),
        ("Lean Practitioner", "Kestrel Institute"),
    ]


def test_issuer_lines_with_issue_words_join_the_certificate():
    text = "Certified Kanban Coach\nKanbanlab.org | Issued Apr 2022\n中级会计师\n国家财政考试中心"
    assert certs(text) == [
        ("Certified Kanban Coach", "Kanbanlab.org"),
        ("中级会计师", "国家财政考试中心"),
    ]


def test_an_acronym_certificate_with_a_year_is_not_an_issuer():
    assert [name for name, _ in certs("CompTIA Network+ (2019)\nJuniper JNCIA, 2017")] == [
        "CompTIA Network+",
        "Juniper JNCIA",
    ]


def test_several_certificates_on_one_line():
    assert [name for name, _ in certs("CSM, PMP, Lean Six Sigma Green Belt")] == [
        "CSM",
        "PMP",
        "Lean Six Sigma Green Belt",
    ]
    assert [name for name, _ in certs("驾驶证、初级会计师、普通话二甲")] == [
        "驾驶证",
        "初级会计师",
        "普通话二甲",
    ]


def test_a_comma_inside_a_certificate_name():
    assert certs("Zenith Certified Associate, Ledger Cloud Developer\nZenith Systems, 2021") == [
        ("Zenith Certified Associate, Ledger Cloud Developer", "Zenith Systems")
    ]


def test_an_issue_note_in_brackets_is_not_the_issuer():
    assert certs("Crane Operator Licence (valid through 2027)") == [
        ("Crane Operator Licence", None)
    ]


@pytest.mark.parametrize(
    ("line", "items"),
    [
        ("Excellent verbal and written communication", []),
        ("Strong analytical skills", []),
        ("Quick learner", []),
        ("Kotlin, Swift and Dart", ["Kotlin", "Swift", "Dart"]),
        ("Databases    Postgres, Redis", ["Postgres", "Redis"]),
        ("Frameworks\tSvelte  Remix  Astro", ["Svelte", "Remix", "Astro"]),
        ("Elixir - Expert", ["Elixir"]),
        ("Haskell: 2 years", ["Haskell"]),
        ("Advanced: Fortran; Basic: COBOL", ["Fortran", "COBOL"]),
    ],
)
def test_skill_list_lines(line, items):
    assert listed_skills([line]) == items


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Odile Brankov Senior Claims Executive - Harrow Mutual Leeds", "Odile Brankov"),
        ("CURRICULUM VITAE Odile Brankov Mobile: +44 7700 900123", "Odile Brankov"),
        ("ODILE BRANKOV odile.b@example.com +44 7700 900123 PROFILE", "ODILE BRANKOV"),
        # A third word is kept when the e-mail address confirms it.
        ("Odile Mae Brankov Claims Analyst odile.mae.brankov@example.com", "Odile Mae Brankov"),
    ],
)
def test_name_at_the_start_of_a_run_on_line(text, name):
    assert find_name([Line(text)], [Line(text)]) == name


def test_title_words_at_the_start_are_not_a_name():
    text = "Senior Software Engineer with nine years in payments"
    assert find_name([Line(text)], [Line(text)]) is None


def test_a_place_in_brackets_after_the_company():
    text = "Fenwick Dairy (Boise)\nOperations Lead\n2017 – 2019\n• Ran the night shift"
    [job] = parse_experience(lines(text))
    assert (job["company"], job["title"], job["location"]) == (
        "Fenwick Dairy",
        "Operations Lead",
        "Boise",
    )
    [job] = parse_experience(lines("Orbis Ledger (Contract)\nAuditor\n2019 – 2020\n• Audited"))
    assert job["company"] == "Orbis Ledger (Contract)"


def test_a_season_before_the_year_goes_with_the_dates():
    [job] = parse_experience(lines("Data Intern — Lattice Freight (Summer 2019)\n- Cleaned data"))
    assert (job["company"], job["title"]) == ("Lattice Freight", "Data Intern")


@pytest.mark.parametrize(
    ("lines", "company", "title"),
    [
        # The employer elsewhere: what follows the title's comma qualifies the title.
        (
            ["Staff Nurse, Cardiac Care Unit · Lakeview General Hospital   2019 - 2022"],
            "Lakeview General Hospital",
            "Staff Nurse, Cardiac Care Unit",
        ),
        (
            ["Principal Analyst, Pricing   Mar 2018 - Present", "Harbourline Mutual   Leeds, UK"],
            "Harbourline Mutual",
            "Principal Analyst, Pricing",
        ),
        # No other candidate: the part after the comma is the employer.
        (["Software Engineer, Brightwave   2019 - 2022"], "Brightwave", "Software Engineer"),
        (
            ["Web Developer, Northern Pixel — Vancouver, BC   2019 - 2021"],
            "Northern Pixel",
            "Web Developer",
        ),
        # A legal form is never part of a title.
        (
            ["Data Engineer, Quarry Labs Inc.   2020 - 2023", "Platform team"],
            "Quarry Labs Inc.",
            "Data Engineer",
        ),
    ],
)
def test_a_title_keeps_its_qualifier_when_the_employer_is_named_elsewhere(lines, company, title):
    job = parse_experience([Line(text) for text in lines])[0]
    assert (job["company"], job["title"]) == (company, title)


def test_canadian_and_australian_regions_are_places():
    from resumes.parsing.fields.contact import CITY_REGION

    for place in ("Toronto, ON", "Wollongong, NSW"):
        match = CITY_REGION.search(f"Analyst   {place}")
        assert match is not None and match.group(0) == place


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Where a licence is valid, after a comma.
        (
            "Licensed Practical Nurse, Texas\nTexas Board of Nursing, 2019",
            [("Licensed Practical Nurse, Texas", "Texas Board of Nursing")],
        ),
        # The acronym at the end closes a name with a comma in it.
        (
            "Certified in Procurement, Sourcing and Contracts (CPSC), 2021",
            [("Certified in Procurement, Sourcing and Contracts (CPSC)", None)],
        ),
        # The subject of a licence.
        (
            "Provisional Teaching License, Biology (9-12)",
            [("Provisional Teaching License, Biology (9-12)", None)],
        ),
        # Two credentials on a line still split; an issuer after a comma stays the issuer.
        ("PMP, Certified ScrumMaster", [("PMP", None), ("Certified ScrumMaster", None)]),
        ("Scrum Master, Scrum Alliance, 2020", [("Scrum Master", "Scrum Alliance")]),
    ],
)
def test_a_comma_that_continues_a_certificate_name(text, expected):
    assert certs(text) == expected


def test_a_description_after_the_comma_is_no_title_qualifier():
    lines_ = [
        "Kitchen Manager, Managing all the kitchen staff   2015 - 2019",
        "Elena's on the Green",
    ]
    assert parse_experience([Line(text) for text in lines_])[0]["title"] == "Kitchen Manager"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("English (Fluent)\nHindi (Native)\nMarathi (Native)", ["English", "Hindi", "Marathi"]),
        ("Italian (Native) - English (Fluent)", ["Italian", "English"]),
        ("English - Native", ["English"]),
        ("泰语：日常交流、日文：N1", ["泰语", "日文"]),
    ],
)
def test_language_lists(text, names):
    from resumes.parsing.fields.languages import parse_languages

    assert [entry["name"] for entry in parse_languages(lines(text))] == names


def test_english_dash_level_keeps_its_level():
    from resumes.parsing.fields.languages import parse_languages

    assert parse_languages(lines("English - Native")) == [
        {"name": "English", "proficiency": "Native"}
    ]


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Working Languages", "languages"),
        ("外语水平", "languages"),
        ("Credentials", "certifications"),
    ],
)
def test_more_language_and_credential_headings(heading, key):
    assert heading_key(heading) == key


def test_bold_names_start_projects_whose_descriptions_are_not_sentences():
    section = [
        Line("Harbour Point Medical Pavilion", bold=True),
        Line("$88M, 150,000 sq ft outpatient pavilion; LEED Gold."),
        Line("Northgate Cold Storage Hub", bold=True),
        Line("$21M, 400,000 sq ft freezer warehouse delivered in 9 months."),
    ]
    names = [project["name"] for project in parse_projects(section)]
    assert names == ["Harbour Point Medical Pavilion", "Northgate Cold Storage Hub"]


@pytest.mark.parametrize(
    "heading", ["OPEN SOURCE", "Open-Source Contributions", "主要项目业绩", "教研成果"]
)
def test_more_project_headings(heading):
    assert heading_key(heading) == "projects"


@pytest.mark.parametrize(
    ("line", "company", "title", "location"),
    [
        # The last of a comma chain after the title is the employer.
        (
            "Senior Analyst, Revenue Planning, Lakefront Beverages, Madison, WI   2021 - Present",
            "Lakefront Beverages",
            "Senior Analyst, Revenue Planning",
            "Madison, WI",
        ),
        # "Software" ends company names, but "Software Engineer" is a title.
        (
            "Software Engineer, Mapping - Northwind Robotics, Fremont, CA   2019 - 2021",
            "Northwind Robotics",
            "Software Engineer, Mapping",
            "Fremont, CA",
        ),
        # A labelled company cell that holds the place too.
        (
            "04/2018 - Present | Company: Polaris Electric, Duluth, MN | Position: Electrician",
            "Polaris Electric",
            "Electrician",
            "Duluth, MN",
        ),
        (
            "2018 - 2021 | Company: Lendwise, London | Position: Product Manager",
            "Lendwise",
            "Product Manager",
            "London",
        ),
    ],
)
def test_employer_title_and_place_in_one_line(line, company, title, location):
    job = parse_experience([Line(line)])[0]
    assert (job["company"], job["title"], job["location"]) == (company, title, location)


@pytest.mark.parametrize(
    ("text", "school", "degree", "major"),
    [
        (
            "Lakeshore State University | B.S.B.A. in Logistics Management | 2014 - 2018",
            "Lakeshore State University",
            "B.S.B.A.",
            "Logistics Management",
        ),
        (
            "Bachelor of Arts in Hospitality, Tourism and Events, Front Range University",
            "Front Range University",
            "Bachelor of Arts",
            "Hospitality, Tourism and Events",
        ),
        (
            "University of Oregon, Portland   2007 - 2009\nM.S. in Computer Science",
            "University of Oregon",
            "M.S.",
            "Computer Science",
        ),
        (
            "Humber College   2015 - 2018\nAdvanced Diploma in Game Programming",
            "Humber College",
            "Advanced Diploma",
            "Game Programming",
        ),
        (
            "2018.09-2021.06 华南理工大学 工业工程 工程硕士（非全日制）",
            "华南理工大学",
            "工程硕士（非全日制）",
            "工业工程",
        ),
        (
            "四川师范大学 教育硕士 学科教学（数学） 2015.09-2018.06",
            "四川师范大学",
            "教育硕士",
            "学科教学（数学）",
        ),
    ],
)
def test_education_degree_forms(text, school, degree, major):
    from resumes.parsing.fields.education import parse_education

    entry = parse_education(lines(text))[0]
    assert (entry["school"], entry["degree"], entry["major"]) == (school, degree, major)
