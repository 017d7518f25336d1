"""Whose voice do we hear? Quoted passages and words per speaker or side (:func:`voice_share`),
and :func:`as_table` to print any rows as a plain-text table."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..models import Quote


@dataclass(frozen=True)
class VoiceShare:
    """How much room one speaker (or side) gets: quoted passages and quoted words."""

    who: str
    side: str
    quotes: int
    words: int
    share_of_words: float


def voice_share(quotes: Sequence[Quote], by: str = "speaker", include_reported: bool = False) -> list[VoiceShare]:
    """Quotes and quoted words per speaker (``by="speaker"``) or per side (``by="side"``), most words first.

    >>> from casestudy import load_article
    >>> from casestudy.quotes import find_quotes
    >>> article = load_article()
    >>> for row in voice_share(find_quotes(article.raw, article.people), by="side"):
    ...     print(row.who, row.quotes, row.words, round(row.share_of_words, 2))
    US/NATO 5 105 0.56
    Russia 4 82 0.44
    """
    if by not in ("speaker", "side"):
        raise InputError(f"voice_share(by={by!r}) is not possible: use by='speaker' or by='side'")
    sides: dict[str, str] = {}       # who -> the side of their first quote
    n_quotes: dict[str, int] = {}
    n_words: dict[str, int] = {}
    total = 0
    for q in quotes:
        if q.kind == "reported" and not include_reported:
            continue
        key = (q.speaker or "(unattributed)") if by == "speaker" else q.side
        n = len(re.findall(r"[^\W_]+(?:['’][^\W_]+)*", q.content))
        sides.setdefault(key, q.side)
        n_quotes[key] = n_quotes.get(key, 0) + 1
        n_words[key] = n_words.get(key, 0) + n
        total += n
    rows = [VoiceShare(k, sides[k], n_quotes[k], n_words[k], n_words[k] / total if total else 0.0) for k in sides]
    return sorted(rows, key=lambda r: (-r.words, r.who))


def as_table(rows: Sequence[Any], columns: Sequence[str] | None = None, width: int = 60) -> str:
    """Rows (dicts, dataclasses or quotes) as a plain-text table, long cells shortened to ``width``.

    >>> print(as_table([{"who": "Rice", "quotes": 5}, {"who": "Lavrov", "quotes": 3}]))
    who    | quotes
    -------+-------
    Rice   | 5
    Lavrov | 3
    """
    from dataclasses import asdict, is_dataclass

    dicts = [asdict(r) if is_dataclass(r) and not isinstance(r, type) else dict(r) for r in rows]
    if not dicts:
        return "(nothing to show)"
    columns = list(columns or dicts[0].keys())

    def cell(value: Any) -> str:
        s = f"{value:.2f}" if isinstance(value, float) else str(value)
        s = s.replace("\n", " ")
        return s if len(s) <= width else s[:width - 1] + "…"

    cells = [[cell(d.get(c, "")) for c in columns] for d in dicts]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines)
