"""Finding the people a news text talks about, from the text itself.

A quote attributor needs to know who is who: that "Lavrov" is "Sergei Lavrov",
that "she" in a paragraph about Condoleezza Rice is probably Rice, and that
"the general" is the one person introduced as a general.  This module learns
that from the text, with three transparent clues:

* a **title or role** in front of a capitalised name ("Army General Yury
  Baluyevsky", "Spokeswoman Haley Morris") or a common **first name**
  ("Hillary Clinton") marks a person; so does being the subject of a speech
  verb (the attributor passes those in);
* a later **surname alone** ("Lavrov", "Mr. Garin") is the same person;
* **gender** comes from titles (Mr., Mrs., Ms.), a short list of first names,
  and the first personal pronoun after a mention ("... Rice said she ...").

>>> index = find_people("Defense Secretary Ash Carter spoke. Carter said he was ready.")
>>> [(p.name, p.gender, sorted(p.role_words)) for p in index.people]
[('Ash Carter', 'male', ['defense', 'secretary'])]
>>> index.person_for("Carter").name
'Ash Carter'
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import InputError
from ..models import Person

# -- small word lists ---------------------------------------------------------------

TITLE_WORDS = frozenset("""
president vice secretary minister prime foreign defense defence interior finance state
general gen gen. army admiral adm. colonel col. lt. lieutenant sgt. sergeant captain capt.
major maj. marshal commander senator sen. sens. rep. reps. representative congressman
congresswoman gov. governor mayor judge justice chief director chairman chairwoman chair
speaker leader ambassador envoy spokesman spokeswoman spokesperson press mr. mrs. ms. miss
dr. prof. professor rev. reverend sir lord lady king queen prince princess pope cardinal
bishop rabbi imam attorney commissioner councilman councilwoman sheriff deputy assistant
undersecretary under former acting candidate presidential democratic republican gop
democrat independent u.s. us american russian british french german chinese israeli
iranian iraqi syrian ukrainian polish czech european nato un u.n. white house senate
majority minority whip chancellor premier counsel advisor adviser aide strategist
pollster manager economist analyst officer agent official officials founder ceo
executive treasurer clerk superintendent first emeritus chief-of-staff councillor councilor
councilmember alderman alderwoman assemblyman assemblywoman lawmaker delegate legislator
secretary-general commissioner inspector detective trooper magistrate coach
""".split())
"""Words that may stand before a name as a title or role (compared in lower case)."""

MODIFIERS = frozenset("""
u.s. us american russian british french german chinese israeli iranian iraqi syrian ukrainian
polish czech european nato un u.n. foreign defense defence interior finance state democratic
republican gop former acting presidential white house senate majority minority first under vice
prime army press deputy assistant executive independent democrat emeritus
""".split())
"""Title words that modify a role rather than name one ("Foreign" in "Foreign Minister")."""

PERSON_TITLES = frozenset("mr. mrs. ms. miss dr. sen. rep. gov. gen. prof. rev. sens. reps. lt. col. sgt. capt. adm. maj.".split())
MALE_TITLES = frozenset("mr. sir lord king prince congressman councilman spokesman chairman".split())
FEMALE_TITLES = frozenset("mrs. ms. miss lady queen princess congresswoman councilwoman spokeswoman chairwoman".split())

MALE_NAMES = frozenset("""
aaron adam al alan albert alex alexander andrew andy anthony anatoly antonin arnold ash barack ben
benjamin bernie bill billy bob bobby brad brian bruce carl carlos charles charlie chris christopher
chuck clarence colin dan daniel darrell dave david dennis dick don donald doug douglas ed eddie
edward eric frank fred gary george gerald greg gregory harry henry howard ian jack jacob jake james
jason jeb jeff jeffrey jeremy jerry jim jimmy joe joel john johnny jon jonathan jose joseph josh
juan justin keith ken kenneth kevin kim larry lawrence lindsey marco mark martin matt matthew
michael mike mitch mitt nancy neil newt nicholas nick orrin pat patrick paul peter phil philip
ralph randy ray reince richard rick rob robert roger ron ronald rudy rush russ ryan sam samuel
scott sean sergei sergey stephen steve steven ted terry thomas tim timothy todd tom tony vladimir
walter wayne william yury yuri dmitry dmitri mikhail boris igor viktor vladislav alexei jared
geoff jeffrey corey kellyanne reince bernard harold jonah lindsay rand marco rahm kirk chad
""".split()) - {"nancy", "kim", "lindsay"}
FEMALE_NAMES = frozenset("""
abigail alice alison amanda amy andrea angela ann anna anne barbara betsy betty beth carly carol
caroline catherine cathy cheryl christine claire condoleezza condi cynthia deborah debbie denise
diana diane donna dorothy elizabeth ellen emily emma erin evelyn frances gina gloria hannah haley
heather heidi helen hillary huma ingrid jane janet jean jennifer jessica jill joan joanne jodi judy
julia julie karen kate katherine kathleen kathy kayleigh kelly kellyanne kim kirsten kristen laura
lauren linda lisa lois loretta lynn madeleine margaret maria marie marilyn martha mary megan
melania melissa michelle monica nancy natalie nicole nikki olivia pamela patricia paula rachel
rebecca robin rosa ruth samantha sandra sara sarah sharon stephanie susan susana suzanne tammy
teresa theresa tina valerie victoria virginia wendy yulia irina olga tatyana natalia elena
angela dilma theresa sheryl hope megyn katrina amy elise kirstjen tulsi gretchen debbie
""".split())

ROLE_NOUNS = frozenset("""
teacher lawyer farmer worker owner resident student parent mother father wife husband son daughter
nurse doctor officer engineer researcher scientist writer author editor reporter member veteran
voter supporter critic historian lecturer partner founder organiser organizer volunteer fisherman
fisher pastor priest lobbyist consultant attorney candidate head boss captain skipper mechanic
driver pilot soldier farmer grandmother grandfather neighbour neighbor friend colleague expert
manager specialist professor teenager widow retiree pensioner shopkeeper baker chef surgeon
physician dentist architect artist musician singer actor actress player athlete fan citizen
landlord tenant inventor entrepreneur investor banker trader broker accountant administrator
coordinator campaigner protester demonstrator witness victim survivor spokesperson representative
""".split()) | (TITLE_WORDS - MODIFIERS - PERSON_TITLES)
"""Nouns that name a person's role ("a marine biologist", "a teacher"); with the suffixes in
:data:`ROLE_SUFFIXES` they tell a person's appositive ("Nora Lind, a biologist,") from a place's."""

ROLE_SUFFIXES = ("ist", "ian", "man", "woman", "person")
"""Endings of role nouns not in :data:`ROLE_NOUNS` (biologist, historian, fisherman, chairperson)."""

NOT_ROLE_NOUNS = frozenset("human german roman ottoman woman man".split())
"""Words with a role ending that name no role, or only a person in general."""

ORG_WORDS = frozenset("""
association committee council department ministry office party union university college school
agency company corporation bank board group institute foundation court house senate assembly
church club team times post news press journal street avenue road bay river city county state
""".split())
"""Words that end an organisation's or a place's name ("Harbour Council"), never a person's."""

