"""The ``argmap`` command: validate, export and compare saved argument maps outside JupyterLab.

Run it with the virtual environment's Python, as the README says (on Windows
``.venv\\Scripts\\python``)::

    .venv/bin/python -m casestudy argmap FILE                      # validate; print a summary and hints
    .venv/bin/python -m casestudy argmap FILE --to argdown|aif|png|svg [--out PATH]
    .venv/bin/python -m casestudy argmap --reference --to png --out reference.png
    .venv/bin/python -m casestudy argmap compare DIR [--csv] [--out PATH]

``compare`` reads every ``*.json`` file in DIR (backups ``*.bak`` are skipped)
and compares it with the reference map: one row per file, and a file that is
not a valid map gets a row saying what is wrong, so one broken file never stops
the marking of a class.  A single invalid FILE is one line on standard error and
exit status 2.  (A map file literally called ``compare`` can be given as
``./compare``.)

Every file the command writes (``--out``, or a drawing's default NAME.png) goes
through the project's safe writer (:mod:`casestudy.storage`: atomic, the
previous file kept as ``NAME.bak``), must end as its format does (``.argdown``,
``.json`` for AIF, ``.png``, ``.svg``, ``.csv``, ``.txt``), and may only replace
a file of the same kind this command writes: never a student's map, an
article, or anything else.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..argmap import (
    ArgumentMap, compare_maps, load_map, reference_map, same_evidence, to_aif, to_argdown,
)
from ..argmap.checks import describe_cycle
from ..errors import InputError
from ..pipeline import read_article
from ..storage import PACKAGE_DIR, atomic_write_bytes, backup_path

FORMATS = ("argdown", "aif", "png", "svg")

CSV_COLUMNS = (
    "file", "status", "problem", "claims", "relations", "claims_covered", "reference_claims", "relations_agreeing",
    "relations_defensible", "reference_relations", "wrong_side", "relations_conflicting", "unknown_evidence", "missing",
)
"""The columns of ``argmap compare --csv``, one row per student file."""

PYTHON = ".venv/bin/python"
"""How the help writes the Python to run: the virtual environment's, as the README installs it."""


def _text(head: bytes) -> str:
    return head.decode("utf-8", errors="replace").lstrip("\ufeff")


def _is_aif(head: bytes) -> bool:
    try:
        data = json.loads(_text(head))
    except ValueError:
        return False
    return isinstance(data, dict) and {"nodes", "edges"} <= set(data) and "format" not in data


_REPORT_LINE = re.compile(r"^.+\.json: (\d+/\d+ reference claims covered|INVALID - )")


@dataclass(frozen=True)
class Output:
    """A kind of file the command writes: what it is, the endings it may have, and how to recognise one."""

    what: str
    endings: tuple[str, ...]
    ours: Callable[[bytes], bool]
    """True for the contents of a file of this kind (only such a file may be replaced)."""


OUTPUTS: dict[str, Output] = {
    "argdown": Output("Argdown text", (".argdown", ".ad"), lambda b: _text(b).startswith("===\ntitle:")),
    "aif": Output("AIF JSON", (".json",), _is_aif),
    "png": Output("a PNG picture", (".png",), lambda b: b.startswith(b"\x89PNG\r\n\x1a\n")),
    "svg": Output("an SVG picture", (".svg",), lambda b: "<svg" in _text(b)[:2000]),
    "csv": Output("a CSV table of marks", (".csv",), lambda b: _text(b).startswith(",".join(CSV_COLUMNS))),
    "report": Output("a comparison report", (".txt",),
                     lambda b: all(_REPORT_LINE.match(line) for line in _text(b).splitlines() if line)),
}
"""What ``--out`` may write, by format (``report`` is ``compare`` without ``--csv``)."""


