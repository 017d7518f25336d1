"""The ``argmap`` command: validate, export and compare saved argument maps outside JupyterLab.

::

    python -m casestudy argmap FILE                      # validate; print a summary and hints
    python -m casestudy argmap FILE --to argdown|aif|png|svg [--out PATH]
    python -m casestudy argmap --reference --to png --out reference.png
    python -m casestudy argmap compare DIR [--csv] [--out PATH]

``compare`` reads every ``*.json`` file in DIR (backups ``*.bak`` are skipped)
and compares it with the reference map: one row per file, and a file that is
not a valid map gets a row saying what is wrong, so one broken file never stops
the marking of a class.  A single invalid FILE is one line on standard error and
exit status 2.  (A map file literally called ``compare`` can be given as
``./compare``.)
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

from ..argmap import (
    ArgumentMap, compare_maps, load_map, reference_map, same_evidence, to_aif, to_argdown,
)
from ..argmap.checks import describe_cycle
from ..errors import InputError
from ..pipeline import read_article

FORMATS = ("argdown", "aif", "png", "svg")

CSV_COLUMNS = (
    "file", "status", "problem", "claims", "relations", "claims_covered", "reference_claims", "relations_agreeing",
    "relations_defensible", "reference_relations", "wrong_side", "relations_conflicting", "unknown_evidence", "missing",
)
"""The columns of ``argmap compare --csv``, one row per student file."""


def register(subparsers: Any) -> None:
    """Add the ``argmap`` command to the main parser's subcommands."""
    p = subparsers.add_parser(
        "argmap", help="validate, export and compare saved argument maps",
        description="Validate, export and compare saved argument maps outside JupyterLab.",
        epilog="examples:\n"
               "  python -m casestudy argmap my_argument_map.json\n"
               "  python -m casestudy argmap my_argument_map.json --to argdown --out my_map.argdown\n"
               "  python -m casestudy argmap --reference --to png --out reference.png\n"
               "  python -m casestudy argmap compare collected_maps/ --csv > marks.csv",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        usage="python -m casestudy argmap (FILE | --reference | compare DIR) [--to {argdown,aif,png,svg}] "
              "[--out PATH] [--csv]",
    )
    p.add_argument("items", nargs="*", metavar="FILE | compare DIR",
                   help="a saved map (.json), or the word 'compare' and a folder of maps")
    p.add_argument("--reference", action="store_true", help="use the bundled reference map instead of FILE")
    p.add_argument("--to", choices=FORMATS, help="export format: Argdown text, AIF JSON, or a drawing as PNG or SVG "
                                                    "(SVG stays sharp when zoomed and printed)")
    p.add_argument("--out", metavar="PATH", help="write the export (or the CSV) to PATH instead of standard output")
    p.add_argument("--csv", action="store_true", help="with compare: print CSV, one row per file")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Dispatch: ``compare DIR``, or one map (FILE or ``--reference``)."""
    items = list(args.items)
    if items and items[0] == "compare":
        if args.reference or args.to:
            raise InputError("'argmap compare DIR' takes only --csv and --out: export single maps with 'argmap FILE --to ...'")
        if len(items) != 2:
            raise InputError("usage: python -m casestudy argmap compare DIR [--csv]: give exactly one folder of maps")
        return compare_folder(Path(items[1]), as_csv=args.csv, out=args.out)
    if args.csv:
        raise InputError("--csv goes with 'argmap compare DIR'")
    if args.reference == bool(items) or len(items) > 1:
        raise InputError("give one map FILE or --reference (e.g. 'python -m casestudy argmap my_argument_map.json --to argdown')")
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
    lines = [f"{name}: a valid map with {len(amap.claims)} claims and {len(amap.relations)} relation(s); "
             f"sides: {sides}; contentions: {contentions}"]
    circles = set(warnings(amap))
    lines += [f"  hint: {h}" for h in amap.hints() if h not in circles]
    return "\n".join(lines)


def export(amap: ArgumentMap, to: str, out: str | None, default_name: str = "argument_map") -> int:
    """Write the map as Argdown, AIF JSON, PNG or SVG (a drawing needs a file: ``--out`` or NAME.png/.svg here)."""
    if to in ("png", "svg"):
        import matplotlib

        matplotlib.use("Agg")  # no screen needed
        from ..plots.argmap import draw_map
        from ..plots.figures import figure_png, figure_svg

        path = Path(out) if out else Path(f"{default_name}.{to}")
        data = figure_png(draw_map(amap), dpi=120) if to == "png" else figure_svg(draw_map(amap))
        _write(path, data)
        print(f"wrote {path}")
        return 0
    text = to_argdown(amap) if to == "argdown" else json.dumps(to_aif(amap), ensure_ascii=False, indent=1) + "\n"
    if out:
        _write(Path(out), text.encode("utf-8"))
        print(f"wrote {out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise InputError(f"cannot write {path} ({exc.strerror or exc}): check the folder exists and is writable") from None


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
            row["problem"] = f"{len(unknown)} evidence id(s) match nothing in the article, e.g. {unknown[0]}"
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
        _write(Path(out), stream.getvalue().encode("utf-8"))
    else:
        sys.stdout.write(stream.getvalue())
    return 0