SENTENCE_OPENERS = frozenset("now but and so then still yet also meanwhile however later asked".split())
"""Capitalised at the start of a sentence, but never the first word of a name ("Now Ann Lee said")."""

FEMALE_ROLES = frozenset("mother wife daughter sister grandmother widow actress niece aunt girlfriend".split())
MALE_ROLES = frozenset("father husband son brother grandfather widower nephew uncle boyfriend".split())
"""Role words that tell a person's gender (with the endings -woman and -man: "fisherman")."""


def _male_role(word: str) -> bool:
    return word in MALE_ROLES or (word.endswith("man") and not word.endswith("woman")
                                  and len(word) > 5 and word not in NOT_ROLE_NOUNS)


NATIONALITY = {"u.s.": "us", "us": "us", "american": "us", "russian": "russia", "russia's": "russia"}

NOT_NAMES = frozenset("""
the a an and or but of in on at to for from by with as this that these those it its his her
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december today yesterday tomorrow
i we you he she they in on at after before during when while since if
""".split())

PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "himself": "male",
                  "she": "female", "her": "female", "hers": "female", "herself": "female"}

# A capitalised word of a name: Lavrov, O'Malley, O’Malley, McCain, Jean-Marie, initials (J.), Jr.
NAME_TOKEN = (r"(?:(?:[A-Z]\.){2,}|(?:Mrs|Mr|Ms|Dr|Sens|Sen|Reps|Rep|Gov|Gens|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Prof|Rev|Jr|Sr|St)\."
              r"|[A-Z]\.|[A-Z](?:[’'][A-Z])?[a-zA-Z]+(?:-[A-Z][a-zA-Z]+)*)")
_NAME_RUN = re.compile(NAME_TOKEN + r"(?:[ \t]+(?:of[ \t]+|de[ \t]+|van[ \t]+|von[ \t]+|bin[ \t]+|al-)?" + NAME_TOKEN + r"){0,7}")
_PRONOUN = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
_SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"}


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


@dataclass
class FoundPerson:
    """A person discovered in the text (mutable while the text is read)."""

    name: str
    role_words: set[str] = field(default_factory=set)
    gender: str = "unknown"
    side: str = "unknown"
    aliases: set[str] = field(default_factory=set)
    evidence: str = ""

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


