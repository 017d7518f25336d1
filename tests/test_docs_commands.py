"""The command-line examples in the README and the teacher guide work as written, from a fresh clone.

A bare ``python -m casestudy`` runs the system's Python, which lacks the
package's dependencies ("NLTK is not installed"): the documents write the
virtual environment's Python (``.venv/bin/python``, on Windows
``.venv\\Scripts\\python``), and every such line in a code block is run here.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DOCS = [REPO / "README.md", REPO / "docs" / "teacher-guide.md"]
BARE = re.compile(r"(?<![\w/\\.])python3? -m (?:casestudy|pytest)\b")
"""A command that would run the system's Python rather than the environment's."""


def example_lines(path: Path) -> list[str]:
    """The lines of the document's code blocks (bash) that run ``.venv/bin/python -m casestudy``."""
    lines, inside = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("```"):
            inside = not inside
        elif inside and line.strip().startswith(".venv/bin/python -m casestudy"):
            lines.append(line.strip())
    return lines


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_no_bare_python_commands(path: Path) -> None:
    """Every casestudy or pytest command names the environment's Python, never a bare 'python -m'."""
    text = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8"), flags=re.S)   # comments are not shown
    lines = [line for line in text.splitlines() if BARE.search(line) and "activate" not in line.lower()]
    assert lines == []


def test_readme_examples_run_from_the_repository_folder() -> None:
    """Each command-line example in the README runs from the repository's folder and succeeds."""
    lines = example_lines(REPO / "README.md")
    assert len(lines) >= 4
    for line in lines:
        args = shlex.split(line, comments=True)
        out = subprocess.run([sys.executable, *args[1:]], capture_output=True, text=True, timeout=120, cwd=REPO)
        assert out.returncode == 0, (line, out.stderr)
        assert out.stdout.strip(), line


def test_teacher_guide_marking_example_runs(tmp_path: Path) -> None:
    """The teacher guide's bulk-marking command reads a folder of maps and writes marks.csv."""
    from casestudy.argmap import reference_map, save_map

    (tmp_path / "maps").mkdir()
    save_map(reference_map(), tmp_path / "maps" / "ada.json")
    line = next(line for line in example_lines(REPO / "docs" / "teacher-guide.md") if "compare" in line)
    out = subprocess.run([sys.executable, *shlex.split(line)[1:]], capture_output=True, text=True, timeout=120,
                         cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    marks = (tmp_path / "marks.csv").read_text(encoding="utf-8").splitlines()
    assert marks[0].startswith("file,status") and marks[1].startswith("ada.json,ok")
