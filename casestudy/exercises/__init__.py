"""Self-checks for the notebooks' exercises.

Each chapter has a module (``casestudy.exercises.cleaning`` and so on) with
functions ``check_...(answer)`` that a student calls in a notebook cell.  They
never raise: they print a friendly verdict and return ``True`` or ``False``.
An unanswered exercise (the ``...`` placeholder left in place) gets a reminder,
so a notebook with blank exercises still runs top to bottom.
"""

from __future__ import annotations

from typing import Any


def unanswered(answer: Any) -> bool:
    """True when the student left the ``...`` placeholder (or ``None``) in place."""
    return answer is Ellipsis or answer is None


def verdict(ok: bool, success: str, hint: str) -> bool:
    """Print a one-line verdict: the success message, or a hint that helps without giving it away."""
    print(("\u2705 " + success) if ok else ("\u274c Not yet. " + hint))
    return ok


def not_yet(what: str = "this exercise") -> bool:
    """The message for an exercise whose placeholder is still ``...``."""
    print(f"\u270f\ufe0f  Replace the ... with your answer to {what}, then run the cell again.")
    return False
