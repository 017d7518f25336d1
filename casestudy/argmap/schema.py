"""What a map file looks like, and how files saved by older versions are brought up to date.

A map file is a JSON object::

    {"format": "casestudy-argmap", "version": 2, "title": "...",
     "sides": [{"name": "EU", "colour": "blue", "description": "..."}, ...],
     "claims": [{"id": "c1", "text": "...", "side": "EU", "evidence": ["q-..."], "note": "..."}, ...],
     "relations": [{"id": "r1", "type": "objects", "premises": ["c2"], "target": "c1",
                    "debatable": "..."}, ...],
     "evidence_texts": {"q-...": "Speaker: the words"}}

Version history (each step has a migration in :data:`MIGRATIONS`, and a test
that loads a file saved by the older code):

* **1** (up to issue 10): no ``sides``; a claim's side was one of the bundled
  article's two sides or ``"neither"``.
* **2**: the map carries its own ``sides``, in order.  A version-1 file gets
  the sides its claims use, in order of first appearance (``"neither"`` left
  out); the palette gives them colours in that order.

A relation's ``debatable`` note (optional, any version) marks a link of the
reference map that a careful reader could draw otherwise, and says why.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from ..errors import InputError
from .sides import sides_from_claims

FORMAT = "casestudy-argmap"
"""The ``format`` field every saved map carries, so other JSON files are recognised as such."""

VERSION = 2
"""The newest map-file version this code reads and the one it writes."""


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 had no sides: take them from the claims, in order of first appearance."""
    claims = data.get("claims")
    sides = [c.get("side") for c in claims if isinstance(c, dict)] if isinstance(claims, list) else []
    data["sides"] = sides_from_claims(sides)
    return data


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}
"""``MIGRATIONS[n]`` turns the data of a version-``n`` file into version ``n + 1``."""


def upgrade(data: Any, source: str = "the map") -> dict[str, Any]:
    """Check a map file's ``format`` and ``version`` and bring older versions up to :data:`VERSION`.

    The data given is not changed (the file on disk never is): the result is an upgraded copy.

    >>> upgrade({"format": "casestudy-argmap", "version": 1, "claims": [{"side": "neither"}, {"side": "Blue"}]})["sides"]
    ['Blue']
    >>> upgrade({"format": "casestudy-argmap", "version": 9})
    Traceback (most recent call last):
    ...
    casestudy.errors.InputError: the map was saved by a newer casestudy (map version 9; this one reads up to 2): open it with that version, or update this case study and reinstall it (.venv/bin/python -m pip install -e .); the file was not changed
    """
    if not isinstance(data, dict):
        raise InputError(f"{source} is not an argument map: expected a JSON object, found {type(data).__name__}")
    if data.get("format") != FORMAT:
        found = repr(data["format"]) if "format" in data else "no 'format' field"
        raise InputError(f"{source} is not an argument map ({found}; expected format {FORMAT!r}): "
                         "choose a file saved by the argument-map widget")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InputError(f"{source} has an invalid version {version!r}: expected a whole number like {VERSION}")
    if version > VERSION:
        raise InputError(f"{source} was saved by a newer casestudy (map version {version}; this one reads up "
                         f"to {VERSION}): open it with that version, or update this case study and reinstall it "
                         "(.venv/bin/python -m pip install -e .); the file was not changed")
    upgraded: dict[str, Any] = copy.deepcopy(data)
    while version < VERSION:
        upgraded = MIGRATIONS[version](upgraded)
        version += 1
        upgraded["version"] = version
    if "sides" not in upgraded:
        raise InputError(f"{source} has no 'sides' list (map version {VERSION} needs one): add the sides in "
                         "order, e.g. \"sides\": [\"EU\", \"UK\"]")
    return upgraded


# -- reading fields, each with a one-line error ------------------------------------


def require(ok: bool, message: str) -> None:
    """Raise :class:`InputError` with ``message`` unless ``ok``."""
    if not ok:
        raise InputError(message)


def list_field(data: dict[str, Any], name: str, source: str) -> list[Any]:
    """The list ``data[name]`` (an empty list when absent)."""
    value = data.get(name, [])
    if not isinstance(value, list):
        raise InputError(f"{source}: {name!r} must be a list")
    return value


def str_list(value: Any, message: str) -> tuple[str, ...]:
    """A JSON list of strings as a tuple, or a one-line error with ``message``."""
    require(isinstance(value, list) and all(isinstance(v, str) for v in value), message)
    return tuple(value)


def str_field(obj: dict[str, Any], name: str, where: str) -> str:
    """The text ``obj[name]``, which must be there."""
    value = obj.get(name)
    if not isinstance(value, str):
        raise InputError(f"{where}: {name!r} must be text, found {type(value).__name__}")
    return value
