"""Certifications: name, issuer and date, one or several to a line."""

from __future__ import annotations

import re
from typing import Any

from resumes.parsing.dates import find_range, has_date
from resumes.parsing.extract.model import Line
from resumes.parsing.fields.common import (
    has_cjk,
    is_bullet,
    is_prose,
    remove_dates,
    strip_bullet,
)

_ISSUERS = re.compile(
    r"\b(?:Amazon Web Services|AWS|Microsoft|Google(?: Cloud)?|Cisco|PMI|CompTIA|Oracle|"
    r"\(ISC\)²|ISC2|ISACA|Red Hat|Linux Foundation|CNCF|Salesforce|Scrum Alliance|"
    r"Coursera|edX|Udacity|IBM|CFA Institute|AICPA|Tableau|Databricks|HashiCorp|Kubernetes|"
    r"Project Management Institute|American Heart Association|American Red Cross|Meta|"
    r"Snowflake|MongoDB|VMware|Adobe|HubSpot|Scrum\.org|Axelos|PeopleCert|NASM|ACE)\b"
)
# An organisation's name alone: "California Board of Registered Nursing".
_ISSUING_BODY = re.compile(
    r"(?:[A-Z][\w&.'\-]*\s+){0,5}(?:Institute|Association|Board|Council|Society|Academy|"
    r"Foundation|Alliance|Commission|Department|Authority|University|College)"
    r"(?:\s+(?:of|for|on)?\s*[A-Z][\w&.'\-]*){0,5}"
)
_ISSUED_BY = re.compile(
    r"(?:issued by|by|from|颁发机构|颁发单位)\s*[:：]?\s*(?P<v>[^,|;，；]+)", re.I
)
# Certificate names contain spaced dashes ("Solutions Architect – Associate"), so only
# stronger separators split a certificate line.
_CERT_SPLIT = re.compile(r"\s*(?:\||\s{3,}|\t|,|，|;|；| — )\s*")


_CERT_CONTINUATION = re.compile(
    # Whole words: "Licensed Practical Nurse" is a name, "License #12345" a detail.
    r"^[·•\s]*(?:(?:issued|issuer|credential|license|licence|expires?|expiration|exp|valid|"
    r"renewed|id)\b|"
    r"颁发|发证|证书编号|有效期)",
    re.I,
)
_TRAILING_PARENS = re.compile(r"\s*[(（](?P<v>[^()（）]{2,80})[)）]\s*$")
_DASHED_ISSUER = re.compile(r"^(?P<n>.+?)\s+[-–—]\s+(?P<i>[^-–—|]{2,40}?)[\s\-–—|]*$")
_CERT_LABEL = re.compile(
    r"^(?:certifications?|certificates?|licen[cs]es?|证书|资格证书)\s*[:：]\s*", re.I
)


# Words that name a credential; a line under a certificate without any of them that
# names an organisation is its issuer.
_CERT_WORDS = re.compile(
    r"\b(?:certifi\w*|certificate|licen[cs]e\w*|credential|diploma|accredit\w*|"
    r"professional|associate|specialist|expert|practitioner|administrator|developer|"
    r"architect|engineer|analyst|fundamentals|foundations?|belt|level|course|training|"
    r"nurse|technician|support|aid|safety|master|scrum|program|badge)\b|"
    r"证|资格|等级|级",
    re.I,
)
_ORGANISATION = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w&.'\-]*\s+){0,6}(?:Foundation|Association|Institute|Registry|"
    r"Board|Council|Society|Academy|Alliance|Commission|Department|Authority|University|"
    r"College|Inc\.?|LLC|Ltd\.?|Corporation|Company|Agency|Organi[sz]ation|Federation)"
    r"(?:\s+(?:of|for|on|and|&)?\s*[A-Z][\w&.'\-]*){0,6}$"
)
_SHORT_ISSUER_WORDS = 4
_SENTENCE_END = re.compile(r"\s[a-z][a-z\-']+[.!]$")
_CN_RUN_ON = re.compile(r"[\u4e00-\u9fff][，,][\u4e00-\u9fff]")


