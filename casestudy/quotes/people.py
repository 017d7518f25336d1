"""Finding the people a news text talks about, from the text itself.

A quote attributor needs to know who is who: that "Lavrov" is "Sergei Lavrov",
that "she" in a paragraph about Condoleezza Rice is probably Rice, and that
"the general" is the one person introduced as a general.  This module learns
that from the text, with three transparent clues:

* a **title or role** in front of a capitalised name ("Army General Yury
  Baluyevsky", "Spokeswoman Haley Morris", "Cllr Ann Hollis") or a listed **first name**
  ("Hillary Clinton") marks a person; so does being the subject of a speech
  verb (the attributor passes those in);
* a later **surname alone** ("Lavrov", "Mr Garin") is the same person;
* **gender** comes from titles (Mr, Mrs., Lady), gendered role words, a world-wide table of
  first names (:mod:`casestudy.quotes.wordlists`), and the first personal pronoun after a
  mention ("... Rice said she ...").

>>> index = find_people("Defense Secretary Ash Carter spoke. Carter said he was ready.")
>>> [(p.name, p.gender, sorted(p.role_words)) for p in index.people]
[('Ash Carter', 'male', ['defense', 'secretary'])]
>>> index.person_for("Carter").name
'Ash Carter'
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import InputError
from ..models import Person
from .lexicon import MODIFIERS, NAME_TOKEN, NOT_NAMES, PRONOUN_GENDER, SENTENCE_OPENERS
from .names import (_norm, _split_title, is_organisation, is_person_title, is_role_noun, is_title_word, name_gender,
                    name_words, split_title)
from .wordlists import first_name_gender, honorific, is_listed_first_name, is_nationality_adjective, nation_key, title_role

_NAME_RUN = re.compile(NAME_TOKEN + r"(?:[ \t]+(?:of[ \t]+|de[ \t]+|van[ \t]+|von[ \t]+|bin[ \t]+|al-)?" + NAME_TOKEN + r"){0,7}")
_PRONOUN = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
_SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"}


ORGANISATION = "an organisation that speaks"
"""The ``evidence`` of a :class:`FoundPerson` that is an organisation ("the Korean Central News Agency said")."""


@dataclass
class FoundPerson:
    """A person discovered in the text (mutable while the text is read)."""

    name: str
    role_words: set[str] = field(default_factory=set)
    gender: str = "unknown"
    side: str = "unknown"
    aliases: set[str] = field(default_factory=set)
    evidence: str = ""
    courtesy: str = ""      # the title of a person the text names only by surname ("Mr.", "Lord")

    @property
    def known_as(self) -> str:
        """The name a speaker gets: the full name, or title and surname when the text gives no first
        name ("Lord Kinclaven", "Mr. Toccafondi")."""
        return f"{self.courtesy} {self.name}" if self.courtesy and " " not in self.name else self.name

    @property
    def surname(self) -> str:
        words = [w for w in self.name.split() if _norm(w) not in _SUFFIXES]
        return words[-1] if words else self.name


@dataclass
class NameMention:
    """Where a person is named in the text."""

    start: int
    end: int
    person: FoundPerson


_WORD_BEFORE = re.compile(r"(?<![\w.])([a-z][a-z\-]+)[ \t]+$")
_APPOSITIVE_WORDS = re.compile(r",[ \t]+(?:a|an|the)[ \t]+((?:[a-z][\w\-]*[ \t]+){0,3}?[a-z][\w\-]*)(?=[ \t]+(?:at|of|for|in|from|with|who|on|to|and|whose|based)\b|[,.;:])")


_ROLE_THEN_COMMA = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother)[ \t]+(?:[a-z][\w\-]*[ \t]+){0,2}?([a-z][\w\-]*),[ \t]+$")


def _role_before(text: str, start: int) -> str | None:
    """The role word right before a name: "chairman" in "Association chairman Torben Aske",
    "parent" in "one parent, Sarah Mills, said"."""
    if start >= 2 and text[start - 1] in " \t" and text[start - 2].islower():
        m = _WORD_BEFORE.search(text, max(0, start - 30), start)
        if m and is_role_noun(m.group(1)) and _norm(m.group(1)) not in MODIFIERS:
            return m.group(1)
    if text[start - 2:start] == ", ":
        m = _ROLE_THEN_COMMA.search(text, max(0, start - 50), start)
        if m and is_role_noun(m.group(1)) and text[end_of_name(text, start)] in ",.;":
            return m.group(1)
    return None


def end_of_name(text: str, start: int) -> int:
    """Where the capitalised run starting at ``start`` ends (the end of the text when it runs to it)."""
    m = _NAME_RUN.match(text, start)
    end = m.end() if m else start
    return end if end < len(text) else len(text) - 1


def _appositive_role(text: str, end: int) -> str | None:
    """The role noun of an appositive right after a name (", a marine biologist at ...")."""
    m = _APPOSITIVE_WORDS.match(text, end)
    if m:
        head = m.group(1).split()[-1]
        if is_role_noun(head):
            return head
    return None


def full_name_of_surname(name: Sequence[str], person: FoundPerson) -> bool:
    """True when ``name`` is the full name of someone known so far by a surname alone.

    Two words ("Torben Aske" for "Aske"), or three with an initial ("C. Boyden Gray"); a longer
    run may hold a capitalised description ("Billionaire Donald Trump") and is left alone.

    >>> full_name_of_surname(["Torben", "Aske"], FoundPerson("Aske"))
    True
    >>> full_name_of_surname(["Pastor", "Joe", "Aske"], FoundPerson("Aske"))
    False
    """
    if len(person.name.split()) != 1 or _norm(name[-1]) != _norm(person.name):
        return False
    return len(name) == 2 or (len(name) == 3 and any(re.fullmatch(r"[A-Z]\.", w) for w in name[:2]))


class PeopleIndex:
    """Everyone found in a text, and where each is named.

    ``mentions`` is sorted by position; :meth:`person_for` maps a written name
    ("Lavrov", "Mr. Garin", "Sergei Lavrov") to a person, adding a new one when
    the name is new.
    """

    def __init__(self, text: str = "") -> None:
        self.text = text
        self.people: list[FoundPerson] = []
        self._by_key: dict[str, FoundPerson] = {}
        self._by_surname: dict[str, list[FoundPerson]] = {}
        self.mentions: list[NameMention] = []
        self._runs: dict[str, list[tuple[int, list[str], list[str]]]] = {}   # last word -> (start, title, name)
        self._first_runs: dict[str, list[tuple[int, list[str], list[str]]]] = {}   # first word -> the same
        self._acronyms: dict[str, list[str]] = {}                           # "KCNA" -> the organisation's words
        self._added: dict[tuple[tuple[str, ...], tuple[str, ...]], FoundPerson] = {}
        self._looked_up: dict[tuple[str, ...], FoundPerson | None] = {}
        self._lower_seen: dict[str, bool] = {}                            # word -> written in lower case?

    def first_name(self, word: str) -> bool:
        """True when ``word`` is a first name in the name table and the text never writes it in lower case
        (so "Will", "Hope" or "Grace" that also occur as ordinary words are no evidence of a person)."""
        if not is_listed_first_name(word) or word.isupper():
            return False         # "RIA Novosti": a name in capitals is an acronym
        lower = word.lower()
        if lower not in self._lower_seen:
            pattern = re.compile(r"(?<![\w’'])" + re.escape(lower) + r"(?![\w’'])")
            self._lower_seen[lower] = pattern.search(self.text) is not None
        return not self._lower_seen[lower]

    def add_run(self, start: int, title: Sequence[str], name: Sequence[str]) -> None:
        """Remember a capitalised name of two or more words, person or not, for a surname met later."""
        self._runs.setdefault(_norm(name[-1]), []).append((start, list(title), list(name)))
        self._first_runs.setdefault(_norm(name[0]), []).append((start, list(title), list(name)))

    def full_name_before(self, surname: str, pos: int) -> tuple[list[str], list[str]] | None:
        """(title, name) of the last capitalised name before ``pos`` that ends with this surname ("Zahi Hawass"),
        or that starts with it when it is a family name written first ("Lai" in "Lai Changxing")."""
        found = [r for r in self._runs.get(_norm(surname), ()) if r[0] < pos]
        if not found and first_name_gender(surname) == "unknown":
            found = [r for r in self._first_runs.get(_norm(surname), ()) if r[0] < pos and len(r[2]) == 2]
        return (found[-1][1], found[-1][2]) if found else None

    def add_organisation(self, start: int, words: Sequence[str]) -> None:
        """Remember an organisation's name under its initials ("Korean Central News Agency" -> "KCNA")."""
        words = [w for i, w in enumerate(words) if i or _norm(w) != "the"]
        initials = "".join(w[0] for w in words if w[0].isupper() and _norm(w) not in ("the",))
        if len(initials) >= 2:
            self._acronyms.setdefault(initials, list(words))

    def organisation_for(self, acronym: str) -> list[str] | None:
        """The organisation an acronym stands for, if its full name came earlier."""
        return self._acronyms.get(acronym)

    # -- building -------------------------------------------------------------------
    def lookup(self, name_words: Sequence[str]) -> FoundPerson | None:
        """The known person a (possibly partial) name refers to, or None."""
        if not name_words:
            return None
        words = tuple(name_words)
        if words in self._looked_up:
            return self._looked_up[words]
        found = self._lookup(name_words)
        self._looked_up[words] = found
        return found

    def _lookup(self, name_words: Sequence[str]) -> FoundPerson | None:
        key = _norm(" ".join(name_words))
        if key in self._by_key:
            return self._by_key[key]
        lowered = key.split()
        kept = [w for w in lowered if w not in _SUFFIXES]
        last = kept[-1] if kept else lowered[-1]
        matches = [p for p in self._by_surname.get(last, ()) if _norm(p.surname) == last]
        if len(name_words) > 1:
            # "Torben Aske" is the "Aske" met before (a surname alone), but not "Anna Aske"
            first = _norm(name_words[0])
            matches = [p for p in matches if _norm(p.name.split()[0]) == first or len(p.name.split()) == 1] or []
        return matches[-1] if matches else None

    def add(self, name_words: Sequence[str], title_words: Sequence[str] = (), evidence: str = "") -> FoundPerson:
        """Add (or find and enrich) the person with this name."""
        seen = (tuple(name_words), tuple(title_words))
        known = self._added.get(seen)
        if known is not None and self.lookup(name_words) is known:
            return known          # the same name with the same titles again: nothing new to learn
        person = self._add(name_words, title_words, evidence)
        self._looked_up.clear()      # the index changed: forget earlier answers
        self._added[seen] = person
        return person

    def _add(self, name_words: Sequence[str], title_words: Sequence[str], evidence: str) -> FoundPerson:
        person = self._lookup(name_words)
        if person is None:
            person = FoundPerson(" ".join(name_words), evidence=evidence)
            self.people.append(person)
        elif len(name_words) > len(person.name.split()) and _norm(name_words[-1]) == _norm(person.surname):
            person.aliases.add(person.name)
            self._by_key.pop(_norm(person.name), None)
            person.name = " ".join(name_words)
        self._by_key[" ".join(_norm(w) for w in person.name.split())] = person
        self._by_key[_norm(person.surname)] = person
        same = self._by_surname.setdefault(_norm(person.surname), [])
        if not any(x is person for x in same):
            same.append(person)
        role = [title_role(t) or _norm(t) for t in title_words
                if _norm(t) != "of" and not (honorific(t) and title_role(t) is None)]
        person.role_words.update(role)
        for t in role:
            key = nation_key(t)
            if key:
                person.role_words.add(key)
        if person.gender == "unknown":
            person.gender = name_gender(name_words[0] if len(name_words) > 1 else "", title_words)
        if len(name_words) == 1 and title_words and not person.courtesy and honorific(title_words[-1]) \
                and title_words[-1][:1].isupper():
            person.courtesy = title_words[-1]
        return person

    def person_for(self, written: str) -> FoundPerson | None:
        """The person a written name refers to (titles are ignored).

        >>> idx = find_people("Russian Foreign Minister Sergei Lavrov arrived.")
        >>> idx.person_for("Lavrov").name, idx.person_for("the minister")
        ('Sergei Lavrov', None)
        """
        words = written.split()
        _, name = split_title(words)
        return self.lookup(name) if name else None

    def add_role(self, person: FoundPerson, words: Iterable[str]) -> None:
        """Remember role words from an appositive (", the chief of the Russian General Staff")."""
        for w in words:
            lw = _norm(w).strip(",.()[]")
            if lw and lw not in NOT_NAMES:
                person.role_words.add(lw)
                key = nation_key(lw)
                if key:
                    person.role_words.add(key)

    # -- questions the attributor asks -------------------------------------------------
    def before(self, pos: int) -> Iterator[NameMention]:
        """Name mentions that end at or before ``pos``, nearest first."""
        lo, hi = 0, len(self.mentions)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.mentions[mid].end <= pos:
                lo = mid + 1
            else:
                hi = mid
        for i in range(lo - 1, -1, -1):
            yield self.mentions[i]

    def after(self, pos: int) -> Iterator[NameMention]:
        """Name mentions that start at or after ``pos``, in text order."""
        lo, hi = 0, len(self.mentions)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.mentions[mid].start < pos:
                lo = mid + 1
            else:
                hi = mid
        for i in range(lo, len(self.mentions)):
            yield self.mentions[i]

    def fitting(self, words: Iterable[str], pos: int) -> NameMention | None:
        """The most recently named person whose roles fit all these descriptor words.

        ``fitting(["russian", "minister"], pos)`` prefers whichever Russian
        minister was named last before ``pos``: the most salient one.
        """
        want = {_norm(w) for w in words} - NOT_NAMES - {"top", "former", "new", "chief's"}
        want = {nation_key(w) or w for w in want}
        if not want:
            return None
        for m in itertools.islice(self.before(pos), 200):
            if want <= m.person.role_words:
                return m
        return None


