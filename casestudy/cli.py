"""The command line: ``python -m casestudy COMMAND ...``.

Commands:

* ``clean [FILE] [--json]`` - the cleaned article (title, dateline, paragraphs, sentences, removed furniture);
* ``quotes [FILE ...] [--json] [--by-file]`` - attributed quotes, with offsets into each file's text;
* ``sentiment [FILE] [--json]`` - VADER scores per sentence, speaker and side;
* ``argmap ...`` - validate, export and compare saved argument maps.

Without FILE each command uses the bundled Oslo article.  Errors the user can
fix are printed as one line on standard error, with exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from . import argmap_cli, sentiment_cli
from .errors import CaseStudyError
from .loading import load_article


def _print_json(obj: Any) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


# -- clean ------------------------------------------------------------------

def _cmd_clean(args: argparse.Namespace) -> int:
    from .cleaning import clean_article

    clean = clean_article(load_article(args.file))
    if args.json:
        _print_json(clean.to_json())
    else:
        print(clean.summary())
    return 0


# -- quotes -----------------------------------------------------------------

def _quotes_for(path: str | None) -> list[dict[str, Any]]:
    from .quotes import find_quotes

    article = load_article(path)
    return [q.to_json() for q in find_quotes(article.raw, people=article.people)]


def _cmd_quotes(args: argparse.Namespace) -> int:
    if len(args.files) > 1 or args.by_file:
        result: dict[str, Any] = {}
        for name in args.files or [None]:
            key = name if name is not None else "(bundled article)"
            try:
                result[key] = _quotes_for(name)
            except CaseStudyError as exc:
                result[key] = {"error": str(exc)}
        if args.json:
            _print_json(result)
        else:
            for key, quotes in result.items():
                print(f"== {key}")
                _print_quotes(quotes)
        return 0
    quotes = _quotes_for(args.files[0] if args.files else None)
    if args.json:
        _print_json(quotes)
    else:
        _print_quotes(quotes)
    return 0


def _print_quotes(quotes: Any) -> None:
    if isinstance(quotes, dict):
        print(f"  error: {quotes['error']}")
        return
    for q in quotes:
        print(f"[{q['kind']}] {q['speaker'] or '?'}: {q['text']}  ({q['rule']})")
    if not quotes:
        print("(no quotes found)")


# -- the parser ---------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m casestudy", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser("clean", help="clean a scraped news page")
    p.add_argument("file", nargs="?", help="a UTF-8 text file (default: the bundled article)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a summary")
    p.set_defaults(run=_cmd_clean)

    p = sub.add_parser("quotes", help="find who said what")
    p.add_argument("files", nargs="*", metavar="FILE", help="UTF-8 text files (default: the bundled article)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--by-file", action="store_true", help="print one JSON object mapping each FILE to its quotes")
    p.set_defaults(run=_cmd_quotes)

    # The sentiment and argmap commands live beside their code.
    sentiment_cli.register(sub)
    argmap_cli.register(sub)
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