def register(subparsers: Any) -> None:
    """Add the ``argmap`` command to the main parser's subcommands."""
    p = subparsers.add_parser(
        "argmap", help="validate, export and compare saved argument maps",
        description="Validate, export and compare saved argument maps outside JupyterLab.",
        epilog="examples (from the case study's folder, with the virtual environment's Python; on Windows\n"
               "PowerShell start with .venv\\Scripts\\python):\n"
               f"  {PYTHON} -m casestudy argmap my_argument_map.json\n"
               f"  {PYTHON} -m casestudy argmap my_argument_map.json --to argdown --out my_map.argdown\n"
               f"  {PYTHON} -m casestudy argmap --reference --to png --out reference.png\n"
               f"  {PYTHON} -m casestudy argmap compare collected_maps/ --csv --out marks.csv\n"
               "--out never replaces a file of another kind (a map, an article); a file it replaces is kept as .bak.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        usage=f"{PYTHON} -m casestudy argmap (FILE | --reference | compare DIR) [--to {{argdown,aif,png,svg}}] "
              "[--out PATH] [--csv]",
    )
    p.add_argument("items", nargs="*", metavar="FILE | compare DIR",
                   help="a saved map (.json), or the word 'compare' and a folder of maps")
    p.add_argument("--reference", action="store_true", help="use the bundled reference map instead of FILE")
    p.add_argument("--to", choices=FORMATS, help="export format: Argdown text, AIF JSON, or a drawing as PNG or SVG "
                                                    "(SVG stays sharp when zoomed and printed)")
    p.add_argument("--out", metavar="PATH", help="write the export (or the comparison) to PATH instead of standard "
                                                  "output; PATH ends in .argdown, .json (AIF), .png, .svg, .csv "
                                                  "or .txt, as the format does")
    p.add_argument("--csv", action="store_true", help="with compare: print CSV, one row per file")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Dispatch: ``compare DIR``, or one map (FILE or ``--reference``)."""
    items = list(args.items)
    if items and items[0] == "compare":
        if args.reference or args.to:
            raise InputError("'argmap compare DIR' takes only --csv and --out: export single maps with 'argmap FILE --to ...'")
        if len(items) != 2:
            raise InputError(f"usage: {PYTHON} -m casestudy argmap compare DIR [--csv]: give exactly one folder of maps")
        return compare_folder(Path(items[1]), as_csv=args.csv, out=args.out)
    if args.csv:
        raise InputError("--csv goes with 'argmap compare DIR'")
    if args.reference == bool(items) or len(items) > 1:
        raise InputError(f"give one map FILE or --reference (e.g. '{PYTHON} -m casestudy argmap my_argument_map.json "
                         "--to argdown')")
    if args.reference:
        amap, name = reference_map(), "reference_map"
    else:
        amap, name = load_map(items[0]), Path(items[0]).stem
    for warning in warnings(amap):
        print(f"warning: {warning}", file=sys.stderr)
    if not args.to:
        if args.out:
            raise InputError("--out needs --to argdown, aif, png or svg")
        print(describe(amap, "reference map" if args.reference else items[0]))
        return 0
    return export(amap, args.to, args.out, default_name=name)


def warnings(amap: ArgumentMap) -> list[str]:
    """What the command warns about on standard error: links that go round in a circle, naming their claims."""
    return [describe_cycle(amap, cycle) for cycle in amap.cycles()]


def describe(amap: ArgumentMap, name: str) -> str:
    """A short validation report: counts, sides, contentions, and hints (circles are warnings, not hints)."""
    contentions = ", ".join(f"{c} ({amap.claims[c].side})" for c in amap.contentions()) or "none"
    sides = ", ".join(amap.side_names()) or "none (every claim is 'neither')"
    lines = [f"{name}: a valid map with {_plural(len(amap.claims), 'claim')} and "
             f"{_plural(len(amap.relations), 'relation')}; sides: {sides}; contentions: {contentions}"]
    circles = set(warnings(amap))
    lines += [f"  hint: {h}" for h in amap.hints() if h not in circles]
    return "\n".join(lines)


def _plural(n: int, word: str) -> str:
    """``'1 claim'``, ``'3 claims'``."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def export(amap: ArgumentMap, to: str, out: str | None, default_name: str = "argument_map") -> int:
    """Write the map as Argdown, AIF JSON, PNG or SVG (a drawing needs a file: ``--out`` or NAME.png/.svg here)."""
    if to in ("png", "svg"):
        import matplotlib

        matplotlib.use("Agg")  # no screen needed
        from ..plots.argmap import draw_map
        from ..plots.figures import figure_png, figure_svg

        path = Path(out) if out else Path(f"{default_name}.{to}")
        check_output(path, to)  # before drawing: a wrong name is said at once
        data = figure_png(draw_map(amap), dpi=120) if to == "png" else figure_svg(draw_map(amap))
        print(write_output(path, data, to))
        return 0
    text = to_argdown(amap) if to == "argdown" else json.dumps(to_aif(amap), ensure_ascii=False, indent=1) + "\n"
    if out:
        print(write_output(Path(out), text.encode("utf-8"), to), file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def check_output(path: Path, kind: str) -> None:
    """Refuse an output path that is a folder, in a missing folder or the package, has the wrong ending, or holds another kind of file."""
    output = OUTPUTS[kind]
    endings = " or ".join(output.endings)
    example = f"{'my_map' if kind not in ('csv', 'report') else 'marks'}{output.endings[0]}"
    if path.is_dir():
        raise InputError(f"cannot write {path}: it is a folder; give a file name such as {path / example}")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"cannot write {path}: the folder {folder} does not exist; create it or choose another path")
    if PACKAGE_DIR == path.resolve().parent or PACKAGE_DIR in path.resolve().parents:
        raise InputError(f"cannot write {path}: it is inside the installed casestudy package; write to your "
                         f"working folder instead, e.g. {example}")
    if path.suffix.lower() not in output.endings:
        raise InputError(f"{path} does not end in {endings}: {output.what} goes in a file named like {example}; "
                         "nothing was written")
    try:
        if path.is_file() and path.stat().st_size:
            with path.open("rb") as handle:
                head = handle.read(1 << 20)
            if not output.ours(head):
                raise InputError(f"{path} already exists and is not {output.what} this command wrote: nothing was "
                                 "written; choose another name (or move that file away first)")
    except OSError as exc:
        raise InputError(f"cannot write {path} ({exc.strerror or exc}): check the folder exists and is writable") from None


