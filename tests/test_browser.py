"""The chapter notebooks work for a person using JupyterLab in a real browser.

nbval proves every cell runs in a kernel; it cannot see what a student sees. This test starts
JupyterLab on localhost (empty token, a temporary copy of ``notebooks/`` and ``data/``, and
temporary Jupyter config/settings folders, so it never writes into the repository or your own
Jupyter setup), opens each chapter notebook in headless Chromium driven by Playwright, chooses
Run > Run All Cells from the menu, waits for the kernel to go idle, and then checks what is on
the screen:

* no cell shows an error (a traceback in an output, or an ``error`` output in the saved file);
* every code cell ran (it has an execution count);
* every widget the kernel displayed is rendered as a widget, and no "Error displaying widget";
* in the argument-map notebook, typing a claim and clicking "Add claim" redraws the map with it,
  and so does a second claim added with the keyboard alone (Tab to the button, Enter).
  Save writes both claims to the file; running the editor's cell again gives an empty editor
  that says a saved map is waiting, and its Load brings both claims back.

A glossary link in a notebook, clicked, opens ``docs/glossary.md`` in JupyterLab's Markdown viewer
scrolled to its term (JupyterLab is started above ``notebooks/``, as the README's command and
Binder start it).

A screenshot of each notebook is saved in ``tests/screenshots/`` (git-ignored) for a human to
look at. The browser is Debian's ``chromium`` (``apt-get install chromium``); Playwright is only
the Python driver, no browser is downloaded. Without either, the whole module is skipped.

Chapter notebooks are found by glob, ``notebooks/0[0-9]*_*.ipynb`` (03b included); solution copies
(``*_solutions.ipynb``) are left to nbval.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"


def _find_chromium() -> str | None:
    """Return the path of the system Chromium, or None."""
    for candidate in (shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


CHROMIUM = _find_chromium()
if CHROMIUM is None:
    pytest.skip(
        "browser test skipped: no system Chromium (install it with `apt-get install chromium`)",
        allow_module_level=True,
    )
try:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import Page, sync_playwright
except ImportError:
    pytest.skip(
        "browser test skipped: the `playwright` package is missing "
        '(`pip install -e ".[test]"`; never `playwright install`, we use the system Chromium)',
        allow_module_level=True,
    )

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--disable-sync",
    "--no-first-run",
]

# Seconds. Each notebook should run in a few seconds; these bounds only stop a hung test.
SERVER_START_TIMEOUT = 90
KERNEL_IDLE_TIMEOUT = 60
RUN_START_TIMEOUT = 10  # a Run All that has not started a cell by then was lost: retry once
RUN_FINISH_TIMEOUT = 180
INTERACTION_TIMEOUT = 30

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
STDERR_MIME = "application/vnd.jupyter.stderr"
# A line like "ZeroDivisionError: division by zero" or "NameError  Traceback (most recent ...".
ERROR_LINE = re.compile(r"(^|\n)\s*\w*(Error|Exception)\b|Traceback \(most recent call last\)")
CLAIMS = ("The shield is aimed at Iran, not Russia", "Ten interceptors cannot threaten Russia")


def chapter_notebooks() -> list[Path]:
    """The chapter notebooks 00-09 (and lettered ones such as 03b) that exist now, without solution copies."""
    return sorted(
        path
        for path in NOTEBOOKS.glob("0[0-9]*_*.ipynb")
        if not path.stem.endswith("_solutions")
    )


# --------------------------------------------------------------------------------------------
# JupyterLab server and browser, shared by all notebooks of this module
# --------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")


def _quiet_jupyter_dirs(base: Path) -> dict[str, str]:
    """Temporary Jupyter folders with settings that keep popups away; return the env vars."""
    config, settings = base / "config", base / "settings"
    # No announcement/news plugin: its "Would you like to receive news?" toast can block clicks.
    _write_json(
        config / "labconfig" / "page_config.json",
        {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}},
    )
    _write_json(
        settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings",
        {"fetchNews": "false", "checkForUpdates": False, "doNotDisturbMode": True},
    )
    # Keep every cell attached to the page so the checks below see all outputs.
    _write_json(
        settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings",
        {"windowingMode": "none"},
    )
    return {
        "JUPYTER_CONFIG_DIR": str(config),
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTERLAB_WORKSPACES_DIR": str(base / "workspaces"),
        "JUPYTER_DATA_DIR": str(base / "data"),
        "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
        "IPYTHONDIR": str(base / "ipython"),
        "JUPYTER_PLATFORM_DIRS": "1",
    }


class LabServer:
    """A JupyterLab server on localhost serving a temporary copy of the notebooks."""

    def __init__(self, root: Path, jupyter_env: dict[str, str]) -> None:
        self.root = root
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = root.parent / "jupyterlab.log"
        env = {**os.environ, **jupyter_env}
        env.pop("MPLBACKEND", None)  # the kernel should use its inline backend
        command = [
            sys.executable, "-m", "jupyter", "lab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            "--IdentityProvider.token=",
            "--ServerApp.password=",
            "--ServerApp.terminals_enabled=False",
            "--ServerApp.disable_check_xsrf=True",  # lets shut_down_sessions() use the REST API
            f"--ServerApp.root_dir={root}",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ]  # fmt: skip
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")  # CI and containers run as root
        self._log = open(self.log_path, "w", encoding="utf-8")  # noqa: SIM115
        self.process = subprocess.Popen(
            command, env=env, stdout=self._log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip

    def log_tail(self, lines: int = 30) -> str:
        self._log.flush()
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def api(self, path: str, method: str = "GET") -> object:
        request = urllib.request.Request(self.url + path, method=method)
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def wait_until_ready(self) -> None:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"JupyterLab exited with code {self.process.returncode}:\n{self.log_tail()}")
            try:
                self.api("/api/status")
                return
            except OSError:
                time.sleep(0.25)
        pytest.fail(f"JupyterLab did not answer within {SERVER_START_TIMEOUT} s:\n{self.log_tail()}")

    def shut_down_sessions(self) -> None:
        """Stop every kernel, so the next notebook has the CPU to itself."""
        try:
            for session in self.api("/api/sessions"):  # type: ignore[union-attr]
                self.api(f"/api/sessions/{session['id']}", method="DELETE")
        except OSError:
            pass

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=15)
        self._log.close()


@pytest.fixture(scope="module")
def lab():
    """A running JupyterLab on a copy of notebooks/ and data/; stopped after the module."""
    with tempfile.TemporaryDirectory(prefix="casestudy-browser-") as tmp:
        base = Path(tmp)
        root = base / "work"
        # Not students' saved work (git-ignored), so every run starts as a fresh clone does.
        leftovers = shutil.ignore_patterns(".ipynb_checkpoints", "my_*.json", "*.bak")
        shutil.copytree(NOTEBOOKS, root / "notebooks", ignore=leftovers)
        for folder in ("data", "docs"):  # relative paths like ../data/... and ../docs/glossary.md keep working
            if (ROOT / folder).is_dir():
                shutil.copytree(ROOT / folder, root / folder)
        server = LabServer(root, _quiet_jupyter_dirs(base / "jupyter"))
        try:
            server.wait_until_ready()
            yield server
        finally:
            server.stop()


@pytest.fixture(scope="module")
def browser_context():
    """Headless Debian Chromium driven by Playwright; one context, so JupyterLab's code is cached."""
    with sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium.new_context(viewport={"width": 1280, "height": 900})
        finally:
            chromium.close()


