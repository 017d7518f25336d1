"""A student's own sentiment ratings: saved safely to JSON and compared with VADER.

The rating activity in notebook 03 asks the student to rate sentences from
-2 (very negative) to +2 (very positive).  This module holds the logic, with
no widgets: the file format, safe saving, and the agreement figures.

Saving is atomic: the new ratings go to a temporary file in the same folder,
which then replaces the old file in one step (``os.replace``); the previous
version is kept as ``<name>.bak``.  A file that cannot be read as ratings is
never overwritten: :func:`save_ratings` refuses, and the message says what to do.

>>> a = agreement([2, -1, 0], [0.8, -0.6, 0.3])
>>> a.n, a.same_label, round(a.mean_abs_difference, 3)
(3, 2, 0.4)
"""

from __future__ import annotations

import json
import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..text.loading import read_json
from .vader import label_for
from ..storage import atomic_write_text, backup_path, check_save_path

RATINGS_FILE = "sentiment_ratings.json"
"""Default file name, created in the notebook's working folder."""

FORMAT = "casestudy-sentiment-ratings"
SCHEMA_VERSION = 1
SCALE = (-2, -1, 0, 1, 2)
"""The rating scale: -2 very negative, 0 neutral, +2 very positive."""
SCALE_LABELS = {-2: "very negative", -1: "negative", 0: "neutral", 1: "positive", 2: "very positive"}


@dataclass(frozen=True)
class Rating:
    """One rated item: its stable id, its text and the student's rating on :data:`SCALE`."""

    id: str
    text: str
    rating: int


def rating_label(rating: int) -> str:
    """``'negative'``, ``'neutral'`` or ``'positive'`` for a rating (the sign decides).

    >>> rating_label(-2), rating_label(0), rating_label(1)
    ('negative', 'neutral', 'positive')
    """
    return "positive" if rating > 0 else "negative" if rating < 0 else "neutral"


# -- the file ----------------------------------------------------------------------

def ratings_to_json(ratings: Mapping[str, Rating], revealed: Iterable[str] = ()) -> dict[str, Any]:
    """The JSON document for a set of ratings.

    ``revealed`` lists the ids of items whose VADER score the student has seen (after rating
    them); a rating made before its reveal is a *blind* rating.  The key is optional, so files
    written before it existed still load.
    """
    doc: dict[str, Any] = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "scale": [SCALE[0], SCALE[-1]],
        "ratings": {r.id: {"text": r.text, "rating": r.rating} for r in ratings.values()},
    }
    shown = sorted(set(revealed))
    if shown:
        doc["revealed"] = shown
    return doc


def revealed_from_json(data: Any, name: str = "the ratings file") -> set[str]:
    """The ids of the items whose VADER score was revealed (empty for older files).

    >>> sorted(revealed_from_json({"ratings": {}, "revealed": ["s-2", "s-1"]}))
    ['s-1', 's-2']
    """
    value = data.get("revealed", []) if isinstance(data, dict) else []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{name}: 'revealed' must be a list of item ids; fix or rename the file "
                         "(it was left unchanged)")
    return set(value)


def ratings_from_json(data: Any, name: str = "the ratings file") -> dict[str, Rating]:
    """Check a parsed ratings document and return its ratings; a one-line :class:`InputError` if it is wrong.

    >>> ratings_from_json({"format": FORMAT, "schema_version": 1, "ratings": {"s-1": {"text": "Hi.", "rating": 1}}})
    {'s-1': Rating(id='s-1', text='Hi.', rating=1)}
    >>> ratings_from_json({"ratings": {"s-1": {"text": "Hi.", "rating": 7}}})
    Traceback (most recent call last):
    ...
    casestudy.errors.InputError: the ratings file: rating of 's-1' is 7, not one of -2, -1, 0, 1, 2; fix or rename the file (it was left unchanged)
    """
    fix = "fix or rename the file (it was left unchanged)"
    if not isinstance(data, dict) or not isinstance(data.get("ratings"), dict):
        raise InputError(f"{name} is not a ratings file (no 'ratings' object); {fix}")
    if data.get("format", FORMAT) != FORMAT:
        raise InputError(f"{name} has format {data.get('format')!r}, not {FORMAT!r}; {fix}")
    if data.get("schema_version", SCHEMA_VERSION) != SCHEMA_VERSION:
        raise InputError(f"{name} has schema_version {data.get('schema_version')!r}, "
                         f"this version reads {SCHEMA_VERSION}; {fix}")
    out: dict[str, Rating] = {}
    for key, entry in data["ratings"].items():
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
            raise InputError(f"{name}: entry {key!r} needs a 'text' string and a 'rating'; {fix}")
        value = entry.get("rating")
        if isinstance(value, bool) or not isinstance(value, int) or value not in SCALE:
            raise InputError(f"{name}: rating of {key!r} is {value!r}, not one of "
                             f"{', '.join(map(str, SCALE))}; {fix}")
        out[key] = Rating(key, entry["text"], value)
    revealed_from_json(data, name)  # checked here too, so a wrong 'revealed' is refused on load
    return out


