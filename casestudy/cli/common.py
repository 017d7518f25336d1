"""What the commands share: printing JSON, the options every article command takes, and progress on a terminal."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


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


def show_progress() -> bool:
    """Progress bars go to standard error, and only when it is a terminal (never into a log or a pipe)."""
    return sys.stderr.isatty()
