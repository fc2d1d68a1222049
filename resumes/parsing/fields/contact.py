"""Basic information: name, email, phone, location and links."""

from __future__ import annotations

import re
from typing import Any

from resumes.parsing.dates import RANGE_RE
from resumes.parsing.extract.model import Line
from resumes.parsing.sections import heading_key

EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
# Chinese mobiles: 11 digits from 13x-19x, written 138 0013 8000 / 138-0013-8000, with
# an optional +86. Checked before the general pattern, which would cut them oddly.
CN_MOBILE = re.compile(r"(?<!\d)(?:\+?86[\s\-]?)?1[3-9]\d[\s\-]?\d{4}[\s\-]?\d{4}(?!\d)")
PHONE = re.compile(
    r"(?<![\w.])(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{1,4}\)[\s.\-]?)?\d[\d\s.\-]{6,16}\d(?!\d)"
)
_PHONE_DIGITS = (9, 15)
URL = re.compile(
    r"(?:https?://|www\.)[^\s|,;，；<>()]+"
    r"|(?<![\w.@])(?:[a-z]{2,3}\.)?(?:linkedin\.com|github\.com|gitlab\.com|gitee\.com)/[^\s|,;，；<>()]+",
    re.I,
)
# A personal site written without a scheme: "janedoe.dev", "jane.io/blog". Only looked
# for in the header and contact lines, where a dotted word is an address, not a tool
# ("Node.js", "ASP.NET" have no lower-case top-level domain).
BARE_SITE = re.compile(
    r"(?<![A-Za-z0-9_.@/:\-])(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+"
    r"(?:com|net|org|io|dev|me|co|ai|app|tech|site|xyz|page|design|blog|info|online|studio|"
    r"cn|us|uk|ca|de|in)"
    r"(?:/[^\s|,;，；<>()]*)?(?![A-Za-z0-9_@\-]|\.[A-Za-z0-9])"
)
_LABEL = r"[:：]?\s*"
NAME_LABEL = re.compile(
    # "姓名 | 张伟" is a table row; "Company Name: Acme" is no person's name.
    rf"(?:姓\s*名|(?<![A-Za-z] )(?<![A-Za-z])(?:full |candidate )?name)(?:\s*\|\s*|{_LABEL})"
    r"(?P<v>[^\s|,，;；:：]{2,30}(?: [A-Z][a-z]+)*)",
    re.I,
)
LOCATION_LABEL = re.compile(
    # "现居城市 | 重庆" is a table row: the label, then the value in the next cell.
    rf"(?:location|address|city|based in|(?:现居|所在|居住|目前所在)城市|现居住?地|居住地|所在地|现居|"
    rf"地址|城市|籍贯)(?:\s*\|\s*|{_LABEL})(?P<v>[^|;；\n]{{2,60}})",
    re.I,
)
_US_STATES = [
    "AL",
    "AK",
    "AZ",
    "AR",
    "CA",
    "CO",
    "CT",
    "DE",
    "FL",
    "GA",
    "HI",
    "ID",
    "IL",
    "IN",
    "IA",
    "KS",
    "KY",
    "LA",
    "ME",
    "MD",
    "MA",
    "MI",
    "MN",
    "MS",
    "MO",
    "MT",
    "NE",
    "NV",
    "NH",
    "NJ",
    "NM",
    "NY",
    "NC",
    "ND",
    "OH",
    "OK",
    "OR",
    "PA",
    "RI",
    "SC",
    "SD",
    "TN",
    "TX",
    "UT",
    "VT",
    "VA",
    "WA",
    "WV",
    "WI",
    "WY",
    "DC",
]
# Canadian provinces and territories, Australian states: "Toronto, ON", "Sydney, NSW".
_OTHER_REGIONS = [
    "ON", "QC", "BC", "AB", "MB", "SK", "NS", "NB", "NL", "PE", "YT", "NT", "NU",
    "NSW", "VIC", "QLD", "TAS", "ACT",
]  # fmt: skip
_COUNTRIES = (
    "USA", "United States", "UK", "United Kingdom", "Canada", "China", "India", "Germany",
    "Singapore", "Australia", "France", "Japan", "Netherlands", "Ireland", "Spain", "Italy",
    "Sweden", "Switzerland", "Hong Kong", "Taiwan", "Korea", "Brazil", "Mexico", "Israel",
)  # fmt: skip
CITY_REGION = re.compile(
    r"\b[A-Z][a-zA-Z.\-']+(?: [A-Z][a-zA-Z.\-']+){0,2}, (?:"
    + "|".join(_US_STATES + _OTHER_REGIONS + list(_COUNTRIES))
    + r")\b"
)
# Cities a resume names without a region ("Lendwise, London"): the larger business
# cities of the English-speaking world and of the places candidates often move from.
WORLD_CITIES = (
    "London", "Manchester", "Birmingham", "Edinburgh", "Glasgow", "Leeds", "Bristol",
    "Dublin", "Paris", "Berlin", "Munich", "Hamburg", "Frankfurt", "Amsterdam", "Rotterdam",
    "Brussels", "Zurich", "Geneva", "Vienna", "Madrid", "Barcelona", "Lisbon", "Milan",
    "Rome", "Stockholm", "Copenhagen", "Oslo", "Helsinki", "Warsaw", "Prague", "Toronto",
    "Vancouver", "Montreal", "Ottawa", "Calgary", "Sydney", "Melbourne", "Brisbane", "Perth",
    "Auckland", "Wellington", "Singapore", "Hong Kong", "Tokyo", "Osaka", "Seoul", "Taipei",
    "Shanghai", "Beijing", "Shenzhen", "Bangalore", "Bengaluru", "Mumbai", "Pune",
    "Hyderabad", "Chennai", "Delhi", "New Delhi", "Gurgaon", "Gurugram", "Noida", "Kolkata",
    "Dubai", "Abu Dhabi", "Tel Aviv", "New York", "San Francisco", "Los Angeles", "Chicago",
    "Boston", "Seattle", "Austin", "Houston", "Dallas", "Atlanta", "Denver", "Miami",
    "Washington", "Philadelphia", "Portland", "Phoenix", "San Diego", "San Jose",
    "Minneapolis", "Detroit", "Nashville", "Charlotte", "Pittsburgh", "Baltimore",
    "Cleveland", "Columbus", "Indianapolis", "Kansas City", "St. Louis", "Salt Lake City",
    "Sacramento", "Orlando", "Tampa", "Raleigh", "Richmond", "Cincinnati", "Milwaukee",
    "Las Vegas", "New Orleans", "Remote",
)  # fmt: skip
TRAILING_CITY = re.compile(r",\s*(?P<city>" + "|".join(WORLD_CITIES) + r")\s*$")
CN_CITIES = (
    "北京", "上海", "广州", "深圳", "杭州", "成都", "南京", "武汉", "西安", "苏州", "天津",
    "重庆", "长沙", "郑州", "青岛", "厦门", "合肥", "济南", "大连", "宁波", "无锡", "东莞",
    "福州", "沈阳", "昆明", "哈尔滨", "长春", "珠海", "佛山", "香港", "台北",
)  # fmt: skip
_CN_CITY = re.compile(r"(?:" + "|".join(CN_CITIES) + r")(?:市)?(?:[\u4e00-\u9fff]{1,3}区)?")
_NOT_A_NAME = re.compile(
    r"resume|curriculum|vitae|cv\b|简历|个人|求职|engineer|developer|manager|@|\d|http|www\.",
    re.I,
)
_EN_NAME = re.compile(r"^[A-Z][A-Za-z'\-]+(?: [A-Z]\.?)?(?: [A-Z][A-Za-z'\-]+){1,3}$")
_CN_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
# Common Chinese surnames (single and compound): a 2-4 character line that starts with
# none of them is a word ("后端开发", "汉族", "本科"), not a name.
_CN_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎"
    "贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧"
    "耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍"
    "华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏"
    "宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈"
    "匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖"
    "练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊母裘亓修"
    "邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公湛宾戎勾茅利於居揭干但尉冶斯元束檀衣信展阴昝智"
    "幸奉植衡富尧闭由凤洪钮"
)
_CN_COMPOUND_SURNAMES = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文",
    "司徒", "夏侯", "令狐", "端木", "南宫", "西门", "独孤", "轩辕", "呼延", "钟离", "闻人",
)  # fmt: skip
# "张伟的简历", "张伟 个人简历": the name is what comes before.
_CN_RESUME_TITLE = re.compile(r"\s*(?:的)?(?:个人|求职)?简历\s*$")