def split_title(words: Sequence[str]) -> tuple[list[str], list[str]]:
    """Split the words of a capitalised run into (title words, name words).

    The name is what follows the last title word.

    >>> split_title("U.S. Secretary of State Condoleezza Rice".split())
    (['U.S.', 'Secretary', 'of', 'State'], ['Condoleezza', 'Rice'])
    >>> split_title(["Rice"])
    ([], ['Rice'])
    """
    last = -1
    for i, w in enumerate(words):
        lw = _norm(w)
        if lw in TITLE_WORDS or (lw == "of" and 0 < i < len(words) - 1 and _norm(words[i - 1]) in TITLE_WORDS):
            last = i
        elif lw in NOT_NAMES and lw != "of":
            last = i
    title, name = list(words[:last + 1]), list(words[last + 1:])
    if "of" in name:          # "Ann Hollis of Ohio": a place, not part of the name
        name = name[:name.index("of")]
    # "of" may only glue titles together, never end one before a name
    return title, name


_WORD_BEFORE = re.compile(r"(?<![\w.])([a-z][a-z\-]+)[ \t]+$")
_APPOSITIVE_WORDS = re.compile(r",[ \t]+(?:a|an|the)[ \t]+((?:[a-z][\w\-]*[ \t]+){0,3}?[a-z][\w\-]*)(?=[ \t]+(?:at|of|for|in|from|with|who|on|to|and|whose|based)\b|[,.;:])")


def is_role_noun(word: str) -> bool:
    """True for a noun that names what a person does ("teacher", "biologist", "chairwoman").

    >>> [is_role_noun(w) for w in ("biologist", "teacher", "town", "human")]
    [True, True, False, False]
    """
    w = _norm(word)
    return w in ROLE_NOUNS or (w.endswith(ROLE_SUFFIXES) and w not in NOT_ROLE_NOUNS and len(w) > 5)


_ROLE_THEN_COMMA = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother)[ \t]+(?:[a-z][\w\-]*[ \t]+){0,2}?([a-z][\w\-]*),[ \t]+$")


def _role_before(text: str, start: int) -> str | None:
    """The role word right before a name: "chairman" in "Association chairman Torben Aske",
    "parent" in "one parent, Sarah Mills, said"."""
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if m and is_role_noun(m.group(1)) and _norm(m.group(1)) not in MODIFIERS:
        return m.group(1)
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


def name_gender(first: str, title_words: Iterable[str] = ()) -> str:
    """Gender from a title (Mr., Ms., spokeswoman) or a common first name; else "unknown".

    >>> name_gender("Condoleezza"), name_gender("Robert"), name_gender("Zyx", ["Mrs."])
    ('female', 'male', 'female')
    >>> name_gender("Zyx", ["fisherman"]), name_gender("Zyx", ["mother"]), name_gender("Zyx", ["German"])
    ('male', 'female', 'unknown')
    """
    tw = {_norm(t) for t in title_words}
    if tw & MALE_TITLES or any(_male_role(t) for t in tw):
        return "male"
    if tw & FEMALE_TITLES or any(t.endswith("woman") or t in FEMALE_ROLES for t in tw):
        return "female"
    f = _norm(first)
    if f in FEMALE_NAMES:
        return "female"
    if f in MALE_NAMES:
        return "male"
    return "unknown"