@pytest.fixture
def page(browser_context, lab):
    """A fresh browser tab; the notebook's kernel is shut down afterwards."""
    tab = browser_context.new_page()
    tab.set_default_timeout(30_000)
    tab.console_messages = []  # type: ignore[attr-defined]
    tab.on("console", lambda message: tab.console_messages.append(f"{message.type}: {message.text}"))
    try:
        yield tab
    finally:
        tab.close()
        lab.shut_down_sessions()


# --------------------------------------------------------------------------------------------
# What a person does in JupyterLab
# --------------------------------------------------------------------------------------------

# Cell prompts read "[ ]:" before running, "[*]:" while queued or running, "[3]:" when done.
# The kernel's status is read from the status bar ("Python 3 (ipykernel) | Idle"): the toolbar's
# indicator already says "idle" while the status bar still says "No Kernel | Initializing".
CELL_STATE_JS = """() => {
    const prompts = [...document.querySelectorAll(
        '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea-prompt')]
        .map(p => p.textContent.trim());
    const status = [...document.querySelectorAll('.jp-StatusBar-TextItem')]
        .map(item => item.textContent.trim())
        .find(text => / \\| [A-Za-z ]+$/.test(text));
    return {prompts: prompts, kernel: status || null};
}"""


def _idle(state: dict) -> bool:
    kernel = state["kernel"] or ""
    return kernel.endswith("| Idle") and not kernel.startswith("No Kernel")