_APPOSITIVE = re.compile(r"(?:,\s+\d{1,3}(?=,))?(?:,\s+(?:the|a|an|who is|who was)|\s+(?:is|was)\s+(?:the|a|an))\s+"
                         r"([^,.;:!?\n\"“”]{3,80})")
"""What a name is said to be: an appositive (", the chief of staff", ", 52, a campaigner") or a predicate
("Ann Lee is a campaigner with ..."); its words become the person's role words."""
_DESCRIPTION_BEFORE = re.compile(r"((?:[A-Z][\w’'.]*\s+)?(?:[a-z][\w\-]*\s+){0,3}[a-z][\w\-]*),\s+$")


GENDERS = ("male", "female", "unknown", "")
"""The genders a person may have here: they only serve to resolve "he" and "she"."""


def as_people(people: Any) -> tuple[Person, ...]:
    """Check a list of people: :class:`Person` objects, or plain names; anything else is a one-line error.

    >>> as_people(["Ann Lee"])
    (Person(name='Ann Lee', aliases=(), role='', side='unknown', gender='unknown'),)
    >>> as_people("Ann Lee")
    Traceback (most recent call last):
    ...
    casestudy.errors.InputError: people must be a list of Person objects or names, not one str: write people=['Ann Lee']
    >>> as_people([Person("Ann Lee", gender="woman")])
    Traceback (most recent call last):
    ...
    casestudy.errors.InputError: Ann Lee: gender must be 'male', 'female' or 'unknown', not 'woman' (it decides who 'he' and 'she' refer to)
    """
    if people is None:
        return ()
    if isinstance(people, (str, bytes, Person)) or not isinstance(people, Iterable):
        example = f"[{people!r}]" if isinstance(people, str) else "[Person(name='Ann Lee', side='Russia')]"
        raise InputError(f"people must be a list of Person objects or names, not one {type(people).__name__}: "
                         f"write people={example}")
    out = []
    for p in people:
        if isinstance(p, str) and p.strip():
            p = Person(" ".join(p.split()))
        if not isinstance(p, Person) or not isinstance(p.name, str) or not p.name.strip():
            raise InputError(f"people must hold Person objects or names, found {p!r}: "
                             "e.g. Person(name='Ann Lee', side='Russia')")
        gender = p.gender.strip().lower() if isinstance(p.gender, str) else p.gender
        if gender not in GENDERS:
            raise InputError(f"{p.name}: gender must be 'male', 'female' or 'unknown', not {p.gender!r} "
                             "(it decides who 'he' and 'she' refer to)")
        out.append(p if gender == p.gender else replace(p, gender=gender or "unknown"))
    return tuple(out)


