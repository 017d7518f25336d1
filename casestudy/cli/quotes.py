"""The ``quotes`` command: ``python -m casestudy quotes [FILE ...] [--json] [--by-file] [--people FILE]``.

Each quote is printed with character offsets into its file's text exactly as
``Path(FILE).read_text(encoding="utf-8")`` returns it (the attributor works on
the cleaned text; :meth:`casestudy.pipeline.Reading.raw_quotes` maps the offsets back).
"""

from __future__ import annotations

import argparse
from typing import Any

from ..errors import CaseStudyError
from ..text.loading import load_article
from .common import add_people_option, print_json


def register(subparsers: Any) -> None:
    """Add the ``quotes`` command to the main parser's subparsers."""
    p = subparsers.add_parser("quotes", help="find who said what")
    p.add_argument("files", nargs="*", metavar="FILE", help="UTF-8 text files (default: the bundled article)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--by-file", action="store_true", help="print one JSON object mapping each FILE to its quotes")
    add_people_option(p)
    p.set_defaults(run=run)


def quotes_for(path: str | None, people: str | None = None) -> list[dict[str, Any]]:
    """The quotes of one file, with offsets into the file's text as ``Path.read_text`` returns it."""
    from ..pipeline import read_article

    return [q.to_json() for q in read_article(load_article(path, people=people)).raw_quotes()]


def style_of(path: str | None) -> str:
    """Which marks open a quotation in the file, in words (the human report's first line)."""
    from ..quotes.marks import detect_style

    return detect_style(load_article(path).raw).describe()


def run(args: argparse.Namespace) -> int:
    if len(args.files) > 1 or args.by_file:
        result: dict[str, Any] = {}
        for name in args.files or [None]:
            key = name if name is not None else "(bundled article)"
            try:
                result[key] = quotes_for(name, args.people)
            except CaseStudyError as exc:
                result[key] = {"error": str(exc)}
        if args.json:
            print_json(result)
        else:
            for name, (key, quotes) in zip(args.files or [None], result.items()):
                print(f"== {key}")
                if not isinstance(quotes, dict):
                    print(f"Quotation marks: {style_of(name)}")
                _print_quotes(quotes)
        return 0
    quotes = quotes_for(args.files[0] if args.files else None, args.people)
    if args.json:
        print_json(quotes)
    else:
        print(f"Quotation marks: {style_of(args.files[0] if args.files else None)}")
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


