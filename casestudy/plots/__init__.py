"""Figures, drawn with matplotlib, each carrying its finding in words (a text alternative).

* :mod:`casestudy.plots.figures` - text alternatives, :func:`show`, PNG export;
* :mod:`casestudy.plots.quotes` - voice share (notebook 02);
* :mod:`casestudy.plots.sentiment` - sentence, speaker and side scores (notebook 03);
* :mod:`casestudy.plots.argmap` - the argument-map drawing (notebooks 04 and 05).

matplotlib is imported only when a figure is drawn.
"""

from .argmap import describe_map, draw_map
from .figures import Captioned, alt_text, figure_png, png_description, set_alt_text, show
from .quotes import describe_voice_share, plot_voice_share
from .sentiment import (describe_aggregates, describe_explanation, describe_sentences, plot_agreement,
                        plot_aggregates, plot_explanation, plot_quotes_by_side, plot_quotes_by_speaker,
                        plot_sentences)

__all__ = [
    "Captioned", "alt_text", "describe_aggregates", "describe_explanation", "describe_map", "describe_sentences",
    "describe_voice_share", "draw_map", "figure_png", "plot_agreement", "plot_aggregates", "plot_explanation",
    "plot_quotes_by_side", "plot_quotes_by_speaker", "plot_sentences", "plot_voice_share", "png_description",
    "set_alt_text", "show",
]