def _cn_name(text: str) -> str | None:
    if re.fullmatch(r"[\u4e00-\u9fff](?: [\u4e00-\u9fff]){1,3}", text):
        token = text.replace(" ", "")  # "李 娜": letter-spaced
    else:
        # "张伟 男 28岁", "王小明 (Wang Xiaoming)": the first word.
        token = re.split(r"[\s(（]", text, maxsplit=1)[0]
    if not _CN_NAME.match(token):
        return None
    if token[0] in _CN_SURNAMES or token.startswith(_CN_COMPOUND_SURNAMES):
        return token
    return None


_HEADER_LINES = 8  # the name is among the first lines of the page


def find_email(text: str) -> str | None:
    match = EMAIL.search(text)
    return match.group(0) if match else None


def find_phone(text: str) -> str | None:
    match = CN_MOBILE.search(text)
    if match:
        return match.group(0).strip()
    for candidate in PHONE.finditer(text):
        value = candidate.group(0).strip()
        digits = sum(c.isdigit() for c in value)
        if not (_PHONE_DIGITS[0] <= digits <= _PHONE_DIGITS[1]):
            continue
        if RANGE_RE.search(value) or re.search(r"\d{4}\.\d{1,2}", value):
            continue  # "2016.09 - 2020.06" is a date range, not a number
        return value
    return None


