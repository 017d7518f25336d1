"""World-wide word lists, read from ``casestudy/quotes/data/`` the first time they are needed.

* :func:`first_name_gender` - the gender a first name suggests, from a table of 51,794 names
  derived from nomquamgender (MIT; 36 name-gender sources from more than 150 countries);
* :func:`nation_key` - the country (ISO 3166 code) or grouping a word names: "German", "Germany",
  "Germany's" and "Germans" all give ``"DE"``; country names from pycountry, nationality words
  from the CIA World Factbook (public domain) and a short project-written list of groupings
  ("European", "NATO", "Soviet");
* :func:`honorific` - the gender a title implies ("Mrs", "Lord", "Sister") or ``"-"`` for none.

``data/README.md`` gives each file's source, version and licence; ``tools/make_demonyms.py`` and
``tools/make_first_names.py`` regenerate the generated ones.  Importing this module reads
nothing: each table is read once, on first use (pycountry is imported then too).

>>> first_name_gender("Condoleezza"), first_name_gender("Ingrid"), first_name_gender("Jean")
('unknown', 'female', 'unknown')
>>> nation_key("German"), nation_key("Germany's"), nation_key("U.S."), nation_key("Kremlin"), nation_key("minister")
('DE', 'DE', 'US', 'RU', None)
>>> honorific("Mrs."), honorific("Lord"), honorific("Cllr"), honorific("Bob")
('female', 'male', '-', None)
"""

from __future__ import annotations

import unicodedata
import functools
from functools import cache
from importlib import resources

_FOLD = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th",
                       "ð": "d", "’": "'"})
_GENDER = {"m": "male", "f": "female"}


def fold(word: str) -> str:
    """Lower case without accents ("Íngrid" -> "ingrid"), as the tables store names.

    >>> fold("Íngrid"), fold("Mícheál"), fold("Søren")
    ('ingrid', 'micheal', 'soren')
    """
    w = word.lower()
    if w.isascii():
        return w
    w = w.translate(_FOLD)
    return "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))


def _rows(name: str) -> list[list[str]]:
    """The data rows of a tab-separated file in ``data/`` (comment lines and the header left out)."""
    text = (resources.files("casestudy.quotes") / "data" / name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return rows[1:] if rows and rows[0][0] in ("form", "code") else rows


@cache
def _first_names() -> dict[str, str]:
    return {name: _GENDER[g] for name, g in _rows("first_names.tsv")}


def first_name_gender(name: str) -> str:
    """'male', 'female' or 'unknown': the gender a first name suggests (unknown when ambiguous or unlisted)."""
    return _first_names().get(fold(name.rstrip(".")), "unknown")


def is_listed_first_name(name: str) -> bool:
    """True when the name table gives this word a gender (it may still be an ordinary word: "Will", "Hope")."""
    return fold(name) in _first_names()


@cache
def _honorifics() -> dict[str, tuple[str, str, str]]:
    """Title -> (gender, kind, what it stands for), e.g. "gen" -> ("-", "military", "general")."""
    return {form: ({"m": "male", "f": "female"}.get(g, "-"), kind, expansion.split(" (")[0].lower())
            for form, g, kind, expansion, *_ in _rows("honorifics.tsv")}


def honorific(words: str) -> str | None:
    """'male', 'female' or '-' (no gender) for a title ("Mr", "Mrs.", "Lt Gen"), None for anything else."""
    found = _honorifics().get(" ".join(w.rstrip(".").lower() for w in words.split()))
    return found[0] if found else None


def title_role(word: str) -> str | None:
    """The role a title word names, spelt out ("Gen." -> "general", "Cllr" -> "councillor"); None for a
    courtesy title that names no role ("Mr", "Mrs") and for words that are no title.

    >>> title_role("Gen."), title_role("Cllr"), title_role("Mr"), title_role("Minister")
    ('general', 'councillor', None, 'minister')
    """
    found = _honorifics().get(word.rstrip(".").lower())
    if found is None or found[1] == "courtesy":
        return None
    return found[2]


@cache
def honorific_words() -> frozenset[str]:
    """Every one-word title, lower case, with and without its full stop ("mr", "mr.", "cllr", "lord")."""
    words = {form for form in _honorifics() if " " not in form}
    return frozenset(words | {w + "." for w in words})


@cache
def _nations() -> dict[str, str]:
    """Folded country names, nationality words and groupings -> ISO 3166 code (or a grouping's key)."""
    import pycountry   # imported on first use only: about 60 ms

    index: dict[str, str] = {}
    ambiguous: set[str] = set()

    def add(form: str, code: str) -> None:
        k = fold(form).removeprefix("the ")
        if index.get(k, code) != code:
            ambiguous.add(k)
        index[k] = code

    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:            # "Korea, Republic of" never appears in running text
                add(value, c.alpha_2)
    for code, _kind, form in _rows("demonyms.tsv"):
        add(form, code)
    for form, key, *_ in _rows("groupings.tsv"):
        add(form, key)
    for k in ambiguous:                               # "Congolese", "Dominican": two countries, no guess
        del index[k]
    return index


@cache
def _adjectives() -> frozenset[str]:
    """Folded one-word nationality adjectives and groupings ("german", "european", "nato", "soviet")."""
    words = {fold(form) for _code, kind, form in _rows("demonyms.tsv") if kind == "adjective" and " " not in form}
    words |= {fold(form) for form, *_ in _rows("groupings.tsv") if " " not in form}
    return frozenset(w for w in words if w in _nations())


@functools.lru_cache(maxsize=65536)
def nation_key(word: str) -> str | None:
    """The country code (or grouping) a word names, with a possessive ``'s`` ignored; else None."""
    w = fold(word).rstrip(",")
    if w.endswith("'s"):
        w = w[:-2]
    nations = _nations()
    return nations.get(w) or nations.get(w.rstrip("."))


@functools.lru_cache(maxsize=65536)
def is_nationality_adjective(word: str) -> bool:
    """True for a one-word nationality or grouping adjective ("Russian", "U.S.", "European", "NATO").

    >>> is_nationality_adjective("Russian"), is_nationality_adjective("Jordan")
    (True, False)
    """
    w = fold(word).rstrip(",")
    return w in _adjectives() or w in ("u.s.", "us", "u.n.", "un", "uk", "u.k.", "eu")
