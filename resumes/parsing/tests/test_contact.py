import pytest

from resumes.parsing.extract.model import Line
from resumes.parsing.fields.contact import (
    extract_basic_info,
    find_email,
    find_links,
    find_name,
    find_phone,
)


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Phone: 138 0013 8000", "138 0013 8000"),
        ("手机：+86 138-0013-8000", "+86 138-0013-8000"),
        ("电话 13800138000", "13800138000"),
        ("Tel: +1 (415) 555-0100", "+1 (415) 555-0100"),
        ("+44 20 7946 0958", "+44 20 7946 0958"),
        ("415.555.0100", "415.555.0100"),
    ],
)
def test_phone_formats(text, phone):
    assert find_phone(text) == phone


def test_date_ranges_are_not_phones():
    assert find_phone("2016.09 - 2020.06 清华大学") is None
    assert find_phone("Jan 2019 - Dec 2020") is None


def test_email_and_links():
    text = "jane.doe+jobs@mail.example.co.uk | linkedin.com/in/janedoe | https://github.com/jane. www.jane.dev"
    assert find_email(text) == "jane.doe+jobs@mail.example.co.uk"
    assert find_links(text) == [
        "linkedin.com/in/janedoe",
        "https://github.com/jane",
        "www.jane.dev",
    ]


def test_names():
    assert find_name([Line("Jane Doe", size=22), Line("Senior Engineer")], []) == "Jane Doe"
    assert find_name([Line("JOHN A. SMITH | Data Scientist")], []) == "JOHN A. SMITH"
    assert find_name([Line("张 伟", size=20), Line("求职意向：后端工程师")], []) == "张伟"
    assert find_name([Line("个人简历")], [Line("姓名：李娜")]) == "李娜"
    assert (
        find_name([Line("Curriculum Vitae"), Line("Maria Garcia-Lopez")], [])
        == "Maria Garcia-Lopez"
    )


def test_basic_info_location():
    header = [Line("Jane Doe"), Line("jane@example.com | +1 415 555 0100 | San Francisco, CA")]
    info = extract_basic_info(header, [], header)
    assert info["location"] == "San Francisco, CA"
    zh = [Line("张伟"), Line("电话：138 0013 8000 | 现居：上海市浦东新区")]
    assert extract_basic_info(zh, [], zh)["location"] == "上海市浦东新区"


def test_scheme_less_personal_site_in_the_header():
    header = [
        Line("Maria Lopez"),
        Line("maria@lopez.dev · marialopez.dev · github.com/mlopez · JaneDoe.com/work."),
    ]
    skills = [Line("SKILLS"), Line("Node.js, ASP.NET, socket.io")]
    info = extract_basic_info(header, [], header + skills)
    assert info["links"] == ["github.com/mlopez", "marialopez.dev", "JaneDoe.com/work"]


def test_a_location_label_and_its_value_in_table_cells():
    from resumes.parsing.fields.contact import LOCATION_LABEL

    for row, value in (("现居城市 | 重庆 | 性别 | 男", "重庆"), ("所在城市：福建厦门", "福建厦门")):
        match = LOCATION_LABEL.search(row)
        assert match is not None and match.group("v").strip() == value