def find_links(text: str) -> list[str]:
    links: list[str] = []
    for match in URL.finditer(text):
        link = match.group(0).rstrip(".,;:)")
        if "@" in link or link in links:
            continue
        links.append(link)
    return links


def find_sites(text: str, known: list[str]) -> list[str]:
    """Scheme-less personal sites that ``find_links`` did not already return."""
    found: list[str] = []
    for match in BARE_SITE.finditer(URL.sub(" ", EMAIL.sub(" ", text))):
        link = match.group(0).rstrip(".,;:)")
        if link not in found and not any(link in other for other in known):
            found.append(link)
    return found


def find_location(lines: list[str]) -> str | None:
    for text in lines:
        match = LOCATION_LABEL.search(text)
        if match:
            return match.group("v").strip(" ,，")
    for text in lines:
        cleaned = EMAIL.sub(" ", URL.sub(" ", text))
        match = CITY_REGION.search(cleaned)
        if match:
            return match.group(0)
        match = _CN_CITY.search(cleaned)
        if match:
            return match.group(0)
    return None


# Flattened text runs the name into what follows it: "Ravi Menon Senior Process
# Executive - …", "ANITA ROY anita.roy@example.com …". Words that open a title or a
# heading are no part of a name.
_NAME_WORD = re.compile(r"[A-Z][a-z'\-]+|[A-Z][A-Z'\-]+|[A-Z]\.")
_NOT_NAME_WORDS = frozenset(
    (
        "senior", "junior", "lead", "principal", "chief", "staff", "head", "assistant",
        "associate", "software", "data", "professional", "summary", "profile", "objective",
        "career", "curriculum", "vitae", "resume", "experienced", "certified", "process",
        "sales", "marketing", "business", "technical", "project", "product", "full", "stack",
        "web", "mobile", "quality", "customer", "service", "human", "resources", "account",
        "operations", "network", "system", "systems", "database", "contact", "personal",
        "information", "details", "about", "me", "skills", "education", "work", "experience",
        "dear", "to", "whom"
    )
)  # fmt: skip
_MAX_NAME_WORDS = 3