def write_output(path: Path, data: bytes, kind: str) -> str:
    """Write ``data`` to ``path`` safely (checked, atomic, the previous file kept as .bak); returns what to tell the user."""
    check_output(path, kind)
    existed = path.is_file() and path.stat().st_size > 0
    try:
        atomic_write_bytes(path, data)
    except InputError as exc:
        raise InputError(f"cannot write {path}: {exc}") from None
    return f"wrote {path}" + (f" (the previous file is kept as {backup_path(path).name})" if existed else "")


def compare_rows(folder: Path) -> list[dict[str, Any]]:
    """One row per ``*.json`` file in ``folder``: how it compares with the reference, or what is wrong with it."""
    if not folder.is_dir():
        raise InputError(f"{folder} is not a folder: give the folder holding the students' map files")
    files = sorted(p for p in folder.glob("*.json") if not p.name.startswith("."))
    if not files:
        raise InputError(f"{folder} holds no .json files: students' maps are saved as my_argument_map.json")
    reference = reference_map()
    catalogue = read_article().evidence
    known = {e.id for e in catalogue}
    same = same_evidence(catalogue)
    rows = []
    for path in files:
        row: dict[str, Any] = dict.fromkeys(CSV_COLUMNS, "")
        row["file"] = path.name
        try:
            amap = load_map(path)
        except InputError as exc:
            row.update(status="invalid", problem=str(exc).replace(str(path), path.name))
            rows.append(row)
            continue
        result = compare_maps(amap, reference, same_as=same)
        unknown = [e for e in amap.evidence_ids() if e not in known]
        row.update(status="ok", claims=len(amap.claims), relations=len(amap.relations),
                   unknown_evidence=len(unknown), **result.to_row())
        if unknown:
            verb = "matches" if len(unknown) == 1 else "match"
            row["problem"] = (f"{_plural(len(unknown), 'evidence id')} {verb} nothing in the article, "
                              f"e.g. {unknown[0]}")
        rows.append(row)
    return rows


def compare_folder(folder: Path, as_csv: bool = False, out: str | None = None) -> int:
    """Print (or write) the comparison of every map in a folder with the reference."""
    rows = compare_rows(folder)
    stream = io.StringIO(newline="")  # written in one go at the end, through the same checks as the exports
    if as_csv:
        writer = csv.DictWriter(stream, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        for row in rows:
            if row["status"] == "ok":
                stream.write(f"{row['file']}: {row['claims_covered']}/{row['reference_claims']} reference claims "
                             f"covered, {row['relations_agreeing']}/{row['reference_relations']} relations agree"
                             + (f" ({row['problem']})" if row["problem"] else "") + "\n")
            else:
                stream.write(f"{row['file']}: INVALID - {row['problem']}\n")
    if out:
        print(write_output(Path(out), stream.getvalue().encode("utf-8"), "csv" if as_csv else "report"),
              file=sys.stderr)
    else:
        sys.stdout.write(stream.getvalue())
    return 0
