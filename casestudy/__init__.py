"""casestudy: a Jupyter case study in reading one news article with code.

The material is one RIA Novosti article (Oslo, 26 April 2007) on the US
missile shield in Europe.  The package is split the way the notebooks are:

* :mod:`casestudy.loading` - the bundled article and any text file, as typed objects;
* :mod:`casestudy.cleaning` - small named steps from a scraped page to clean text;
* :mod:`casestudy.tokens` - offline sentence and word tokenisation (NLTK Punkt);
* :mod:`casestudy.quotes` - who said what, by transparent rules;
* :mod:`casestudy.sentiment` - NLTK's VADER, explained word by word;
* :mod:`casestudy.argmap` - the argument-map model (plain Python, JSON in and out);
* :mod:`casestudy.storage` - atomic saving of students' work (maps, ratings), with a backup;
* :mod:`casestudy.pipeline` - the whole pipeline on any text, for notebook 05;
* figures (:mod:`casestudy.plots`, :mod:`casestudy.quote_plots`, :mod:`casestudy.argmap_draw`,
  with text alternatives from :mod:`casestudy.figures`) and widgets
  (:mod:`casestudy.sentiment_widgets`, :mod:`casestudy.argmap_widget`) on top;
* :mod:`casestudy.exercises` - the notebooks' self-checks and the solution generator.

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