def _title_follows(rest: list[str]) -> bool:
    from resumes.parsing.fields.experience import TITLE

    first = rest[0]
    return bool(
        TITLE.search(" ".join(rest[:4]))
        or re.match(r"[@+(\d]|[a-z]", first)
        or "@" in first
        or re.match(r"(?:mobile|phone|email|e-mail|tel|contact|address|mob|ph)\b", first, re.I)
        or any(heading_key(" ".join(rest[:n])) for n in (1, 2, 3))
    )


_RESUME_WORDS = re.compile(r"^(?:curriculum vitae|resume|résumé|cv|bio-?data)\b[\s:：\-]*", re.I)


def _leading_name(text: str, context: str) -> str | None:
    """The name that opens a long line, two words or three when the third is in the
    e-mail or a profile address ("ravi.kumar.rao@…", "indeed.com/r/Ravi-Kumar-Rao")."""
    words = text.split()
    folded = context.casefold()
    for size in range(_MAX_NAME_WORDS, 1, -1):
        candidate, rest = words[:size], words[size:]
        if not rest or not all(_NAME_WORD.fullmatch(word) for word in candidate):
            continue
        if any(word.casefold().strip(".") in _NOT_NAME_WORDS for word in candidate):
            continue
        if _NOT_A_NAME.search(" ".join(candidate)) or heading_key(" ".join(candidate)):
            continue
        if size > 2 and candidate[-1].casefold() not in folded:
            continue
        if _title_follows(rest):
            return " ".join(candidate)
    return None


def _name_from_line(line: Line, context: str = "") -> str | None:
    text = _CN_RESUME_TITLE.sub("", line.text.strip())
    # "Jane Doe | Senior Engineer" or "张伟 · 后端工程师": the name is the first part.
    first = re.split(r"\s*[|·•,，/]\s*|\s{2,}|\s[-–—]\s", text)[0].strip()
    if first and re.match(r"[\u4e00-\u9fff]", first):
        first = _cn_name(first) or ""
        return first if first and not _NOT_A_NAME.search(first) and not heading_key(first) else None
    if first and not _NOT_A_NAME.search(first) and not heading_key(first) and _EN_NAME.match(first):
        return first  # as written, "JOHN SMITH" included: the schema keeps spellings
    return _leading_name(_RESUME_WORDS.sub("", first), context) if first else None


def find_name(header: list[Line], all_lines: list[Line]) -> str | None:
    for line in all_lines:
        match = NAME_LABEL.search(line.text)
        if match:
            return match.group("v").strip()
    candidates = (header or all_lines)[:_HEADER_LINES]
    # The most prominent line first (largest font), then reading order.
    ranked = sorted(enumerate(candidates), key=lambda item: (-item[1].size, item[0]))
    context = " ".join(
        match.group(0)
        for line in candidates
        for match in (*EMAIL.finditer(line.text), *URL.finditer(line.text))
    )
    for _, line in ranked:
        name = _name_from_line(line, context)
        if name:
            return name
    return _ner_name(candidates)


def _ner_name(lines: list[Line]) -> str | None:
    from resumes.parsing.ner import person_names

    names = person_names("\n".join(line.text for line in lines))
    return names[0] if names else None


def extract_basic_info(
    header: list[Line], contact: list[Line], all_lines: list[Line]
) -> dict[str, Any]:
    """Contact details from the header and any contact section, else anywhere."""
    near = [line.text for line in header + contact]
    everywhere = [line.text for line in all_lines]
    near_text, all_text = "\n".join(near), "\n".join(everywhere)
    return {
        "name": find_name(header, all_lines),
        "email": find_email(near_text) or find_email(all_text),
        "phone": find_phone(near_text) or find_phone(all_text),
        "location": find_location(near) or find_location(everywhere[:_HEADER_LINES]),
        "links": (links := find_links(all_text)) + find_sites(near_text, links),
    }
