"""``python -m casestudy``: see :mod:`casestudy.cli`."""

from .cli import main

raise SystemExit(main())
