"""The teacher guide's lesson plans: data, the notebook parts they name, and the guide's tables.

The plans live in ``docs/lesson-plans.json``, not in the guide's prose, so that a test can run
every plan as written (Setup plus the sections it names, in a fresh kernel) and the tables in
``docs/teacher-guide.md`` are generated from the same data::

    python -m casestudy.exercises.plans          # rewrite the plans part of the teacher guide
    python -m casestudy.exercises.plans --check  # exit 1 if the guide is out of date

A notebook is cut into parts by its ``##`` headings: the header (everything before the first
heading), ``## Setup``, and the numbered sections ``## 1. ...``, ``## 2. ...``.  A step of a plan
names a notebook, its sections, and optionally which exercises of the exercises section to do.

>>> ranges([2, 3, 4, 6])
'2–4 and 6'
>>> ranges([1, 4, 5, 6, 7])
'1 and 4–7'
>>> ranges([1, 2, 5, 7, 8])
'1–2, 5 and 7–8'
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from .solutions import find_exercises

SETUP = "setup"
"""The key of a notebook's Setup section."""

HEADER = "header"
"""The key of the cells before a notebook's first ``##`` heading."""

_HEADING = re.compile(r"^##\s+(?:(\d+)\.\s+(.+?)|(Setup))\s*$", re.MULTILINE)
_TIME = re.compile(r"^(\d+):([0-5]\d)$")

BEGIN = "<!-- plans: generated from docs/lesson-plans.json by `python -m casestudy.exercises.plans`; edit that file -->"
END = "<!-- end of generated plans -->"


@dataclass(frozen=True)
class Section:
    """A part of a notebook: its key (``"header"``, ``"setup"`` or a number), title and cell indices."""

    key: str | int
    title: str
    cells: tuple[int, ...]


def notebook_sections(nb: Any) -> list[Section]:
    """Cut a notebook into its header, Setup and numbered sections, by the ``##`` headings of markdown cells.

    A markdown cell that holds a heading belongs to that heading's section (the prose before
    the heading in the same cell is never code, so where it goes does not matter).
    """
    sections: list[Section] = []
    key: str | int = HEADER
    title = ""
    cells: list[int] = []
    for i, cell in enumerate(nb.cells):
        match = _HEADING.search(cell.source) if cell.cell_type == "markdown" else None
        if match:
            sections.append(Section(key, title, tuple(cells)))
            key = int(match.group(1)) if match.group(1) else SETUP
            title = match.group(2) or "Setup"
            cells = []
        cells.append(i)
    sections.append(Section(key, title, tuple(cells)))
    return sections


def section_map(nb: Any) -> dict[str | int, Section]:
    """The sections of a notebook by key."""
    return {s.key: s for s in notebook_sections(nb)}


def exercise_cells(nb: Any, name: str = "the notebook") -> list[int]:
    """The indices of a chapter's exercise cells, exercise 1 first."""
    return [e.cell_index for e in find_exercises(nb, name)]


def ranges(numbers: Iterable[int]) -> str:
    """Numbers as short ranges for prose: ``[1, 2, 3, 5]`` -> ``'1–3 and 5'``."""
    values = sorted(set(numbers))
    runs: list[str] = []
    i = 0
    while i < len(values):
        j = i
        while j + 1 < len(values) and values[j + 1] == values[j] + 1:
            j += 1
        runs.append(str(values[i]) if i == j else f"{values[i]}–{values[j]}")
        i = j + 1
    if len(runs) <= 1:
        return "".join(runs)
    return ", ".join(runs[:-1]) + " and " + runs[-1]


