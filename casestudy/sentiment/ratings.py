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
from ..storage import save_work

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
    text = json.dumps(ratings_to_json(ratings, revealed), ensure_ascii=False, indent=1) + "\n"
    return save_work(path, text, "a ratings file", load_ratings, RATINGS_FILE)


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


# -- a class's ratings, pooled -------------------------------------------------------------

def krippendorff_alpha_ordinal(units: Sequence[Sequence[float]]) -> float | None:
    """Krippendorff's alpha for ordinal data: agreement among raters beyond what chance would give.

    ``units`` holds, for each rated item, the values its raters gave (any number of raters per
    item; items with fewer than two values are left out, as the method prescribes). The result
    is 1 for perfect agreement, about 0 for agreement no better than chance, and below 0 for
    systematic disagreement; ``None`` when it is undefined (fewer than two pairable values, or
    no variation at all).

    The computation follows Krippendorff, *Computing Krippendorff's Alpha-Reliability* (2011):
    a coincidence matrix of the values paired within each item, and the ordinal difference
    between two values, which grows with how many values lie between them:
    alpha = 1 - observed disagreement / expected disagreement.

    >>> krippendorff_alpha_ordinal([[1, 1], [2, 2], [0, 0]])
    1.0
    >>> round(krippendorff_alpha_ordinal([[2, 1], [0, 0], [-1, -2], [1, 2]]), 4)
    0.8056
    """
    pairable = [list(u) for u in units if len(u) >= 2]
    values = sorted({v for u in pairable for v in u})
    if len(values) < 2:
        return None
    index = {v: i for i, v in enumerate(values)}
    size = len(values)
    coincidence = [[0.0] * size for _ in range(size)]
    for unit in pairable:
        weight = 1 / (len(unit) - 1)
        for a in range(len(unit)):
            for b in range(len(unit)):
                if a != b:
                    coincidence[index[unit[a]]][index[unit[b]]] += weight
    totals = [sum(row) for row in coincidence]
    n = sum(totals)

    def delta2(c: int, k: int) -> float:  # the ordinal metric: the values between c and k, and half of each end
        low, high = min(c, k), max(c, k)
        return (sum(totals[low:high + 1]) - (totals[c] + totals[k]) / 2) ** 2

    observed = sum(coincidence[c][k] * delta2(c, k) for c in range(size) for k in range(size))
    expected = sum(totals[c] * totals[k] * delta2(c, k) for c in range(size) for k in range(size)) / (n - 1)
    if expected == 0:
        return None
    return 1 - observed / expected


@dataclass(frozen=True)
class PooledItem:
    """One rated item across the class: its text, VADER's compound, how many rated it, their mean and sd."""

    id: str
    text: str
    vader: float
    raters: int
    mean: float | None
    sd: float | None

    def to_row(self) -> dict[str, Any]:
        """The item as a CSV row of ``python -m casestudy ratings --csv``."""
        return {"id": self.id, "text": self.text, "vader_compound": round(self.vader, 4), "raters": self.raters,
                "mean": None if self.mean is None else round(self.mean, 2),
                "sd": None if self.sd is None else round(self.sd, 2)}


POOLED_COLUMNS = ("id", "text", "vader_compound", "raters", "mean", "sd")
"""The columns of :meth:`PooledItem.to_row`."""


@dataclass(frozen=True)
class Pool:
    """A class's ratings pooled: one row per item, the agreement among students and with VADER."""

    items: list[PooledItem]
    raters: int
    alpha: float | None
    alpha_items: int
    with_vader: Agreement

    def describe(self) -> list[str]:
        """The two summary lines: students among themselves, and the class mean against VADER."""
        students = "the 1 student" if self.raters == 1 else f"the {self.raters} students"
        if self.alpha is None:
            among = (f"Agreement among {students}: Krippendorff's alpha (ordinal) is undefined "
                     "(it needs at least two ratings of one item, and some variation)")
        else:
            among = (f"Agreement among {students}: Krippendorff's alpha (ordinal) = "
                     f"{self.alpha:.2f}, over {self.alpha_items} items rated by two or more "
                     "(1 = perfect agreement, 0 = no better than chance)")
        return [among, f"Class mean against VADER: {self.with_vader.describe()}"]


def nearest_rating(value: float) -> int:
    """A mean rating rounded to the nearest point of the scale (halves away from 0).

    >>> nearest_rating(0.5), nearest_rating(-0.5), nearest_rating(0.49), nearest_rating(1.6)
    (1, -1, 0, 2)
    """
    return int(math.copysign(math.floor(abs(value) + 0.5), value))


def class_agreement(means: Sequence[float], vader: Sequence[float]) -> Agreement:
    """The class's mean ratings against VADER: same label (mean rounded to the scale), mean gap, Pearson's r."""
    n = len(means)
    same = sum(rating_label(nearest_rating(m)) == label_for(v) for m, v in zip(means, vader, strict=True))
    gaps = [abs(m - 2 * v) for m, v in zip(means, vader)]
    corr = None
    if n >= 3 and len(set(means)) > 1 and len(set(vader)) > 1:
        r = statistics.correlation([float(m) for m in means], [float(v) for v in vader])
        corr = None if math.isnan(r) else round(r, 4)
    return Agreement(n, same, round(statistics.fmean(gaps), 4) if n else None, corr)


def pool_ratings(files: Mapping[str, Mapping[str, Rating]]) -> Pool:
    """Pool the ratings of several students (one mapping per file), item by item.

    Items are matched by id (the id comes from the item's words, so the same sentence has the
    same id in every file); they are listed in the order they first appear, files taken in the
    order given.
    """
    from .vader import score

    texts: dict[str, str] = {}
    given: dict[str, list[int]] = {}
    for ratings in files.values():
        for rid, rating in ratings.items():
            texts.setdefault(rid, rating.text)
            given.setdefault(rid, []).append(rating.rating)
    items = []
    for rid, values in given.items():
        mean = statistics.fmean(values)
        sd = statistics.stdev(values) if len(values) >= 2 else None
        items.append(PooledItem(rid, texts[rid], score(texts[rid]).compound, len(values), mean, sd))
    rated = [i for i in items if i.mean is not None]
    alpha = krippendorff_alpha_ordinal([given[i.id] for i in items])
    return Pool(items, len(files), alpha, sum(len(v) >= 2 for v in given.values()),
                class_agreement([i.mean for i in rated if i.mean is not None], [i.vader for i in rated]))


def read_rating_files(folder: str | Path) -> tuple[dict[str, dict[str, Rating]], list[str]]:
    """Every ratings file (``*.json``) in a folder: the ones read, by file name, and one line per file skipped.

    Backups (``*.bak``) are not ``.json`` files and are never read; a file that is not a
    ratings file is skipped with the reason, so one bad file does not stop the pooling.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder} is not a folder: give the folder that holds the students' rating files")
    read: dict[str, dict[str, Rating]] = {}
    skipped: list[str] = []
    for path in sorted(folder.glob("*.json")):
        try:
            ratings = load_ratings(path)
        except InputError as exc:
            skipped.append(f"{path.name}: skipped: {exc}")
            continue
        if not ratings:
            skipped.append(f"{path.name}: skipped: it holds no ratings")
            continue
        read[path.name] = ratings
    return read, skipped
