"""Solution copies of the chapter notebooks, generated from the chapters themselves.

Each chapter notebook (``notebooks/01_cleaning.ipynb`` ... ``05_...``) is the
single source.  An *exercise* is a code cell with a ``...`` placeholder whose
last line calls a self-check (``ex.check_...(...)``); the markdown cell right
after it opens with ``<details><summary>Solution</summary>`` and holds the
solution as a ```` ```python ```` block.  The solution copy
(``notebooks/solutions/NN_name_solutions.ipynb``) replaces each exercise's
placeholder lines with the solution code and makes the self-check *assert*,
so running the copies under nbval fails as soon as a solution stops passing
its check.  Regenerate the copies after editing a chapter::

    python -m casestudy.exercises.solutions          # write notebooks/solutions/
    python -m casestudy.exercises.solutions --check  # exit 1 if a copy is out of date

>>> cell = "from casestudy.exercises import cleaning as ex\\n\\nanswer = ...\\nex.check_answer(answer)"
>>> print(solve_cell(cell, "answer = 17"))
from casestudy.exercises import cleaning as ex
<BLANKLINE>
answer = 17
<BLANKLINE>
solution_check = ex.check_answer(answer)
assert solution_check, solution_check.message
solution_check
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError

SOLUTION_OPENING = "<details><summary>Solution</summary>"
"""How the markdown cell holding an exercise's solution begins."""

CHAPTER = re.compile(r"^(0[1-9]|[1-9]\d)[a-z]?_\w+\.ipynb$")
"""Chapter notebooks that have exercises: 01 onwards, with an optional letter (03b); 00 is the introduction."""

_PYTHON_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)
_RELATIVE_LINK = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:|#|/)([^)\s]+)\)")
"""A markdown link to a relative path (not a URL with a scheme, not an anchor in the same page)."""
CHECK_NAME = "solution_check"
"""The variable the asserting self-check is stored in (a name the chapters do not use)."""


@dataclass(frozen=True)
class Exercise:
    """One exercise of a chapter: its code cell, the self-check it calls, and its solution code."""

    notebook: str
    cell_index: int
    check: str
    solution: str


def _check_call(tree: ast.Module) -> str | None:
    """The name of the self-check the cell's last statement calls (``check_...``), if any."""
    if not tree.body or not isinstance(tree.body[-1], ast.Expr) or not isinstance(tree.body[-1].value, ast.Call):
        return None
    func = tree.body[-1].value.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return name if name.startswith("check_") else None


def _has_placeholder(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Constant) and n.value is Ellipsis for n in ast.walk(node))


