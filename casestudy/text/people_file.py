"""People files: an article's sides and the people who speak in it, read and written as JSON.

A people file (``data/people.json`` is the bundled article's) is the one place
where an article's sides are written down: package code holds no side names.
Its format::

    {
      "sides": [{"name": "EU", "colour": "blue", "description": "the European Commission"}, "UK", "Norway"],
      "people": [{"name": "Margit Havelaar", "aliases": ["Havelaar"], "role": "chief negotiator",
                  "side": "EU", "gender": "female"}]
    }

``sides`` is optional (without it, the sides are the people's ``side`` values
in order of first appearance); each side is a name or an object with a
``name`` and optionally a ``colour`` (an Okabe-Ito name or ``#RRGGBB``) and a
one-line ``description``.  A person's ``side`` must be one of the sides, or
``unknown`` (the default).  Notebook 05's sides editor writes the same format
with :func:`save_people_file`.

>>> people, sides = read_people_file()
>>> [s.name for s in sides], people[0].name, people[0].side
(['US/NATO', 'Russia'], 'Sergei Lavrov', 'Russia')
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import MAX_SIDES, NEITHER, UNKNOWN, Person, Side, side_names, sides_of
from ..storage import check_work_path, save_work
from .files import data_path, parse_json, read_json

PEOPLE_FILE = "a people file (.json) like data/people.json"
"""What a people file is, for messages."""

DEFAULT_PEOPLE_FILE = "my_people.json"
"""Where notebook 05's sides editor saves a people file unless told otherwise (in the working folder)."""

SCHEMA_VERSION = 2
"""The version of the people-file format (``data/people.json``'s ``schema_version``)."""

_FIX = "it needs a list 'people' of objects with a 'name' (see data/people.json)"


def load_people(path: str | Path | None = None) -> tuple[Person, ...]:
    """The people of a people file (name, aliases, role, side, gender); the bundled one without a path."""
    return read_people_file(path)[0]


def load_sides(path: str | Path | None = None) -> tuple[Side, ...]:
    """The sides of a people file: its ``sides`` list, else its people's sides in order of first appearance.

    >>> [s.name for s in load_sides()]
    ['US/NATO', 'Russia']
    """
    return read_people_file(path)[1]


def read_people_file(path: str | Path | None = None) -> tuple[tuple[Person, ...], tuple[Side, ...]]:
    """A people file's people and sides (see the module's docstring for the format).

    Without a path, the bundled article's file is read.
    """
    name = str(path) if path is not None else "people.json"
    return people_from_json(read_json(path or data_path("people.json"), expected=PEOPLE_FILE), name)


def parse_people_file(text: str, name: str = "the people file") -> tuple[tuple[Person, ...], tuple[Side, ...]]:
    """The people and sides of a people file's text (for a file edited in a notebook cell).

    >>> people, sides = parse_people_file('{"sides": ["EU", "UK"], "people": [{"name": "Ann Lee", "side": "UK"}]}')
    >>> side_names(sides), people[0].side
    (('EU', 'UK'), 'UK')
    """
    return people_from_json(parse_json(text, name, fix=_FIX), name)


def people_from_json(raw: Any, name: str) -> tuple[tuple[Person, ...], tuple[Side, ...]]:
    """Check a parsed people file and return its people and sides, or one line saying what is wrong."""
    if not isinstance(raw, dict) or not isinstance(raw.get("people"), list):
        raise InputError(f"{name} is not a people file: {_FIX}")
    version = raw.get("schema_version", SCHEMA_VERSION)
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise InputError(f"{name} was saved by a newer casestudy (people file version {version}; this one reads up "
                         f"to {SCHEMA_VERSION}): update this case study and reinstall it (.venv/bin/python -m pip install -e .); the file was not changed")
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
        raise InputError(f"{name} is not a people file: {_FIX}") from None
    declared = _declared_sides(raw.get("sides", []), name)
    if declared:
        known = set(side_names(declared)) | {UNKNOWN, NEITHER}
        stray = next((p for p in people if p.side.strip() and p.side not in known), None)
        if stray is not None:
            raise InputError(f"{name}: {stray.name}'s side {stray.side!r} is not one of its sides "
                             f"({', '.join(side_names(declared))}): add it to 'sides' or correct the spelling")
    return people, sides_of(people, declared)


def _declared_sides(items: Any, name: str) -> tuple[Side, ...]:
    fix = ("'sides' must be a list of names or of objects with a 'name' (and optionally 'colour' and "
           f"'description'), at most {MAX_SIDES}")
    if not isinstance(items, list):
        raise InputError(f"{name}: {fix}")
    sides: list[Side] = []
    for item in items:
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip() \
                or not all(isinstance(item.get(k, ""), str) for k in ("colour", "description")):
            raise InputError(f"{name}: {fix}")
        sides.append(Side(" ".join(item["name"].split()), item.get("colour") or None, item.get("description", "")))
    try:
        return check_sides(sides)
    except InputError as exc:
        raise InputError(f"{name}: {exc}") from None


