import pytest

from resumes.parsing.dates import normalize_date, parse_range


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Jan 2020", "2020-01"),
        ("January 2020", "2020-01"),
        ("Sept. 2019", "2019-09"),
        ("Dec, 2018", "2018-12"),
        ("01/2020", "2020-01"),
        ("1/2020", "2020-01"),
        ("2020/01", "2020-01"),
        ("2020-01", "2020-01"),
        ("2020.03", "2020-03"),
        ("2018.9", "2018-09"),
        ("2018年9月", "2018-09"),
        ("2018 年 09 月", "2018-09"),
        ("2018年", "2018"),
        ("2018", "2018"),
        ("Present", "present"),
        ("current", "present"),
        ("Now", "present"),
        ("至今", "present"),
        ("现在", "present"),
        ("", None),
        ("soon", None),
        ("13/2020", "2020"),  # no month 13: only the year is sure
    ],
)
def test_normalize_date(written, expected):
    assert normalize_date(written) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Jan 2020 - Present", ("2020-01", "present")),
        ("Jan 2020 – Present", ("2020-01", "present")),
        ("June 2017 — Dec 2019", ("2017-06", "2019-12")),
        ("2018.9-2022.6", ("2018-09", "2022-06")),
        ("2018年9月 至 2022年6月", ("2018-09", "2022-06")),
        ("2018年9月-至今", ("2018-09", "present")),
        ("2020.01 ~ 至今", ("2020-01", "present")),
        ("03/2017 to 05/2019", ("2017-03", "2019-05")),
        ("2015 – 2019", ("2015", "2019")),
        ("2019-2021", ("2019", "2021")),
        ("Software Engineer, Google   Jun 2019 — Current", ("2019-06", "present")),
        ("Graduated May 2019", ("2019-05", None)),
        ("No dates here", (None, None)),
    ],
)
def test_parse_range(written, expected):
    assert parse_range(written) == expected


def test_phone_numbers_and_gpas_are_not_dates():
    assert parse_range("Tel 13800138000") == (None, None)
    assert parse_range("GPA 3.8/4.0") == (None, None)


def test_month_names_need_a_word_boundary():
    assert parse_range("Summary 2020") == ("2020", None)