def _read_document(path: Path) -> Any:
    if path.is_dir():
        raise InputError(f"{path} is a folder, not a ratings file: choose a file name such as {RATINGS_FILE!r}")
    # the shared readers: binary files, other encodings, BOMs and broken JSON get the same one-line messages
    return read_json(path, "a ratings file (.json) saved by the rating activity",
                     fix="fix or rename the file (it was left unchanged)")


def load_ratings(path: str | Path) -> dict[str, Rating]:
    """The ratings saved in ``path``; an empty dict when the file does not exist yet."""
    path = Path(path)
    if not path.exists():
        return {}
    return ratings_from_json(_read_document(path), str(path))


def load_revealed(path: str | Path) -> set[str]:
    """The ids of the items in ``path`` whose VADER score the student has seen; empty without a file."""
    path = Path(path)
    if not path.exists():
        return set()
    data = _read_document(path)
    ratings_from_json(data, str(path))
    return revealed_from_json(data, str(path))


def save_ratings(path: str | Path, ratings: Mapping[str, Rating], revealed: Iterable[str] = ()) -> Path:
    """Write ratings to ``path`` atomically, keeping the previous version as ``.bak``.

    Refuses (with :class:`InputError`) to replace a file that is not a valid
    ratings file, so nobody's work is lost to a typo in the path.
    """
    path = check_save_path(path, RATINGS_FILE)
    if path.exists() and path.stat().st_size > 0:  # an empty file holds no work to lose
        load_ratings(path)  # raises if the existing file is not ours: never overwrite it
    text = json.dumps(ratings_to_json(ratings, revealed), ensure_ascii=False, indent=1) + "\n"
    return atomic_write_text(path, text)


# -- agreement with VADER ------------------------------------------------------------------

@dataclass(frozen=True)
class Agreement:
    """How a student's ratings compare with VADER's compound scores on the same items.

    ``same_label``: items where both say positive, negative or neutral
    (VADER's neutral band is |compound| < 0.05); ``mean_abs_difference``: the
    average gap between the rating and compound x 2 (both on -2..+2);
    ``correlation``: Pearson's r, ``None`` below 3 items or without variation.
    """

    n: int
    same_label: int
    mean_abs_difference: float | None
    correlation: float | None

    @property
    def share_same_label(self) -> float | None:
        return self.same_label / self.n if self.n else None

    def describe(self) -> str:
        """One line for a widget or a figure title.

        >>> agreement([2, -1, 0], [0.8, -0.6, 0.3]).describe()
        'same label on 2 of 3 items (67%), mean gap 0.40 points, r = 0.94'
        """
        if not self.n:
            return "no items rated yet"
        r = "r n/a" if self.correlation is None else f"r = {self.correlation:.2f}"
        return (f"same label on {self.same_label} of {self.n} items ({self.share_same_label:.0%}), "
                f"mean gap {self.mean_abs_difference:.2f} points, {r}")


def differences(student: Sequence[float], vader: Sequence[float]) -> list[float]:
    """Per item: the student's rating minus VADER's compound x 2 (positive: the student was more positive).

    >>> differences([2, -1], [0.5, -0.5])
    [1.0, 0.0]
    """
    return [round(s - 2 * v, 4) for s, v in zip(student, vader, strict=True)]


def agreement(student: Sequence[float], vader: Sequence[float]) -> Agreement:
    """Agreement between ratings on -2..+2 and VADER compound scores on -1..+1."""
    diffs = differences(student, vader)
    n = len(diffs)
    same = sum(rating_label(int(s)) == label_for(v) for s, v in zip(student, vader))
    mad = statistics.fmean(abs(d) for d in diffs) if n else None
    corr = None
    if n >= 3 and len(set(student)) > 1 and len(set(vader)) > 1:
        corr = statistics.correlation([float(s) for s in student], [float(v) for v in vader])
        corr = None if math.isnan(corr) else round(corr, 4)
    return Agreement(n, same, mad, corr)