def check_sides(sides: Iterable[Side | str]) -> tuple[Side, ...]:
    """Sides a reader declared, checked: each named once, none reserved, at most :data:`~casestudy.models.MAX_SIDES`.

    >>> side_names(check_sides(["EU", Side("UK")]))
    ('EU', 'UK')
    >>> check_sides(["EU", "eu"])
    Traceback (most recent call last):
    ...
    casestudy.errors.InputError: the side 'eu' is listed twice: give each side once
    >>> check_sides("EU, UK")
    Traceback (most recent call last):
    ...
    casestudy.errors.InputError: the sides must be a list of names, e.g. ['EU', 'UK'], not a string
    """
    if isinstance(sides, (str, bytes)) or not isinstance(sides, Iterable):
        raise InputError(f"the sides must be a list of names, e.g. ['EU', 'UK'], not {_a(sides)}")
    out: list[Side] = []
    for side in sides:
        if not isinstance(side, (str, Side)):
            raise InputError(f"each side must be a name (text), e.g. 'EU', not {_a(side)}")
        side = side if isinstance(side, Side) else Side(" ".join(side.split()))
        if not side.name:
            raise InputError("a side has no name: give each side a name, e.g. 'EU'")
        if side.name.lower() in (UNKNOWN, NEITHER):
            raise InputError(f"{side.name!r} is not a side: {UNKNOWN!r} and {NEITHER!r} are what is left over "
                             "(speakers and claims of no side)")
        if side.name.lower() in (s.name.lower() for s in out):
            raise InputError(f"the side {side.name!r} is listed twice: give each side once")
        out.append(side)
    if len(out) > MAX_SIDES:
        raise InputError(f"{len(out)} sides is too many: use at most {MAX_SIDES} (merge small sides, "
                         "or leave minor speakers on no side)")
    return tuple(out)


def _a(value: object) -> str:
    """What a value is, for a message: 'a string', 'a SidesEditor'."""
    name = "string" if isinstance(value, str) else type(value).__name__
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def parse_side_names(text: str) -> tuple[Side, ...]:
    """Sides typed by a reader: names separated by commas, semicolons or new lines, checked with :func:`check_sides`.

    >>> side_names(parse_side_names("EU, UK;  Norway\\n"))
    ('EU', 'UK', 'Norway')
    """
    if not isinstance(text, str):
        raise InputError(f"the sides must be text such as 'EU, UK, Norway', not {type(text).__name__}")
    return check_sides(part for part in re.split(r"[,;\n]", text) if part.strip())


def people_file_json(people: Sequence[Person], sides: Sequence[Side], note: str = "") -> dict[str, Any]:
    """A people file's content: the sides in order, then each person (empty fields left out).

    >>> people_file_json([Person("Ann Lee", side="UK")], [Side("EU"), Side("UK")])
    {'schema_version': 2, 'sides': [{'name': 'EU'}, {'name': 'UK'}], 'people': [{'name': 'Ann Lee', 'side': 'UK'}]}
    """
    out: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    if note:
        out["note"] = note
    out["sides"] = [s.to_json() for s in check_sides(sides)]
    items = []
    for p in people:
        item: dict[str, Any] = {"name": p.name}
        if p.aliases:
            item["aliases"] = list(p.aliases)
        if p.role:
            item["role"] = p.role
        item["side"] = p.side
        if p.gender != UNKNOWN:
            item["gender"] = p.gender
        items.append(item)
    out["people"] = items
    people_from_json(out, "the people file")    # what is written can be read back
    return out


def save_people_file(path: str | Path, people: Sequence[Person], sides: Sequence[Side], note: str = "") -> Path:
    """Write a people file (safely: the previous version is kept as ``NAME.bak``) and return its path.

    The name must end in ``.json``, and a file already there is replaced only
    if it is a people file: an article, a notebook or a map is never
    overwritten (:func:`casestudy.storage.save_work`).  Give the file to
    ``load_article(FILE, people=PATH)`` or to the command line's ``--people PATH``.

    >>> save_people_file("my_article.txt", [], [])
    Traceback (most recent call last):
    ...
    casestudy.errors.InputError: my_article.txt does not end in .json: give a name like 'my_people.json'
    """
    text = json.dumps(people_file_json(people, sides, note), ensure_ascii=False, indent=2) + "\n"
    return save_work(path, text, "a people file", read_people_file, DEFAULT_PEOPLE_FILE, endings=(".json",))


def people_file_path(path: str | Path) -> Path:
    """Where a people file may be saved: ``path`` checked as :func:`save_people_file` checks it, without writing."""
    return check_work_path(path, "a people file", read_people_file, DEFAULT_PEOPLE_FILE, endings=(".json",))
