"""What every widget of the package shares: its CSS."""

from __future__ import annotations

WIDGET_CSS = ("<style>.casestudy-widget .jupyter-button:focus-visible, .casestudy-widget select:focus-visible, "
              ".casestudy-widget input:focus-visible, .casestudy-widget textarea:focus-visible "
              "{outline: 3px solid #0072B2 !important; outline-offset: 2px;} "
              ".casestudy-widget .widget-toggle-buttons {display: flex; align-items: baseline;} "
              ".casestudy-widget .widget-toggle-buttons > .widget-label {text-align: right; margin-right: 8px;}"
              "</style>")
"""Styles for the widgets of class ``casestudy-widget``: a clearly visible keyboard focus (ipywidgets'
own is a 1px light-blue line, unseen on a blue button), and a toggle-button row's label ("Side")
beside its buttons, aligned with the other labels (ipywidgets puts it on a line of its own)."""