class PeopleIndex:
    """Everyone found in a text, and where each is named.

    ``mentions`` is sorted by position; :meth:`person_for` maps a written name
    ("Lavrov", "Mr. Garin", "Sergei Lavrov") to a person, adding a new one when
    the name is new.
    """

    def __init__(self) -> None:
        self.people: list[FoundPerson] = []
        self._by_key: dict[str, FoundPerson] = {}
        self._by_surname: dict[str, list[FoundPerson]] = {}
        self.mentions: list[NameMention] = []

    # -- building -------------------------------------------------------------------
    def lookup(self, name_words: Sequence[str]) -> FoundPerson | None:
        """The known person a (possibly partial) name refers to, or None."""
        if not name_words:
            return None
        key = " ".join(_norm(w) for w in name_words)
        if key in self._by_key:
            return self._by_key[key]
        last = _norm([w for w in name_words if _norm(w) not in _SUFFIXES][-1] if any(_norm(w) not in _SUFFIXES for w in name_words) else name_words[-1])
        matches = [p for p in self._by_surname.get(last, ()) if _norm(p.surname) == last]
        if len(name_words) > 1:
            # "Torben Aske" is the "Aske" met before (a surname alone), but not "Anna Aske"
            first = _norm(name_words[0])
            matches = [p for p in matches if _norm(p.name.split()[0]) == first or len(p.name.split()) == 1] or []
        return matches[-1] if matches else None

    def add(self, name_words: Sequence[str], title_words: Sequence[str] = (), evidence: str = "") -> FoundPerson:
        """Add (or find and enrich) the person with this name."""
        person = self.lookup(name_words)
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
        role = [_norm(t) for t in title_words if _norm(t) not in PERSON_TITLES and _norm(t) != "of"]
        person.role_words.update(role)
        for t in role:
            if t in NATIONALITY:
                person.role_words.add(NATIONALITY[t])
        if person.gender == "unknown":
            person.gender = name_gender(name_words[0] if len(name_words) > 1 else "", title_words)
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
                if lw in NATIONALITY:
                    person.role_words.add(NATIONALITY[lw])

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

    def nearest_with_gender(self, pos: int, gender: str, limit: int = 30) -> NameMention | None:
        """The nearest earlier mention of a person of this gender (or of unknown gender)."""
        fallback = None
        for m in itertools.islice(self.before(pos), limit):
            if m.person.gender == gender:
                return m
            if m.person.gender == "unknown" and fallback is None:
                fallback = m
        return fallback

    def fitting(self, words: Iterable[str], pos: int) -> NameMention | None:
        """The most recently named person whose roles fit all these descriptor words.

        ``fitting(["russian", "minister"], pos)`` prefers whichever Russian
        minister was named last before ``pos``: the most salient one.
        """
        want = {_norm(w) for w in words} - NOT_NAMES - {"top", "former", "new", "chief's"}
        want = {NATIONALITY.get(w, w) for w in want}
        if not want:
            return None
        for m in itertools.islice(self.before(pos), 200):
            if want <= m.person.role_words:
                return m
        return None


_APPOSITIVE = re.compile(r",\s+(?:the|a|an|who is|who was)\s+([^,.;:!?\n\"“”]{3,80})")


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
    >>> p.name, p.gender, {"general", "chief", "russian"} <= p.role_words
    ('Yury Baluyevsky', 'male', True)
    """
    people = as_people(people)
    index = PeopleIndex()
    runs: list[tuple[re.Match[str], list[str], list[str], FoundPerson | None]] = []
    for m in _NAME_RUN.finditer(text):
        words = m.group(0).split()
        title, name = split_title(words)
        # trim a trailing title-like word mistakenly inside ("Rice Thursday")
        while name and _norm(name[-1]) in NOT_NAMES:
            name.pop()
        if not name:
            runs.append((m, title, name, None))
            continue
        if len(name) > 3:
            name = name[-3:]
        is_person = False
        lw0 = _norm(name[0])
        if title and _norm(title[-1]) in TITLE_WORDS - MODIFIERS and len(name) <= 3:
            is_person = True
        elif len(name) >= 2 and (lw0 in MALE_NAMES or lw0 in FEMALE_NAMES):
            is_person = True
        elif len(name) >= 2 and re.fullmatch(r"[A-Z]\.", name[1] if len(name) > 2 else ""):
            is_person = True
        if not is_person and 2 <= len(name) <= 3 and _norm(name[-1]) not in ORG_WORDS \
                and _norm(name[0]) not in SENTENCE_OPENERS:
            # "chairman Torben Aske" (a lower-case role word before the name) or
            # "Nora Lind, a marine biologist at ..." (an appositive that names a role)
            role = _role_before(text, m.start()) or _appositive_role(text, m.end())
            if role:
                is_person = True
                title = title + [role]
        if is_person and len(name) == 1 and not (title and _norm(title[-1]) in PERSON_TITLES):
            is_person = False
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
    index.mentions.sort(key=lambda nm: nm.start)
    _learn_gender_from_pronouns(text, index)
    return index


def _learn_gender_from_pronouns(text: str, index: PeopleIndex) -> None:
    """A person of unknown gender takes the gender of the first pronoun after a mention,
    when that pronoun can only mean them (nobody else it could mean was named just before).

    >>> idx = find_people("Mayor Ilse Varnholt spoke. She was calm.")
    >>> idx.people[0].gender
    'female'
    >>> idx = find_people("Mayor Ilse Varnholt spoke. Councillor Torben Aske left. She was calm.")
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
        if v:
            person.gender = max(set(v), key=v.count)


def _only_candidate(index: PeopleIndex, person: FoundPerson, pos: int, gender: str, window: int = 300) -> bool:
    """True when ``person`` is the only one named in the ``window`` characters before ``pos``
    whom a pronoun of this gender could mean (same gender or unknown)."""
    for m in itertools.islice(index.before(pos), 20):
        if m.end < pos - window:
            break
        if m.person is not person and m.person.gender in (gender, "unknown"):
            return False
    return True
