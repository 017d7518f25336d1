"""The ``handout`` command: ``python -m casestudy handout [FILE] [--out handout.html]``.

Writes a printable, self-contained HTML page of the article (the bundled Oslo article without
FILE): the cleaned text with every sentence numbered as in the notebooks' figures, each direct
quote and each piece of reported speech marked with its speaker, and where the text comes from
(source, dates, what the cleaning removed). Without ``--out`` the page goes to standard output.
Open it in a browser and print it (the page has a print style sheet); it loads nothing else.
The rendering lives in :mod:`casestudy.plots.handout`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .common import add_people_option


def register(subparsers: Any) -> None:
    """Add the ``handout`` command to the main parser's subparsers."""
    p = subparsers.add_parser(
        "handout", help="a printable HTML page of the article: sentences numbered, quotes marked",
        description="Write a printable, self-contained HTML page of the article.",
        epilog="example:\n  python -m casestudy handout --out handout.html",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", nargs="?", help="a UTF-8 text file (default: the bundled article)")
    p.add_argument("--out", metavar="FILE", help="write the page to FILE (default: standard output)")
    add_people_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Read the article, render the page, write it."""
    from ..errors import InputError
    from ..pipeline import read_article
    from ..plots.handout import handout_html
    from ..storage import atomic_write_text, check_save_path
    from ..text.loading import load_article

    article = load_article(args.file, people=args.people)
    page = handout_html(read_article(article), source_name=args.file)
    if not args.out:
        sys.stdout.write(page)
        return 0
    out = Path(args.out)
    if out.suffix.lower() not in (".html", ".htm"):
        raise InputError(f"{out} does not end in .html: give a name like handout.html, so a browser opens it")
    path = atomic_write_text(check_save_path(out, "handout.html"), page, backup=False)
    print(f"wrote {path}: open it in a browser, and print it from there")
    return 0
