"""Solution copies: every exercise has a self-check and a solution, and the copies are generated, not edited.

The copies in ``notebooks/solutions/`` are executed by nbval like every notebook
(pytest collects ``notebooks/``); there each self-check is an ``assert``, so a
solution that stops passing its check fails the suite.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from casestudy.errors import InputError
from casestudy.exercises.solutions import (
    CHECK_NAME, chapters, find_exercises, generate, main, render, solution_name, solve_cell,
)

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
CHAPTERS = ["01_cleaning", "02_quote_attribution", "03_sentiment", "03b_reporters_voice", "04_argument_map",
            "05_your_own_article"]
FIX = "python -m casestudy.exercises.solutions"


def test_the_chapters_are_all_there() -> None:
    """Chapters 01-05 exist and are the ones the generator works from."""
    assert [p.stem for p in chapters(NOTEBOOKS)] == CHAPTERS


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_exercise_has_a_self_check_and_a_solution(chapter: str) -> None:
    """Each chapter has exercises; each has a ... placeholder, ends in ex.check_...(...) and is followed by a solution."""
    nb = nbformat.read(NOTEBOOKS / f"{chapter}.ipynb", as_version=4)
    exercises = find_exercises(nb, chapter)   # raises InputError naming the cell that breaks the pattern
    assert exercises, f"{chapter} has no exercises"
    assert all(e.check.startswith("check_") and e.solution.strip() for e in exercises)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_solution_copy_is_up_to_date(chapter: str) -> None:
    """The committed solution copy is exactly what the generator makes from the current chapter."""
    source = NOTEBOOKS / f"{chapter}.ipynb"
    copy = NOTEBOOKS / "solutions" / solution_name(source.name)
    assert copy.exists(), f"{copy.name} is missing: run {FIX}"
    assert copy.read_text(encoding="utf-8") == render(source), f"{copy.name} is out of date: run {FIX}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_solution_copy_asserts_every_check_and_keeps_no_placeholder(chapter: str) -> None:
    """In the copy, every exercise asserts its self-check, no ... is left, and no output is stored."""
    source = nbformat.read(NOTEBOOKS / f"{chapter}.ipynb", as_version=4)
    copy = nbformat.read(NOTEBOOKS / "solutions" / f"{chapter}_solutions.ipynb", as_version=4)
    asserting = [c for c in copy.cells if f"assert {CHECK_NAME}" in c.source]
    assert len(asserting) == len(find_exercises(source, chapter))
    assert all(" = ...\n" not in c.source + "\n" for c in asserting)
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in copy.cells if c.cell_type == "code")


def test_no_stray_solution_copies() -> None:
    """Every file in notebooks/solutions belongs to a chapter."""
    expected = {f"{c}_solutions.ipynb" for c in CHAPTERS}
    assert {p.name for p in (NOTEBOOKS / "solutions").glob("*.ipynb")} == expected


@pytest.mark.parametrize("cell, solution, expected", [
    ("answer = ...\nex.check_answer(answer)", "answer = 17",
     f"answer = 17\n\n{CHECK_NAME} = ex.check_answer(answer)\nassert {CHECK_NAME}, {CHECK_NAME}.message\n{CHECK_NAME}"),
    ("from m import x as ex\n\na = ...\nb = ...\nex.check_two(a, b)", "a, b = 1, 2",
     f"from m import x as ex\n\na, b = 1, 2\n\n{CHECK_NAME} = ex.check_two(a, b)\n"
     f"assert {CHECK_NAME}, {CHECK_NAME}.message\n{CHECK_NAME}"),
    ("items = [\n    ...,\n]\nex.check_items(items)", "items = [1]",
     f"items = [1]\n\n{CHECK_NAME} = ex.check_items(items)\nassert {CHECK_NAME}, {CHECK_NAME}.message\n{CHECK_NAME}"),
])
def test_solve_cell(cell: str, solution: str, expected: str) -> None:
    """Placeholder statements give way to the solution; other lines stay; the check becomes an assert."""
    assert solve_cell(cell, solution) == expected


def _notebook(*cells: tuple[str, str]):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) if kind == "code" else nbformat.v4.new_markdown_cell(s)
                for kind, s in cells]
    return nb


SOLUTION = "<details><summary>Solution</summary>\n\n```python\nx = 1\n```\n</details>"


@pytest.mark.parametrize("cells, message", [
    ([("code", "x = ...\nx")], "needs a self-check call"),
    ([("code", "ex.check_x(1)"), ("markdown", SOLUTION)], "has no ... placeholder"),
    ([("code", "x = ...\nex.check_x(x)")], "needs a markdown cell right after it"),
    ([("code", "x = ...\nex.check_x(x)"), ("markdown", "Some prose.")], "needs a markdown cell right after it"),
])
def test_broken_exercises_are_named(cells, message: str) -> None:
    """An exercise without a check, a placeholder or a solution is reported with its cell, in one line."""
    with pytest.raises(InputError, match=message) as info:
        find_exercises(_notebook(*cells), "nb.ipynb")
    assert "nb.ipynb, cell 0" in str(info.value) and "\n" not in str(info.value)


def test_generate_writes_then_reports_nothing_stale(tmp_path: Path) -> None:
    """The command writes the copies, and --check then finds them up to date (exit 0), or stale (exit 1)."""
    nbformat.write(_notebook(("code", "x = ...\nex.check_x(x)"), ("markdown", SOLUTION)), tmp_path / "01_demo.ipynb")
    nbformat.write(_notebook(("markdown", "# intro")), tmp_path / "00_intro.ipynb")
    assert generate(tmp_path) == [tmp_path / "solutions" / "01_demo_solutions.ipynb"]
    assert [p.name for p in (tmp_path / "solutions").iterdir()] == ["01_demo_solutions.ipynb"]
    assert main([str(tmp_path), "--check"]) == 0
    (tmp_path / "solutions" / "01_demo_solutions.ipynb").write_text("{}", encoding="utf-8")
    assert main([str(tmp_path), "--check"]) == 1
    assert main([str(tmp_path / "nowhere")]) == 2
