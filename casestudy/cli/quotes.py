"""The ``quotes`` command: ``python -m casestudy quotes [FILE ...] [--json] [--by-file] [--people FILE]``.

Each quote is printed with character offsets into its file's text exactly as
``Path(FILE).read_text(encoding="utf-8")`` returns it (the attributor works on
the cleaned text; :meth:`casestudy.pipeline.Reading.raw_quotes` maps the offsets
back).  A UTF-16 file's offsets are into ``Path(FILE).read_text(encoding="utf-16")``.
Each quote carries its speaker's ``side``, from the people file (``--people``).

The human report opens (for each file) with the file's quotation style: which marks open a
quotation in it (``Quotation marks: single quotation marks ‘…’ open a quotation (11 pairs)``).

Several files print one JSON object (``--json``) or one block per file; a
file that cannot be read stops the command with its error (exit status 2).
``--by-file`` is the batch mode for scripts: it always prints one JSON object
mapping each FILE to its quotes, or to ``{"error": "..."}`` for a file that
cannot be read, and exits 0, so one bad file never stops a batch.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..errors import CaseStudyError, InputError
from ..text.loading import load_article
from .common import (
    add_article_argument, add_people_option, check_people_option, print_json, show_progress, warn_about_people,
)

BUNDLED = "(bundled article)"
"""The key of the bundled article when no FILE is given."""


def register(subparsers: Any) -> None:
    """Add the ``quotes`` command to the main parser's subparsers."""
    p = subparsers.add_parser("quotes", help="find who said what")
    add_article_argument(p, many=True)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--by-file", action="store_true",
                   help="batch mode: always print one JSON object mapping each FILE to its quotes, or to "
                        '{"error": ...} when it cannot be read (exit status 0 even then)')
    add_people_option(p)
    p.set_defaults(run=run)


def quotes_for(path: str | None, people: str | None = None, progress: bool = False) -> list[dict[str, Any]]:
    """The quotes of one file, with offsets into the file's text as ``Path.read_text`` returns it."""
    from ..pipeline import read_article

    article = load_article(path, people=people)
    if people:
        warn_about_people(article)
    return [q.to_json() for q in read_article(article, progress=progress).raw_quotes()]


def style_of(path: str | None) -> str:
    """Which marks open a quotation in the file, in words (the human report's first line)."""
    from ..quotes.marks import detect_style

    return detect_style(load_article(path).raw).describe()


def run(args: argparse.Namespace) -> int:
    check_people_option(args)
    progress = show_progress()
    names: list[str | None] = list(args.files) or [None]
    if args.by_file:
        batch: dict[str, Any] = {}
        for name in names:
            try:
                batch[name or BUNDLED] = quotes_for(name, args.people, progress)
            except CaseStudyError as exc:
                batch[name or BUNDLED] = {"error": str(exc)}
        print_json(batch)
        return 0
    result: dict[str, list[dict[str, Any]]] = {}
    for name in names:
        try:
            result[name or BUNDLED] = quotes_for(name, args.people, progress)
        except CaseStudyError as exc:
            if len(names) == 1:
                raise
            raise InputError(f"{exc}; nothing was printed (--by-file prints the other files' quotes, "
                             "with this error in the JSON)") from None
    if len(names) == 1:
        quotes = next(iter(result.values()))
        if args.json:
            print_json(quotes)
        else:
            print(f"Quotation marks: {style_of(names[0])}")
            _print_quotes(quotes)
    elif args.json:
        print_json(result)
    else:
        for name, (key, quotes) in zip(names, result.items()):
            print(f"== {key}")
            print(f"Quotation marks: {style_of(name)}")
            _print_quotes(quotes)
    return 0


def _print_quotes(quotes: list[dict[str, Any]]) -> None:
    for q in quotes:
        side = f" ({q['side']})" if q["speaker"] and q["side"] != "unknown" else ""
        print(f"[{q['kind']}] {q['speaker'] or '?'}{side}: {q['text']}  ({q['rule']})")
    if not quotes:
        print("(no quotes found)")