def is_exercise(source: str) -> bool:
    """True for a code cell with a ``...`` placeholder or ending in a ``check_...`` call.

    >>> is_exercise("x = ...\\nex.check_x(x)"), is_exercise("print(1)")
    (True, False)
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return False
    body = tree.body[:-1] if _check_call(tree) else tree.body
    return _check_call(tree) is not None or any(_has_placeholder(s) for s in body)


def solution_code(markdown: str) -> str | None:
    """The python code of a Solution block, or ``None`` if the cell is not one.

    >>> solution_code("<details><summary>Solution</summary>\\n\\n```python\\nx = 1\\n```\\n</details>")
    'x = 1'
    """
    if not markdown.lstrip().startswith(SOLUTION_OPENING):
        return None
    details = markdown.split("</details>", 1)[0]
    blocks = _PYTHON_BLOCK.findall(details)
    return "\n".join(b.strip("\n") for b in blocks) or None


def solve_cell(source: str, solution: str) -> str:
    """An exercise cell with its placeholder lines replaced by the solution, and an asserting self-check."""
    tree = ast.parse(source)
    check = _check_call(tree)
    if check is None:
        raise InputError("the exercise cell does not end with a self-check call: end it with ex.check_...(...)")
    lines = source.splitlines()
    kept: list[str] = []
    previous_end = 0
    for stmt in tree.body[:-1]:
        start, end = stmt.lineno - 1, stmt.end_lineno or stmt.lineno
        if not _has_placeholder(stmt):
            kept.extend(lines[previous_end:end])
        previous_end = end
    call = ast.get_source_segment(source, tree.body[-1]) or ""
    head = "\n".join(kept).strip("\n")
    parts = [head] if head else []
    parts += [solution.strip("\n"),
              f"{CHECK_NAME} = {call}\nassert {CHECK_NAME}, {CHECK_NAME}.message\n{CHECK_NAME}"]
    return "\n\n".join(parts)


def find_exercises(nb: Any, name: str = "the notebook") -> list[Exercise]:
    """Every exercise of a notebook with its solution; raise InputError for one that lacks either part."""
    found: list[Exercise] = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or not is_exercise(cell.source):
            continue
        tree = ast.parse(cell.source)
        check = _check_call(tree)
        where = f"{name}, cell {i}"
        if check is None:
            raise InputError(f"{where}: an exercise with a ... placeholder needs a self-check call "
                             "(ex.check_...(...)) as its last line")
        if not _has_placeholder(tree):
            raise InputError(f"{where}: the exercise calling {check} has no ... placeholder for the student")
        following = nb.cells[i + 1] if i + 1 < len(nb.cells) else None
        code = solution_code(following.source) if following is not None and following.cell_type == "markdown" else None
        if code is None:
            raise InputError(f"{where}: the exercise calling {check} needs a markdown cell right after it that "
                             f"starts with {SOLUTION_OPENING} and holds a ```python block")
        found.append(Exercise(name, i, check, code))
    return found


def solution_notebook(nb: Any, name: str) -> Any:
    """A copy of a chapter with every exercise solved and asserting, links pointing one folder up."""
    import copy

    import nbformat

    out = copy.deepcopy(nb)
    exercises = {e.cell_index: e for e in find_exercises(nb, name)}
    for i, cell in enumerate(out.cells):
        if i in exercises:
            cell.source = solve_cell(cell.source, exercises[i].solution)
        if cell.cell_type == "markdown":
            cell.source = _RELATIVE_LINK.sub(lambda m: f"](../{m.group(1)})", cell.source)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    note = nbformat.v4.new_markdown_cell(
        f"**Solutions copy of [`{name}`](../{name})**, with every exercise filled in and its self-check "
        "turned into an `assert`. Generated by `python -m casestudy.exercises.solutions` from the chapter: "
        "do not edit it here; edit the chapter and run that command again.")
    note["id"] = "solutions-note"
    out.cells.insert(0, note)
    return out


def solution_name(chapter: str) -> str:
    """``01_cleaning.ipynb`` -> ``01_cleaning_solutions.ipynb``."""
    return chapter[: -len(".ipynb")] + "_solutions.ipynb"


def chapters(notebooks: Path) -> list[Path]:
    """The chapter notebooks (01 onwards) in a folder, in order."""
    return sorted(p for p in notebooks.glob("*.ipynb") if CHAPTER.match(p.name))


def render(chapter: Path) -> str:
    """The text of the solution copy of one chapter, exactly as it is written to disk."""
    import nbformat

    nb = nbformat.read(chapter, as_version=4)
    text: str = nbformat.writes(solution_notebook(nb, chapter.name))
    return text if text.endswith("\n") else text + "\n"


def generate(notebooks: Path, check_only: bool = False) -> list[Path]:
    """Write (or, with ``check_only``, compare) every solution copy; return the paths out of date."""
    folder = notebooks / "solutions"
    stale: list[Path] = []
    for chapter in chapters(notebooks):
        target = folder / solution_name(chapter.name)
        text = render(chapter)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            stale.append(target)
            if not check_only:
                folder.mkdir(exist_ok=True)
                target.write_text(text, encoding="utf-8")
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m casestudy.exercises.solutions",
                                     description="Generate notebooks/solutions/ from the chapter notebooks.")
    parser.add_argument("notebooks", nargs="?", default="notebooks", help="the notebooks folder (default: notebooks)")
    parser.add_argument("--check", action="store_true", help="only report copies that are out of date (exit 1)")
    args = parser.parse_args(argv)
    folder = Path(args.notebooks)
    if not folder.is_dir():
        print(f"error: {folder} is not a folder: run this from the repository root or give the notebooks folder",
              file=sys.stderr)
        return 2
    try:
        stale = generate(folder, check_only=args.check)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for path in stale:
        print(("out of date: " if args.check else "wrote: ") + str(path))
    return 1 if (args.check and stale) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
