"""Loading the bundled article, or any UTF-8 text file, as typed objects.

>>> article = load_article()
>>> article.metadata.published
'2007-04-26'
>>> [p.name for p in article.people][:2]
['Sergei Lavrov', 'Condoleezza Rice']
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import MAX_SIDES, NEITHER, UNKNOWN, Article, ArticleMetadata, Person, Side, sides_of

BUNDLED_ARTICLE = "oslo_2007-04-26_ria_novosti.txt"
MAX_BYTES = 50_000_000
"""Files larger than this (50 MB) are refused: no news article is that long."""


def data_dir() -> Path:
    """The folder holding the bundled data files.

    In a wheel the files live inside the package (``casestudy/data``); in an
    editable install or a source checkout they are the repository's ``data/``.
    """
    packaged = resources.files("casestudy") / "data"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "data"
    if checkout.is_dir():
        return checkout
    raise InputError(
        "the bundled data folder is missing: reinstall the package with "
        "'pip install --force-reinstall casestudy' (or 'pip install -e .' in a checkout)"
    )


def data_path(name: str) -> Path:
    """The path of one bundled data file, e.g. ``data_path('people.json')``."""
    path = data_dir() / name
    if not path.is_file():
        raise InputError(f"the bundled data file {name!r} is missing from {data_dir()}: reinstall the package")
    return path


TEXT_FILE = "a plain-text (.txt) file saved as UTF-8"
"""What :func:`read_text` asks for when a file is a folder or binary (callers reading JSON name their own kind)."""


def parse_json(text: str, name: str = "the text", fix: str = "fix or replace the file") -> Any:
    """Parse JSON text as data (never as code), with a one-line :class:`InputError` when it is not JSON.

    Every JSON file the package reads (maps, ratings, people, metadata) goes
    through here, so they all accept a byte-order mark and all explain errors
    the same way: the line and column, and what to do (``fix``).

    >>> parse_json('\ufeff{"a": 1}')
    {'a': 1}
    >>> parse_json('{"a": ', "notes.json")
    Traceback (most recent call last):
    ...
    casestudy.errors.InputError: notes.json is not valid JSON (line 1, column 7: Expecting value); fix or replace the file
    """
    if not text.strip():
        raise InputError(f"{name} is empty; {fix}")
    try:
        return json.loads(text.removeprefix("\ufeff"))  # a byte-order mark, as some Windows editors add
    except json.JSONDecodeError as exc:
        raise InputError(f"{name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); {fix}") from None
    except (RecursionError, ValueError) as exc:  # nesting thousands deep, or a number thousands of digits long
        problem = "nested too deeply" if isinstance(exc, RecursionError) else "holds a number too long to read"
        raise InputError(f"{name} is not JSON this package wrote ({problem}); {fix}") from None


def read_json(path: str | Path, expected: str = "a JSON (.json) file saved as UTF-8",
              fix: str = "fix or replace the file") -> Any:
    """Read a JSON file with a clear error when it is missing, not text, or not valid JSON."""
    path = Path(path)
    return parse_json(read_text(path, expected), str(path), fix)


def _guess_encoding(data: bytes) -> str:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "latin-1"
    return "Windows-1252"


def decode_text(data: bytes, name: str = "the text", expected: str = TEXT_FILE) -> str:
    """Decode bytes as UTF-8, refusing binary data and naming the likely encoding otherwise.

    The result equals what ``Path(name).read_text(encoding="utf-8")`` gives for a
    good file, so offsets into it mean the same thing to every tool.

    >>> decode_text(b"one\\r\\ntwo")
    'one\\ntwo'
    >>> decode_text(bytes([0x93, 0x48, 0x69, 0x94]), "notes.txt")
    Traceback (most recent call last):
    ...
    casestudy.errors.InputError: notes.txt is not UTF-8 (byte 0 is 0x93); it looks like Windows-1252: ...
    """
    if b"\x00" in data[:8192]:
        raise InputError(f"{name} looks like a binary file, not text: give {expected}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        guess = _guess_encoding(data)
        raise InputError(
            f"{name} is not UTF-8 (byte {exc.start} is 0x{data[exc.start]:02x}); it looks like {guess}: "
            f"re-save it as UTF-8, or convert it with "
            f"Path(p).write_text(Path(p).read_text(encoding='{guess.lower()}'), encoding='utf-8')"
        ) from None
    # Exactly what Path.read_text(encoding="utf-8") returns: universal newlines
    # (Windows CRLF and old Mac CR become LF), so character offsets agree with it.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: str | Path, expected: str = TEXT_FILE) -> str:
    """Read a UTF-8 text file, or raise :class:`InputError` saying what is wrong and what to do.

    ``expected`` names the kind of file wanted, for the messages about folders and binary files.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path} does not exist: check the path (the working folder is {Path.cwd()})")
    if path.is_dir():
        raise InputError(f"{path} is a folder, not a file: give the path of {expected} inside it")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path} is {size / 1e6:.0f} MB; news articles are far smaller: give one article's text")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(f"{path} cannot be read (permission denied): copy it somewhere you can read") from None
    except OSError as exc:
        raise InputError(f"{path} cannot be read ({exc.strerror}): check the path") from None
    return decode_text(data, str(path), expected)