def _cell_state(page: Page) -> dict:
    return page.evaluate(CELL_STATE_JS)


def _dismiss_dialogs(page: Page) -> None:
    """Accept any modal dialog (for example a kernel chooser) so it cannot block clicks."""
    for _ in range(3):
        dialog = page.locator(".jp-Dialog")
        if dialog.count() == 0:
            return
        page.locator(".jp-Dialog .jp-mod-accept").first.click()
        page.wait_for_timeout(300)


def open_notebook(page: Page, lab: LabServer, name: str) -> None:
    """Open a notebook in a clean workspace and wait until its kernel is idle."""
    page.goto(f"{lab.url}/lab/tree/notebooks/{name}?reset")
    page.locator(".jp-NotebookPanel .jp-Notebook").first.wait_for(state="visible", timeout=60_000)
    deadline = time.monotonic() + KERNEL_IDLE_TIMEOUT
    while not _idle(_cell_state(page)):
        if time.monotonic() > deadline:
            pytest.fail(f"{name}: the kernel was not idle within {KERNEL_IDLE_TIMEOUT} s ({_cell_state(page)})")
        _dismiss_dialogs(page)
        page.wait_for_timeout(250)


def run_all(page: Page) -> None:
    """Select the first cell, then Run > Run All Cells, as a student would."""
    _dismiss_dialogs(page)
    page.locator(".jp-NotebookPanel .jp-Cell .jp-InputPrompt").first.click()
    page.locator(".lm-MenuBar-item", has_text=re.compile(r"^Run$")).click()
    page.locator(
        '.lm-Menu-item[data-command="runmenu:run-all"], .lm-Menu-item[data-command="notebook:run-all-cells"]'
    ).first.click()


def _started(state: dict) -> bool:
    return any(prompt != "[ ]:" for prompt in state["prompts"]) or not state["prompts"]


def _finished(state: dict) -> bool:
    return _idle(state) and not any("*" in prompt for prompt in state["prompts"])


def run_all_and_wait(page: Page, name: str) -> None:
    """Run All (retrying once if the first click is lost) and wait until the kernel settles."""
    for attempt in (1, 2):
        run_all(page)
        deadline = time.monotonic() + RUN_START_TIMEOUT
        while not _started(_cell_state(page)) and time.monotonic() < deadline:
            page.wait_for_timeout(250)
        if _started(_cell_state(page)):
            break
        if attempt == 2:
            pytest.fail(f"{name}: Run All did not start any cell, twice ({_cell_state(page)})")
    deadline = time.monotonic() + RUN_FINISH_TIMEOUT
    settled_since = None
    while True:  # "finished" must hold for a whole second: idle can flicker between cells
        if _finished(_cell_state(page)):
            settled_since = settled_since or time.monotonic()
            if time.monotonic() - settled_since >= 1.0:
                return
        else:
            settled_since = None
        if time.monotonic() > deadline:
            pytest.fail(f"{name}: cells still running after {RUN_FINISH_TIMEOUT} s ({_cell_state(page)})")
        page.wait_for_timeout(200)


def save_and_read(page: Page, path: Path) -> dict:
    """Save the notebook (Ctrl+S) and return the saved JSON once it holds the run's outputs."""
    before = path.stat().st_mtime_ns
    page.locator(".jp-NotebookPanel .jp-Notebook").first.click(position={"x": 5, "y": 5})
    page.keyboard.press("Control+s")
    deadline = time.monotonic() + 30
    while path.stat().st_mtime_ns == before:
        if time.monotonic() > deadline:
            pytest.fail(f"{path.name}: JupyterLab did not save the notebook within 30 s")
        page.wait_for_timeout(200)
    for _ in range(20):  # the write may still be in progress
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            page.wait_for_timeout(200)
    return json.loads(path.read_text(encoding="utf-8"))


def screenshot(page: Page, name: str, element: str | None = None) -> Path:
    """Save a picture of the whole notebook, or of one element, in tests/screenshots/.

    JupyterLab scrolls inside a fixed-size page, so the page is made as tall as the notebook
    (at most 12,000 pixels) for the picture, then put back.
    """
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = page.evaluate(
        "() => { const n = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer') "
        "|| document.querySelector('.jp-NotebookPanel .jp-Notebook'); return n ? n.scrollHeight : 900; }"
    )
    page.set_viewport_size({"width": 1280, "height": max(900, min(int(height) + 200, 12_000))})
    if element is None:  # Run All leaves the notebook scrolled to its end: start from the top
        page.evaluate(
            "() => document.querySelectorAll('.jp-NotebookPanel .jp-WindowedPanel-outer')"
            ".forEach(n => { n.scrollTop = 0; })"
        )
    page.wait_for_timeout(500)
    target = SCREENSHOTS / f"{name}.png"
    if element is None:
        page.screenshot(path=str(target))
    else:
        page.locator(element).last.screenshot(path=str(target))
    page.set_viewport_size({"width": 1280, "height": 900})
    return target


