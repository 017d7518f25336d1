"""The teacher guide's plans run as written, and every section of every notebook runs after Setup alone.

The plans are data (``docs/lesson-plans.json``); the guide's tables are generated from it. Each
notebook part a plan names (Setup, then the named sections in the order named) is executed in a
fresh kernel, in the chapter and in its solution copy (where the exercises' solutions must pass
their self-checks with only those sections run). Each section of each notebook is also run on its
own after Setup, in a kernel whose namespace is emptied (``%reset -f``) before every section.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import nbformat
import pytest

from casestudy.errors import InputError
from casestudy.exercises.plans import (
    HEADER, SETUP, Part, exercise_cells, load_plans, notebook_sections, plans_from_json, ranges, render,
    timing_problems, update_guide,
)
from casestudy.exercises.solutions import solution_name

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
PLANS = load_plans(ROOT / "docs" / "lesson-plans.json")
CHAPTERS = sorted(p for p in NOTEBOOKS.glob("0*.ipynb"))


# --------------------------------------------------------------------------------------------
# Running cells in a kernel of this environment
# --------------------------------------------------------------------------------------------


def _kernel_manager():
    """A kernel manager for a Python kernel of the environment running the tests (like nbval's current env)."""
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
    from jupyter_client.manager import KernelManager

    class CurrentEnv(KernelSpecManager):  # type: ignore[misc]
        def get_kernel_spec(self, kernel_name):  # type: ignore[no-untyped-def]
            return KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                              display_name="current env", language="python", resource_dir="")

    return KernelManager(kernel_name="current-env", kernel_spec_manager=CurrentEnv())


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """A copy of notebooks/ and data/ (relative paths keep working; saved work stays out of the repository)."""
    root = tmp_path_factory.mktemp("plans")
    shutil.copytree(NOTEBOOKS, root / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "my_*.json", "*.bak", "sentiment_ratings*"))
    shutil.copytree(ROOT / "data", root / "data")
    return root / "notebooks"


def run_cells(cells: list[nbformat.NotebookNode], cwd: Path, resets: set[int] = frozenset()) -> None:  # type: ignore[assignment]
    """Execute code cells in order in one fresh kernel; before each index in ``resets`` the namespace is emptied."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.v4.new_notebook()
    for i, cell in enumerate(cells):
        if i in resets:
            nb.cells.append(nbformat.v4.new_code_cell("%reset -f"))
        nb.cells.append(nbformat.v4.new_code_cell(cell.source))
    client = NotebookClient(nb, timeout=300, km=_kernel_manager(), resources={"metadata": {"path": str(cwd)}})
    with client.setup_kernel():
        for i, cell in enumerate(nb.cells):
            try:
                client.execute_cell(cell, i)
            except CellExecutionError as error:
                first = re.sub(r"\x1b\[[0-9;]*m", "", str(error).strip().splitlines()[-1])
                raise AssertionError(f"{first}\n--- in cell:\n{cell.source}") from None


def _solution_copy(chapter: Path) -> Path | None:
    copy = NOTEBOOKS / "solutions" / solution_name(chapter.name)
    return copy if copy.exists() else None


def _exercise_ids(chapter: Path) -> list[str]:
    nb = nbformat.read(chapter, as_version=4)
    return [nb.cells[i].get("id", "") for i in exercise_cells(nb, chapter.name)]


# --------------------------------------------------------------------------------------------
# The plans as data, and the guide generated from them
# --------------------------------------------------------------------------------------------


def test_the_guide_shows_the_plans_of_the_data_file() -> None:
    """docs/teacher-guide.md holds exactly the tables generated from docs/lesson-plans.json."""
    guide = (ROOT / "docs" / "teacher-guide.md").read_text(encoding="utf-8")
    assert update_guide(guide, PLANS) == guide, "run: python -m casestudy.exercises.plans"


def test_every_session_is_filled_without_gaps() -> None:
    """Each session's steps follow each other without gap or overlap and fill the session exactly."""
    assert PLANS.plans and not timing_problems(PLANS)


def test_plan_a_is_ninety_minutes() -> None:
    """The first plan is one 90-minute session."""
    assert [s.minutes for s in PLANS.plans[0].sessions] == [90]


