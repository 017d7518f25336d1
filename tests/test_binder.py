"""The Binder configuration in binder/ agrees with pyproject.toml.

mybinder.org builds the case study from binder/ alone (repo2docker ignores the root's
pyproject.toml once a binder/ folder exists), so the two lists of dependencies can drift apart.
These tests fail as soon as they do: same dependencies, exact pins inside pyproject's ranges, a
Python version that pyproject accepts, the package itself installed, and no NLTK downloads.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

try:
    import tomllib
except ImportError:  # Python 3.10
    try:
        import tomli as tomllib  # type: ignore[no-redef]
    except ImportError:
        pytest.skip("reading pyproject.toml needs Python >= 3.11 or the tomli package", allow_module_level=True)

ROOT = Path(__file__).resolve().parent.parent
BINDER = ROOT / "binder"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LOCAL_INSTALLS = {".", "./", "-e .", "-e ./", "--editable .", "--editable=."}
BADGE = re.compile(r"https://mybinder\.org/v2/gh/[^\s)\"']+")


def requirement_lines() -> list[str]:
    """The lines of binder/requirements.txt without comments and blank lines."""
    lines = []
    for line in (BINDER / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split(" #", 1)[0].strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


def binder_pins() -> dict[str, Requirement]:
    """Binder's pinned requirements by normalised name (the package's own install left out)."""
    return {
        canonicalize_name(requirement.name): requirement
        for requirement in (Requirement(line) for line in requirement_lines() if line not in LOCAL_INSTALLS)
    }


def runtime_dependencies() -> dict[str, Requirement]:
    """pyproject.toml's [project] dependencies by normalised name."""
    return {
        canonicalize_name(requirement.name): requirement
        for requirement in map(Requirement, PYPROJECT["project"]["dependencies"])
    }


def pinned_version(requirement: Requirement) -> str | None:
    """The version of an exact pin 'name==1.2.3', or None if it is not one."""
    specifiers = list(requirement.specifier)
    if len(specifiers) == 1 and specifiers[0].operator == "==" and "*" not in specifiers[0].version:
        return specifiers[0].version
    return None


def test_binder_folder_has_the_files_repo2docker_reads() -> None:
    """binder/ holds runtime.txt and requirements.txt (and no environment.yml that would override them)."""
    assert (BINDER / "runtime.txt").is_file()
    assert (BINDER / "requirements.txt").is_file()
    assert not (BINDER / "environment.yml").exists(), "environment.yml would make repo2docker ignore runtime.txt"
    assert not (BINDER / "Dockerfile").exists(), "a Dockerfile would make repo2docker ignore every other file"


def test_binder_pins_exactly_the_runtime_dependencies() -> None:
    """binder/requirements.txt names the same packages as pyproject's dependencies, no more, no fewer."""
    pinned, declared = set(binder_pins()), set(runtime_dependencies())
    assert pinned == declared, (
        f"missing from binder/requirements.txt: {sorted(declared - pinned)}; "
        f"not in pyproject.toml: {sorted(pinned - declared)}"
    )


@pytest.mark.parametrize("name", sorted(binder_pins()))
def test_every_binder_requirement_is_an_exact_pin(name: str) -> None:
    """Each requirement is pinned with '==' to one version, so every Binder build is the same."""
    requirement = binder_pins()[name]
    assert pinned_version(requirement), f"{requirement} is not an exact pin like name==1.2.3"


@pytest.mark.parametrize("name", sorted(runtime_dependencies()))
def test_each_pin_satisfies_the_range_in_pyproject(name: str) -> None:
    """The pinned version lies inside the range pyproject.toml declares for that dependency."""
    pins = binder_pins()
    if name not in pins:
        pytest.fail(f"{name} is a runtime dependency but binder/requirements.txt does not pin it")
    declared = runtime_dependencies()[name]
    version = pinned_version(pins[name])
    assert version is not None, f"{pins[name]} is not an exact pin"
    assert declared.specifier.contains(version, prereleases=True), (
        f"binder pins {name}=={version}, outside pyproject's {declared}"
    )


def test_runtime_python_satisfies_requires_python() -> None:
    """binder/runtime.txt states a Python 'python-X.Y' that pyproject's requires-python accepts."""
    runtime = (BINDER / "runtime.txt").read_text(encoding="utf-8").strip()
    match = re.fullmatch(r"python-(3\.\d+)", runtime)
    assert match, f"runtime.txt should read like 'python-3.11', not {runtime!r}"
    requires_python = SpecifierSet(PYPROJECT["project"]["requires-python"])
    assert Version(match.group(1)) in requires_python, f"{runtime} is outside requires-python {requires_python}"


def test_the_package_itself_is_installed() -> None:
    """requirements.txt installs the repository's own package ('-e .' or '.'), or postBuild does."""
    post_build = BINDER / "postBuild"
    post_build_text = post_build.read_text(encoding="utf-8") if post_build.exists() else ""
    installs_here = any(line in LOCAL_INSTALLS for line in requirement_lines())
    assert installs_here or re.search(r"pip install[^\n]*\s\.(\s|$)", post_build_text), (
        "binder/ must install the casestudy package itself: add '-e .' to binder/requirements.txt"
    )


def test_binder_downloads_no_nltk_data() -> None:
    """Nothing in binder/ downloads NLTK data: the package needs none (offline-safe, like a lab)."""
    for path in BINDER.iterdir():
        if not path.is_file() or path.suffix == ".md":  # prose may name what we do not do
            continue
        text = path.read_text(encoding="utf-8")
        code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
        assert not re.search(r"nltk\.download|nltk\.downloader", code), f"{path.name} downloads NLTK data"


def test_post_build_is_an_executable_bash_script() -> None:
    """postBuild, if present, starts with a bash shebang and is executable, as repo2docker requires."""
    post_build = BINDER / "postBuild"
    if not post_build.exists():
        pytest.skip("no binder/postBuild")
    assert post_build.read_text(encoding="utf-8").startswith("#!/bin/bash")
    assert post_build.stat().st_mode & 0o111, "binder/postBuild must be executable (git add --chmod=+x)"


@pytest.mark.parametrize("document", ["binder/README.md", "README.md"])
def test_binder_badges_open_the_start_here_notebook_in_jupyterlab(document: str) -> None:
    """Every Binder link opens notebooks/00_start_here.ipynb in JupyterLab, and that notebook exists."""
    path = ROOT / document
    links = BADGE.findall(path.read_text(encoding="utf-8")) if path.exists() else []
    if not links:
        pytest.skip(f"{document} has no Binder link yet")
    for link in links:
        assert link.endswith("?urlpath=lab/tree/notebooks/00_start_here.ipynb"), link
    assert (ROOT / "notebooks" / "00_start_here.ipynb").is_file()
