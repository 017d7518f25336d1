"""The ``ratings`` command: ``python -m casestudy ratings DIR [--csv]``, the class's sentiment ratings pooled.

Each student rates the quotes of notebook 03 in the rating activity, which saves
``sentiment_ratings.json`` (on Binder: the activity's download link). The teacher collects the
files in one folder, each renamed after its student, and runs this command on the folder. It
prints one row per rated item: its text, VADER's compound score, the number of students who
rated it, and the mean and standard deviation of their ratings (-2 to +2); then two lines:

* agreement among the students, as Krippendorff's alpha for ordinal data
  (:func:`casestudy.sentiment.ratings.krippendorff_alpha_ordinal`);
* agreement between the class mean and VADER: items with the same label, the mean gap between
  the class mean and VADER's compound x 2, and Pearson's r.

With ``--csv`` the rows are printed as CSV (columns ``id, text, vader_compound, raters, mean, sd``)
so that ``> pooled.csv`` gives a clean file, and the two agreement lines go to standard error,
each starting with ``#``. Files that are not ratings files are named on standard error, with the
reason, and skipped; the exit status is 0 when at least one file was read, and 2 (with one error line,
like every error you can fix) when none was.
"""

from __future__ import annotations

import argparse
import csv
import sys
from typing import Any


def register(subparsers: Any) -> None:
    """Add the ``ratings`` command to the main parser's subparsers."""
    p = subparsers.add_parser(
        "ratings", help="pool a class's sentiment rating files: per item, and agreement",
        description="Pool the sentiment rating files (sentiment_ratings.json) of a class, collected in one folder.",
        epilog="example:\n  python -m casestudy ratings collected_ratings/ --csv > pooled.csv",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("folder", metavar="DIR", help="the folder holding the students' rating files (*.json)")
    p.add_argument("--csv", action="store_true", help="print the items as CSV; the agreement lines go to stderr")
    p.set_defaults(run=run)


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def run(args: argparse.Namespace) -> int:
    """Read the folder's rating files, pool them, print the table and the agreement."""
    from ..errors import InputError
    from ..models import plural
    from ..sentiment.ratings import POOLED_COLUMNS, pool_ratings, read_rating_files

    files, skipped = read_rating_files(args.folder)
    for line in skipped:
        print(line, file=sys.stderr)
    if not files:
        raise InputError(f"no readable rating files in {args.folder}: collect the students' "
                         "sentiment_ratings.json files there (one per student, renamed after them)")
    pool = pool_ratings(files)
    if args.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=POOLED_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for item in pool.items:
            writer.writerow(item.to_row())
        for line in pool.describe():
            print(f"# {line}", file=sys.stderr)
        return 0
    print(f"{plural(len(files), 'rating file')}, {plural(len(pool.items), 'item')}. Ratings from -2 to +2; "
          "VADER's compound from -1 to +1 (x 2 to compare).")
    print(f"{'#':>3}  {'VADER':>6}  {'raters':>6}  {'mean':>5}  {'sd':>4}  text")
    for k, item in enumerate(pool.items, start=1):
        mean = "" if item.mean is None else f"{item.mean:+.2f}"
        sd = "" if item.sd is None else f"{item.sd:.2f}"
        print(f"{k:>3}  {item.vader:>+6.3f}  {item.raters:>6}  {mean:>5}  {sd:>4}  {_cut(item.text, 60)}")
    for line in pool.describe():
        print(line)
    return 0
