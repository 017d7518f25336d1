"""The ``handout`` command: ``python -m casestudy handout [FILE] [--out handout.html]``.

Writes a printable, self-contained HTML page of the article (the bundled Oslo article without
FILE): the cleaned text with every sentence numbered as in the notebooks' figures, each direct
quote and each piece of reported speech marked with its speaker, and where the text comes from
(source, dates, what the cleaning removed). Without ``--out`` the page goes to standard output.
Open it in a browser and print it (the page has a print style sheet); it loads nothing else.
With ``--people FILE`` each speaker is labelled with their side, and the page lists who is on which
side (the bundled article's sides come with it). ``--out`` replaces only a handout written earlier
(kept as ``NAME.bak``), never another page.
The rendering lives in :mod:`casestudy.plots.handout`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .common import add_article_argument, add_people_option, check_people_option, warn_about_people


def register(subparsers: Any) -> None:
    """Add the ``handout`` command to the main parser's subparsers."""
    p = subparsers.add_parser(
        "handout", help="a printable HTML page of the article: sentences numbered, quotes marked",
        description="Write a printable, self-contained HTML page of the article.",
        epilog="example:\n  python -m casestudy handout --out handout.html",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    add_article_argument(p)
    p.add_argument("--out", metavar="FILE", help="write the page to FILE, a name ending in .html (default: standard "
                                                 "output); a file that is not a handout is never replaced")
    add_people_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Read the article, render the page, write it (replacing only an earlier handout)."""
    from ..pipeline import read_article
    from ..plots.handout import handout_html
    from ..storage import backup_path, save_work
    from ..text.loading import load_article

    check_people_option(args)
    article = load_article(args.file, people=args.people)
    if args.people:
        warn_about_people(article)
    page = handout_html(read_article(article), source_name=args.file, people_name=args.people)
    if not args.out:
        sys.stdout.write(page)
        return 0
    earlier = Path(args.out).is_file() and Path(args.out).stat().st_size > 0
    path = save_work(Path(args.out), page, "a handout", _read_handout, "handout.html", endings=(".html", ".htm"))
    kept = f" (the previous one is in {backup_path(path).name})" if earlier else ""
    print(f"wrote {path}{kept}: open it in a browser, and print it from there")
    return 0


def _read_handout(path: Path) -> str:
    """The text of a handout this command wrote, or an InputError for any other file (never to be replaced)."""
    from ..errors import InputError
    from ..plots.handout import MADE_WITH
    from ..text.files import read_text

    text = read_text(path, "a handout (.html) written by this command")
    if MADE_WITH not in text:
        raise InputError(f"{path} is not a handout written by 'casestudy handout'")
    return text
