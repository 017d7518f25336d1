"""The notebooks' interactive controls (ipywidgets), thin layers over the logic below.

* :mod:`casestudy.widgets.article` - choose an article to read (notebook 05);
* :mod:`casestudy.widgets.sides` - declare an article's sides and put its speakers on them (notebook 05);
* :mod:`casestudy.widgets.sentiment` - the sentiment explorer and the rating activity (notebook 03);
* :mod:`casestudy.widgets.argmap` - the argument-map editor (notebooks 04 and 05).

Each widget's handlers unpack the change and call plain functions that tests reach
without a browser; errors go to a status line, never a traceback.
"""

from .argmap import ArgumentMapEditor, argument_map_editor
from .article import ArticleChooser
from .sentiment import RatingActivity, SentimentExplorer
from .sides import SidesEditor

__all__ = ["ArgumentMapEditor", "ArticleChooser", "RatingActivity", "SentimentExplorer", "SidesEditor",
           "argument_map_editor"]
