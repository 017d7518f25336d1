"""Errors the package raises on purpose.

Every error a student or teacher can cause (a missing file, a file that is not
text, a malformed saved map) is a :class:`CaseStudyError` whose message is one
line that names the problem and says what to do.  The command line prints that
line and exits with status 2 instead of showing a traceback.
"""

from __future__ import annotations


REINSTALL = ("run the case study with its own Python, .venv/bin/python (Windows: .venv\\Scripts\\python), "
             "or activate .venv first; if you did, reinstall it from the case study's folder: "
             ".venv/bin/python -m pip install -e .")
"""What to do when a dependency or a bundled file is missing: almost always, the command ran
with a Python other than the case study's environment (the README's commands use ``.venv``)."""


class CaseStudyError(Exception):
    """Base class: a problem with the user's input, explained in one line."""


class InputError(CaseStudyError, ValueError):
    """A file or text that cannot be used as it is (missing, empty, binary, not UTF-8...)."""


class MissingResourceError(CaseStudyError, RuntimeError):
    """A resource the package needs (for example the VADER lexicon) is not installed."""