@dataclass(frozen=True)
class Part:
    """One notebook run of a plan: Setup, then the named sections in order, in a fresh kernel."""

    notebook: str
    sections: tuple[int, ...] = ()
    exercises: tuple[int, ...] | None = None
    who: str = ""

    def describe(self) -> str:
        """The part as the guide's table shows it, e.g. ``01, sections 1–4, exercises 1–2``."""
        words = [self.notebook[:2]]
        if self.sections:
            words.append(("section " if len(self.sections) == 1 else "sections ") + ranges(self.sections))
        if self.exercises:
            words.append(("exercise " if len(self.exercises) == 1 else "exercises ") + ranges(self.exercises))
        text = ", ".join(words)
        return f"{text} ({self.who})" if self.who else text

    def cells(self, nb: Any, name: str = "the notebook", exercise_ids: Sequence[str] | None = None) -> list[int]:
        """The code cells this part runs: Setup's, then each named section's, in the order named.

        In the exercises section only the named exercises run (all of them when the section is
        named without ``exercises``), with the section's other code cells.  Naming exercises
        without their section runs that section for them.  ``exercise_ids`` gives the ids of
        the exercise cells, for a solution copy whose solved cells no longer look like exercises.
        """
        sections = section_map(nb)
        missing = [s for s in (SETUP, *self.sections) if s not in sections]
        if missing:
            raise InputError(f"{name} has no section {missing[0]}: its sections are "
                             f"{[k for k in sections if k != HEADER]}")
        if self.exercises is None:  # every exercise of every named section runs
            exercise_ids = []
        elif exercise_ids is None:
            exercise_ids = [nb.cells[i].get("id", "") for i in exercise_cells(nb, name)]
        by_id = {cell.get("id"): i for i, cell in enumerate(nb.cells)}
        exercise_index = [by_id[cid] for cid in exercise_ids if cid in by_id]
        wanted = set(exercise_index) if self.exercises is None else {
            exercise_index[k - 1] for k in self.exercises if 0 < k <= len(exercise_index)}
        if self.exercises and len(wanted) != len(self.exercises):
            raise InputError(f"{name} has {len(exercise_index)} exercises, not {max(self.exercises)}")
        order: list[str | int] = [SETUP, *self.sections]
        if self.exercises:
            home = next(s.key for s in sections.values() if exercise_index and exercise_index[0] in s.cells)
            if home not in order:
                order.append(home)
        chosen: list[int] = []
        for key in order:
            for i in sections[key].cells:
                if nb.cells[i].cell_type != "code":
                    continue
                if i in exercise_index and i not in wanted:
                    continue
                chosen.append(i)
        return chosen


@dataclass(frozen=True)
class Step:
    """A row of a plan's table: a stretch of time, what happens, the notebook part, notes."""

    start: str
    end: str
    what: str
    parts: tuple[Part, ...]
    notes: str

    def minutes(self) -> int:
        return _minutes(self.end) - _minutes(self.start)


@dataclass(frozen=True)
class Session:
    """One lesson: its title, length, steps, and homework (notebook parts done at home)."""

    title: str
    minutes: int
    steps: tuple[Step, ...]
    homework: tuple[tuple[Part, str], ...] = ()


@dataclass(frozen=True)
class Plan:
    """A lesson plan of the teacher guide."""

    title: str
    intro: str
    sessions: tuple[Session, ...]
    after: str = ""

    def parts(self) -> list[Part]:
        """Every notebook part the plan names, in class and at home, in order."""
        found: list[Part] = []
        for session in self.sessions:
            found += [part for step in session.steps for part in step.parts]
            found += [part for part, _ in session.homework]
        return found


@dataclass(frozen=True)
class Plans:
    """All plans of the guide."""

    plans: tuple[Plan, ...]


def _minutes(clock: str) -> int:
    match = _TIME.match(clock)
    if not match:
        raise InputError(f"{clock!r} is not a time like 0:25")
    return int(match.group(1)) * 60 + int(match.group(2))


def _parts(data: Any, where: str) -> tuple[Part, ...]:
    if data is None:
        return ()
    items = data if isinstance(data, list) else [data]
    return tuple(_part(item, f"{where}, run {k}") for k, item in enumerate(items, start=1))


def _part(data: Any, where: str) -> Part:
    if not isinstance(data, dict) or "notebook" not in data:
        raise InputError(f"{where}: name a 'notebook'")
    notebook = data["notebook"]
    if not isinstance(notebook, str) or not re.match(r"^\d\d\w*$", notebook):
        raise InputError(f"{where}: 'notebook' must be a notebook's name without .ipynb, like '01_cleaning'")
    sections = data.get("sections", [])
    exercises = data.get("exercises")
    if not isinstance(sections, list) or not all(isinstance(s, int) and not isinstance(s, bool) for s in sections):
        raise InputError(f"{where}: 'sections' must be a list of section numbers")
    if exercises is not None and (not isinstance(exercises, list) or not all(isinstance(e, int) for e in exercises)):
        raise InputError(f"{where}: 'exercises' must be a list of exercise numbers")
    return Part(notebook, tuple(sections), tuple(exercises) if exercises is not None else None,
                str(data.get("who", "")))


