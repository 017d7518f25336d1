"""casestudy: a Jupyter case study in reading news articles with code.

The material is one RIA Novosti article (Oslo, 26 April 2007) on the US
missile shield in Europe, but every function works on any article, with any
number of sides.  The folders are the layers, from the ground up; each layer
imports only the layers below it (``lint-imports`` checks this, see
``[tool.importlinter]`` in pyproject.toml):

* ground: :mod:`casestudy.models` (plain data: articles, people, sides, quotes),
  :mod:`casestudy.errors`, :mod:`casestudy.storage` (saving students' work safely),
  :mod:`casestudy.palette` (colour-blind-safe colours for any number of sides),
  :mod:`casestudy.progress` (progress bars for long texts);
* :mod:`casestudy.text` - reading files and people files, cleaning the page, sentences and words (notebook 01);
* :mod:`casestudy.quotes` - who said what, by transparent rules (notebook 02);
* :mod:`casestudy.sentiment` - NLTK's VADER, explained word by word (notebook 03);
* :mod:`casestudy.argmap` - the argument-map model, its files and exports (notebook 04);
* :mod:`casestudy.pipeline` - the one way through an article: clean, quotes, sentiment, evidence;
* :mod:`casestudy.plots` - figures, each with its finding in words;
* :mod:`casestudy.widgets` - the notebooks' interactive controls;
* :mod:`casestudy.cli` and :mod:`casestudy.exercises` - the command line and the self-checks.

Importing the package is cheap: NLTK, matplotlib and ipywidgets load only when
a function that needs them is called.
"""

from .errors import CaseStudyError, InputError, MissingResourceError
from .models import Article, ArticleMetadata, Person, Side, quote_id, sentence_id
from .text.loading import load_article, load_people, load_text

__version__ = "0.1.0"

__all__ = [
    "Article", "ArticleMetadata", "CaseStudyError", "InputError", "MissingResourceError", "Person", "Side",
    "load_article", "load_people", "load_text", "quote_id", "sentence_id", "__version__",
]