# "Scrum.org | Issued Mar 2021": the words around an issuer and its dates.
_ISSUE_WORDS = re.compile(
    r"\b(?:issued(?: by| on)?|issuer|expires?|expired|expiration|valid(?: through| until)?|"
    r"renewed|since)\b|颁发|发证",
    re.I,
)
_ISSUER_PARTS = re.compile(r"\s*(?:\||·|•|\s{3,})\s*")
# A bodies' name in Chinese: "中国注册会计师协会", "工业和信息化部".
_CJK_ORGANISATION = re.compile(
    r"^[\u3400-\u9fff（）()]{2,20}(?:协会|学会|委员会|考试院|考试中心|中心|部|局|厅|公司|大学|学院)$"
)
# Acronyms and versions ("CCNA", "Security+", "SE 11") name a credential, not its issuer.
_CREDENTIAL_TOKEN = re.compile(r"\b[A-Z]{2,}[\dA-Z+\-]*\b|\+|\b\d+\b")


def _issuer_line(text: str) -> bool:
    """ "Amazon Web Services (AWS)", "The Linux Foundation", "ServSafe, 2020"."""
    undated = _TRAILING_PARENS.sub("", remove_dates(text)).strip(" -–—|,:：()（）·•")
    if not undated:
        return True
    parts = [
        part
        for part in _ISSUER_PARTS.split(_ISSUE_WORDS.sub(" ", undated).strip(" -–—|,:："))
        if part.strip(" -–—|,:：")
    ]
    if len(parts) > 1 or (parts and parts[0] != undated):
        if _ISSUE_WORDS.search(undated):
            # "Kanbanlab.org | Issued Apr 2022": what stands beside "issued" is its issuer.
            return all(
                not _CERT_WORDS.search(part) and len(part.split()) <= _SHORT_ISSUER_WORDS
                for part in parts
            )
        return all(_issuer_line(part) for part in parts)
    if _CJK_ORGANISATION.match(undated) and not _CERT_WORDS.search(undated):
        return True
    if _ISSUERS.fullmatch(undated) or _ISSUING_BODY.fullmatch(undated):
        return True
    if _CERT_WORDS.search(undated):
        return False
    return bool(_ORGANISATION.match(undated)) or (
        has_date(text)
        and not has_cjk(undated)
        and re.search(r"[a-z]", undated) is not None
        and len(undated.split()) <= _SHORT_ISSUER_WORDS
        and not _CREDENTIAL_TOKEN.search(undated)
    )


def _describes_credential(text: str) -> bool:
    """ "Covers cluster networking and troubleshooting.": what a certificate took or
    covers, written as a sentence; names and issuers never end in a lowercase word and a
    full stop, and Chinese ones never in "。" or run on past a comma."""
    if has_date(text):
        return False
    if has_cjk(text):
        return text.endswith("。") or _CN_RUN_ON.search(text) is not None
    return _SENTENCE_END.search(text) is not None


def _cert_lines(lines: list[Line]) -> list[str]:
    """One certification per line or bullet; detail lines join the one above."""
    out: list[str] = []
    previous_bullet = False
    for line in lines:
        raw = line.text.strip()
        text = strip_bullet(raw)
        if not text:
            continue
        if _describes_credential(text):
            continue
        bullet = is_bullet(raw)
        detail = (
            _CERT_CONTINUATION.match(text)
            # "Amazon Web Services · 2021" or "Board of Nursing, 2015" under the name.
            or _issuer_line(text)
            or text[0].islower()
            # Under a bulleted certificate, a line without a bullet goes on with it.
            or previous_bullet
        )
        if out and detail and not bullet:
            out[-1] = f"{out[-1]} | {text}"
        else:
            out.append(text)
            previous_bullet = bullet
    return out


def _names_credential(part: str) -> bool:
    return (
        _CERT_WORDS.search(part) is not None
        and _ISSUERS.search(part) is None
        and not _issuer_line(part)
        and _ISSUING_BODY.search(part) is None
    )


# Where a licence is valid: "Registered Pharmacist, Ohio".
_JURISDICTION = re.compile(
    r"(?:State of )?(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|"
    r"Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|"
    r"Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|"
    r"Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|"
    r"Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|"
    r"Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Ontario|Quebec|"
    r"British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|"
    r"New South Wales|Victoria|Queensland|England|Scotland|Wales|Northern Ireland)"
    r"(?: State)?"
)
# "Certified in Logistics, Transportation and Distribution (CLTD)": the acronym closes
# the name it abbreviates.
_CLOSING_ACRONYM = re.compile(r"[(（][A-Z][A-Za-z0-9\-&/]{1,9}[)）]$")
# "Initial License, General Science (5-8)": the subject of a licence or certificate.
_CREDENTIAL_NOUN_END = re.compile(
    r"\b(?:License|Licence|Certificate|Certification|Endorsement|Permit|Credential)$"
)


