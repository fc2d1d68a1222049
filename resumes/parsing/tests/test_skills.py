from resumes.parsing.skills import collect_skills, get_matcher, technologies_in


def names(lines):
    return [skill["name"] for skill in collect_skills(get_matcher().find(lines))]


def test_matcher_is_built_once():
    assert get_matcher() is get_matcher()


def test_skills_section_and_prose():
    skills = collect_skills(
        get_matcher().find(
            [
                ("Python, Java, PostgreSQL, Docker, C++, Node.js, .NET, C#", True),
                ("Built services on aws with Spring Boot and python", False),
            ]
        )
    )
    by_name = {s["name"]: s for s in skills}
    assert {"Python", "Java", "PostgreSQL", "Docker", "C++", "Node.js", ".NET", "C#"} <= set(
        by_name
    )
    assert by_name["Python"]["confidence"] == 0.9  # the skills-section spelling wins
    assert by_name["aws"]["confidence"] < 0.9
    assert by_name["Spring Boot"]["category"] == "framework"
    assert by_name["Python"]["category"] == "programming_language"


def test_chinese_skills_without_spaces():
    found = names(
        [("熟练掌握Python、Java、MySQL；熟悉机器学习、深度学习，了解微服务和分布式、大数据", False)]
    )
    assert found == [
        "Python",
        "Java",
        "MySQL",
        "机器学习",
        "深度学习",
        "微服务",
        "分布式",
        "大数据",
    ]


def test_short_and_ambiguous_names_need_context():
    prose = [
        ("Go to market strategy. Excel at communication with a C grade in R&D.", False),
        ("Let's go and rest; we will react swiftly to node failures.", False),
    ]
    assert names(prose) == []
    assert names([("Languages: C, R, Go", True)]) == ["C", "R", "Go"]
    assert names([("Wrote tools in Go, C and Rust", False)]) == ["Go", "C", "Rust"]
    assert names([("Automated reports in Excel", False)]) == ["Excel"]


def test_onet_product_names_and_aliases():
    found = names(
        [("Dashboards in Tableau and Microsoft Power BI; Apache Kafka; Atlassian JIRA", False)]
    )
    assert "Tableau" in found and "Microsoft Power BI" in found
    assert "Apache Kafka" in found and "Atlassian JIRA" in found


def test_technologies_in_project():
    assert technologies_in("Recommendation API with FastAPI, Redis and PyTorch") == [
        "FastAPI",
        "Redis",
        "PyTorch",
    ]


def test_skills_section_items_outside_the_taxonomy_are_kept():
    from resumes.parsing.fields.skill_list import listed_skills

    lines = [
        "Languages: Python, Go, TypeScript",
        "Tools — Jira, Figma; Excel (advanced)",
        "• Forklift operation, OSHA 10, Inventory control",
        "熟悉Java、Spring Boot、微服务架构",
        "技能：CAD制图、BIM建模",
    ]
    assert listed_skills(lines) == [
        "Python",
        "Go",
        "TypeScript",
        "Jira",
        "Figma",
        "Excel",
        "Forklift operation",
        "OSHA 10",
        "Inventory control",
        "Java",
        "Spring Boot",
        "微服务架构",
        "CAD制图",
        "BIM建模",
    ]


def test_sentences_in_a_skills_section_are_not_skills():
    from resumes.parsing.fields.skill_list import listed_skills

    assert listed_skills(["Experienced in building scalable systems for large teams."]) == []
    assert listed_skills(["Proficient in Python"]) == []
    assert listed_skills(["Fluent", "(advanced)"]) == []


def test_the_pipeline_adds_listed_skills_once():
    from resumes.parsing import parse_text

    result = parse_text(
        "Jane Roe\njane@example.com\nSkills\nPython, Forklift operation, python, Jira\n"
    ).result
    names = [skill["name"] for skill in result["skills"]]
    assert names.count("Python") + names.count("python") == 1
    assert "Forklift operation" in names
    listed = next(skill for skill in result["skills"] if skill["name"] == "Forklift operation")
    assert listed["confidence"] < 0.9
