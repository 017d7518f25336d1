"""The style promises type hints on every public function, checked by mypy: this test checks them.

The settings live in pyproject.toml (``[tool.mypy]``: strict for ``casestudy``).
mypy keeps its cache in ``.mypy_cache/`` (gitignored), so a second run takes
about a second; the first takes several.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_package_passes_mypy() -> None:
    """`mypy casestudy` (strict, settings from pyproject.toml) reports no errors."""
    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy is not installed (pip install -e '.[test]' installs it)")
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), "casestudy"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
