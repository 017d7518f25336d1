"""Self-checks for the notebooks' exercises.

Each chapter has a module (``casestudy.exercises.cleaning`` and so on) with
functions ``check_...(answer)`` that a student calls as the last line of a
notebook cell.  They never raise: they return a :class:`Check`, which shows
as a one-line verdict in the notebook and is truthy when the answer is right.
An unanswered exercise (the ``...`` placeholder left in place) gets a
reminder, so a notebook with blank exercises still runs top to bottom.

>>> verdict(1 + 1 == 2, "Right.", "Try again.")
✅ Right.
>>> bool(not_yet("exercise 1"))
False
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Check:
    """The result of a self-check: whether the answer is right, and what to tell the student."""

    ok: bool
    message: str

    def __bool__(self) -> bool:
        return self.ok

    def __repr__(self) -> str:
        return self.message

    def _repr_html_(self) -> str:
        colour = "#009E73" if self.ok else "#D55E00"  # Okabe-Ito bluish green / vermillion
        return f'<p style="border-left: 4px solid {colour}; padding-left: 8px">{html.escape(self.message)}</p>'


def unanswered(answer: Any) -> bool:
    """True when the student left the ``...`` placeholder (or ``None``) in place."""
    return answer is Ellipsis or answer is None


def verdict(ok: bool, success: str, hint: str) -> Check:
    """The verdict: the success message, or a hint that helps without giving the answer away."""
    return Check(bool(ok), ("\u2705 " + success) if ok else ("\u274c Not yet. " + hint))


def not_yet(what: str = "this exercise") -> Check:
    """The reminder for an exercise whose placeholder is still ``...``."""
    return Check(False, f"\u270f\ufe0f Replace the ... with your answer to {what}, then run the cell again.")
