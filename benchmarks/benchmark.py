"""Whole-process speed figures for the casestudy package, each with its target.

Run:  python benchmarks/benchmark.py [--notebooks] [--json]

Figures (medians of several runs; the machine is printed first):

* ``import casestudy`` in a fresh process, and whether it pulled in matplotlib, nltk or ipywidgets
  (it must not; target <= 0.3 s);
* the whole article pipeline, warm: load, clean, attribute quotes, score sentiment (target <= 50 ms);
* quote attribution throughput on a ~1 MB text (target >= 200,000 words/s, issue 11);
* sentences scored per second by VADER;
* the argument-map drawing of the reference map (14 claims) and of generated maps of 40 and 60 claims
  across three sides: whole processes (import, layout, figure, PNG) and, inside them, the CPU time of
  each step; the 40-claim map against the reference in the same run (target <= 2x);
* with ``--notebooks``: the notebook suite under nbval against the same number of empty notebooks
  timed in the same run (target <= 2x that floor).

This is a measurement, not a test: shared machines are noisy, so nothing here fails a build.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
RESULTS: list[dict[str, Any]] = []


def report(name: str, value: float, unit: str, target: str, ok: bool | None, note: str = "") -> None:
    verdict = {True: "met", False: "MISSED", None: "-"}[ok]
    RESULTS.append({"figure": name, "value": value, "unit": unit, "target": target, "verdict": verdict, "note": note})
    print(f"{name:48} {value:12,.3f} {unit:10} target {target:14} {verdict}" + (f"  ({note})" if note else ""))


def median_time(fn: Callable[[], object], runs: int = 7) -> float:
    fn()  # warm up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def bench_import() -> None:
    code = ("import time, sys; t = time.perf_counter(); import casestudy; d = time.perf_counter() - t; "
            "import json; print(d, json.dumps([m for m in ('matplotlib', 'nltk', 'ipywidgets') if m in sys.modules]))")
    inproc, heavy = [], []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split(" ", 1)
        inproc.append(float(out[0]))
        heavy = json.loads(out[1])
    report("import casestudy (in a fresh process)", statistics.median(inproc), "s", "<= 0.3 s",
           statistics.median(inproc) <= 0.3, "heavy modules imported: " + (", ".join(heavy) or "none"))
    whole = []
    empty = []
    for _ in range(5):
        t = time.perf_counter(); subprocess.run([sys.executable, "-c", "import casestudy"], check=True); whole.append(time.perf_counter() - t)
        t = time.perf_counter(); subprocess.run([sys.executable, "-c", "pass"], check=True); empty.append(time.perf_counter() - t)
    report("python -c 'import casestudy' / python -c pass", statistics.median(whole) / statistics.median(empty), "x",
           "-", None, f"{statistics.median(whole):.3f} s vs {statistics.median(empty):.3f} s")


def bench_pipeline() -> None:
    from casestudy import load_article
    from casestudy.text.cleaning import clean_article

    steps: list[str] = ["load", "clean"]

    def pipeline() -> None:
        article = load_article()
        clean_article(article)

    try:
        from casestudy.quotes import find_quotes
        steps.append("quotes")
    except ImportError:
        find_quotes = None  # type: ignore[assignment]
    try:
        from casestudy import sentiment
        steps.append("sentiment")
    except ImportError:
        sentiment = None  # type: ignore[assignment]

    def full() -> None:
        article = load_article()
        clean = clean_article(article)
        if find_quotes is not None:
            find_quotes(article.raw, people=article.people)
        if sentiment is not None and hasattr(sentiment, "score_sentences"):
            sentiment.score_sentences(clean.sentences)

    report("load + clean the article (warm)", median_time(pipeline, 21) * 1000, "ms", "-", None)
    report(f"whole article pipeline, warm ({' + '.join(steps)})", median_time(full, 21) * 1000, "ms", "<= 50 ms",
           median_time(full, 21) <= 0.050)


def bench_quotes() -> None:
    try:
        from casestudy.quotes import find_quotes
    except ImportError:
        print("quote attribution: casestudy.quotes is not there yet")
        return
    from casestudy import load_article

    article = load_article()
    text = article.raw
    big = (text + "\n\n") * (1_000_000 // len(text) + 1)
    words = len(big.split())
    seconds = median_time(lambda: find_quotes(big), 3)
    report(f"quote attribution on {len(big) / 1e6:.1f} MB ({words:,} words)", words / seconds, "words/s",
           ">= 200,000", words / seconds >= 200_000)


def bench_sentiment() -> None:
    try:
        from casestudy import sentiment
    except ImportError:
        print("sentiment: casestudy.sentiment is not there yet")
        return
    from casestudy import load_article
    from casestudy.text.cleaning import clean_article

    sentences = list(clean_article(load_article()).sentences) * 20
    if not hasattr(sentiment, "score_sentences"):
        return
    seconds = median_time(lambda: sentiment.score_sentences(sentences), 5)
    report("VADER sentences scored", len(sentences) / seconds, "sent/s", "-", None)


ARGMAP_CHILD = """
import json, sys, time
wall, cpu = time.perf_counter(), time.process_time()
import matplotlib
matplotlib.use("Agg")
from casestudy.argmap import reference_map
from casestudy.plots.argmap import draw_map
from casestudy.plots.argmap_check import sample_map
from casestudy.plots.argmap_layout import layout
from casestudy.plots.figures import figure_png, figure_svg
n, fmt = int(sys.argv[1]), sys.argv[2]
amap = reference_map() if n == 0 else sample_map(n, ("EU", "UK", "Norway"))
marks = [("import", time.process_time())]
layout(amap)
marks.append(("layout", time.process_time()))
fig = draw_map(amap)  # the layout again, then the figure
marks.append(("draw_map", time.process_time()))
save = figure_svg if fmt == "svg" else figure_png
save(fig)
marks.append(("save", time.process_time()))
steps, last = {"whole": time.perf_counter() - wall}, cpu
for name, t in marks:
    steps[name], last = t - last, t
