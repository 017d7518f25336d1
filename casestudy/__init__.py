"""casestudy: a Jupyter case study in reading one news article with code.

The material is one RIA Novosti article (Oslo, 26 April 2007) on the US
missile shield in Europe.  The package is split the way the notebooks are:

* :mod:`casestudy.loading` - the bundled article and any text file, as typed objects;
* :mod:`casestudy.cleaning` - small named steps from a scraped page to clean text;
* :mod:`casestudy.tokens` - offline sentence and word tokenisation (NLTK Punkt);
* :mod:`casestudy.quotes` - who said what, by transparent rules;
* :mod:`casestudy.sentiment` - NLTK's VADER, explained word by word;
* :mod:`casestudy.argmap` - the argument-map model (plain Python, JSON in and out);
* :mod:`casestudy.plots` and :mod:`casestudy.widgets` - figures and widgets on top.

Importing the package is cheap: NLTK, matplotlib and ipywidgets load only when
a function that needs them is called.
"""

from .errors import CaseStudyError, InputError, MissingResourceError
from .loading import load_article, load_people, load_text
from .models import Article, ArticleMetadata, Person, quote_id, sentence_id

__version__ = "0.1.0"

__all__ = [
    "Article", "ArticleMetadata", "CaseStudyError", "InputError", "MissingResourceError", "Person",
    "load_article", "load_people", "load_text", "quote_id", "sentence_id", "__version__",
]