# --------------------------------------------------------------------------------------------
# What the screen must show
# --------------------------------------------------------------------------------------------

# Each stderr output (where JupyterLab also shows tracebacks) with the index of its cell.
ERROR_OUTPUTS_JS = """() => [...document.querySelectorAll('.jp-NotebookPanel .jp-Notebook .jp-Cell')]
    .flatMap((cell, index) => [...cell.querySelectorAll('.jp-OutputArea-output[data-mime-type="%s"]')]
        .map(node => ({cell: index, text: node.innerText})))""" % STDERR_MIME


# A widget output holds a `.jupyter-widgets` element directly (JupyterLab gives it no mime type);
# widgets nested in other widgets (for example in an Output widget) are counted with their parent.
WIDGET_OUTPUTS_JS = """() => [...document.querySelectorAll('.jp-NotebookPanel .jp-OutputArea-output')]
    .filter(node => node.querySelector(':scope > .jupyter-widgets')
                    && !node.parentElement.closest('.jupyter-widgets'))
    .map(node => ({
        rendered: node.querySelector('[class*="widget-"]') !== null
                  && !node.innerText.includes('Error displaying widget'),
        text: node.innerText.slice(0, 200),
    }))"""


def meant_to_fail(notebook: dict) -> set[int]:
    """Indices of cells tagged 'raises-exception': they show an error on purpose (nbval agrees)."""
    return {
        index
        for index, cell in enumerate(notebook["cells"])
        if "raises-exception" in cell.get("metadata", {}).get("tags", [])
    }


def shown_errors(page: Page, notebook: dict) -> list[str]:
    """Tracebacks and error lines that the notebook shows, except in cells meant to fail."""
    expected = meant_to_fail(notebook)
    return [
        f"cell {output['cell']}: {output['text'][:800]}"
        for output in page.evaluate(ERROR_OUTPUTS_JS)
        if output["cell"] not in expected and ERROR_LINE.search(output["text"])
    ]


def saved_errors(notebook: dict) -> list[str]:
    """`error` outputs in the saved notebook, as 'cell N: Name: value', except in cells meant to fail."""
    expected = meant_to_fail(notebook)
    return [
        f"cell {index}: {output.get('ename')}: {output.get('evalue')}"
        for index, cell in enumerate(notebook["cells"])
        if cell["cell_type"] == "code" and index not in expected
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]


def displayed_widget_count(notebook: dict) -> int:
    """How many widgets the kernel displayed directly in cell outputs."""
    return sum(
        WIDGET_MIME in output.get("data", {})
        for cell in notebook["cells"]
        if cell["cell_type"] == "code"
        for output in cell.get("outputs", [])
    )


def drawing_signature(page: Page) -> str:
    """The pictures the outputs show (image data or URLs, inline SVG), to notice a redraw."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.jp-NotebookPanel .jp-OutputArea-output')]
            .map(node => [...node.querySelectorAll('img')].map(i => i.src).join('|')
                 + [...node.querySelectorAll('svg:not(.jp-icon3):not([data-icon])')]
                     .map(s => s.outerHTML.length).join('|'))
            .join('\\n')"""
    )


# Marks the "Add" button of a widget (preferring one that says "claim") and the text box just
# before it (the box a student types the new claim into), so Playwright can use them for real.
MARK_ADD_CLAIM_JS = """() => {
    const buttons = [...document.querySelectorAll('.jp-NotebookPanel .jupyter-widgets button')]
        .filter(b => /\\badd\\b/i.test(b.textContent));
    const button = buttons.find(b => /claim/i.test(b.textContent)) || buttons[0];
    if (!button) return 'no button whose label says Add';
    const root = button.closest('.jp-OutputArea-output');
    const fields = [...root.querySelectorAll('.widget-textarea textarea, .widget-text input')]
        .filter(f => f.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING);
    if (!fields.length) return 'no text box before the Add button';
    button.setAttribute('data-browser-test', 'add-button');
    fields[fields.length - 1].setAttribute('data-browser-test', 'claim-field');
    return '';
}"""