def _comma_goes_on(name: str, part: str) -> bool:
    """Whether the part after a comma is more of the certificate's name, not its issuer."""
    return _names_credential(part) or _name_continues(name, part)


def _name_continues(name: str, part: str) -> bool:
    """A jurisdiction, the rest of an acronym's words, a licence's subject."""
    if _JURISDICTION.fullmatch(part):
        return True
    if _ISSUERS.search(part) or _issuer_line(part) or _ISSUING_BODY.search(part):
        return False
    if _CLOSING_ACRONYM.search(part) and not _CLOSING_ACRONYM.search(name):
        return True
    return bool(_CREDENTIAL_NOUN_END.search(name))


_SHORT_CJK_CREDENTIAL = 12
# A credential level that a specialty follows after a comma.
_GENERIC_CREDENTIAL_END = re.compile(
    r"\b(?:Professional|Associate|Specialist|Expert|Certified|Practitioner|Administrator|"
    r"Certification|Certificate)$"
)
_LIST_SPLIT = re.compile(r"\s*[,，;；、]\s*")


def _listed_credentials(text: str) -> list[str]:
    """ "PMP, CSM, AWS Solutions Architect": several credentials on one line, each one an
    acronym or carrying a credential word, and none of them an issuer or a date."""
    if " | " in text or has_date(text):
        return [text]
    parts = [part for part in _LIST_SPLIT.split(text) if part]
    if (
        len(parts) == 2
        and "," in text
        and (
            # "Oracle Certified Professional, Java SE 11 Developer", "Initial License, Biology"
            _GENERIC_CREDENTIAL_END.search(parts[0]) or _name_continues(parts[0], parts[1])
        )
    ):
        return [text]
    if len(parts) >= 2 and all(
        # "英语六级、计算机二级、驾驶证": short Chinese names, no sentence.
        has_cjk(part) and len(part) <= _SHORT_CJK_CREDENTIAL and not is_prose(part)
        for part in parts
    ):
        return parts
    if len(parts) < 2 or not all(
        (_CERT_WORDS.search(part) or _CREDENTIAL_TOKEN.search(part))
        and _ISSUERS.fullmatch(part) is None
        and _ISSUING_BODY.search(part) is None
        and not _ORGANISATION.match(part)
        for part in parts
    ):
        return [text]
    return parts


def parse_certifications(lines: list[Line]) -> list[dict[str, Any]]:
    certifications: list[dict[str, Any]] = []
    texts = [part for text in _cert_lines(lines) for part in _listed_credentials(text)]
    for text in texts:
        text = _CERT_LABEL.sub("", text)
        start, end, _ = find_range(text)
        date = end if end and end != "present" else start
        issuer: str | None = None
        first, joined, details = text.partition(" | ")
        parens = _TRAILING_PARENS.search(first)
        if parens and (has_date(parens.group("v")) or _ISSUERS.search(parens.group("v"))):
            inside = _ISSUE_WORDS.sub("", remove_dates(parens.group("v")))
            issuer = inside.strip(" ,，;；-–—|").split(",")[0].strip() or None
            text = first[: parens.start()] + joined + details
        issued_by = _ISSUED_BY.search(text)
        if issued_by and issuer is None:
            issuer = remove_dates(issued_by.group("v")).strip(" -–—:：") or None
            text = _ISSUED_BY.sub("", text)
        cleaned = remove_dates(text)
        dashed = _DASHED_ISSUER.match(cleaned)
        if dashed and (
            _ISSUERS.fullmatch(dashed.group("i"))
            # "Six Sigma Black Belt - Villanova University": a body's name after a dash.
            or (_issuer_line(dashed.group("i")) and not _CERT_WORDS.search(dashed.group("i")))
        ):
            cleaned, issuer = dashed.group("n"), issuer or dashed.group("i").strip(" ,，")
        fields = [part.strip(" -–—:：") for part in _CERT_SPLIT.split(cleaned)]
        fields = [part for part in fields if part and not _CERT_CONTINUATION.match(part)]
        if not fields:
            continue
        name = fields[0]
        if (
            len(fields) > 1
            and f"{name}, {fields[1]}" in cleaned
            and _comma_goes_on(name, fields[1])
        ):
            # "Oracle Certified Professional, Java SE 11 Developer": one name with a comma.
            name = f"{name}, {fields.pop(1)}"
        if issuer is None and len(fields) > 1:
            issuer = fields[1]
        if issuer is None:
            known = _ISSUERS.search(name)
            issuer = known.group(0) if known else None
        certifications.append({"name": name, "issuer": issuer, "date": date})
    return certifications
