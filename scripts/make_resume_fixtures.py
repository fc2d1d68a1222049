"""Build the labelled resume evaluation set in ``tests/fixtures/resumes/``.

    .venv/bin/python scripts/make_resume_fixtures.py [--only STEM_SUBSTRING] [--jobs 4]
                                                     [--source DIR] [--out DIR]

Input: the invented resumes in ``tests/fixtures/resumes/source/*.json`` (one list of
resume records per file; the record format is described in that folder's README), or
in ``--source DIR``. Output, for each record, beside each other in
``tests/fixtures/resumes/`` (or ``--out DIR``):

* ``<stem>.<ext>`` -- the document: a text PDF (one column, two columns with a sidebar,
  two pages, or the "classic" layout: centered name, small-caps headings over a rule,
  title and dates on one table row), a DOCX (plain paragraphs, with the dates and titles
  in table cells, a two-column table holding the whole page, or headings as bold runs in
  ordinary paragraphs with hand-typed bullets), or a PNG/JPG render of the page for OCR;
* ``<stem>.json`` -- its ground truth, in exactly the parse-result schema of DESIGN.md
  (``parse_confidence`` omitted): what the document shows, dates normalised to
  ``YYYY-MM`` / ``YYYY`` / ``present``, absent scalars ``null``, absent sections ``[]``;
* ``manifest.json`` -- one row per fixture: stem, file, language, format, family,
  expected page count.

PDFs and images are rendered from HTML by headless Chromium (``chromium`` on PATH, or
``$CHROMIUM``); DOCX files by python-docx; JPGs are converted from the PNG screenshot by
Pillow (quality 85). Page counts are checked with pypdf: one-page layouts shrink the
font until they fit on one page, two-page layouts grow it until they take exactly two,
and image layouts must fit the 1240x1754 px viewport (checked by printing the same HTML
on a 1240x1754 px page). The generated files are committed, so nothing downstream needs
Chromium.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "resumes"
SOURCE = FIXTURES / "source"

# format -> (family, extension, pages)
FORMATS: dict[str, tuple[str, str, int]] = {
    "pdf-1col": ("pdf-onecol", "pdf", 1),
    "pdf-2col": ("pdf-twocol", "pdf", 1),
    "pdf-2page": ("pdf-multipage", "pdf", 2),
    "docx": ("docx", "docx", 1),
    "docx-table": ("docx", "docx", 1),
    "pdf-classic": ("pdf-onecol", "pdf", 1),
    "docx-2col": ("docx", "docx", 1),
    "docx-inline": ("docx", "docx", 1),
    "png": ("image", "png", 1),
    "jpg": ("image", "jpg", 1),
}

SECTIONS = ("summary", "work", "education", "skills", "projects", "certifications", "languages")

HEADINGS = {
    "en": {
        "summary": "Summary",
        "work": "Work Experience",
        "education": "Education",
        "skills": "Skills",
        "projects": "Projects",
        "certifications": "Certifications",
        "languages": "Languages",
    },
    "zh": {
        "summary": "个人简介",
        "work": "工作经历",
        "education": "教育背景",
        "skills": "专业技能",
        "projects": "项目经历",
        "certifications": "证书",
        "languages": "语言能力",
    },
}

EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
EN_MONTHS_FULL = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


# --------------------------------------------------------------------------- dates


def fmt_date(value: str | None, style: dict[str, Any], lang: str) -> str:
    """Render a normalised date (YYYY-MM / YYYY / present) the way this resume writes it."""
    if not value:
        return ""
    if value == "present":
        return str(style.get("present", "至今" if lang == "zh" else "Present"))
    kind = style.get("date", "zh" if lang == "zh" else "mon")
    if len(value) == 4:
        return f"{value}年" if kind == "zh" else value
    year, month = value.split("-")
    m = int(month)
    return {
        "mon": f"{EN_MONTHS[m - 1]} {year}",
        "mon.": f"{EN_MONTHS[m - 1]}. {year}" if m != 5 else f"May {year}",
        "month": f"{EN_MONTHS_FULL[m - 1]} {year}",
        "mm/yyyy": f"{month}/{year}",
        "m/yyyy": f"{m}/{year}",
        "yyyy.mm": f"{year}.{month}",
        "yyyy-mm": f"{year}-{month}",
        "yyyy/mm": f"{year}/{month}",
        "zh": f"{year}年{m}月",
        "dot": f"{year}.{month}",
        "slash": f"{year}/{month}",
        "dash": f"{year}-{month}",
        "yyyy.m": f"{year}.{m}",
        "mm.yyyy": f"{month}.{year}",
    }[kind]


def fmt_range(start: str | None, end: str | None, style: dict[str, Any], lang: str) -> str:
    s, e = fmt_date(start, style, lang), fmt_date(end, style, lang)
    sep = style.get("sep", " - " if lang == "zh" else " – ")
    if s and e:
        return f"{s}{sep}{e}"
    return s or e


# --------------------------------------------------------------------------- truth


def truth(r: dict[str, Any]) -> dict[str, Any]:
    """The ground truth: the DESIGN.md parse-result schema, without parse_confidence."""
    return {
        "language": r["lang"],
        "basic_info": {
            "name": r["name"],
            "email": r.get("email"),
            "phone": r.get("phone"),
            "location": r.get("location"),
            "links": list(r.get("links") or []),
        },
        "education": [
            {
                "school": e["school"],
                "degree": e.get("degree"),
                "major": e.get("major"),
                "start": e.get("start"),
                "end": e.get("end"),
                "gpa": e.get("gpa"),
            }
            for e in r.get("education") or []
        ],
        "work_experience": [
            {
                "company": w["company"],
                "title": w.get("title"),
                "location": w.get("location"),
                "start": w.get("start"),
                "end": w.get("end"),
                "highlights": list(w.get("highlights") or []),
            }
            for w in r.get("work") or []
        ],
        "skills": [
            {"name": item, "category": g.get("label"), "confidence": 1.0}
            for g in r.get("skills") or []
            for item in g["items"]
        ],
        "projects": [
            {
                "name": p["name"],
                "description": p.get("description"),
                "technologies": list(p.get("technologies") or []),
            }
            for p in r.get("projects") or []
        ],
        "certifications": [
            {"name": c["name"], "issuer": c.get("issuer"), "date": c.get("date")}
            for c in r.get("certifications") or []
        ],
        "languages": [
            {"name": lg["name"], "proficiency": lg.get("proficiency")}
            for lg in r.get("languages") or []
        ],
    }


# --------------------------------------------------------------------------- text pieces
# Shared by the HTML and DOCX renderers, so both write the same words.


def colon(lang: str) -> str:
    return "：" if lang == "zh" else ": "


def heading(r: dict[str, Any], section: str) -> str:
    return str((r.get("headings") or {}).get(section) or HEADINGS[r["lang"]][section])


def contact_items(r: dict[str, Any]) -> list[str]:
    """Contact pieces in display order, labelled where the resume labels them."""
    lang, st = r["lang"], r.get("style") or {}
    labels = st.get("contact_labels", lang == "zh")
    names = (
        {"phone": "电话", "email": "邮箱", "location": "现居", "links": "主页"}
        if lang == "zh"
        else {"phone": "Phone", "email": "Email", "location": "Location", "links": "Web"}
    )
    names = {**names, **(st.get("contact_names") or {})}
    out: list[str] = []
    for key in st.get("contact_order", ["phone", "email", "location", "links"]):
        vals = r.get(key)
        if not vals:
            continue
        for v in vals if isinstance(vals, list) else [vals]:
            out.append(f"{names[key]}{colon(lang)}{v}" if labels else v)
    out.extend(r.get("extras") or [])
    return out


def degree_line(e: dict[str, Any], r: dict[str, Any]) -> str:
    lang, st = r["lang"], r.get("style") or {}
    deg, major = e.get("degree"), e.get("major")
    fmt = st.get("edu", "zh" if lang == "zh" else "in")
    if deg and major:
        line = {
            "in": f"{deg} in {major}",
            "comma": f"{deg}, {major}",
            "paren": f"{major} ({deg})",
            "zh": f"{major} | {deg}",
            "zh-space": f"{major}  {deg}",
        }[fmt]
    else:
        line = deg or major or ""
    if e.get("gpa"):
        line += ("  GPA：" if lang == "zh" else "; GPA: ") + e["gpa"]
    return line


def skill_lines(r: dict[str, Any]) -> list[tuple[str | None, str]]:
    sep = (r.get("style") or {}).get("skill_sep", "、" if r["lang"] == "zh" else ", ")
    return [(g.get("label"), sep.join(g["items"])) for g in r.get("skills") or []]


def project_tech(p: dict[str, Any], r: dict[str, Any]) -> str:
    if not p.get("technologies"):
        return ""
    if r["lang"] == "zh":
        return "技术栈：" + "、".join(p["technologies"])
    return "Technologies: " + ", ".join(p["technologies"])


def cert_line(c: dict[str, Any], r: dict[str, Any]) -> str:
    lang = r["lang"]
    parts = [c["name"]]
    if c.get("issuer"):
        parts.append(c["issuer"])
    line = (" — " if lang == "en" else "，").join(parts) if len(parts) > 1 else parts[0]
    if c.get("date"):
        d = fmt_date(c["date"], r.get("style") or {}, lang)
        line += f"（{d}）" if lang == "zh" else f" ({d})"
    return line


def language_line(lg: dict[str, Any], r: dict[str, Any]) -> str:
    if not lg.get("proficiency"):
        return str(lg["name"])
    if r["lang"] == "zh":
        return f"{lg['name']}：{lg['proficiency']}"
    return f"{lg['name']} ({lg['proficiency']})"


# --------------------------------------------------------------------------- HTML

CSS = """
@page { size: %(page)s; margin: %(margin)s; }
* { box-sizing: border-box; }
html { font-size: %(size)s; }
body { margin: 0; padding: %(pad)s; font-family: %(font)s; color: #222; line-height: 1.35;
       -webkit-print-color-adjust: exact; print-color-adjust: exact; background: #fff; }
h1 { font-size: 2.1em; margin: 0 0 .1em; color: %(accent)s; letter-spacing: .02em; }
.headline { font-size: 1.15em; color: #555; margin-bottom: .3em; }
.contact { font-size: .95em; color: #333; }
.contact span + span::before { content: "%(csep)s"; color: #999; }
h2 { font-size: 1.15em; color: %(accent)s; margin: .9em 0 .35em; padding-bottom: .15em;
     border-bottom: 1.5px solid %(accent)s; text-transform: %(h2case)s; letter-spacing: .03em; }
.entry { margin: 0 0 .55em; }
.row { display: flex; justify-content: space-between; gap: 1em; }
.row .right { white-space: nowrap; color: #444; }
.sub { font-style: italic; color: #444; }
.dl { display: grid; grid-template-columns: 10.5em 1fr; gap: .8em; }
.zhrow { display: flex; gap: 2.2em; font-weight: bold; }
ul { margin: .15em 0 0; padding-left: 1.3em; }
li { margin: .08em 0; }
p { margin: .2em 0; }
.grid2 { display: grid; grid-template-columns: %(sidecols)s; gap: 1.6em; }
.side { background: #eef2f6; padding: 1em 1em 1.5em; border-radius: 4px; }
.side h2 { font-size: 1.05em; }
.side .item { margin: .15em 0; }
.side .ci { margin: .15em 0; white-space: nowrap; font-size: .86em; }
.banner { padding-bottom: .6em; margin-bottom: .6em; border-bottom: 3px solid %(accent)s; }
.tag { display: inline-block; border: 1px solid #b8c4d0; border-radius: 3px; padding: 0 .35em;
       margin: 0 .25em .3em 0; font-size: .92em; }
"""

FONTS = {
    "sans": '"Liberation Sans", "DejaVu Sans", "Noto Sans CJK SC", sans-serif',
    "serif": '"Liberation Serif", "DejaVu Serif", "Noto Serif CJK SC", serif',
    "zh-sans": '"Noto Sans CJK SC", "Liberation Sans", sans-serif',
    "zh-serif": '"Noto Serif CJK SC", "Liberation Serif", serif',
}


def esc(s: Any) -> str:
    return html.escape(str(s))


def html_section(r: dict[str, Any], section: str, *, compact: bool = False) -> str:
    """One section's HTML, or '' when the resume does not have it."""
    lang, st = r["lang"], r.get("style") or {}
    h = f"<h2>{esc(heading(r, section))}</h2>"
    if section == "summary":
        return f"{h}<p>{esc(r['summary'])}</p>" if r.get("summary") else ""
    if section == "work":
        if not r.get("work"):
            return ""
        out = [h]
        layout = st.get("work_layout", "zh" if lang == "zh" else "title-first")
        for w in r["work"]:
            dates = esc(fmt_range(w.get("start"), w.get("end"), st, lang))
            comp = esc(w["company"]) + (
                f", {esc(w['location'])}" if w.get("location") and lang == "en" else ""
            )
            if lang == "zh" and w.get("location"):
                comp += f"（{esc(w['location'])}）"
            title = esc(w.get("title") or "")
            bullets = "".join(f"<li>{esc(x)}</li>" for x in w.get("highlights") or [])
            ul = f"<ul>{bullets}</ul>" if bullets else ""
            if layout == "title-first":
                head = f'<div class="row"><span><b>{title}</b> · {comp}</span><span class="right">{dates}</span></div>'
                out.append(f'<div class="entry">{head}{ul}</div>')
            elif layout == "company-first":
                head = f'<div class="row"><span><b>{comp}</b></span><span class="right">{dates}</span></div><div class="sub">{title}</div>'
                out.append(f'<div class="entry">{head}{ul}</div>')
            elif layout == "dates-left":
                out.append(
                    f'<div class="entry dl"><div>{dates}</div><div><b>{title}</b><br>{comp}{ul}</div></div>'
                )
            else:  # zh: dates, company, title on one bold line
                out.append(
                    f'<div class="entry"><div class="zhrow"><span>{dates}</span><span>{comp}</span><span>{title}</span></div>{ul}</div>'
                )
        return "".join(out)
    if section == "education":
        if not r.get("education"):
            return ""
        out = [h]
        for e in r["education"]:
            dates = esc(fmt_range(e.get("start"), e.get("end"), st, lang))
            school = esc(e["school"]) + (f", {esc(e['location'])}" if e.get("location") else "")
            deg = esc(degree_line(e, r))
            if compact:  # sidebar: stacked, never squeezed into columns
                out.append(
                    f'<div class="entry"><b>{school}</b><div>{dates}</div><div>{deg}</div></div>'
                )
            elif lang == "zh" and st.get("work_layout", "zh") == "zh":
                out.append(
                    f'<div class="entry"><div class="zhrow"><span>{dates}</span><span>{school}</span><span>{deg}</span></div></div>'
                )
            elif st.get("work_layout") == "dates-left":
                out.append(
                    f'<div class="entry dl"><div>{dates}</div><div><b>{school}</b><br>{deg}</div></div>'
                )
            else:
                out.append(
                    f'<div class="entry"><div class="row"><span><b>{school}</b></span><span class="right">{dates}</span></div><div>{deg}</div></div>'
                )
        return "".join(out)
    if section == "skills":
        if not r.get("skills"):
            return ""
        lines = skill_lines(r)
        if compact and st.get("skill_tags"):
            tags = "".join(
                f'<span class="tag">{esc(i)}</span>' for g in r["skills"] for i in g["items"]
            )
            return f"{h}<div>{tags}</div>"
        if st.get("skill_bullets"):
            items = "".join(
                f"<li>{f'<b>{esc(lab)}{colon(lang)}</b>' if lab else ''}{esc(txt)}</li>"
                for lab, txt in lines
            )
            return f"{h}<ul>{items}</ul>"
        rows = "".join(
            f"<p>{f'<b>{esc(lab)}{colon(lang)}</b>' if lab else ''}{esc(txt)}</p>"
            for lab, txt in lines
        )
        return h + rows
    if section == "projects":
        if not r.get("projects"):
            return ""
        out = [h]
        for p in r["projects"]:
            tech = project_tech(p, r)
            desc = f"<p>{esc(p['description'])}</p>" if p.get("description") else ""
            tech_html = f"<p><i>{esc(tech)}</i></p>" if tech else ""
            out.append(f'<div class="entry"><b>{esc(p["name"])}</b>{desc}{tech_html}</div>')
        return "".join(out)
    if section == "certifications":
        if not r.get("certifications"):
            return ""
        tag = "div" if compact else "li"
        items = "".join(
            f'<{tag} class="item">{esc(cert_line(c, r))}</{tag}>' for c in r["certifications"]
        )
        return h + (items if compact else f"<ul>{items}</ul>")
    if section == "languages":
        if not r.get("languages"):
            return ""
        sep = "；" if lang == "zh" else " · "
        if compact:
            return h + "".join(
                f'<div class="item">{esc(language_line(x, r))}</div>' for x in r["languages"]
            )
        return f"{h}<p>{esc(sep.join(language_line(x, r) for x in r['languages']))}</p>"
    raise ValueError(section)


def html_doc(r: dict[str, Any], fmt: str, size: float) -> str:
    lang, st = r["lang"], r.get("style") or {}
    image = fmt in ("png", "jpg")
    if fmt == "pdf-classic" or (image and st.get("layout") == "classic"):
        return html_doc_classic(r, fmt, size)
    layout = st.get("layout", "1col")
    if fmt == "pdf-2col":
        layout = "2col"
    elif fmt in ("pdf-1col", "pdf-2page"):
        layout = "1col"
    font = FONTS[st.get("font", "zh-sans" if lang == "zh" else "sans")]
    side_right = st.get("sidebar_side") == "right"
    css = CSS % {
        "page": "1240px 1754px" if image else "A4",
        "margin": "0" if image else "13mm 14mm",
        "pad": "64px 72px" if image else "0",
        "size": f"{size}px" if image else f"{size}pt",
        "font": font,
        "accent": st.get("accent", "#1f3b5a"),
        "csep": st.get("contact_sep", "  |  "),
        "h2case": "uppercase" if st.get("upper_headings") else "none",
        "sidecols": "1fr 33%" if side_right else "33% 1fr",
    }
    order = st.get("order") or list(SECTIONS)
    contact = "".join(f"<span>{esc(c)}</span>" for c in contact_items(r))
    headline = f'<div class="headline">{esc(r["headline"])}</div>' if r.get("headline") else ""
    if layout == "1col":
        head = f'<header><h1>{esc(r["name"])}</h1>{headline}<div class="contact">{contact}</div></header>'
        body = head + "".join(html_section(r, s) for s in order)
    else:
        side_secs = st.get("sidebar", ["skills", "languages", "certifications"])
        side_contact = "".join(f'<div class="ci">{esc(c)}</div>' for c in contact_items(r))
        contact_h = "联系方式" if lang == "zh" else st.get("contact_heading", "Contact")
        side = f"<h2>{esc(contact_h)}</h2>{side_contact}" + "".join(
            html_section(r, s, compact=True) for s in order if s in side_secs
        )
        main = "".join(html_section(r, s) for s in order if s not in side_secs)
        if st.get("name_in") == "sidebar":
            side = f"<h1>{esc(r['name'])}</h1>{headline}" + side
            top = ""
        else:
            top = f'<div class="banner"><h1>{esc(r["name"])}</h1>{headline}</div>'
        cols = (
            f'<main>{main}</main><aside class="side">{side}</aside>'
            if side_right
            else f'<aside class="side">{side}</aside><main>{main}</main>'
        )
        body = f'{top}<div class="grid2">{cols}</div>'
    return (
        f'<!doctype html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head>'
        f"<meta charset='utf-8'><title>{esc(r['name'])}</title><style>{css}</style></head>"
        f"<body>{body}</body></html>"
    )


# --------------------------------------------------------------------------- classic HTML
# Centered name and contact line, headings in small capitals (not bold) over a thin rule,
# and every entry as a two-row table: left cell text, right-aligned cell with the dates
# (or the place) on the same line -- the look of the common LaTeX/Word "classic" resume.

CLASSIC_CSS = """
@page { size: %(page)s; margin: %(margin)s; }
* { box-sizing: border-box; }
html { font-size: %(size)s; }
body { margin: 0; padding: %(pad)s; font-family: %(font)s; color: #111; line-height: 1.3;
       background: #fff; }
header { text-align: center; margin-bottom: .5em; }
.name { font-size: 2.3em; font-variant: small-caps; letter-spacing: %(namespace)s;
        line-height: 1.15; }
.headline { font-size: 1.05em; color: #333; margin: .1em 0; }
.contact { font-size: .95em; }
.contact span + span::before { content: "%(csep)s"; color: #555; }
.contact span { white-space: nowrap; }
h2 { font-size: 1.18em; font-weight: normal; font-variant: small-caps; letter-spacing: .06em;
     color: %(accent)s; margin: .85em 0 .3em; padding-bottom: .08em;
     border-bottom: 0.8px solid #111; }
table.e { width: 100%%; border-collapse: collapse; margin: .35em 0 0; }
table.e td { padding: 0; vertical-align: top; }
table.e td.r { text-align: right; white-space: nowrap; padding-left: 1.2em; }
ul { margin: .1em 0 .15em; padding-left: 1.4em; }
li { margin: .05em 0; }
p { margin: .15em 0; }
"""


def classic_row(left: str, right: str = "") -> str:
    return f'<tr><td>{left}</td><td class="r">{right}</td></tr>'


def classic_section(r: dict[str, Any], section: str) -> str:
    lang, st = r["lang"], r.get("style") or {}
    h = f"<h2>{esc(heading(r, section))}</h2>"
    rows_style = st.get("classic_rows", "company-dates" if lang == "zh" else "title")
    if section == "summary":
        return f"{h}<p>{esc(r['summary'])}</p>" if r.get("summary") else ""
    if section == "work":
        if not r.get("work"):
            return ""
        out = [h]
        for w in r["work"]:
            dates = esc(fmt_range(w.get("start"), w.get("end"), st, lang))
            comp, title = esc(w["company"]), esc(w.get("title") or "")
            loc = esc(w.get("location") or "")
            if rows_style == "title":
                rows = classic_row(f"<b>{title}</b>", dates) + classic_row(
                    f"<i>{comp}</i>", f"<i>{loc}</i>"
                )
            elif rows_style == "company":
                rows = classic_row(f"<b>{comp}</b>", loc) + classic_row(
                    f"<i>{title}</i>", f"<i>{dates}</i>"
                )
            else:  # company-dates
                rows = classic_row(f"<b>{comp}</b>", dates) + classic_row(title, loc)
            bullets = "".join(f"<li>{esc(x)}</li>" for x in w.get("highlights") or [])
            out.append(
                f'<table class="e">{rows}</table>' + (f"<ul>{bullets}</ul>" if bullets else "")
            )
        return "".join(out)
    if section == "education":
        if not r.get("education"):
            return ""
        out = [h]
        for e in r["education"]:
            dates = esc(fmt_range(e.get("start"), e.get("end"), st, lang))
            school, loc, deg = (
                esc(e["school"]),
                esc(e.get("location") or ""),
                esc(degree_line(e, r)),
            )
            if rows_style == "company":
                rows = classic_row(f"<b>{school}</b>", loc) + classic_row(
                    f"<i>{deg}</i>", f"<i>{dates}</i>"
                )
            else:
                rows = classic_row(f"<b>{school}</b>", dates) + classic_row(deg, loc)
            out.append(f'<table class="e">{rows}</table>')
        return "".join(out)
    if section == "skills":
        if not r.get("skills"):
            return ""
        lines = [
            f"{f'<b>{esc(lab)}{colon(lang)}</b>' if lab else ''}{esc(txt)}"
            for lab, txt in skill_lines(r)
        ]
        if st.get("skill_bullets"):
            return h + "<ul>" + "".join(f"<li>{x}</li>" for x in lines) + "</ul>"
        return h + "".join(f"<p>{x}</p>" for x in lines)
    if section == "projects":
        if not r.get("projects"):
            return ""
        out = [h]
        for p in r["projects"]:
            tech = ""
            if p.get("technologies") and lang == "en":
                tech = " | <i>" + esc(", ".join(p["technologies"])) + "</i>"
            rows = classic_row(f"<b>{esc(p['name'])}</b>{tech}")
            desc = f"<p>{esc(p['description'])}</p>" if p.get("description") else ""
            if p.get("technologies") and lang == "zh":
                desc += f"<p>{esc(project_tech(p, r))}</p>"
            out.append(f'<table class="e">{rows}</table>{desc}')
        return "".join(out)
    if section == "certifications":
        if not r.get("certifications"):
            return ""
        rows = ""
        for c in r["certifications"]:
            left = esc(c["name"])
            if c.get("issuer"):
                left += ("，" if lang == "zh" else ", <i>") + esc(c["issuer"])
                left += "" if lang == "zh" else "</i>"
            rows += classic_row(left, esc(fmt_date(c.get("date"), st, lang)))
        return f'{h}<table class="e">{rows}</table>'
    if section == "languages":
        if not r.get("languages"):
            return ""
        sep = "；" if lang == "zh" else st.get("lang_sep", " · ")
        return f"{h}<p>{esc(sep.join(language_line(x, r) for x in r['languages']))}</p>"
    raise ValueError(section)


def html_doc_classic(r: dict[str, Any], fmt: str, size: float) -> str:
    lang, st = r["lang"], r.get("style") or {}
    image = fmt in ("png", "jpg")
    css = CLASSIC_CSS % {
        "page": "1240px 1754px" if image else "A4",
        "margin": "0" if image else "14mm 16mm",
        "pad": "72px 84px" if image else "0",
        "size": f"{size}px" if image else f"{size}pt",
        "font": FONTS[st.get("font", "zh-serif" if lang == "zh" else "serif")],
        "accent": st.get("accent", "#111111"),
        "csep": st.get("contact_sep", "  •  "),
        "namespace": ".3em" if lang == "zh" else ".04em",
    }
    contact = "".join(f"<span>{esc(c)}</span>" for c in contact_items(r))
    headline = f'<div class="headline">{esc(r["headline"])}</div>' if r.get("headline") else ""
    head = f'<header><div class="name">{esc(r["name"])}</div>{headline}<div class="contact">{contact}</div></header>'
    body = head + "".join(classic_section(r, s) for s in st.get("order") or list(SECTIONS))
    return (
        f'<!doctype html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head>'
        f"<meta charset='utf-8'><title>{esc(r['name'])}</title><style>{css}</style></head>"
        f"<body>{body}</body></html>"
    )


# --------------------------------------------------------------------------- Chromium


def chromium() -> str:
    exe = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        sys.exit("headless Chromium is needed to render the PDFs and images (set $CHROMIUM)")
    return exe


def run_chromium(args: list[str], tmp: Path) -> None:
    cmd = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        f"--user-data-dir={tmp / 'profile'}",
        *args,
    ]
    subprocess.run(cmd, check=True, capture_output=True, timeout=120)  # noqa: S603


def print_pdf(doc_html: str, out: Path, tmp: Path) -> int:
    src = tmp / "page.html"
    src.write_text(doc_html, encoding="utf-8")
    if out.exists():
        out.unlink()
    run_chromium([f"--print-to-pdf={out}", "--no-pdf-header-footer", src.as_uri()], tmp)
    from pypdf import PdfReader

    return len(PdfReader(str(out)).pages)


def screenshot(doc_html: str, out: Path, tmp: Path) -> None:
    src = tmp / "page.html"
    src.write_text(doc_html, encoding="utf-8")
    run_chromium(
        [
            f"--screenshot={out}",
            "--window-size=1240,1754",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            src.as_uri(),
        ],
        tmp,
    )


def fit(render: Callable[[float], int], sizes: Iterable[float], want: int, stem: str) -> float:
    """Try font sizes in order until the render has ``want`` pages."""
    got = -1
    for size in sizes:
        got = render(size)
        if got == want:
            return size
    raise SystemExit(f"{stem}: could not lay it out on {want} page(s) (last try: {got})")


# --------------------------------------------------------------------------- DOCX


def new_docx(
    r: dict[str, Any], *, latin: str, east_asian: str, size: float, margin_cm: float, top_cm: float
) -> Any:
    """An A4 document with fixed metadata (so a rebuild changes nothing but zip times)
    and its Normal style in the given fonts and size."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    props = doc.core_properties
    props.author = "InterviewGenius test fixtures"
    props.title = f"{r['name']} resume"
    props.created = props.modified = datetime(2024, 1, 1)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(margin_cm)
    sec.top_margin = sec.bottom_margin = Cm(top_cm)
    normal = doc.styles["Normal"]
    normal.font.name = latin
    normal.font.size = Pt(size)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), east_asian)
    return doc


def build_docx(r: dict[str, Any], fmt: str, out: Path) -> None:
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    lang, st = r["lang"], r.get("style") or {}
    tables = fmt == "docx-table"
    doc = new_docx(
        r,
        latin=st.get("docx_font", "Microsoft YaHei" if lang == "zh" else "Calibri"),
        east_asian="Microsoft YaHei" if lang == "zh" else "Calibri",
        size=10.5,
        margin_cm=2,
        top_cm=1.8,
    )
    sec = doc.sections[0]
    accent = RGBColor.from_string(st.get("accent", "#1f3b5a").lstrip("#").upper())
    right_tab = sec.page_width - sec.left_margin - sec.right_margin

    def para(
        text: str = "", *, bold: bool = False, size: float | None = None, style: str | None = None
    ) -> Any:
        p = doc.add_paragraph(style=style)
        p.paragraph_format.space_after = Pt(2)
        if text:
            run = p.add_run(text)
            run.bold = bold
            if size:
                run.font.size = Pt(size)
        return p

    def head(section: str) -> None:
        text = heading(r, section)
        if st.get("docx_heading", "heading") == "heading":
            doc.add_heading(text.upper() if st.get("upper_headings") else text, level=1)
            return
        p = para()
        p.paragraph_format.space_before = Pt(10)
        run = p.add_run(text.upper() if st.get("upper_headings") else text)
        run.bold = True
        run.font.size = Pt(12.5)
        run.font.color.rgb = accent
        # bottom border under the heading, as resume templates draw it
        ppr = p._p.get_or_add_pPr()
        bdr = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for k, v in (("w:val", "single"), ("w:sz", "8"), ("w:space", "1"), ("w:color", "1F3B5A")):
            bottom.set(qn(k), v)
        bdr.append(bottom)
        ppr.append(bdr)

    def dated_line(left: str, dates: str, *, bold_left: bool = True) -> None:
        p = para()
        p.paragraph_format.tab_stops.add_tab_stop(right_tab, WD_TAB_ALIGNMENT.RIGHT)
        run = p.add_run(left)
        run.bold = bold_left
        p.add_run("\t" + dates)

    def bullets(items: list[str]) -> None:
        for x in items:
            p = para(x, style="List Bullet")
            p.paragraph_format.space_after = Pt(0)

    def cell_text(cell: Any, lines: list[tuple[str, bool]]) -> None:
        cell.text = ""
        first = True
        for text, bold in lines:
            p = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            run = p.add_run(text)
            run.bold = bold

    # ---- header
    if tables and lang == "zh" and st.get("info_grid", True):
        title = para("个人简历", bold=True, size=18)
        title.alignment = 1
        rows = [("姓名", r["name"])]
        if r.get("headline"):
            rows.append(("求职意向", r["headline"]))
        for key, lab in (("phone", "电话"), ("email", "邮箱"), ("location", "现居城市")):
            if r.get(key):
                rows.append((lab, r[key]))
        for link in r.get("links") or []:
            rows.append(("主页", link))
        for extra in r.get("extras") or []:
            k, _, v = extra.partition("：")
            rows.append((k, v) if v else ("其他", extra))
        pairs = [rows[i : i + 2] for i in range(0, len(rows), 2)]
        t = doc.add_table(rows=len(pairs), cols=4)
        t.style = "Table Grid"
        for i, pr in enumerate(pairs):
            for j, (k, v) in enumerate(pr):
                cell_text(t.cell(i, 2 * j), [(k, True)])
                cell_text(t.cell(i, 2 * j + 1), [(v, False)])
    else:
        p = para(r["name"], bold=True, size=22)
        p.runs[0].font.color.rgb = accent
        if r.get("headline"):
            para(r["headline"], size=12)
        para(st.get("contact_sep", "  |  ").join(contact_items(r)))

    for section in st.get("order") or list(SECTIONS):
        if section == "summary" and r.get("summary"):
            head(section)
            para(r["summary"])
        elif section == "work" and r.get("work"):
            head(section)
            if tables:
                cols = (
                    ["时间", "公司", "职位"] if lang == "zh" else ["Dates", "Employer", "Position"]
                )
                t = doc.add_table(rows=1, cols=3)
                t.style = "Table Grid"
                for j, c in enumerate(cols):
                    cell_text(t.cell(0, j), [(c, True)])
                for w in r["work"]:
                    row = t.add_row().cells
                    cell_text(row[0], [(fmt_range(w.get("start"), w.get("end"), st, lang), False)])
                    comp = w["company"] + (
                        (f", {w['location']}" if lang == "en" else f"（{w['location']}）")
                        if w.get("location")
                        else ""
                    )
                    cell_text(row[1], [(comp, True)])
                    cell_text(row[2], [(w.get("title") or "", False)])
                    if w.get("highlights"):
                        merged = t.add_row().cells
                        m = merged[0].merge(merged[2])
                        cell_text(m, [("• " + x, False) for x in w["highlights"]])
            else:
                for w in r["work"]:
                    dates = fmt_range(w.get("start"), w.get("end"), st, lang)
                    loc = w.get("location")
                    if lang == "zh":
                        dated_line(f"{w['company']}  {w.get('title') or ''}", dates)
                    elif st.get("work_layout") == "company-first":
                        dated_line(w["company"] + (f", {loc}" if loc else ""), dates)
                        p = para(w.get("title") or "")
                        if p.runs:
                            p.runs[0].italic = True
                    else:
                        dated_line(
                            f"{w.get('title') or ''}, {w['company']}"
                            + (f" — {loc}" if loc else ""),
                            dates,
                        )
                    bullets(w.get("highlights") or [])
        elif section == "education" and r.get("education"):
            head(section)
            if tables:
                cols = (
                    ["时间", "学校", "专业 / 学历"]
                    if lang == "zh"
                    else ["Dates", "Institution", "Degree"]
                )
                t = doc.add_table(rows=1, cols=3)
                t.style = "Table Grid"
                for j, c in enumerate(cols):
                    cell_text(t.cell(0, j), [(c, True)])
                for e in r["education"]:
                    row = t.add_row().cells
                    cell_text(row[0], [(fmt_range(e.get("start"), e.get("end"), st, lang), False)])
                    school = e["school"] + (f", {e['location']}" if e.get("location") else "")
                    cell_text(row[1], [(school, True)])
                    cell_text(row[2], [(degree_line(e, r), False)])
            else:
                for e in r["education"]:
                    school = e["school"] + (f", {e['location']}" if e.get("location") else "")
                    dated_line(school, fmt_range(e.get("start"), e.get("end"), st, lang))
                    para(degree_line(e, r))
        elif section == "skills" and r.get("skills"):
            head(section)
            for group, txt in skill_lines(r):
                sp = para()
                if group:
                    sp.add_run(group + colon(lang)).bold = True
                sp.add_run(txt)
        elif section == "projects" and r.get("projects"):
            head(section)
            for pr in r["projects"]:
                para(pr["name"], bold=True)
                if pr.get("description"):
                    para(pr["description"])
                tech = project_tech(pr, r)
                if tech:
                    para(tech).runs[0].italic = True
        elif section == "certifications" and r.get("certifications"):
            head(section)
            bullets([cert_line(c, r) for c in r["certifications"]])
        elif section == "languages" and r.get("languages"):
            head(section)
            sep = "；" if lang == "zh" else " · "
            para(sep.join(language_line(x, r) for x in r["languages"]))
    buf = io.BytesIO()
    doc.save(buf)
    out.write_bytes(buf.getvalue())


# --------------------------------------------------------------------------- DOCX, other layouts
# "docx-2col": the whole page is one borderless two-column table, a shaded sidebar (contact
# details and the sidebar sections) beside the main column, as Word resume templates do.
# "docx-inline": no Heading styles, no tables and no list styles: each heading is a bold run
# in an ordinary paragraph (short sections may continue on the heading's own line), entries
# are one line of runs with the dates after a separator, bullets are typed by hand.


def build_docx_alt(r: dict[str, Any], fmt: str, out: Path) -> None:
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    lang, st = r["lang"], r.get("style") or {}
    two_col = fmt == "docx-2col"
    margin = 1.5 if two_col else 2.2
    latin = st.get("docx_font", "Microsoft YaHei" if lang == "zh" else "Arial")
    doc = new_docx(
        r,
        latin=latin,
        east_asian="Microsoft YaHei" if lang == "zh" else latin,
        size=st.get("docx_size", 10),
        margin_cm=margin,
        top_cm=1.6,
    )
    accent = RGBColor.from_string(st.get("accent", "#222222").lstrip("#").upper())
    text_width = 21 - 2 * margin
    side_w = st.get("side_width_cm", 6.0)

    class Box:
        """Adds paragraphs to the document body or to one table cell."""

        def __init__(self, container: Any, width_cm: float, *, first: Any = None) -> None:
            self.c, self.width, self.first = container, width_cm, first

        def p(
            self,
            text: str = "",
            *,
            bold: bool = False,
            italic: bool = False,
            size: float | None = None,
            color: Any = None,
            style: str | None = None,
        ) -> Any:
            if self.first is not None:
                par, self.first = self.first, None
                if style:
                    par.style = doc.styles[style]
            else:
                par = self.c.add_paragraph(style=style)
            par.paragraph_format.space_after = Pt(2)
            if text:
                run = par.add_run(text)
                run.bold, run.italic = bold or None, italic or None
                if size:
                    run.font.size = Pt(size)
                if color is not None:
                    run.font.color.rgb = color
            return par

        def tabbed(self, par: Any) -> None:
            par.paragraph_format.tab_stops.add_tab_stop(
                Cm(self.width - 0.4), WD_TAB_ALIGNMENT.RIGHT
            )

    def head(box: Box, section: str, *, inline: str | None = None) -> None:
        text = heading(r, section)
        if st.get("upper_headings"):
            text = text.upper()
        if two_col:
            par = box.p()
            par.paragraph_format.space_before = Pt(9)
            run = par.add_run(text)
            run.bold = True
            run.font.size = Pt(12)
            run.font.color.rgb = accent
            return
        par = box.p()
        par.paragraph_format.space_before = Pt(8)
        joiner = "" if inline is None or text.endswith("】") else colon(lang)
        run = par.add_run(text + joiner)
        run.bold = True
        if st.get("heading_size"):
            run.font.size = Pt(st["heading_size"])
        if inline is not None:
            par.add_run(inline)

    def bullet_lines(box: Box, items: list[str]) -> None:
        mark = st.get("manual_bullet", "•")
        for n, x in enumerate(items, 1):
            if two_col and mark == "list":
                box.p(x, style="List Bullet").paragraph_format.space_after = Pt(0)
                continue
            prefix = {"num": f"{n}. ", "num-zh": f"{n}、"}.get(mark, f"{mark} ")
            par = box.p(prefix + x)
            par.paragraph_format.space_after = Pt(0)
            par.paragraph_format.left_indent = Cm(0.4)

    def with_dates(box: Box, par: Any, dates: str) -> None:
        how = st.get("inline_dates", "tab")
        if not dates:
            return
        if how == "tab":
            box.tabbed(par)
            par.add_run("\t" + dates)
        elif how == "paren":
            par.add_run(f" ({dates})")
        else:
            par.add_run(f"{st.get('dates_sep', ' | ')}{dates}")

    def section(box: Box, name: str, *, side: bool = False) -> None:
        gap = st.get("zh_gap", "    ")
        if name == "summary" and r.get("summary"):
            head(box, name)
            box.p(r["summary"])
        elif name == "work" and r.get("work"):
            head(box, name)
            for w in r["work"]:
                dates = fmt_range(w.get("start"), w.get("end"), st, lang)
                loc, title = w.get("location"), w.get("title") or ""
                if lang == "zh":
                    comp = w["company"] + (f"（{loc}）" if loc else "")
                    if st.get("zh_entry", "one-line") == "one-line":
                        box.p(gap.join(x for x in (dates, comp, title) if x), bold=True)
                    else:  # company + dates, then the title under it
                        par = box.p(comp, bold=True)
                        with_dates(box, par, dates)
                        box.p(title)
                elif two_col:
                    box.p(title, bold=True, size=10.5)
                    par = box.p(w["company"] + (f", {loc}" if loc else ""), italic=True)
                    with_dates(box, par, dates)
                else:
                    par = box.p()
                    first, second = (
                        (w["company"], title)
                        if st.get("work_layout") == "company-first"
                        else (title, w["company"])
                    )
                    par.add_run(first).bold = True
                    par.add_run(f", {second}" + (f", {loc}" if loc else ""))
                    with_dates(box, par, dates)
                bullet_lines(box, w.get("highlights") or [])
        elif name == "education" and r.get("education"):
            head(box, name)
            for e in r["education"]:
                dates = fmt_range(e.get("start"), e.get("end"), st, lang)
                school = e["school"] + (f", {e['location']}" if e.get("location") else "")
                if lang == "zh" and not side:
                    box.p(gap.join(x for x in (dates, school, degree_line(e, r)) if x), bold=True)
                elif side:
                    box.p(school, bold=True)
                    box.p(degree_line(e, r))
                    box.p(dates)
                else:
                    par = box.p(school, bold=True)
                    with_dates(box, par, dates)
                    box.p(degree_line(e, r))
        elif name == "skills" and r.get("skills"):
            lines = skill_lines(r)
            if not two_col and st.get("inline_short") and len(lines) == 1 and not lines[0][0]:
                head(box, name, inline=lines[0][1])
                return
            head(box, name)
            if side and st.get("skill_list"):
                for g in r["skills"]:
                    if g.get("label"):
                        box.p(g["label"], bold=True)
                    for item in g["items"]:
                        box.p(item).paragraph_format.space_after = Pt(0)
                return
            for label, txt in lines:
                par = box.p()
                if label:
                    par.add_run(label + colon(lang)).bold = True
                par.add_run(txt)
        elif name == "projects" and r.get("projects"):
            head(box, name)
            for pr in r["projects"]:
                box.p(pr["name"], bold=True)
                if pr.get("description"):
                    box.p(pr["description"])
                tech = project_tech(pr, r)
                if tech:
                    box.p(tech, italic=True)
        elif name == "certifications" and r.get("certifications"):
            head(box, name)
            if side:
                for c in r["certifications"]:
                    box.p(cert_line(c, r))
            else:
                bullet_lines(box, [cert_line(c, r) for c in r["certifications"]])
        elif name == "languages" and r.get("languages"):
            items = [language_line(x, r) for x in r["languages"]]
            sep = "；" if lang == "zh" else st.get("lang_sep", " · ")
            if not two_col and st.get("inline_short"):
                head(box, name, inline=sep.join(items))
            elif side:
                head(box, name)
                for x in items:
                    box.p(x)
            else:
                head(box, name)
                box.p(sep.join(items))

    order = st.get("order") or list(SECTIONS)
    body = Box(doc, text_width)
    if not two_col:
        par = body.p(r["name"], bold=True, size=st.get("name_size", 18))
        if st.get("center_header"):
            par.alignment = 1
        if r.get("headline"):
            hp = body.p(r["headline"], italic=lang == "en")
            if st.get("center_header"):
                hp.alignment = 1
        for line in st.get("contact_lines") or [contact_items(r)]:
            cp = body.p(st.get("contact_sep", " | ").join(line))
            if st.get("center_header"):
                cp.alignment = 1
        for s in order:
            section(body, s)
    else:
        if st.get("name_in", "top") == "top":
            body.p(r["name"], bold=True, size=20, color=accent)
            if r.get("headline"):
                body.p(r["headline"], size=11.5)
        t = doc.add_table(rows=1, cols=2)
        t.autofit = False
        right = st.get("sidebar_side") == "right"
        widths = (text_width - side_w, side_w) if right else (side_w, text_width - side_w)
        for j, wd in enumerate(widths):
            t.columns[j].width = Cm(wd)
            t.cell(0, j).width = Cm(wd)
        side_cell, main_cell = (
            (t.cell(0, 1), t.cell(0, 0)) if right else (t.cell(0, 0), t.cell(0, 1))
        )
        tcpr = side_cell._tc.get_or_add_tcPr()
        shd = OxmlElement("w:shd")
        for k, v in (
            ("w:val", "clear"),
            ("w:color", "auto"),
            ("w:fill", st.get("side_fill", "EDF1F5")),
        ):
            shd.set(qn(k), v)
        tcpr.append(shd)
        side = Box(side_cell, side_w - 0.4, first=side_cell.paragraphs[0])
        main = Box(main_cell, widths[0 if right else 1] - 0.4, first=main_cell.paragraphs[0])
        if st.get("name_in", "top") == "sidebar":
            side.p(r["name"], bold=True, size=18, color=accent)
            if r.get("headline"):
                side.p(r["headline"], size=11)
        side_secs = st.get("sidebar", ["skills", "languages", "certifications"])
        contact_h = st.get("contact_heading", "联系方式" if lang == "zh" else "Contact")
        par = side.p()
        par.paragraph_format.space_before = Pt(9)
        run = par.add_run(contact_h.upper() if st.get("upper_headings") else contact_h)
        run.bold = True
        run.font.size = Pt(12)
        run.font.color.rgb = accent
        for c in contact_items(r):
            side.p(c).paragraph_format.space_after = Pt(1)
        for s in order:
            section(side if s in side_secs else main, s, side=s in side_secs)
    buf = io.BytesIO()
    doc.save(buf)
    out.write_bytes(buf.getvalue())


# --------------------------------------------------------------------------- driver


def load_records(source: Path = SOURCE) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for path in sorted(source.glob("*.json")):
        records.extend(json.loads(path.read_text(encoding="utf-8")))
    seen: set[str] = set()
    for r in records:
        r["stem"] = f"{r['lang']}-{r['format']}-{r['id']}"
        if r["stem"] in seen:
            raise SystemExit(f"duplicate fixture {r['stem']}")
        if r["format"] not in FORMATS:
            raise SystemExit(f"{r['stem']}: unknown format {r['format']}")
        seen.add(r["stem"])
    return records


def build(r: dict[str, Any], fixtures: Path = FIXTURES) -> dict[str, Any]:
    fmt, stem = r["format"], r["stem"]
    family, ext, pages = FORMATS[fmt]
    out = fixtures / f"{stem}.{ext}"
    with tempfile.TemporaryDirectory(prefix="resume-fx-") as td:
        tmp = Path(td)
        if fmt.startswith("pdf"):
            if pages == 2:
                sizes: list[float] = [11, 11.5, 12, 12.5, 13, 13.5, 14]
            else:
                sizes = [10.5, 10, 9.5, 9, 8.5]
            fit(lambda s: print_pdf(html_doc(r, fmt, s), out, tmp), sizes, pages, stem)
        elif fmt in ("docx-2col", "docx-inline"):
            build_docx_alt(r, fmt, out)
        elif fmt.startswith("docx"):
            build_docx(r, fmt, out)
        else:
            probe = tmp / "probe.pdf"
            size = fit(
                lambda s: print_pdf(html_doc(r, fmt, s), probe, tmp),
                [21, 20, 19, 18, 17, 16],
                1,
                stem,
            )
            png = tmp / "shot.png"
            screenshot(html_doc(r, fmt, size), png, tmp)
            from PIL import Image

            with Image.open(png) as shot:
                rgb = shot.convert("RGB")
            if ext == "jpg":
                rgb.save(out, "JPEG", quality=85, optimize=True)
            else:
                rgb.save(out, "PNG", optimize=True)
    (fixtures / f"{stem}.json").write_text(
        json.dumps(truth(r), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return {
        "stem": stem,
        "file": out.name,
        "language": r["lang"],
        "format": fmt,
        "family": family,
        "pages": pages,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="build only fixtures whose stem contains this")
    ap.add_argument("--jobs", type=int, default=4)
    ap.add_argument(
        "--source", type=Path, default=SOURCE, help=f"record folder (default: {SOURCE})"
    )
    ap.add_argument(
        "--out", type=Path, default=FIXTURES, help=f"output folder (default: {FIXTURES})"
    )
    args = ap.parse_args()
    fixtures: Path = args.out
    fixtures.mkdir(parents=True, exist_ok=True)
    records = load_records(args.source)
    todo = [r for r in records if not args.only or args.only in r["stem"]]
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        built = {row["stem"]: row for row in pool.map(lambda r: build(r, fixtures), todo)}
    manifest_path = fixtures / "manifest.json"
    old: dict[str, Any] = {}
    if args.only and manifest_path.exists():
        old = {row["stem"]: row for row in json.loads(manifest_path.read_text())}
    rows = []
    for r in records:
        row = built.get(r["stem"]) or old.get(r["stem"])
        if row:
            rows.append(row)
    manifest_path.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    for row in built.values():
        print(f"{row['family']:14} {row['language']} {row['file']}")
    print(f"{len(built)} built, {len(rows)} in manifest")


if __name__ == "__main__":
    main()
