import pytest

from resumes.parsing.extract.model import Line
from resumes.parsing.sections import heading_key, split_sections


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Experience", "experience"),
        ("WORK EXPERIENCE", "experience"),
        ("Professional Experience:", "experience"),
        ("Employment History", "experience"),
        ("工作经历", "experience"),
        ("工作经验：", "experience"),
        ("实习经历", "experience"),
        ("Education", "education"),
        ("教育背景", "education"),
        ("教 育 背 景", "education"),
        ("■ 教育经历 ■", "education"),
        ("Technical Skills", "skills"),
        ("专业技能", "skills"),
        ("技能", "skills"),
        ("Projects", "projects"),
        ("项目经历", "projects"),
        ("项目经验:", "projects"),
        ("Certifications", "certifications"),
        ("Licenses & Certifications", "certifications"),
        ("资格证书", "certifications"),
        ("证书", "certifications"),
        ("Languages", "languages"),
        ("语言能力", "languages"),
        ("Summary", "summary"),
        ("PROFILE", "summary"),
        ("个人简介", "summary"),
        ("自我评价", "summary"),
        ("个人信息", "basic_info"),
        ("基本信息", "basic_info"),
        ("— Education —", "education"),
        ("01 Experience", "experience"),
        ("一、教育背景", "education"),
    ],
)
def test_heading_variants(heading, key):
    assert heading_key(heading) == key


@pytest.mark.parametrize(
    "prose",
    [
        "I gained experience in building APIs",
        "Led education outreach programs for three years across the region",
        "Python, Java",
    ],
)
def test_prose_is_not_a_heading(prose):
    assert heading_key(prose) is None


def test_split_sections_with_inline_and_sub_lists():
    lines = [
        Line("Jane Doe"),
        Line("jane@example.com"),
        Line("Skills: Python, Django"),
        Line("EXPERIENCE"),
        Line("Engineer, Acme Corp"),
        Line("TECHNICAL SKILLS"),
        Line("Languages: Python, Go"),  # a sub-list of skills, not spoken languages
        Line("Languages: English (fluent), Mandarin"),
        Line("Tools: Git"),
    ]
    resume = split_sections(lines)
    assert [line.text for line in resume.header] == ["Jane Doe", "jane@example.com"]
    assert [line.text for line in resume.lines_of("skills")] == [
        "Python, Django",
        "Languages: Python, Go",
        "Tools: Git",
    ]
    assert [line.text for line in resume.lines_of("languages")] == ["English (fluent), Mandarin"]
    assert [line.text for line in resume.lines_of("experience")] == ["Engineer, Acme Corp"]


def test_typographic_heading_with_extra_words():
    resume = split_sections([Line("Work Experience (5 years)", heading=True), Line("x")])
    assert resume.found == ["experience"]


def test_top_of_a_second_column_is_not_the_sidebars_last_section():
    lines = [
        Line("CERTIFICATIONS"),
        Line("Google UX Design Certificate"),
        Line("Sam Lee", column_start=True),
        Line("Product Designer"),
        Line("EXPERIENCE"),
        Line("Product Designer, Etsy"),
    ]
    resume = split_sections(lines)
    assert [line.text for line in resume.lines_of("certifications")] == [
        "Google UX Design Certificate"
    ]
    assert [line.text for line in resume.header] == ["Sam Lee", "Product Designer"]
    assert [line.text for line in resume.lines_of("experience")] == ["Product Designer, Etsy"]


@pytest.mark.parametrize(
    "heading", ["Volunteer Work", "Professional Affiliations", "Relevant Coursework", "培训经历"]
)
def test_sections_we_do_not_parse_end_the_one_before(heading):
    resume = split_sections([Line("Certifications"), Line("PMP"), Line(heading), Line("x")])
    assert [line.text for line in resume.lines_of("certifications")] == ["PMP"]


def test_technologies_line_under_a_project_or_job_stays_in_that_entry():
    from resumes.parsing.fields.experience import parse_experience

    lines = [
        Line("PROJECTS"),
        Line("Vancomycin dosing protocol"),
        Line("Moved the hospital to AUC-guided dosing."),
        Line("Technologies: Epic, InsightRX"),
        Line("EXPERIENCE"),
        Line("Site Engineer, Harbor Build Co.   2019 - 2022"),
        Line("技术栈：BIM、广联达"),
        Line("Skills: Python, SQL"),
    ]
    sectioned = split_sections(lines)
    assert sectioned.found == ["projects", "experience", "skills", "experience"]
    assert sectioned.lines_of("projects")[-1].text == "Technologies: Epic, InsightRX"
    jobs = parse_experience(sectioned.lines_of("experience"))
    assert len(jobs) == 1 and jobs[0]["company"] == "Harbor Build Co."


@pytest.mark.parametrize(
    "heading", ["Areas of Expertise", "CORE STRENGTHS", "Skill Set", "Tools & Technologies"]
)
def test_more_skills_heading_wordings(heading):
    assert heading_key(heading) == "skills"


@pytest.mark.parametrize(
    "heading", ["SKILLS & SYSTEMS", "Tools & Skills", "Specializations", "技能专长", "核心能力"]
)
def test_skills_headings_with_tools_systems_and_chinese_forms(heading):
    assert heading_key(heading) == "skills"