def find_people(text: str, people: Sequence[Person] = ()) -> PeopleIndex:
    """Discover the people a text names: titled names, known first names, surnames alone.

    ``people`` (e.g. ``data/people.json``) only adds sides, aliases and roles to
    people found in the text; it never invents a mention.  A plain name
    (``"Ann Lee"``) counts as ``Person("Ann Lee")``.

    >>> idx = find_people("Army General Yury Baluyevsky, the chief of the Russian General Staff, spoke.")
    >>> p = idx.people[0]
    >>> p.name, {"general", "chief", "russian", "RU"} <= p.role_words
    ('Yury Baluyevsky', True)
    """
    people = as_people(people)
    index = PeopleIndex(text)
    runs: list[tuple[re.Match[str], list[str], list[str], FoundPerson | None]] = []
    for m in _NAME_RUN.finditer(text):
        words_t, title_t, name_t, org, titled = _read_run(m.group(0))
        if org:
            index.add_organisation(m.start(), words_t[len(title_t):])
        if org or not name_t:
            runs.append((m, list(title_t), list(name_t), None))
            continue
        title, name = list(title_t), list(name_t)
        is_person = False
        last_title = title[-1] if title else ""
        if titled:
            is_person = True
        elif len(name) >= 2 and index.first_name(name[0]):
            is_person = True
        elif len(name) >= 2 and re.fullmatch(r"[A-Z]\.", name[1] if len(name) > 2 else ""):
            is_person = True
        if not is_person and 2 <= len(name) <= 3 and _norm(name[0]) not in SENTENCE_OPENERS:
            # "chairman Torben Aske" (a lower-case role word before the name) or
            # "Nora Lind, a marine biologist at ..." (an appositive that names a role)
            role = _role_before(text, m.start()) or _appositive_role(text, m.end())
            if role:
                is_person = True
                title = title + [role]
        if is_person and len(name) == 1 and not (last_title and is_person_title(last_title)):
            is_person = False
        if len(name) >= 2:
            index.add_run(m.start(), title, name)
        person = index.add(name, title, evidence="title" if title else "first name") if is_person else None
        runs.append((m, title, name, person))
    # people passed in (hand-written): add sides, aliases, roles to those found
    for given in people:
        words = given.name.split()
        found = index.lookup(words)
        if found is None:
            for alias in given.aliases:
                found = index.lookup(alias.split())
                if found:
                    break
        if found is None:
            continue
        found.side = given.side
        if found.gender == "unknown" and given.gender in ("male", "female"):
            found.gender = given.gender
        for alias in given.aliases:
            index._by_key.setdefault(" ".join(_norm(w) for w in alias.split()), found)
        index._looked_up.clear()
        index.add_role(found, given.role.split())
    # second pass: every run that names a known person is a mention
    for m, title, name, person in runs:
        person = person or (index.lookup(name) if name else None)
        if person is None:
            continue
        if full_name_of_surname(name, person):
            person = index.add(name, title)     # "Amar" met first, "Akhil Amar" now: the full name
        index.mentions.append(NameMention(m.start(), m.end(), person))
        ap = _APPOSITIVE.match(text, m.end())
        if ap:
            index.add_role(person, ap.group(1).split())
        role = _role_before(text, m.start())
        if role:
            index.add_role(person, [role])          # "campaigner Dr Anika Shah", "Local campaigner Anika Shah"
        before = _DESCRIPTION_BEFORE.search(text, max(0, m.start() - 80), m.start()) \
            if text[m.start() - 2:m.start()] == ", " and text[m.end():m.end() + 1] in ",)" else None
        if before and is_role_noun(before.group(1).split()[-1]):
            index.add_role(person, before.group(1).split())     # "Germany's foreign minister, Hans Keller,"
    index.mentions.sort(key=lambda nm: nm.start)
    _learn_gender_from_pronouns(text, index)
    return index