def test_every_part_names_an_existing_notebook_and_sections() -> None:
    """Every notebook and section a plan names exists (exercises included)."""
    for plan in PLANS.plans:
        for part in plan.parts():
            chapter = NOTEBOOKS / f"{part.notebook}.ipynb"
            assert chapter.exists(), f"{plan.title}: no notebook {chapter.name}"
            nb = nbformat.read(chapter, as_version=4)
            assert part.cells(nb, chapter.name)  # raises InputError naming a missing section or exercise


PARTS = [(plan.title, part) for plan in PLANS.plans for part in plan.parts()]


@pytest.mark.slow
@pytest.mark.parametrize("plan, part", PARTS, ids=[f"{t[:6]}-{p.describe()}" for t, p in PARTS])
def test_plan_runs_as_written(plan: str, part: Part, workdir: Path) -> None:
    """Setup plus the named sections, in the order named, run in a fresh kernel; so do the solved exercises."""
    chapter = NOTEBOOKS / f"{part.notebook}.ipynb"
    nb = nbformat.read(chapter, as_version=4)
    run_cells([nb.cells[i] for i in part.cells(nb, chapter.name)], workdir)
    copy = _solution_copy(chapter)
    exercises = {nb.cells[i].get("id") for i in exercise_cells(nb, chapter.name)} if copy else set()
    if copy is not None and exercises & {nb.cells[i].get("id") for i in part.cells(nb, chapter.name)}:
        solved = nbformat.read(copy, as_version=4)
        cells = part.cells(solved, copy.name, exercise_ids=_exercise_ids(chapter))
        run_cells([solved.cells[i] for i in cells], workdir / "solutions")


def _notebook_and_copies() -> list[Path]:
    found = []
    for chapter in CHAPTERS:
        found.append(chapter)
        copy = _solution_copy(chapter)
        if copy is not None:
            found.append(copy)
    return found


@pytest.mark.slow
@pytest.mark.parametrize("notebook", _notebook_and_copies(), ids=lambda p: p.stem)
def test_every_section_runs_after_setup_alone(notebook: Path, workdir: Path) -> None:
    """For each numbered section: empty namespace, Setup, the section; no cell fails."""
    nb = nbformat.read(notebook, as_version=4)
    sections = notebook_sections(nb)
    setup = next((s for s in sections if s.key == SETUP), None)
    assert setup is not None, f"{notebook.name} has no '## Setup' section"
    assert [s.key for s in sections][:2] == [HEADER, SETUP], f"{notebook.name}: Setup must come right after the header"
    header_code = [i for i in sections[0].cells if nb.cells[i].cell_type == "code"]
    assert not header_code, f"{notebook.name}: code before Setup (cells {header_code})"
    cells: list[nbformat.NotebookNode] = []
    resets: set[int] = set()
    for section in sections[2:]:
        code = [nb.cells[i] for i in section.cells if nb.cells[i].cell_type == "code"]
        if not code:
            continue
        resets.add(len(cells))
        cells += [nb.cells[i] for i in setup.cells if nb.cells[i].cell_type == "code"] + code
    cwd = workdir / "solutions" if notebook.parent.name == "solutions" else workdir
    run_cells(cells, cwd, resets)


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_imports_live_in_setup(notebook: Path) -> None:
    """No code cell after Setup imports anything: new imports go into Setup."""
    nb = nbformat.read(notebook, as_version=4)
    late = [s.key for s in notebook_sections(nb)[2:]
            for i in s.cells if nb.cells[i].cell_type == "code"
            for line in nb.cells[i].source.splitlines() if line.startswith(("import ", "from "))]
    assert not late, f"{notebook.name}: imports in section(s) {sorted(set(map(str, late)))}; move them to Setup"


# --------------------------------------------------------------------------------------------
# The module's parts
# --------------------------------------------------------------------------------------------


def _nb(*cells: tuple[str, str]):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) if kind == "code" else nbformat.v4.new_markdown_cell(s)
                for kind, s in cells]
    return nb


SOLUTION = "<details><summary>Solution</summary>\n\n```python\nx = 1\n```\n</details>"
SMALL = _nb(("markdown", "# Title"), ("markdown", "## Setup"), ("code", "a = 1"),
            ("markdown", "## 1. One\n\ntext"), ("code", "b = a"),
            ("markdown", "Some prose.\n\n## 2. Exercises"), ("code", "prep = 2"),
            ("code", "x = ...\nex.check_x(x)"), ("markdown", SOLUTION),
            ("code", "y = ...\nex.check_y(y)"), ("markdown", SOLUTION))