def plans_from_json(data: Any, source: str = "the plans file") -> Plans:
    """Read the plans document; a malformed one gives a one-line :class:`InputError` naming the place."""
    if not isinstance(data, dict) or not isinstance(data.get("plans"), list):
        raise InputError(f"{source}: expected an object with a list 'plans'")
    plans: list[Plan] = []
    for p, plan in enumerate(data["plans"], start=1):
        where = f"{source}, plan {p}"
        if not isinstance(plan, dict) or not isinstance(plan.get("sessions"), list):
            raise InputError(f"{where}: expected an object with 'title' and a list 'sessions'")
        sessions: list[Session] = []
        for s, session in enumerate(plan["sessions"], start=1):
            swhere = f"{where}, session {s}"
            steps = []
            for r, row in enumerate(session.get("steps", []), start=1):
                rwhere = f"{swhere}, step {r}"
                try:
                    steps.append(Step(str(row["start"]), str(row["end"]), str(row["what"]),
                                      _parts(row.get("run"), rwhere), str(row.get("notes", ""))))
                except (KeyError, TypeError):
                    raise InputError(f"{rwhere}: each step needs 'start', 'end' and 'what'") from None
            homework = []
            for h, item in enumerate(session.get("homework", []), start=1):
                part = _part(item, f"{swhere}, homework {h}")
                homework.append((part, str(item.get("notes", ""))))
            minutes = session.get("minutes")
            if not isinstance(minutes, int):
                raise InputError(f"{swhere}: 'minutes' must be the session's length in minutes")
            sessions.append(Session(str(session.get("title", "")), minutes, tuple(steps), tuple(homework)))
        plans.append(Plan(str(plan.get("title", "")), str(plan.get("intro", "")), tuple(sessions),
                          str(plan.get("after", ""))))
    return Plans(tuple(plans))


def load_plans(path: str | Path) -> Plans:
    """Read ``docs/lesson-plans.json`` (or another plans file)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path} does not exist: give the path of docs/lesson-plans.json") from None
    except json.JSONDecodeError as error:
        raise InputError(f"{path} is not valid JSON (line {error.lineno}): fix it and run again") from None
    return plans_from_json(data, str(path))


def timing_problems(plans: Plans) -> list[str]:
    """Steps that leave a gap or overlap, or do not fill their session exactly."""
    problems = []
    for plan in plans.plans:
        for session in plan.sessions:
            where = f"{plan.title} {session.title}".strip()
            clock = 0
            for step in session.steps:
                if _minutes(step.start) != clock:
                    problems.append(f"{where}: {step.what!r} starts at {step.start}, not at {clock // 60}:{clock % 60:02d}")
                if step.minutes() <= 0:
                    problems.append(f"{where}: {step.what!r} ends before it starts")
                clock = _minutes(step.end)
            if clock != session.minutes:
                problems.append(f"{where}: the steps fill {clock} minutes, not {session.minutes}")
    return problems


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render(plans: Plans) -> str:
    """The plans as the teacher guide shows them (Markdown)."""
    out: list[str] = []
    for plan in plans.plans:
        out += [f"## {plan.title}", ""]
        if plan.intro:
            out += [plan.intro.strip(), ""]
        for session in plan.sessions:
            if session.title:
                out += [f"**{session.title}** ({session.minutes} minutes)", ""]
            out += ["| Time | What | Notebook | Notes |", "|---|---|---|---|"]
            for step in session.steps:
                parts = "; ".join(p.describe() for p in step.parts) or "—"
                out.append(f"| {step.start}–{step.end} | {_cell(step.what)} | {_cell(parts)} | {_cell(step.notes)} |")
            out.append("")
            for homework, notes in session.homework:
                out += [f"*Homework:* {homework.describe()}. {notes.strip()}".rstrip(), ""]
        if plan.after:
            out += [plan.after.strip(), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def update_guide(guide: str, plans: Plans) -> str:
    """The guide's text with the part between the plan markers replaced by :func:`render`."""
    if BEGIN not in guide or END not in guide:
        raise InputError("the teacher guide lacks the plan markers: put the BEGIN and END comments of "
                         "casestudy.exercises.plans where the plans belong")
    head, rest = guide.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n\n{render(plans)}\n{END}{tail}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m casestudy.exercises.plans",
                                     description="Write the lesson plans of docs/lesson-plans.json into the teacher guide.")
    parser.add_argument("--docs", default="docs", help="the docs folder (default: docs)")
    parser.add_argument("--check", action="store_true", help="only report whether the guide is up to date (exit 1)")
    args = parser.parse_args(argv)
    docs = Path(args.docs)
    guide_path = docs / "teacher-guide.md"
    try:
        plans = load_plans(docs / "lesson-plans.json")
        problems = timing_problems(plans)
        if problems:
            raise InputError(problems[0])
        guide = guide_path.read_text(encoding="utf-8")
        new = update_guide(guide, plans)
    except (InputError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if new == guide:
        return 0
    if args.check:
        print(f"out of date: {guide_path} (run python -m casestudy.exercises.plans)")
        return 1
    guide_path.write_text(new, encoding="utf-8")
    print(f"wrote: {guide_path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