@functools.lru_cache(maxsize=65536)
def _read_run(run: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], bool, bool]:
    """A capitalised run read once: (words, title words, name words, an organisation?, a title that makes
    the name a person's?)."""
    words = tuple(run.split())
    title, name = _split_title(words)
    while name and _norm(name[-1]) in NOT_NAMES:   # "Rice Thursday": a trailing word that is no name
        name = name[:-1]
    org = bool(name) and is_organisation(words[len(title):])
    name = name_words(name)
    titled = any((is_title_word(t) or is_role_noun(t)) and _norm(t) not in MODIFIERS and not is_nationality_adjective(t)
                 for t in title)
    return words, title, name, org, titled


def _learn_gender_from_pronouns(text: str, index: PeopleIndex) -> None:
    """A person of unknown gender takes the gender of the first pronoun after a mention,
    when that pronoun can only mean them (nobody else it could mean was named just before);
    with several mentions, the gender most of them vote for (a tie leaves it unknown).

    >>> idx = find_people("Mayor Zor Quill spoke. She was calm.")
    >>> idx.people[0].gender
    'female'
    >>> idx = find_people("Mayor Zor Quill spoke. Councillor Vell Ostrand left. She was calm.")
    >>> [p.gender for p in idx.people]
    ['unknown', 'unknown']
    """
    votes: dict[int, list[str]] = {}
    mentions = index.mentions
    for i, m in enumerate(mentions):
        if m.person.gender != "unknown":
            continue
        stop = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        stop = min(stop, m.end + 300)
        p = _PRONOUN.search(text, m.end, stop)
        if p and _only_candidate(index, m.person, p.start(), PRONOUN_GENDER[p.group(0).lower()]):
            votes.setdefault(id(m.person), []).append(PRONOUN_GENDER[p.group(0).lower()])
    for person in index.people:
        v = votes.get(id(person))
        if v and v.count("male") != v.count("female"):     # as many votes each way: the gender stays unknown
            person.gender = "male" if v.count("male") > v.count("female") else "female"


def _only_candidate(index: PeopleIndex, person: FoundPerson, pos: int, gender: str, window: int = 300) -> bool:
    """True when ``person`` is the only one named in the ``window`` characters before ``pos``
    whom a pronoun of this gender could mean (same gender or unknown)."""
    for m in itertools.islice(index.before(pos), 20):
        if m.end < pos - window:
            break
        if m.person is not person and m.person.gender in (gender, "unknown"):
            return False
    return True
