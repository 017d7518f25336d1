"""The ``clean`` command: ``python -m casestudy clean [FILE] [--json]``.

Prints the cleaned article (title, dateline, paragraphs, sentences) and every
piece of the page that cleaning removed, with the reason.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..text.loading import load_article
from .common import add_article_argument, print_json, show_progress


def register(subparsers: Any) -> None:
    """Add the ``clean`` command to the main parser's subparsers."""
    p = subparsers.add_parser("clean", help="clean a scraped news page")
    add_article_argument(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of a summary")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..pipeline import clean as clean_text

    clean = clean_text(load_article(args.file), progress=show_progress())
    if args.json:
        print_json(clean.to_json())
    else:
        print(clean.summary())
    return 0
