"""How a capitalised run of words reads: title words, a name, an organisation, a gender.

The people finder (:mod:`casestudy.quotes.people`) and the resolver (:mod:`casestudy.quotes.resolution`)
ask these questions of every name they meet:

* :func:`split_title` - which words are a title or role ("Kenyan Minister", "Cllr", "Archaeologist") and
  which the name;
* :func:`is_organisation` - does the run name an organisation ("Harbour Council", "Ministry of Health");
* :func:`name_gender` - what the title, a role word or the first name says about gender;
* :func:`is_role_noun` - is a word what a person does ("biologist", "spokesman", "critics").

>>> split_title("U.S. Secretary of State Condoleezza Rice".split())
(['U.S.', 'Secretary', 'of', 'State'], ['Condoleezza', 'Rice'])
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from .lexicon import (FEMALE_ROLES, MALE_ROLES, MODIFIERS, NOT_NAMES, NOT_ROLE_NOUNS, ORG_WORDS, OUTLET_WORDS,
                      ROLE_NOUNS, ROLE_SUFFIXES, SINGLE_NAME_TITLES, TITLE_WORDS)
from .wordlists import (first_name_gender, honorific, honorific_words, is_listed_first_name,
                        is_nationality_adjective)


def _male_role(word: str) -> bool:
    return word in MALE_ROLES or (word.endswith("man") and not word.endswith("woman")
                                  and len(word) > 5 and word not in NOT_ROLE_NOUNS)


@functools.lru_cache(maxsize=65536)
def is_title_word(word: str) -> bool:
    """True for a word that may stand in a title before a name: a role ("Minister"), an honorific
    ("Mr", "Cllr", "Dame") or a nationality ("German", "U.S.", "NATO").

    >>> [is_title_word(w) for w in ("Minister", "Mr", "Cllr", "Kenyan", "NATO", "Jordan", "Ruto")]
    [True, True, True, True, True, False, False]
    """
    lw = _norm(word)
    return lw in TITLE_WORDS or lw in honorific_words() or (word[:1].isupper() and is_nationality_adjective(word))


@functools.lru_cache(maxsize=4096)
def is_person_title(word: str) -> bool:
    """True for a title after which one capitalised word is a person's surname ("Mr Okafor", "Lord Kinclaven").

    >>> [is_person_title(w) for w in ("Mr", "Mr.", "Sen.", "Dame", "President", "General", "Minister")]
    [True, True, True, True, True, False, False]
    """
    lw = _norm(word)
    if lw in SINGLE_NAME_TITLES:
        return True
    return lw in _person_titles()


@functools.cache
def _person_titles() -> frozenset[str]:
    from .wordlists import _honorifics
    forms = set()
    for form, (_gender, kind, expansion) in _honorifics().items():
        if " " in form:
            continue
        if kind in ("courtesy", "nobility") or expansion != form:
            forms |= {form, form + "."}
    return frozenset(forms)


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def split_title(words: Sequence[str]) -> tuple[list[str], list[str]]:
    """Split the words of a capitalised run into (title words, name words).

    The name is what follows the last title word.

    >>> split_title("U.S. Secretary of State Condoleezza Rice".split())
    (['U.S.', 'Secretary', 'of', 'State'], ['Condoleezza', 'Rice'])
    >>> split_title(["Rice"])
    ([], ['Rice'])
    >>> split_title("Cllr Ann Hollis".split()), split_title("Kenyan Minister William Ruto".split())
    ((['Cllr'], ['Ann', 'Hollis']), (['Kenyan', 'Minister'], ['William', 'Ruto']))
    >>> split_title("Governor of Washington Chris Gregoire".split())
    (['Governor', 'of', 'Washington'], ['Chris', 'Gregoire'])
    """
    title, name = _split_title(tuple(words))
    return list(title), list(name)


@functools.lru_cache(maxsize=65536)
def _split_title(words: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    last = -1
    for i, w in enumerate(words):
        lw = _norm(w)
        if is_title_word(w) or (lw == "of" and 0 < i < len(words) - 1 and is_title_word(words[i - 1])):
            last = i
        elif lw in NOT_NAMES and lw != "of":
            last = i
    title, name = words[:last + 1], words[last + 1:]
    if "of" in name:          # "Ann Hollis of Ohio": a place, not part of the name
        name = name[:name.index("of")]
    if title and title[-1] == "of" and len(name) >= 3:
        title, name = title + name[:-2], name[-2:]     # "Governor of Washington Chris Gregoire"
    if len(name) >= 2 and (_norm(name[0]) in ROLE_NOUNS or is_role_noun(name[0]) and not is_listed_first_name(name[0])):
        title, name = title + name[:1], name[1:]       # "Archaeologist Zahi Hawass", "Pilot Iriyanto"
    return title, name


def is_role_noun(word: str) -> bool:
    """True for a noun that names what a person does ("teacher", "biologist", "chairwoman").

    >>> [is_role_noun(w) for w in ("biologist", "teacher", "town", "human")]
    [True, True, False, False]
    """
    w = _norm(word)
    if w.endswith("s") and len(w) > 4 and w[:-1] in ROLE_NOUNS:
        return True           # plural: "critics", "officials"
    if w.endswith("men") and len(w) > 5:
        w = w[:-3] + "man"    # "spokesmen", "fishermen"
    return w in ROLE_NOUNS or (w.endswith(ROLE_SUFFIXES) and w not in NOT_ROLE_NOUNS and len(w) > 5)


def name_words(name: Sequence[str]) -> tuple[str, ...]:
    """At most the last three words of a run are a name ("Billionaire Donald Trump"), four when the first
    is a first name ("Ahmed Abdallah Mohamed Sambi").

    >>> name_words("Ahmed Abdallah Mohamed Sambi".split()), name_words("Billionaire Real Estate Mogul".split())
    (('Ahmed', 'Abdallah', 'Mohamed', 'Sambi'), ('Real', 'Estate', 'Mogul'))
    """
    if len(name) == 4 and is_listed_first_name(name[0]):
        return tuple(name)
    return tuple(name[-3:])


def name_gender(first: str, title_words: Iterable[str] = ()) -> str:
    """Gender from a title (Mr, Ms., Lady), a gendered role word (spokeswoman, fisherman, mother) or the
    first name (:func:`~casestudy.quotes.wordlists.first_name_gender`); else "unknown".

    >>> name_gender("Ingrid"), name_gender("Robert"), name_gender("Zyx", ["Mrs."]), name_gender("Zyx", ["Dame"])
    ('female', 'male', 'female', 'female')
    >>> name_gender("Zyx", ["fisherman"]), name_gender("Zyx", ["mother"]), name_gender("Zyx", ["German"])
    ('male', 'female', 'unknown')
    """
    for t in title_words:
        g = honorific(t)
        if g in ("male", "female"):
            return g
    tw = {_norm(t) for t in title_words}
    if any(_male_role(t) for t in tw):
        return "male"
    if any(t.endswith("woman") or t in FEMALE_ROLES for t in tw):
        return "female"
    return first_name_gender(first) if first else "unknown"


def is_organisation(words: Sequence[str]) -> bool:
    """True for a capitalised name that ends like an organisation's or an outlet's ("Harbour Council",
    "Straits Times"), or names an organisation of something ("Ministry of Health", "University of NSW").

    >>> [is_organisation(w.split()) for w in ("Harbour Council", "Ministry of Health", "Straits Times", "Ann Lee")]
    [True, True, True, False]
    >>> is_organisation("Emily Post".split())
    False
    """
    if len(words) < 2:
        return False
    lowered = [_norm(w) for w in words]
    if lowered[-1] in ORG_WORDS:
        return True
    if lowered[-1] in OUTLET_WORDS:
        return not (is_person_title(words[0]) or first_name_gender(words[0]) != "unknown")
    return "of" in lowered and any(w in ORG_WORDS for w in lowered[:-1])
