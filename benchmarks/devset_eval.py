"""Score the quote attributor on the development set (data/devset), per house style.

Run:  python benchmarks/devset_eval.py [DIR] [--problems] [--json]

Each article is read as the ``quotes`` command reads a file (cleaned, quotes found, offsets mapped
back to the file's text) and compared with its hand-written annotation; see
:class:`casestudy.quotes.evaluation.Score` for what P, R, F1, "by mention" and "by name" count.
"""

from __future__ import annotations

import json
import sys
import time

from casestudy.quotes import as_table
from casestudy.quotes.evaluation import load_devset, score_set


def main(argv: list[str]) -> int:
    folder = next((a for a in argv if not a.startswith("--")), None)
    articles = load_devset(folder)
    start = time.perf_counter()
    scores = score_set(articles)
    seconds = time.perf_counter() - start
    rows = [score.row(style) for style, score in scores.items()]
    if "--json" in argv:
        print(json.dumps(rows, indent=1))
        return 0
    print(as_table(rows))
    print(f"({len(articles)} articles in {seconds:.1f} s)")
    if "--problems" in argv:
        print()
        for line in scores["all"].problems:
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
