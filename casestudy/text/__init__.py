"""The ground floor: reading an article, cleaning the page, and splitting it into sentences and words.

* :mod:`casestudy.text.files` - reading files safely: UTF-8 or UTF-16, JSON, what is not text named;
* :mod:`casestudy.text.people_file` - an article's sides and people, read and written (``data/people.json``);
* :mod:`casestudy.text.loading` - the bundled article and any text file, as typed objects;
* :mod:`casestudy.text.cleaning` - small named steps from a scraped page to clean text;
* :mod:`casestudy.text.tokens` - offline sentence and word tokenisation (NLTK Punkt).

Nothing here imports matplotlib or ipywidgets, and NLTK only when sentences are split.
"""