_PAGE_TAGS = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.I)
_TAG = re.compile(r"<(?:[a-zA-Z][^<>]{0,300}|/[a-zA-Z][^<>]{0,40})>|<!--.*?-->", re.S)


def markup_share(text: str) -> float:
    """The share of characters inside HTML tags and comments (0.0 for plain text).

    >>> round(markup_share("Plain <b>news</b> text."), 2)
    0.3
    """
    if not text:
        return 0.0
    return sum(len(m.group()) for m in _TAG.finditer(text)) / len(text)


def refuse_html_page(text: str, name: str) -> None:
    """Refuse a whole web page (mostly markup); a few tags inside news text are fine.

    >>> refuse_html_page("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "page.html")
    Traceback (most recent call last):
    ...
    casestudy.errors.InputError: page.html looks like an HTML web page, not article text: ...
    """
    # A page has the document tags (<html>, <head>, <body>); news text with embedded tweets or
    # links does not, however many tags it carries, so only a text that is mostly tags is refused too.
    if _PAGE_TAGS.search(text[:20_000]) or markup_share(text) > 0.5:
        raise InputError(
            f"{name} looks like an HTML web page, not article text: open it in a browser, copy the "
            "article's text, and save that as a .txt file (UTF-8)"
        )


def load_people(path: str | Path | None = None) -> tuple[Person, ...]:
    """The people of a people file (name, aliases, role, side, gender); the bundled one without a path."""
    return read_people_file(path)[0]


def load_sides(path: str | Path | None = None) -> tuple[Side, ...]:
    """The sides of a people file: its ``sides`` list, else its people's sides in order of first appearance.

    >>> [s.name for s in load_sides()]
    ['US/NATO', 'Russia']
    """
    return read_people_file(path)[1]


PEOPLE_FILE = "a people file (.json) like data/people.json"


def read_people_file(path: str | Path | None = None) -> tuple[tuple[Person, ...], tuple[Side, ...]]:
    """A people file's people and sides (see ``data/people.json`` for the format).

    ``people`` is a list of objects with a ``name`` and optionally ``aliases``,
    ``role``, ``side`` and ``gender``; ``sides``, optional, lists the sides in
    order, each a name or an object with ``name`` and optionally ``colour`` and
    ``description``.  Without a path, the bundled article's file is read.
    """
    name = str(path) if path is not None else "people.json"
    raw = read_json(path or data_path("people.json"), expected=PEOPLE_FILE)
    fix = "it needs a list 'people' of objects with a 'name' (see data/people.json)"
    if not isinstance(raw, dict) or not isinstance(raw.get("people"), list):
        raise InputError(f"{name} is not a people file: {fix}")
    try:
        if any(not isinstance(p.get("aliases", []), list) for p in raw["people"]):
            raise TypeError("aliases must be a list")
        people = tuple(
            Person(name=p["name"], aliases=tuple(p.get("aliases", ())), role=p.get("role", ""),
                   side=p.get("side", UNKNOWN), gender=p.get("gender", UNKNOWN))
            for p in raw["people"]
        )
        if not all(isinstance(p.name, str) and p.name.strip() and all(isinstance(a, str) for a in p.aliases)
                   and isinstance(p.side, str) for p in people):
            raise TypeError("a name, alias or side is not text")
    except (KeyError, TypeError, AttributeError):
        raise InputError(f"{name} is not a people file: {fix}") from None
    return people, sides_of(people, _declared_sides(raw.get("sides", []), name))


