"""The command line: ``python -m casestudy COMMAND ...``.

Commands:

* ``clean [FILE] [--json]`` - the cleaned article (title, dateline, paragraphs, sentences, removed furniture);
* ``quotes [FILE ...] [--json] [--by-file] [--people FILE]`` - attributed quotes, with offsets into each
  file's text and each speaker's side;
* ``sentiment [FILE] [--json] [--people FILE]`` - VADER scores per sentence, speaker and side;
* ``argmap ...`` - validate, export and compare saved argument maps;
* ``handout [FILE] [--out FILE] [--people FILE]`` - a printable HTML page of the article, sentences numbered,
  quotes marked with their speakers and sides;
* ``ratings DIR [--csv]`` - a class's sentiment rating files pooled: per item, and agreement.

Without FILE each command uses the bundled Oslo article.  ``--people FILE``
gives an article's people and sides (the format of ``data/people.json``).
Errors the user can fix are printed as one line on standard error, with exit
status 2.  On a terminal, a long text shows a progress bar on standard error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ..errors import CaseStudyError
from . import argmap, clean, handout, quotes, ratings, sentiment

COMMANDS = (clean, quotes, sentiment, argmap, handout, ratings)
"""One module per command, each with ``register(subparsers)``, in the order ``--help`` lists them."""


# -- the parser ---------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m casestudy", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except CaseStudyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