def test_sections_are_cut_at_level_two_headings() -> None:
    """Header, Setup and numbered sections, each with its cells; a heading inside a cell starts its section."""
    assert [(s.key, s.cells) for s in notebook_sections(SMALL)] == [
        (HEADER, (0,)), (SETUP, (1, 2)), (1, (3, 4)), (2, (5, 6, 7, 8, 9, 10))]


@pytest.mark.parametrize("part, cells", [
    (Part("x", (1,)), [2, 4]),
    (Part("x", (2, 1)), [2, 6, 7, 9, 4]),
    (Part("x", (1,), (2,)), [2, 4, 6, 9]),
    (Part("x", (2,), (1,)), [2, 6, 7]),
])
def test_part_cells(part: Part, cells: list[int]) -> None:
    """Setup first, then sections in the order named; only the named exercises, with their section's other cells."""
    assert part.cells(SMALL, "small") == cells


@pytest.mark.parametrize("part, message", [
    (Part("x", (3,)), "has no section 3"),
    (Part("x", (2,), (3,)), "has 2 exercises, not 3"),
])
def test_part_naming_what_is_not_there_is_refused(part: Part, message: str) -> None:
    """A plan naming a missing section or exercise gets a one-line error."""
    with pytest.raises(InputError, match=message):
        part.cells(SMALL, "small")


def test_a_notebook_without_setup_is_refused() -> None:
    """A plan cannot run a notebook that has no Setup section."""
    with pytest.raises(InputError, match="has no section setup"):
        Part("x", (1,)).cells(_nb(("markdown", "## 1. One"), ("code", "1")), "old")


@pytest.mark.parametrize("numbers, text", [([3], "3"), ([1, 2], "1–2"), ([5, 1, 2, 3], "1–3 and 5"), ([], "")])
def test_ranges(numbers: list[int], text: str) -> None:
    """Section numbers read as short ranges."""
    assert ranges(numbers) == text


@pytest.mark.parametrize("data, message", [
    ([], "a list 'plans'"),
    ({"plans": [{"sessions": [{"minutes": 45, "steps": [{"start": "0:00"}]}]}]}, "plan 1, session 1, step 1"),
    ({"plans": [{"sessions": [{"steps": []}]}]}, "'minutes'"),
    ({"plans": [{"sessions": [{"minutes": 9, "steps": [
        {"start": "0:00", "end": "0:09", "what": "x", "run": {"notebook": "one"}}]}]}]}, "'notebook' must be"),
    ({"plans": [{"sessions": [{"minutes": 9, "steps": [
        {"start": "0:00", "end": "0:09", "what": "x", "run": {"notebook": "01_x", "sections": "1-4"}}]}]}]},
     "list of section numbers"),
])
def test_malformed_plans_are_refused(data, message: str) -> None:
    """A malformed plans file gets a one-line error naming the place."""
    with pytest.raises(InputError, match=message) as info:
        plans_from_json(data)
    assert "\n" not in str(info.value)


def test_gaps_and_overruns_are_found() -> None:
    """A step that starts late, or steps that overrun the session, are reported."""
    plans = plans_from_json({"plans": [{"title": "P", "sessions": [{"minutes": 30, "steps": [
        {"start": "0:00", "end": "0:10", "what": "a"}, {"start": "0:15", "end": "0:35", "what": "b"}]}]}]})
    problems = timing_problems(plans)
    assert any("starts at 0:15, not at 0:10" in p for p in problems)
    assert any("fill 35 minutes, not 30" in p for p in problems)


def test_render_names_who_runs_what() -> None:
    """A step's notebook column names the notebook, sections, exercises and who runs it."""
    plans = plans_from_json({"plans": [{"title": "P", "sessions": [{"minutes": 10, "steps": [
        {"start": "0:00", "end": "0:10", "what": "Cleaning",
         "run": {"notebook": "01_cleaning", "sections": [1, 2, 3], "exercises": [1], "who": "pairs"}}]}]}]})
    assert "| 0:00–0:10 | Cleaning | 01, sections 1–3, exercise 1 (pairs) |  |" in render(plans)