def _declared_sides(items: Any, name: str) -> tuple[Side, ...]:
    fix = ("'sides' must be a list of names or of objects with a 'name' (and optionally 'colour' and "
           f"'description'), at most {MAX_SIDES}")
    if not isinstance(items, list) or len(items) > MAX_SIDES:
        raise InputError(f"{name}: {fix}")
    sides: list[Side] = []
    for item in items:
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip() \
                or not all(isinstance(item.get(k, ""), str) for k in ("colour", "description")):
            raise InputError(f"{name}: {fix}")
        side = Side(item["name"].strip(), item.get("colour") or None, item.get("description", ""))
        if side.name.lower() in (UNKNOWN, NEITHER) or side.name in [s.name for s in sides]:
            raise InputError(f"{name}: the side {side.name!r} is listed twice or is reserved "
                             f"({UNKNOWN!r} and {NEITHER!r} are what is left over, not sides)")
        sides.append(side)
    return tuple(sides)


def _metadata(raw: dict[str, Any]) -> ArticleMetadata:
    known = {"title", "publisher", "dateline_place", "published", "page_timestamp", "copyright", "known", "inferred", "sources"}
    return ArticleMetadata(
        title=raw.get("title"), publisher=raw.get("publisher"), dateline_place=raw.get("dateline_place"),
        published=raw.get("published"), page_timestamp=raw.get("page_timestamp"), copyright=raw.get("copyright"),
        known=tuple(raw.get("known", ())), inferred=tuple(raw.get("inferred", ())),
        sources=tuple(raw.get("sources", ())),
        extra={k: v for k, v in raw.items() if k not in known},
    )


def load_article(path: str | Path | None = None, people: str | Path | None = None) -> Article:
    """Load the bundled Oslo article, or any UTF-8 text file, as an :class:`Article`.

    Without a path you get the case-study article with its metadata and the
    hand-written people file.  With a path you get that file's text and empty
    metadata: nothing is known about an arbitrary file until the cleaning steps
    find it in the text.  Only the file you name is read.  ``people`` names a
    people file (the format of ``data/people.json``) that gives the article's
    people and sides.

    >>> load_article("no/such/file.txt")
    Traceback (most recent call last):
    ...
    casestudy.errors.InputError: no/such/file.txt does not exist: check the path (the working folder is ...)
    """
    cast = read_people_file(people) if people is not None or path is None else ((), ())
    if path is None:
        raw_path = data_path(BUNDLED_ARTICLE)
        return Article(raw=read_text(raw_path), source=BUNDLED_ARTICLE,
                       metadata=_metadata(read_json(data_path("metadata.json"))),
                       people=cast[0], sides=cast[1], bundled=True)
    text = read_text(path)
    if not text.strip():
        raise InputError(f"{path} is empty (or only white space): paste an article's text into it first")
    refuse_html_page(text, str(path))
    return Article(raw=text, source=str(path), people=cast[0], sides=cast[1])


def load_text(text: str, source: str = "<text>") -> Article:
    """Wrap text you already have (for example pasted into a notebook) as an :class:`Article`."""
    if not isinstance(text, str):
        raise InputError(f"expected the article as a string, got {type(text).__name__}")
    if not text.strip():
        raise InputError("the text is empty: paste an article's text first")
    refuse_html_page(text, source)
    return Article(raw=text, source=source)