CLAIM_SHOWN_JS = """claim => [...document.querySelectorAll('.jp-NotebookPanel .jp-OutputArea-output')]
    .some(node => node.innerText.includes(claim)
        || [...node.querySelectorAll('option')].some(option => option.textContent.includes(claim)))"""


def _tab_to(page: Page, selector: str, presses: int = 25) -> bool:
    """Press Tab until the element matching `selector` has the keyboard focus; False if it never does."""
    for _ in range(presses):
        if page.evaluate("sel => document.activeElement && document.activeElement.matches(sel)", selector):
            return True
        page.keyboard.press("Tab")
    return False


def add_a_claim(page: Page, name: str, claim: str, keyboard: bool = False) -> None:
    """Type a claim into the argument-map widget and press Add (by mouse, or Tab then Enter).

    The drawing must change and the claim must be shown.
    """
    problem = page.evaluate(MARK_ADD_CLAIM_JS)
    if problem:
        pytest.fail(f"{name}: expected an argument-map widget with a text box and an 'Add claim' button; {problem}")
    before = drawing_signature(page)
    assert not page.evaluate(CLAIM_SHOWN_JS, claim), f"{name} already shows the claim {claim!r}"
    field = page.locator('[data-browser-test="claim-field"]')
    field.click()
    field.press_sequentially(claim, delay=5)  # real key presses, as a student types
    page.wait_for_timeout(300)  # let the value reach the kernel before the button is pressed
    how = "clicking Add"
    if keyboard:
        how = "Tab to Add and Enter"
        if not _tab_to(page, '[data-browser-test="add-button"]'):
            pytest.fail(f"{name}: the Add button cannot be reached with the Tab key from the claim box")
        page.keyboard.press("Enter")
    else:
        page.locator('[data-browser-test="add-button"]').click()
    deadline = time.monotonic() + INTERACTION_TIMEOUT
    while drawing_signature(page) == before or not page.evaluate(CLAIM_SHOWN_JS, claim):
        if time.monotonic() > deadline:
            pytest.fail(
                f"{name}: after typing a claim and {how}, "
                + ("the drawing did not change" if drawing_signature(page) == before else "the claim is not shown")
            )
        page.wait_for_timeout(250)
    page.wait_for_timeout(1000)  # let the redraw finish before the screenshot


def _wait_for(page: Page, condition, what: str) -> None:
    """Wait (up to INTERACTION_TIMEOUT) until ``condition()`` is true, else fail saying ``what``."""
    deadline = time.monotonic() + INTERACTION_TIMEOUT
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(what)
        page.wait_for_timeout(250)


def save_and_load_in_a_new_editor(page: Page, lab: LabServer, name: str, claims: Sequence[str]) -> None:
    """Press Save, run the editor's cell again (an empty editor, as after a restart), press Load.

    The file must hold the claims, the new editor must say a saved map is waiting, and Load
    must bring every claim back on the screen.
    """
    editor_cell = page.locator('.jp-NotebookPanel .jp-CodeCell:has([data-browser-test="add-button"])')
    editor_cell.locator("button", has_text=re.compile(r"^\s*Save\s*$")).click()
    saved = lab.root / "notebooks" / "my_argument_map.json"

    def saved_claims() -> list[str]:
        try:
            return [claim["text"] for claim in json.loads(saved.read_text(encoding="utf-8"))["claims"]]
        except (OSError, ValueError, KeyError):
            return []

    _wait_for(page, lambda: saved_claims() == list(claims), f"{name}: Save did not write both claims to {saved}")
    editor_cell.locator(".jp-InputPrompt").click()
    page.keyboard.press("Shift+Enter")
    waiting = page.locator(".jp-NotebookPanel .jp-OutputArea-output", has_text="already holds a map you saved")
    _wait_for(page, lambda: waiting.count() == 1, f"{name}: a new editor does not say that a saved map is waiting")
    assert not any(page.evaluate(CLAIM_SHOWN_JS, claim) for claim in claims), f"{name}: a new editor is not empty"
    waiting.locator("button", has_text=re.compile(r"^\s*Load\s*$")).click()
    _wait_for(page, lambda: all(page.evaluate(CLAIM_SHOWN_JS, claim) for claim in claims),
              f"{name}: after Load, the saved claims are not shown")