again = time.process_time()
save(draw_map(amap))  # drawn again, as the editor does after each change
steps["again"] = time.process_time() - again
print(json.dumps(steps))
"""


def bench_argmap(runs: int = 5) -> None:
    """The map drawing in fresh processes, as SVG (what notebooks and the editor show) and as PNG (exports).

    Maps: the reference map (14 claims), then generated maps of 40 and 60 claims across three
    sides, all in the same run, so the ratios compare like with like on a busy machine.
    """
    rows: dict[tuple[int, str], dict[str, float]] = {}
    for fmt in ("svg", "png"):
        for n in (0, 40, 60):
            results = [json.loads(subprocess.run([sys.executable, "-c", ARGMAP_CHILD, str(n), fmt],
                                                 capture_output=True, text=True, check=True).stdout)
                       for _ in range(runs)]
            rows[(n, fmt)] = {key: statistics.median(r[key] for r in results) for key in results[0]}
    from casestudy.argmap import reference_map

    reference_claims = len(reference_map().claims)
    for fmt in ("svg", "png"):
        ref = rows[(0, fmt)]
        for n in (0, 40, 60):
            r = rows[(n, fmt)]
            name = f"reference map, {reference_claims} claims" if n == 0 else f"{n} claims, 3 sides"
            report(f"argmap to {fmt.upper()}, {name}: whole process", r["whole"], "s", "-", None,
                   f"CPU: imports {r['import']:.2f} s, layout {r['layout'] * 1000:.0f} ms, draw_map {r['draw_map']:.2f} s, "
                   f"{fmt.upper()} {r['save']:.2f} s; drawn again {r['again']:.2f} s")
        for n in (40, 60):
            r = rows[(n, fmt)]
            whole = r["whole"] / ref["whole"]
            picture = (r["draw_map"] + r["save"]) / (ref["draw_map"] + ref["save"])
            goal = n == 40 and fmt == "svg"
            report(f"argmap to {fmt.upper()}, {n} claims / reference: whole process", whole, "x",
                   "<= 2x" if goal else "-", whole <= 2 if goal else None)
            report(f"argmap to {fmt.upper()}, {n} claims / reference: draw_map + save", picture, "x",
                   "<= 2x" if goal else "-", picture <= 2 if goal else None,
                   "CPU, first drawing in the process" + ("; PNG rasterises text: linear in the amount of text at "
                                                           "a fixed 8 pt" if fmt == "png" else ""))
            report(f"argmap to {fmt.upper()}, {n} claims / reference: drawn again", r["again"] / ref["again"], "x",
                   "-", None, "CPU, warm (the editor redrawing after a change)")
    report("argmap layout alone, 60 claims", rows[(60, "svg")]["layout"] * 1000, "ms", "-", None, "CPU, first call")


def bench_notebooks() -> None:
    import nbformat

    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    with tempfile.TemporaryDirectory() as tmp:
        empties = []
        for i, _ in enumerate(notebooks):
            nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
            nb.cells = [nbformat.v4.new_code_cell("pass")]
            path = Path(tmp) / f"empty_{i}.ipynb"
            nbformat.write(nb, path)
            empties.append(str(path))
        cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax", "--nbval-current-env",
               "-o", "addopts=", "-o", "testpaths="]
        t = time.perf_counter()
        subprocess.run(cmd + empties, capture_output=True, cwd=tmp, check=False)
        floor = time.perf_counter() - t
        t = time.perf_counter()
        res = subprocess.run(cmd + [str(p) for p in notebooks], capture_output=True, cwd=ROOT, check=False)
        real = time.perf_counter() - t
    report(f"nbval: {len(notebooks)} notebooks / same number empty", real / floor, "x", "<= 2x", real / floor <= 2,
           f"{real:.1f} s vs {floor:.1f} s" + ("" if res.returncode == 0 else "; the notebook run FAILED"))


def main(argv: list[str]) -> int:
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    bench_import()
    bench_pipeline()
    bench_quotes()
    bench_sentiment()
    bench_argmap()
    if "--notebooks" in argv:
        bench_notebooks()
    if "--json" in argv:
        print(json.dumps(RESULTS, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
