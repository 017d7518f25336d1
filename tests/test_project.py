"""Project-wide promises: light imports, clean notebooks, Python 3.10 support."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(p for p in (ROOT / "notebooks").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def test_import_is_light() -> None:
    """`import casestudy` loads neither matplotlib, nltk nor ipywidgets."""
    code = ("import sys, casestudy; "
            "print([m for m in ('matplotlib', 'nltk', 'ipywidgets') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_committed_clean(path: Path) -> None:
    """Notebooks carry no outputs or execution counts, and name their kernel."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [] and cell.get("execution_count") is None, cell["source"][:80]
    assert nb["metadata"]["kernelspec"]["name"] == "python3"


def test_there_are_notebooks() -> None:
    """The chapters exist."""
    assert any(p.name.startswith("01_") for p in NOTEBOOKS)


def test_code_runs_on_python_3_10() -> None:
    """vermin finds nothing in the package that needs a Python newer than 3.10."""
    script = Path(sys.executable).with_name("vermin")
    if not script.exists():
        script = Path(shutil.which("vermin") or "vermin-is-not-installed")
    if not script.exists():
        pytest.skip("vermin is not installed (pip install -e '.[test]' installs it)")
    out = subprocess.run(
        [str(script), "--no-tips", "--violations", "--eval-annotations",
         "--backport", "typing_extensions", "-t=3.10-", str(ROOT / "casestudy")],
        capture_output=True, text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_wheel_carries_the_data(tmp_path: Path) -> None:
    """A plain (non-editable) wheel contains the article and its data files as casestudy/data."""
    pytest.importorskip("hatchling")
    import zipfile

    out = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
         "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    wheel = next(tmp_path.glob("casestudy-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {p.name for p in (ROOT / "data").iterdir() if p.is_file()}
    assert {"oslo_2007-04-26_ria_novosti.txt", "metadata.json", "people.json"} <= shipped
    for data in shipped:
        assert f"casestudy/data/{data}" in names, f"data/{data} is missing from the wheel: list it in pyproject.toml"
    assert not any(name.startswith("casestudy/data/devset/") for name in names)
