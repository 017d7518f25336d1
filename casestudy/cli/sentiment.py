"""The ``sentiment`` command: ``python -m casestudy sentiment [FILE] [--json]``.

With ``--json`` it prints one object:

* ``sentences``: one entry per sentence of the cleaned text, with ``start`` and
  ``end`` (offsets into the cleaned text), ``text``, ``compound``, ``pos``,
  ``neu`` and ``neg``;
* ``speakers``: each canonical speaker name mapped to ``n``, ``mean`` and
  ``sd`` of the compound scores of their direct and continuation quotes
  (each quote's ``content`` is scored; ``sd`` is null when ``n < 2``);
* ``sides``: the same for each of the article's sides (from its people file,
  ``--people``), in order, and ``unknown`` for speakers of no known side (and
  quotes nobody is named for); every side is there, with ``n`` 0 when none of
  its speakers is quoted.

Without ``--json`` it prints a short readable report.  Without FILE it uses
the bundled article.  On a terminal, a long text shows a progress bar on
standard error.
"""

from __future__ import annotations

import argparse
from typing import Any

from .common import (
    add_article_argument, add_people_option, check_people_option, print_json, show_progress, warn_about_people,
)


def register(subparsers: Any) -> None:
    """Add the ``sentiment`` command to the main parser's subparsers."""
    p = subparsers.add_parser("sentiment", help="VADER sentiment per sentence, speaker and side")
    add_article_argument(p)
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a report")
    add_people_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Score the article named by ``args.file`` (or the bundled one) and print the result."""
    from ..models import plural
    from ..pipeline import read_article
    from ..text.loading import load_article

    check_people_option(args)
    article = load_article(args.file, people=args.people)
    if args.people:
        warn_about_people(article)
    result = read_article(article, progress=show_progress()).sentiment
    if args.json:
        print_json(result.to_json())
        return 0
    print(f"{plural(len(result.sentences), 'sentence')} (compound score, -1 to +1):")
    for s in result.sentences:
        text = s.text if len(s.text) <= 70 else s.text[:67] + "..."
        print(f"  {s.compound:+.3f}  {text}")
    print("Speakers (direct and continuation quotes):")
    for name, agg in result.speakers.items():
        print(f"  {name:<24} {agg.describe()}")
    if not result.speakers:
        print("  (no attributed quotes)")
    print("Sides:")
    for side, agg in result.sides.items():
        print(f"  {side:<24} {agg.describe()}")
    return 0
