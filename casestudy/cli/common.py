"""What the commands share: printing JSON, the options every article command takes, and progress on a terminal."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ..models import Article

ACCEPTED = ("plain text saved as UTF-8 (with or without a byte-order mark) or as UTF-16 with a byte-order mark "
            "(Windows Notepad's 'Unicode'); any line endings, straight or curly quotation marks. Other encodings "
            "(Notepad's 'ANSI', Windows-1252) are refused with the command that converts them; so are PDF, Word "
            "and notebook files")
"""What an article file may be, as every command's help says it."""


def add_article_argument(parser: argparse.ArgumentParser, many: bool = False) -> None:
    """The article FILE argument (one, or ``many``), whose help says what files are accepted."""
    if many:
        parser.add_argument("files", nargs="*", metavar="FILE",
                            help=f"articles, each {ACCEPTED} (default: the bundled article)")
    else:
        parser.add_argument("file", nargs="?", help=f"an article, {ACCEPTED} (default: the bundled article)")


def print_json(obj: Any) -> None:
    """Print ``obj`` as JSON (UTF-8 as it is, one space of indent) and a newline."""
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def add_people_option(parser: argparse.ArgumentParser) -> None:
    """``--people FILE``: the article's people and sides, in the format of ``data/people.json``."""
    parser.add_argument("--people", metavar="FILE",
                        help="a people file (the format of data/people.json) naming the article's people "
                             "and sides (default: the bundled article's file, for the bundled article only)")


def check_people_option(args: argparse.Namespace) -> None:
    """Read ``--people FILE`` once before any article, so a bad people file is one error (exit 2), not one per file."""
    if getattr(args, "people", None):
        from ..text.people_file import read_people_file

        read_people_file(args.people)


def warn_about_people(article: Article) -> None:
    """A warning on standard error when ``--people`` names nobody in the article (a people file for another one)."""
    from ..pipeline import people_warning

    warning = people_warning(article)
    if warning:
        print(f"warning: {warning}", file=sys.stderr)


def show_progress() -> bool:
    """Progress bars go to standard error, and only when it is a terminal (never into a log or a pipe)."""
    return sys.stderr.isatty()
