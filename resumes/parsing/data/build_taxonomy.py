"""Build ``skills.tsv`` from O*NET Technology Skills plus our curated list.

Run by hand when O*NET or ``curated_skills.tsv`` changes; the app reads only the
result, never the O*NET release itself:

    python resumes/parsing/data/build_taxonomy.py /path/to/onet-technology-skills

Output columns (tab-separated): canonical name, category, then one ``alias^strictness``
column per alias (strictness as documented in ``curated_skills.tsv``); names may
contain ";" so aliases get their own columns.
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent

# O*NET commodity titles, grouped into our categories; everything else is a "tool".
_CATEGORY_BY_COMMODITY = {
    "Data base management system software": "database",
    "Data base user interface and query software": "database",
    "Data base reporting software": "database",
    "Operating system software": "cloud_devops",
    "Configuration management software": "cloud_devops",
    "Network monitoring software": "cloud_devops",
    "Application server software": "cloud_devops",
    "Enterprise application integration software": "cloud_devops",
    "Backup or archival software": "cloud_devops",
    "Analytical or scientific software": "data_ml",
    "Business intelligence and data analysis software": "data_ml",
    "Data mining software": "data_ml",
    "Transaction security and virus protection software": "security",
    "Network security or virtual private network VPN management software": "security",
    "Object or component oriented development software": "framework",
    "Web platform development software": "framework",
    "Development environment software": "tool",
}
# Technical commodities whose vendor-less short names people actually write.
_TECHNICAL = set(_CATEGORY_BY_COMMODITY) | {
    "Program testing software",
    "Compiler and decompiler software",
    "Web page creation and editing software",
}
_VENDORS = (
    "Microsoft", "Oracle", "Amazon", "Apache", "Google", "IBM", "Adobe", "Atlassian",
    "Autodesk", "The MathWorks", "Red Hat", "Apple", "Eclipse", "Facebook", "Meta",
)  # fmt: skip
# Short names that are ordinary words or too vague once the vendor is gone.
_NO_SHORT_ALIAS = {
    "access", "project", "teams", "word", "outlook", "office", "dynamics", "edge",
    "publisher", "forms", "stream", "lens", "analytics", "sheets", "docs", "drive",
    "slides", "sites", "photos", "bridge", "connect", "notes", "works", "windows",
    "cloud", "database", "server", "software", "ads", "maps", "search", "mail",
    "calendar", "chat", "meet", "keep", "classroom", "store", "pages", "numbers",
    "workspace", "web services", "video", "translate", "scholar", "earth",
}  # fmt: skip
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,5}$")


def _plain_word(alias: str) -> bool:
    """A single ordinary-looking word ("Chef", "Slack"): only match it in exact case."""
    return bool(re.fullmatch(r"[A-Z]?[a-z]+", alias))


def _onet_aliases(name: str, commodity: str, hot: bool) -> list[tuple[str, int]]:
    # O*NET product names are capitalised and rarely written in prose, so exact case.
    aliases: list[tuple[str, int]] = []
    core = re.sub(r"\s+software$", "", name)
    single = " " not in core
    if single and _plain_word(core) and not hot:
        return []  # "Analyze", "Algae": product names that are everyday words
    aliases.append((name, 1))
    if core != name:
        aliases.append((core, 1))
    if not (hot or commodity in _TECHNICAL):
        return aliases
    words = core.split()
    # "Cascading style sheets CSS" -> "CSS" and "Cascading style sheets"; two-letter
    # acronyms ("EE") say nothing on their own.
    initials = "".join(word[0].upper() for word in words[:-1])
    if len(words) > 1 and _ACRONYM.match(words[-1]) and words[-1][:2] in initials:
        if len(words[-1]) > 2:
            aliases.append((words[-1], 1))
        core = " ".join(words[:-1])
        aliases.append((core, 1))
    for vendor in _VENDORS:
        if core.startswith(vendor + " "):
            short = core[len(vendor) + 1 :]
            ordinary = _plain_word(short) and not hot
            if short.lower() not in _NO_SHORT_ALIAS and len(short) > 2 and not ordinary:
                aliases.append((short, 1))
            break
    return aliases


def _read_curated() -> list[tuple[str, str, list[tuple[str, int]]]]:
    entries = []
    for raw in (HERE / "curated_skills.tsv").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        canonical, category, strictness, aliases = raw.split("\t")
        items: list[tuple[str, int]] = []
        for alias in aliases.split(";"):
            text, _, own = alias.partition("^")
            items.append((text.strip(), int(own) if own else int(strictness)))
        entries.append((canonical, category, items))
    return entries


def build(onet_dir: Path, output: Path) -> int:
    entries = _read_curated()
    owned = {alias.lower() for _, _, items in entries for alias, _ in items}
    seen_names: set[str] = set()
    with (onet_dir / "Technology Skills.txt").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    hot_names = {row["Example"] for row in rows if row["Hot Technology"] == "Y"}
    for row in rows:
        name, commodity = row["Example"].strip(), row["Commodity Title"].strip()
        if name in seen_names:
            continue
        seen_names.add(name)
        items = []
        for alias, strictness in _onet_aliases(name, commodity, name in hot_names):
            if alias.lower() in owned:
                continue
            owned.add(alias.lower())
            items.append((alias, strictness))
        if items:
            entries.append((name, _CATEGORY_BY_COMMODITY.get(commodity, "tool"), items))
    with output.open("w", encoding="utf-8") as out:
        out.write("# Generated by build_taxonomy.py; see ATTRIBUTION.md. Do not edit by hand.\n")
        for canonical, category, items in entries:
            aliases = "\t".join(f"{alias}^{strictness}" for alias, strictness in items)
            out.write(f"{canonical}\t{category}\t{aliases}\n")
    return len(entries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("onet_dir", type=Path, help="folder with 'Technology Skills.txt'")
    parser.add_argument("--output", type=Path, default=HERE / "skills.tsv")
    args = parser.parse_args()
    count = build(args.onet_dir, args.output)
    print(f"wrote {count} skills to {args.output}")


if __name__ == "__main__":
    main()