# --------------------------------------------------------------------------------------------
# The test
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("notebook", chapter_notebooks(), ids=lambda path: path.stem)
def test_notebook_runs_cleanly_in_jupyterlab(notebook: Path, lab: LabServer, page: Page) -> None:
    """Run All in JupyterLab: every cell runs, no error shows, widgets render, Add works by mouse and keyboard."""
    name = notebook.name
    copy = lab.root / "notebooks" / name
    assert "kernelspec" in json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {}), (
        f"{name} has no kernelspec metadata, so JupyterLab would ask the student to pick a kernel"
    )
    try:
        open_notebook(page, lab, name)
        run_all_and_wait(page, name)
        saved = save_and_read(page, copy)
        shot = screenshot(page, notebook.stem)

        errors = shown_errors(page, saved) + saved_errors(saved)
        assert not errors, f"{name} shows errors after Run All:\n" + "\n---\n".join(errors)

        not_run = [i for i, prompt in enumerate(_cell_state(page)["prompts"]) if not re.search(r"\d", prompt)]
        assert not not_run, f"{name}: code cells {not_run} did not run (see {shot})"

        assert page.get_by_text("Error displaying widget").count() == 0, (
            f"{name} shows 'Error displaying widget' (see {shot})"
        )
        expected = displayed_widget_count(saved)
        widgets = page.evaluate(WIDGET_OUTPUTS_JS)
        assert len(widgets) >= expected, (
            f"{name}: the kernel displayed {expected} widgets but only {len(widgets)} appear as widgets "
            f"(is the ipywidgets JupyterLab extension installed?) (see {shot})"
        )
        not_drawn = [widget["text"] for widget in widgets if not widget["rendered"]]
        assert not not_drawn, f"{name}: widgets not rendered: {not_drawn} (see {shot})"

        if "argument_map" in notebook.stem:
            add_a_claim(page, name, CLAIMS[0])  # with the mouse
            add_a_claim(page, name, CLAIMS[1], keyboard=True)  # and with the keyboard only
            screenshot(page, f"{notebook.stem}_after_add", '.jp-OutputArea-output:has([data-browser-test="add-button"])')
            save_and_load_in_a_new_editor(page, lab, name, CLAIMS)
            errors = shown_errors(page, saved)
            assert not errors, f"{name} shows errors after adding a claim:\n" + "\n---\n".join(errors)
    except (PlaywrightError, AssertionError):
        print(f"--- browser console ({name}) ---", *page.console_messages[-30:], sep="\n")  # type: ignore[attr-defined]
        print(f"--- JupyterLab log ---\n{lab.log_tail()}")
        raise


# Where the term's heading sits in the visible Markdown viewer, relative to the viewer's top (None: not there).
HEADING_TOP_JS = """title => {
    const viewer = [...document.querySelectorAll('.jp-MarkdownViewer')].find(v => v.offsetParent !== null);
    if (!viewer) return null;
    const heading = [...viewer.querySelectorAll('h3')].find(h => h.textContent.replace('\u00b6', '').trim() === title);
    if (!heading) return null;
    return heading.getBoundingClientRect().top - viewer.getBoundingClientRect().top;
}"""


@pytest.mark.parametrize("notebook, anchor, title", [
    ("00_start_here.ipynb", "kernel", "Kernel"),
    ("01_cleaning.ipynb", "furniture-of-a-web-page", "Furniture (of a web page)"),
])
def test_a_glossary_link_opens_the_glossary_at_its_term(notebook: str, anchor: str, title: str, lab: LabServer,
                                                         page: Page) -> None:
    """Clicking a glossary link in a notebook opens the glossary in JupyterLab, scrolled to the term's entry."""
    try:
        open_notebook(page, lab, notebook)
        link = page.locator(f'.jp-NotebookPanel .jp-RenderedMarkdown a[href*="glossary.md"][href$="#{anchor}"]').first
        link.scroll_into_view_if_needed()
        link.click()

        def at_the_term() -> bool:
            top = page.evaluate(HEADING_TOP_JS, title)
            return top is not None and -5 <= top <= 150

        _wait_for(page, at_the_term, f"{notebook}: the glossary link #{anchor} did not open the glossary scrolled "
                                     f"to '{title}' (its heading is not at the top of the Markdown viewer)")
        assert page.evaluate(HEADING_TOP_JS, "Abbreviation (in sentence splitting)") < 0, "the viewer did not scroll"
        screenshot(page, f"glossary_from_{Path(notebook).stem}", ".jp-MarkdownViewer")
    except (PlaywrightError, AssertionError):
        print(f"--- browser console ({notebook}) ---", *page.console_messages[-30:], sep="\n")  # type: ignore[attr-defined]
        print(f"--- JupyterLab log ---\n{lab.log_tail()}")
        raise
