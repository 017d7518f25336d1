"""The package's folders are its layers: `lint-imports` checks the contracts in pyproject.toml."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "casestudy"


def test_import_contracts_are_kept():
    """Every import-linter contract holds: no layer imports one above it, logic never imports widgets or matplotlib."""
    exe = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    if not Path(exe).exists():
        pytest.skip("import-linter is not installed: pip install -e '.[test]'")
    result = subprocess.run([exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_every_module_belongs_to_a_declared_layer():
    """A new top-level module or folder must be placed in a layer, or the contract would not see it."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    top = {p.stem for p in PACKAGE.glob("*.py") if p.stem not in ("__init__", "__main__")}
    top |= {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    missing = sorted(name for name in top if f'casestudy.{name}"' not in text and f"casestudy.{name} " not in text)
    assert missing == []


SIDE_NAMES_OF_THE_OSLO_ARTICLE = ("US/NATO", "Russia")


def _string_constants(path: Path) -> list[tuple[int, str]]:
    """Every string literal of a module that is not a docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_package_code_holds_no_side_names():
    """Sides are data (a people file's `sides`): no side of the bundled article is written into package code."""
    hits = [f"{path.relative_to(ROOT)}:{line}" for path in sorted(PACKAGE.rglob("*.py"))
            for line, text in _string_constants(path)
            if any(name.lower() in text.lower().split("/") or text.strip() == name
                   for name in SIDE_NAMES_OF_THE_OSLO_ARTICLE) or "US/NATO" in text]
    assert hits == []
