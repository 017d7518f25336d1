"""Specification of the argument-map model, its files, exports and comparison (casestudy.argmap)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from casestudy.argmap import (
    FORMAT, VERSION, ArgumentMap, Claim, Relation, compare_maps, load_map, reference_map,
    save_map, to_aif, to_argdown, find_evidence, same_evidence, upgrade,
)
from casestudy.errors import InputError
from casestudy.models import NEITHER, Side, quote_id, sentence_id
from casestudy.pipeline import read_article
from casestudy.storage import backup_path

Q1 = quote_id("We have offered them defense cooperation")
Q2 = quote_id("We do not want to play these games.")
S1 = sentence_id("Lavrov reiterated that any cooperation must involve equal partnership.")
OSLO = ("US/NATO", "Russia")
"""The bundled article's sides, as the tests' maps take them."""


def small_map() -> ArgumentMap:
    """Three claims: a US contention, a Russian objection and a US rebuttal."""
    m = ArgumentMap(title="Small", sides=OSLO)
    m.add_claim("The US offers cooperation.", side="US/NATO", evidence=[Q1])
    m.add_claim("Russia will not play these games.", side="Russia", evidence=[Q2])
    m.add_claim("Talks will continue.", side="US/NATO")
    m.add_relation("objects", "c2", "c1")
    m.add_relation("rebuts", "c3", "c2")
    return m


# -- building and validating ----------------------------------------------------


class TestBuilding:
    def test_ids_are_short_and_sequential(self) -> None:
        """Claims get ids c1, c2...; relations r1, r2..."""
        m = small_map()
        assert list(m.claims) == ["c1", "c2", "c3"]
        assert list(m.relations) == ["r1", "r2"]

    def test_new_id_skips_taken_ones(self) -> None:
        """After a deletion a new claim never reuses an id still in use."""
        m = small_map()
        m.delete_claim("c1")
        assert m.add_claim("New").id not in {"c2", "c3"}

    @pytest.mark.parametrize("action, message", [
        (lambda m: m.add_claim(""), "a claim needs some text"),
        (lambda m: m.add_claim("x", side="China"), "unknown side 'China'"),
        (lambda m: m.add_claim("x", evidence=["quote 3"]), "is not a quote id"),
        (lambda m: m.add_claim("x", id="c1"), "there is already a claim 'c1'"),
        (lambda m: m.edit_claim("c9", text="x"), "there is no claim 'c9'"),
        (lambda m: m.add_relation("supports", "c1", "c1"), "cannot support itself"),
        (lambda m: m.add_relation("objects", "c1", "c9"), "there is no claim 'c9'"),
        (lambda m: m.add_relation("likes", "c1", "c2"), "unknown relation type 'likes'"),
        (lambda m: m.add_relation("objects", "c2", "c1"), "already in the map"),
        (lambda m: m.add_relation("supports", [], "c1"), "needs at least one premise"),
        (lambda m: m.attach_evidence("c1", Q1), "already cites"),
        (lambda m: m.detach_evidence("c3", Q1), "does not cite"),
        (lambda m: m.delete_relation("r9"), "there is no relation 'r9'"),
    ])
    def test_bad_changes_are_refused_with_one_line(self, action, message) -> None:
        """A bad change raises a one-line InputError naming the problem and changes nothing."""
        m = small_map()
        before = m.to_dict()
        with pytest.raises(InputError, match=message) as info:
            action(m)
        assert "\n" not in str(info.value)
        assert m.to_dict() == before

    def test_forgiving_spellings(self) -> None:
        """Side and relation names are read case-insensitively, with common aliases."""
        m = ArgumentMap(sides=OSLO)
        m.add_claim("a", side="nato")
        m.add_claim("b", side="russia")
        r = m.add_relation("objects to", "c2", "c1")
        assert (m.claims["c1"].side, m.claims["c2"].side, r.type) == ("US/NATO", "Russia", "objects")

    def test_co_premises(self) -> None:
        """Several premises form one linked relation; deleting one member keeps the rest."""
        m = small_map()
        m.add_claim("Cooperation must start with a joint threat assessment.", side="Russia", evidence=[S1])
        r = m.add_relation("objects", ["c2", "c4"], "c3")
        assert r.is_linked and r.describe() == "c2 and c4 together object to c3"
        assert m.roles()["c4"] == "co-premise"
        m.delete_claim("c4")
        assert m.relations[r.id].premises == ("c2",)

    def test_delete_never_leaves_a_repeated_relation(self) -> None:
        """A co-premise group that shrinks into a copy of another relation is removed."""
        m = small_map()
        m.add_claim("d", side="Russia")
        m.add_relation("objects", ["c2", "c4"], "c1")
        assert m.delete_claim("c4") == ["r3"]
        assert m.problems() == []

    def test_delete_claim_removes_its_relations(self) -> None:
        """Relations that cannot stand without a deleted claim go with it."""
        m = small_map()
        assert m.delete_claim("c2") == ["r1", "r2"]
        assert m.relations == {}

    def test_roles(self) -> None:
        """Roles are read off the arrows: contention, objection, rebuttal."""
        assert small_map().roles() == {"c1": "contention", "c2": "objection", "c3": "rebuttal"}

    def test_hints(self) -> None:
        """Hints point at claims without evidence and rebuttals of non-objections."""
        m = small_map()
        m.add_claim("Unlinked", side="Russia")
        m.add_relation("rebuts", "c4", "c1")
        hints = "\n".join(m.hints())
        assert "c3 has no evidence yet" in hints
        assert "c1 objects to nothing" in hints


class TestUndo:
    def test_undo_takes_back_each_change_in_turn(self) -> None:
        """Undo restores the state before each change, newest first."""
        m = ArgumentMap(sides=OSLO)
        states = [m.to_dict()]
        m.add_claim("a", side="US/NATO"); states.append(m.to_dict())
        m.add_claim("b", side="Russia"); states.append(m.to_dict())
        m.add_relation("objects", "c2", "c1"); states.append(m.to_dict())
        m.attach_evidence("c1", Q1, "Rice: We have offered"); states.append(m.to_dict())
        m.edit_claim("c1", text="A changed"); states.append(m.to_dict())
        m.delete_claim("c2"); states.append(m.to_dict())
        for expected in reversed(states[:-1]):
            m.undo()
            assert m.to_dict() == expected
        assert not m.can_undo

    def test_nothing_to_undo(self) -> None:
        """Undo on a fresh map is a clear error."""
        with pytest.raises(InputError, match="nothing to undo"):
            ArgumentMap(sides=OSLO).undo()

    def test_failed_change_leaves_no_history(self) -> None:
        """A refused change adds nothing to undo."""
        m = ArgumentMap(sides=OSLO)
        with pytest.raises(InputError):
            m.add_claim(" ")
        assert not m.can_undo


class TestProblems:
    @pytest.mark.parametrize("claims, relations, expected", [
        ({"c1": Claim("c1", "")}, {}, "claim c1 has no text"),
        ({"c1": Claim("c1", "a", side="Mars")}, {}, "unknown side 'Mars'"),
        ({"c1": Claim("c1", "a", evidence=("x",))}, {}, "not a quote id"),
        ({"c1": Claim("c1", "a")}, {"r1": Relation("r1", "supports", ("c2",), "c1")}, "unknown claim 'c2'"),
        ({"c1": Claim("c1", "a")}, {"r1": Relation("r1", "supports", ("c1",), "c1")}, "cannot relate to itself"),
        ({"c1": Claim("c1", "a"), "c2": Claim("c2", "b")}, {"r1": Relation("r1", "hugs", ("c2",), "c1")},
         "unknown type 'hugs'"),
        ({"c1": Claim("c1", "a")}, {"r1": Relation("r1", "supports", (), "c1")}, "has no premise"),
    ])
    def test_each_problem_is_named(self, claims, relations, expected) -> None:
        """problems() names each kind of mistake a hand-edited file can contain."""
        problems = ArgumentMap(sides=OSLO, claims=claims, relations=relations).problems()
        assert any(expected in p for p in problems), problems

    def test_unknown_evidence_with_a_catalogue(self) -> None:
        """With a catalogue of known ids, evidence the article does not contain is reported."""
        m = small_map()
        assert m.problems(known_evidence=[Q1, Q2]) == []
        assert any("unknown evidence" in p for p in m.problems(known_evidence=[Q1]))

    def test_validate_raises_first_problem_and_count(self) -> None:
        """validate() raises one line: the first problem and how many more."""
        m = ArgumentMap(sides=OSLO, claims={"c1": Claim("c1", "", side="Mars")})
        with pytest.raises(InputError, match=r"no text.*\(and 1 more problem\)"):
            m.validate()


# -- JSON files --------------------------------------------------------------------


class TestFiles:
    def test_round_trip(self, tmp_path: Path) -> None:
        """A saved map loads back equal, with format and version fields."""
        m = small_map()
        m.attach_evidence("c3", S1, "Sentence: Lavrov reiterated...")
        path = save_map(m, tmp_path / "map.json")
        data = json.loads(path.read_text(encoding="utf-8"))
        assert (data["format"], data["version"]) == (FORMAT, VERSION)
        assert load_map(path) == m

    def test_non_ascii_and_markup_survive(self, tmp_path: Path) -> None:
        """Text with accents, quotes and markup is stored exactly."""
        m = ArgumentMap(sides=OSLO)
        m.add_claim('Lavrov: «no» — <script>alert("x")</script>', side="Russia")
        assert load_map(save_map(m, tmp_path / "m.json")).claims["c1"].text == m.claims["c1"].text

    def test_second_save_keeps_one_backup(self, tmp_path: Path) -> None:
        """Saving over a map keeps the previous version as NAME.bak."""
        path = tmp_path / "map.json"
        first = small_map()
        save_map(first, path)
        second = small_map()
        second.add_claim("More", side="neither")
        save_map(second, path)
        assert load_map(backup_path(path)) == first
        assert load_map(path) == second

    @pytest.mark.parametrize("fail_on", ["replace", "write", "fsync"])
    def test_crash_mid_save_keeps_the_old_file(self, tmp_path: Path, monkeypatch, fail_on: str) -> None:
        """If saving fails midway, the old file is intact, no temp file is left, and the error is one line."""
        path = tmp_path / "map.json"
        old = small_map()
        save_map(old, path)
        old_bytes = path.read_bytes()

        def boom(*args, **kwargs):
            raise OSError(28, "No space left on device")

        if fail_on == "replace":
            monkeypatch.setattr(os, "replace", boom)
        elif fail_on == "fsync":
            monkeypatch.setattr(os, "fsync", boom)
        else:
            real_fdopen = os.fdopen

            class HalfWriter:
                """A file that writes half of the text, then fails like a full disk."""

                def __init__(self, fd, *args, **kwargs):
                    self.file = real_fdopen(fd, *args, **kwargs)

                def write(self, text):
                    self.file.write(text[: len(text) // 2])
                    self.file.flush()
                    boom()

                def __enter__(self):
                    return self

                def __exit__(self, *exc):
                    self.file.close()

            monkeypatch.setattr(os, "fdopen", HalfWriter)
        new = small_map()
        new.add_claim("Never saved", side="Russia")
        with pytest.raises(InputError, match="the previous file is unchanged"):
            save_map(new, path)
        monkeypatch.undo()
        assert path.read_bytes() == old_bytes
        assert sorted(p.name for p in tmp_path.iterdir()) in (["map.json"], ["map.json", "map.json.bak"])
        if fail_on == "replace":
            assert backup_path(path).read_bytes() == old_bytes

    @pytest.mark.parametrize("content, message", [
        ("{not json", "is not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('{"format": "something-else", "version": 1}', "is not an argument map"),
        ('{"claims": []}', "no 'format' field"),
        ('{"format": "casestudy-argmap", "version": 99, "claims": []}', "newer casestudy"),
        ('{"format": "casestudy-argmap", "version": 2, "claims": []}', "has no 'sides' list"),
        ('{"format": "casestudy-argmap", "version": 2, "sides": ["EU", "eu"]}', "listed twice"),
        ('{"format": "casestudy-argmap", "version": 2, "sides": "EU"}', "'sides' must be a list"),
        ('{"format": "casestudy-argmap", "version": "one"}', "invalid version"),
        ('{"format": "casestudy-argmap", "version": 1, "claims": {}}', "'claims' must be a list"),
        ('{"format": "casestudy-argmap", "version": 1, "claims": [{"id": "c1", "text": 5, "side": "Russia"}]}',
         "'text' must be text"),
        ('{"format": "casestudy-argmap", "version": 1, "claims": [{"id": "c1", "text": "", "side": "Russia"}]}',
         "has no text"),
    ])
    def test_bad_files_give_one_line_and_stay_untouched(self, tmp_path: Path, content: str, message: str) -> None:
        """Malformed, foreign, newer or invalid files are refused with one line and never modified."""
        path = tmp_path / "bad.json"
        path.write_text(content, encoding="utf-8")
        with pytest.raises(InputError, match=message) as info:
            load_map(path)
        assert "\n" not in str(info.value)
        assert path.read_text(encoding="utf-8") == content

    @pytest.mark.parametrize("content", [
        '{"format": "casestudy-argmap", "version": 99, "claims": []}',
        "print('my homework')\n",
    ])
    def test_save_never_overwrites_a_foreign_or_newer_file(self, tmp_path: Path, content: str) -> None:
        """Saving over a file that is not a map this version can read is refused."""
        path = tmp_path / "precious.json"
        path.write_text(content, encoding="utf-8")
        with pytest.raises(InputError, match="nothing was written"):
            save_map(small_map(), path)
        assert path.read_text(encoding="utf-8") == content

    @pytest.mark.parametrize("content", [
        '{"format": "casestudy-argmap", "version": 2, "title": "cut sh',      # a map cut short
        '{"format": "casestudy-argmap", "version": 99, "claims": []}',         # saved by a newer version
        '{"format": "casestudy-argmap", "version": 1, "claims": {}}',          # fields edited by hand
    ])
    def test_a_damaged_map_file_is_replaced_only_when_asked_and_kept_aside(self, tmp_path: Path, content: str) -> None:
        """replace_unreadable=True saves over a damaged map file after copying it to NAME.unreadable; .bak is untouched."""
        from casestudy.argmap.files import file_state

        path = tmp_path / "map.json"
        path.write_text(content, encoding="utf-8")
        backup_path(path).write_text(small_map().to_json(), encoding="utf-8")
        assert file_state(path).kind == "damaged"
        with pytest.raises(InputError, match="replace_unreadable=True to keep that file as map.json.unreadable"):
            save_map(small_map(), path)
        assert path.read_text(encoding="utf-8") == content
        save_map(small_map(), path, replace_unreadable=True)
        assert load_map(path) == small_map() == load_map(backup_path(path))
        assert (tmp_path / "map.json.unreadable").read_text(encoding="utf-8") == content
        assert sorted(p.name for p in tmp_path.iterdir()) == ["map.json", "map.json.bak", "map.json.unreadable"]

    @pytest.mark.parametrize("name, content", [
        ("package.json", '{"name": "my-app", "version": "1.0.0"}'),   # JSON of another kind
        ("article.txt", "OSLO, April 26 (RIA Novosti) - ..."),        # not JSON, not named .json
        ("notes.txt", '{"format": "something-else"'),
    ])
    def test_a_file_of_another_kind_is_never_replaced(self, tmp_path: Path, name: str, content: str) -> None:
        """Even with replace_unreadable=True, a file that is not a map file is refused and left alone."""
        from casestudy.argmap.files import file_state

        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        assert file_state(path).kind == "foreign"
        with pytest.raises(InputError, match="is not an argument map .*nothing was written"):
            save_map(small_map(), path, replace_unreadable=True)
        assert path.read_text(encoding="utf-8") == content
        assert [p.name for p in tmp_path.iterdir()] == [name]

    def test_byte_order_mark_is_accepted(self, tmp_path: Path) -> None:
        """A map re-saved by a Windows editor with a byte-order mark still loads."""
        path = tmp_path / "bom.json"
        path.write_text("\ufeff" + small_map().to_json(), encoding="utf-8")
        assert load_map(path) == small_map()

    def test_save_into_missing_folder(self, tmp_path: Path) -> None:
        """A path in a folder that does not exist is a clear error."""
        with pytest.raises(InputError, match="does not exist"):
            save_map(small_map(), tmp_path / "nope" / "map.json")


FIXTURES = Path(__file__).resolve().parent / "fixtures"


class TestSides:
    def test_a_map_carries_its_own_sides_in_order(self) -> None:
        """A three-sided map keeps its sides, names and colours in order, through a saved file too."""
        m = ArgumentMap(title="Fishing talks", sides=[Side("EU", colour="blue"), "UK", Side("Norway", description="x")])
        assert m.side_names() == ("EU", "UK", "Norway")
        assert all(isinstance(s, Side) for s in m.sides)
        m.add_claim("Quotas must fall.", side="norway")
        m.add_claim("The reporter calls it a stalemate.")
        assert [c.side for c in m.claims.values()] == ["Norway", NEITHER]
        again = ArgumentMap.from_json(m.to_json())
        assert again == m and again.sides[0].colour == "blue" and again.sides[2].description == "x"

    def test_unknown_side_lists_the_maps_sides(self) -> None:
        """A side the map does not have is refused with a one-line error listing the map's sides."""
        m = ArgumentMap(sides=["EU", "UK", "Norway"])
        with pytest.raises(InputError, match="unknown side 'Russia': choose one of the map's sides 'EU', 'UK', "
                                             "'Norway', or 'neither'"):
            m.add_claim("x", side="Russia")

    def test_a_map_without_sides_says_how_to_give_them(self) -> None:
        """A map made without sides takes 'neither' claims, and says how to add a side for others."""
        m = ArgumentMap()
        m.add_claim("Build it.")
        with pytest.raises(InputError, match=r"no sides yet.*ArgumentMap\(sides=.*add_side\('EU'\)"):
            m.add_claim("x", side="EU")

    @pytest.mark.parametrize("sides, message", [
        ([f"side {i}" for i in range(9)], "9 sides is too many"),
        (["EU", " eu "], "listed twice"),
        (["neither"], "cannot be a side"),
        (["Unknown"], "cannot be a side"),
        ([""], "needs a name"),
        ([Side("EU", colour="teal")], "unknown colour 'teal'"),
        ([5], "a side must be a name or a Side"),
    ])
    def test_bad_sides_are_refused(self, sides, message) -> None:
        """Too many, repeated, reserved, empty or oddly coloured sides are one-line errors."""
        with pytest.raises(InputError, match=message) as info:
            ArgumentMap(sides=sides)
        assert "\n" not in str(info.value)

    def test_eight_sides_are_fine(self) -> None:
        """One to eight sides are accepted."""
        assert len(ArgumentMap(sides=[f"side {i}" for i in range(8)]).sides) == 8
        assert ArgumentMap(sides="EU").side_names() == ("EU",)

    def test_add_rename_remove_sides_and_undo(self) -> None:
        """Sides can be added, renamed (claims follow) and removed when empty; each step undoes."""
        m = ArgumentMap(sides=["EU"])
        m.add_side(Side("UK", colour="orange"))
        m.add_claim("Fish stocks are fine.", side="UK")
        m.rename_side("uk", "United Kingdom")
        assert m.side_names() == ("EU", "United Kingdom") and m.claims["c1"].side == "United Kingdom"
        with pytest.raises(InputError, match=r"still has claims \(c1\)"):
            m.remove_side("United Kingdom")
        m.remove_side("EU")
        assert m.side_names() == ("United Kingdom",)
        assert m.undo() == "undid: remove side EU"
        assert m.undo() == "undid: rename side UK"
        assert m.claims["c1"].side == "UK" and m.sides[1].colour == "orange"

    def test_a_claim_on_no_side_of_the_map_is_a_problem(self) -> None:
        """A hand-edited claim whose side the map lacks is reported, naming the map's sides."""
        m = ArgumentMap(sides=["EU"], claims={"c1": Claim("c1", "x", side="UK")})
        assert m.problems() == ["claim c1 has unknown side 'UK': choose one of the map's sides 'EU', 'neither'"]


class TestMigration:
    def test_a_file_saved_by_version_1_loads(self, tmp_path: Path) -> None:
        """A map saved by the code before maps carried sides loads, its sides taken from its claims."""
        fixture = FIXTURES / "map_v1.json"
        assert json.loads(fixture.read_text(encoding="utf-8"))["version"] == 1
        m = load_map(fixture)
        assert m.side_names() == ("US/NATO", "Russia")
        assert [c.side for c in m.claims.values()] == ["US/NATO", NEITHER, "Russia", "US/NATO", "Russia", "Russia"]
        assert [r.describe() for r in m.relations.values()] == [
            "c3 objects to c1", "c4 supports c1", "c5 and c6 together object to c4", "c4 rebuts c3"]
        assert m.evidence_texts and m.problems() == []
        saved = json.loads(save_map(m, tmp_path / "m.json").read_text(encoding="utf-8"))
        assert saved["version"] == VERSION and [s["name"] for s in saved["sides"]] == ["US/NATO", "Russia"]
        assert load_map(tmp_path / "m.json") == m
        assert fixture.read_text(encoding="utf-8").count('"version": 1') == 1  # the file itself is unchanged

    def test_version_1_sides_follow_first_appearance(self) -> None:
        """In a version-1 file the first side a claim uses comes first; 'neither' is never a side."""
        data = json.loads((FIXTURES / "map_v1.json").read_text(encoding="utf-8"))
        data["claims"].reverse()
        assert ArgumentMap.from_dict(data).side_names() == ("Russia", "US/NATO")
        data["claims"] = [c for c in data["claims"] if c["side"] == "neither"]
        data["relations"] = []
        assert ArgumentMap.from_dict(data).sides == ()

    def test_upgrade_leaves_its_input_alone(self) -> None:
        """Upgrading returns a new dict; the data read from the file is not changed."""
        data = json.loads((FIXTURES / "map_v1.json").read_text(encoding="utf-8"))
        before = json.dumps(data)
        assert upgrade(data)["version"] == VERSION
        assert json.dumps(data) == before

    def test_every_old_version_has_a_migration(self) -> None:
        """Each version below the newest has a step up to the next."""
        from casestudy.argmap.schema import MIGRATIONS

        assert sorted(MIGRATIONS) == list(range(1, VERSION))


class TestBackupMessage:
    def test_corrupt_file_names_its_backup_only_when_there_is_one(self, tmp_path: Path) -> None:
        """A corrupt map's message suggests NAME.bak when that file exists, and never a file that does not."""
        path = tmp_path / "map.json"
        path.write_text("{oops", encoding="utf-8")
        with pytest.raises(InputError) as info:
            load_map(path)
        assert ".bak" not in str(info.value) and "fix it" in str(info.value)
        backup_path(path).write_text(small_map().to_json(), encoding="utf-8")
        with pytest.raises(InputError, match=r"load the previous version from map\.json\.bak") as info:
            load_map(path)
        assert "\n" not in str(info.value)

    def test_invalid_map_names_its_backup_only_when_there_is_one(self, tmp_path: Path) -> None:
        """A map that parses but is invalid says the same: the backup only when it exists."""
        path = tmp_path / "map.json"
        data = small_map().to_dict()
        data["claims"][0]["text"] = ""
        path.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(InputError, match="has no text") as info:
            load_map(path)
        assert ".bak" not in str(info.value)
        backup_path(path).write_text(small_map().to_json(), encoding="utf-8")
        with pytest.raises(InputError, match=r"map\.json\.bak"):
            load_map(path)


class TestProperties:
    @staticmethod
    def _steps():
        from hypothesis import strategies as st

        text = st.text(min_size=0, max_size=30)
        step = st.one_of(
            st.tuples(st.just("add"), text, st.sampled_from(["US/NATO", "Russia", "neither", "Mars"])),
            st.tuples(st.just("link"), st.sampled_from(["supports", "objects", "rebuts"]),
                      st.lists(st.integers(1, 6), min_size=1, max_size=3), st.integers(1, 6)),
            st.tuples(st.just("delete"), st.integers(1, 6)),
            st.tuples(st.just("edit"), st.integers(1, 6), text),
        )
        return st.lists(step, max_size=25)

    def test_any_sequence_of_changes_keeps_the_map_valid(self) -> None:
        """Whatever the student clicks, the map stays valid, round-trips through JSON, and undoes to empty."""
        from hypothesis import given, settings

        @settings(max_examples=60, deadline=None)
        @given(self._steps())
        def run(steps) -> None:
            m = ArgumentMap(sides=OSLO)
            for step in steps:
                try:
                    if step[0] == "add":
                        m.add_claim(step[1], side=step[2])
                    elif step[0] == "link":
                        m.add_relation(step[1], [f"c{i}" for i in step[2]], f"c{step[3]}")
                    elif step[0] == "delete":
                        m.delete_claim(f"c{step[1]}")
                    else:
                        m.edit_claim(f"c{step[1]}", text=step[2])
                except InputError as exc:
                    assert "\n" not in str(exc)
                assert m.problems() == []
                assert ArgumentMap.from_json(m.to_json()) == m
            while m.can_undo:
                m.undo()
            assert m == ArgumentMap(sides=OSLO)

        run()


# -- exports -------------------------------------------------------------------------


class TestExports:
    def test_argdown_structure(self) -> None:
        """Argdown has front matter (title, sides, colours), one tagged statement with data per claim, and + / - links."""
        text = to_argdown(small_map())
        assert text.startswith('===\ntitle: "Small"\nsides: [{"name": "US/NATO"}, {"name": "Russia"}]\n')
        assert 'color: {"tagColors": {"US/NATO": ' in text and '"removeTagsFromText": true' in text
        for cid in ("c1", "c2", "c3"):
            assert text.count(f"[{cid}]: ") == 1
        assert f'[c1]: The US offers cooperation. #(US/NATO)\n{{"side": "US/NATO", "evidence": ["{Q1}"]}}' in text
        assert "[c1]\n  - [c2]" in text and "[c2]\n  - [c3]" in text
        assert '{"side": "US/NATO", "evidence": [], "rebuts": ["c2"]}' in text

    def test_argdown_co_premises_become_an_argument(self) -> None:
        """Co-premises are an argument whose data names the relation; an attack's conclusion contradicts the target."""
        m = small_map()
        m.add_claim("d", side="Russia")
        m.add_relation("objects", ["c2", "c4"], "c3")
        text = to_argdown(m)
        assert '<r3>: c2 and c4 together object to c3\n{"relation": "r3", "type": "objects", "target": "c3"}' in text
        assert ("<r3>\n\n(1) [c2]\n(2) [c4]\n----\n(3) [r3 conclusion]: Not: Talks will continue.\n"
                '{"helper": true}\n  >< [c3]') in text

    @pytest.mark.parametrize("export", [to_argdown, to_aif])
    @pytest.mark.parametrize("relation, message", [
        (Relation("r1", "supports", ("zz",), "c1"), "relation r1 mentions unknown claim 'zz'"),
        (Relation("r1", "supports", ("c1",), "c1"), "claim c1 cannot relate to itself"),
    ])
    def test_exports_refuse_an_invalid_map(self, export, relation, message) -> None:
        """A link to a missing claim or a self-loop is not exported: the error is validate()'s message."""
        m = ArgumentMap(sides=OSLO, claims={"c1": Claim("c1", "a", side="Russia")}, relations={"r1": relation})
        with pytest.raises(InputError) as validated:
            m.validate()
        with pytest.raises(InputError, match="cannot export the map") as info:
            export(m)
        assert str(validated.value) in str(info.value) and message in str(info.value)

    def test_argdown_escapes_syntax(self) -> None:
        """Brackets and other Argdown syntax inside a claim are escaped."""
        m = ArgumentMap(sides=OSLO)
        m.add_claim("The [US] <plan> #1", side="US/NATO")
        assert "[c1]: The \\[US\\] \\<plan\\> \\#1 #(US/NATO)" in to_argdown(m)

    def test_aif_structure(self) -> None:
        """AIF: one I-node per claim, RA for support, CA for conflict, edges premise -> scheme -> target."""
        m = small_map()
        m.add_claim("d", side="Russia")
        m.add_claim("e", side="Russia")
        m.add_relation("supports", ["c4", "c5"], "c2")
        aif = to_aif(m)
        nodes = {n["nodeID"]: n for n in aif["nodes"]}
        assert [n["type"] for n in aif["nodes"]] == ["I"] * 5 + ["CA", "CA", "RA"]
        edges = {(e["fromID"], e["toID"]) for e in aif["edges"]}
        by_claim = {n["claimID"]: i for i, n in nodes.items() if n["type"] == "I"}
        ra = next(i for i, n in nodes.items() if n["type"] == "RA")
        assert {(by_claim["c4"], ra), (by_claim["c5"], ra), (ra, by_claim["c2"])} <= edges
        assert len(aif["edges"]) == 2 + 2 + 3
        assert all(set(e) == {"edgeID", "fromID", "toID", "formEdgeID"} for e in aif["edges"])
        json.dumps(aif)  # serialisable


class TestCycles:
    @staticmethod
    def chain(*links: tuple[str, str, str]) -> ArgumentMap:
        m = ArgumentMap(sides=OSLO)
        for n in range(4):
            m.add_claim(f"Claim {n + 1}", side="Russia", evidence=[Q1])
        for kind, a, b in links:
            m.add_relation(kind, a, b)
        return m

    def test_circular_support_is_a_hint_naming_the_claims(self) -> None:
        """c1 supports c2 supports c3 supports c1: reported with the claim ids, as circular reasoning."""
        m = self.chain(("supports", "c1", "c2"), ("supports", "c2", "c3"), ("supports", "c3", "c1"))
        assert m.cycles() == [("c1", "c2", "c3", "c1")]
        assert m.problems() == [] and m.contentions() == ["c4"]  # c4 is linked to nothing
        (hint,) = [h for h in m.hints() if "circle" in h]
        assert hint.startswith("c1, c2, c3 go round in a circle (c1 supports c2 supports c3 supports c1)")
        assert "circular reasoning" in hint

    def test_a_circle_with_an_objection_asks_to_check_the_arrows(self) -> None:
        """A circle through an objection is reported too, with a hint about arrow directions."""
        m = self.chain(("supports", "c1", "c2"), ("objects", "c2", "c1"), ("supports", "c3", "c4"))
        assert m.cycles() == [("c1", "c2", "c1")]
        assert any("c1 supports c2 objects to c1" in h and "directions" in h for h in m.hints())

    def test_two_claims_that_contradict_each_other_are_no_circle(self) -> None:
        """Two claims objecting to each other show a contradiction: not reported."""
        m = self.chain(("objects", "c1", "c2"), ("objects", "c2", "c1"), ("rebuts", "c3", "c2"))
        assert m.cycles() == [] and not any("circle" in h for h in m.hints())

    def test_co_premises_count_as_arrows(self) -> None:
        """A co-premise group leads from each of its premises: a circle through it is found."""
        m = self.chain(("supports", ["c1", "c4"], "c2"), ("supports", "c2", "c3"), ("supports", "c3", "c1"))
        assert m.cycles() == [("c1", "c2", "c3", "c1")]

    def test_a_long_chain_is_no_trouble(self) -> None:
        """Finding circles does not recurse: a chain of 3,000 claims closed into a loop is found."""
        n = 3000
        claims = {f"c{i}": Claim(f"c{i}", f"Claim {i}") for i in range(1, n + 1)}
        chain = {f"r{i}": Relation(f"r{i}", "supports", (f"c{i}",), f"c{i + 1}") for i in range(1, n)}
        assert ArgumentMap(claims=claims, relations=chain).cycles() == []
        loop = {**chain, "r0": Relation("r0", "supports", (f"c{n}",), "c1")}
        (cycle,) = ArgumentMap(claims=claims, relations=loop).cycles()
        assert len(cycle) == n + 1 and cycle[0] == cycle[-1] == "c1"

    def test_the_command_warns_about_a_circle(self, tmp_path: Path, capsys) -> None:
        """`argmap FILE` warns on standard error, naming the claims, and still exits 0 (the map is valid)."""
        m = self.chain(("supports", "c1", "c2"), ("supports", "c2", "c1"), ("supports", "c3", "c1"),
                       ("supports", "c4", "c3"))
        path = save_map(m, tmp_path / "loop.json")
        assert cli("argmap", str(path)) == 0
        out, err = capsys.readouterr()
        assert err.startswith("warning: c1, c2 go round in a circle (c1 supports c2 supports c1)")
        assert "contentions: none" in out and "circle" not in out
        assert cli("argmap", str(path), "--to", "argdown") == 0
        assert "warning: c1, c2 go round" in capsys.readouterr().err


# -- the reference map and the comparison -----------------------------------------------


class TestReference:
    def test_reference_loads_and_is_valid(self) -> None:
        """The bundled reference map loads, validates and has a contention on each side."""
        ref = reference_map()
        assert ref.problems() == []
        contentions = {ref.claims[c].side for c in ref.contentions()}
        assert contentions == {"US/NATO", "Russia"}

    def test_reference_has_every_kind_of_relation(self) -> None:
        """The reference shows reasons, objections, rebuttals and one co-premise group."""
        ref = reference_map()
        assert {r.type for r in ref.relations.values()} == {"supports", "objects", "rebuts"}
        assert any(r.is_linked for r in ref.relations.values())
        assert ref.hints() == []

    def test_reference_evidence_texts_match_their_ids(self) -> None:
        """Each evidence text in the reference file hashes to its id (quotes: the words in the marks)."""
        ref = reference_map()
        assert set(ref.evidence_texts) == set(ref.evidence_ids())
        for eid, shown in ref.evidence_texts.items():
            words = shown.split(": ", 1)[1]
            if eid.startswith("q-"):
                assert quote_id(words.strip('"')) == eid
            else:
                assert sentence_id(words) == eid

    def test_reference_sentences_are_in_the_article(self) -> None:
        """Every sentence id of the reference is a sentence of the cleaned article."""
        cleaning = pytest.importorskip("casestudy.text.cleaning")
        from casestudy import load_article

        sentences = {s.id for s in cleaning.clean_article(load_article()).sentences}
        wanted = {e for e in reference_map().evidence_ids() if e.startswith("s-")}
        assert wanted <= sentences, wanted - sentences

    def test_reference_quotes_are_found_by_the_attributor(self) -> None:
        """Every quote id of the reference is among the quotes the attributor finds in the article."""
        quotes = pytest.importorskip("casestudy.quotes")
        from casestudy import load_article

        article = load_article()
        found = {q.id for q in quotes.find_quotes(article.raw, people=article.people)}
        wanted = {e for e in reference_map().evidence_ids() if e.startswith("q-")}
        assert wanted <= found, wanted - found

    @staticmethod
    def citing(ref: ArgumentMap, evidence_id: str) -> list[str]:
        return [c.id for c in ref.claims.values() if evidence_id in c.evidence]

    def test_the_reference_follows_the_article(self) -> None:
        """The reading of issue 13: the article's first sentence, Gates's words and the NATO-bases grievance are cited;
        the offer and Rice's surprise are two claims; her surprise answers Lavrov's refusal, not the other way."""
        ref = reference_map()
        lead, gates, bases = "s-56ebab5ff9", "q-eb1677b42d", "s-4d08917381"
        offer, surprise, refusal = "q-ebd28d4199", "s-68aa20e065", "s-d511b9482a"
        assert self.citing(ref, lead) and self.citing(ref, gates)
        assert len(self.citing(ref, bases)) == 2 and {ref.claims[c].side for c in self.citing(ref, bases)} == {"Russia"}
        (offer_claim,), (surprise_claim,), (refusal_claim,) = (self.citing(ref, e) for e in (offer, surprise, refusal))
        assert offer_claim != surprise_claim
        links = {(r.premises, r.target): r.type for r in ref.relations.values()}
        assert links.get(((surprise_claim,), refusal_claim)) == "rebuts"
        assert ((refusal_claim,), surprise_claim) not in links

    def test_contradicting_claims_are_linked(self) -> None:
        """'No threat to Russia' and 'a threat to Russia's security' are linked in the reference."""
        ref = reference_map()
        (no_threat,), (threat,) = self.citing(ref, "s-769c306e33"), self.citing(ref, "s-4d08917381")[:1]
        assert any({no_threat, threat} <= {*r.premises, r.target} for r in ref.relations.values())

    def test_doubtful_links_are_alternatives_not_the_reading(self) -> None:
        """The general's warning and Lavrov's 'playground' no longer support ru1: those are listed alternatives."""
        ref = reference_map()
        warning, playground = self.citing(ref, "s-602ff03291")[0], self.citing(ref, "q-2a96b4ec8c")[0]
        threat = self.citing(ref, "s-4d08917381")[0]
        reading = {(r.type, r.premises, r.target) for r in ref.relations.values()}
        alternatives = {(a.type, a.premises, a.target) for r in ref.relations.values() for a in r.alternatives}
        for claim in (warning, playground):
            assert ("supports", (claim,), threat) not in reading
            assert ("supports", (claim,), threat) in alternatives

    def test_debatable_relations_say_why_and_list_other_readings(self) -> None:
        """Each debatable relation explains itself and lists alternatives that differ from it; others list none."""
        ref = reference_map()
        debatable = [r for r in ref.relations.values() if r.debatable]
        assert len(debatable) >= 4
        for r in ref.relations.values():
            assert bool(r.debatable) == bool(r.alternatives), r.id
            for a in r.alternatives:
                assert (a.type, set(a.premises), a.target) != (r.type, set(r.premises), r.target)
        montage = next(r for r in debatable if "continue to talk" in " ".join(
            ref.evidence_texts[e] for p in r.premises for e in ref.claims[p].evidence))
        assert "Tuesday" in montage.debatable and "Thursday" in montage.debatable and "montage" in montage.debatable

    def test_the_reference_file_round_trips(self) -> None:
        """Loading and saving the reference keeps every field, notes on debatable relations included."""
        from casestudy.text.loading import data_path

        on_disk = json.loads(data_path("reference_map.json").read_text(encoding="utf-8"))
        del on_disk["about"]
        assert reference_map().to_dict() == on_disk


class TestCompare:
    def test_reference_covers_itself(self) -> None:
        """The reference compared with itself covers everything and gives no feedback."""
        ref = reference_map()
        result = compare_maps(ref, ref)
        assert (result.claims_covered, result.relations_agree) == (len(ref.claims), len(ref.relations))
        assert result.feedback == ()

    def test_matching_is_by_evidence_and_side_not_wording(self) -> None:
        """A claim in other words covers a reference claim if it shares evidence and side."""
        ref = reference_map()
        mine = ArgumentMap(sides=OSLO)
        ev = ref.claims["ru2"].evidence[0]
        mine.add_claim("It's really about our missiles", side="Russia", evidence=[ev])
        result = compare_maps(mine, ref)
        assert result.covered == {"ru2": ("c1",)}

    def test_wrong_side_feedback(self) -> None:
        """Same evidence on the wrong side is not covered, and the feedback asks who says it."""
        ref = reference_map()
        mine = ArgumentMap(sides=OSLO)
        mine.add_claim("x", side="US/NATO", evidence=ref.claims["ru2"].evidence)
        result = compare_maps(mine, ref)
        assert result.covered == {}
        assert "who says it?" in result.feedback[0]

    def test_relations_agree_and_conflict(self) -> None:
        """A relation drawn like the reference agrees; one with opposite polarity is flagged."""
        ref = reference_map()
        mine = ArgumentMap(sides=OSLO)
        mine.add_claim("threat", side="Russia", evidence=ref.claims["ru1"].evidence)
        mine.add_claim("real goal", side="Russia", evidence=ref.claims["ru2"].evidence)
        mine.add_claim("no threat", side="US/NATO", evidence=ref.claims["us3"].evidence)
        mine.add_relation("supports", "c2", "c1")   # agrees with r5
        mine.add_relation("supports", "c2", "c3")   # the reference says ru2 objects to us3
        result = compare_maps(mine, ref)
        assert "r5" in result.relations_agreeing
        assert ("r6", "r2") in result.relations_conflicting
        assert any("reads it the other way" in f for f in result.feedback)

    def test_reported_quote_counts_as_its_sentence(self) -> None:
        """Citing a reported quote covers a reference claim that cites the sentence reporting it."""
        catalogue = read_article().evidence
        reported = next(e for e in catalogue if e.kind == "reported" and "equal partnership" in e.text)
        mine = ArgumentMap(sides=OSLO)
        mine.add_claim("Cooperation only as equals", side="Russia", evidence=[reported.id])
        ref = reference_map()
        assert compare_maps(mine, ref).covered == {}
        assert compare_maps(mine, ref, same_as=same_evidence(catalogue)).covered == {"ru6": ("c1",)}

    @staticmethod
    def gates_map(evidence_words: str, kind: str | None = None) -> ArgumentMap:
        """A trial student's map: c2 'Russia could cooperate with the US' cites Gates's words (quote or sentence)."""
        catalogue = read_article().evidence
        mine = ArgumentMap(sides=OSLO)
        for text, side, words, kind_ in [
            ("The US wants the shield in Europe", "US/NATO", "January announced Iran North Korea", "sentence"),
            ("Russia could cooperate with the US", "US/NATO", evidence_words, kind),
            ("The shield threatens Russia", "Russia", "considers national security threat destabilizing", "sentence"),
            ("Its real goal is Russia's missiles", "Russia", "Baluyevsky real goal", None),
        ]:
            mine.add_claim(text, side=side, evidence=[find_evidence(catalogue, words, kind=kind_).id])
        mine.add_relation("supports", "c2", "c1")
        mine.add_relation("objects", "c3", "c1")
        mine.add_relation("objects", "c4", "c2")
        return mine

    def test_a_reported_quote_covers_what_it_says_not_its_whole_sentence(self) -> None:
        """Citing Gates's reported offer covers the reference's offer only, not the 'no threat' its sentence also holds."""
        catalogue = read_article().evidence
        result = compare_maps(self.gates_map("Moscow could cooperate with Washington", "reported"), reference_map(),
                              same_as=same_evidence(catalogue))
        assert [rid for rid, sids in result.covered.items() if "c2" in sids] == ["us4"]
        assert not any("your c2" in f or f.startswith("c2 supports c1") for f in result.feedback), result.feedback

    def test_the_whole_sentence_covers_both_of_its_points(self) -> None:
        """Citing the sentence that holds 'no threat' and Gates's offer covers both, and the claim is asked to split."""
        catalogue = read_article().evidence
        result = compare_maps(self.gates_map("Gates does not pose any threat", "sentence"), reference_map(),
                              same_as=same_evidence(catalogue))
        assert sorted(rid for rid, sids in result.covered.items() if "c2" in sids) == ["us3", "us4"]
        assert any(f.startswith("your c2 cites evidence that holds two points") for f in result.feedback)

    def test_the_sentence_around_a_direct_quote_covers_the_quote(self) -> None:
        """A claim citing the whole sentence of Baluyevsky's 'real goal' quote covers the claim citing the quote."""
        catalogue = read_article().evidence
        sentence = find_evidence(catalogue, "Baluyevsky real goal", kind="sentence")
        mine = ArgumentMap(sides=OSLO)
        mine.add_claim("The shield is aimed at Russia", side="Russia", evidence=[sentence.id])
        assert compare_maps(mine, reference_map(), same_as=same_evidence(catalogue)).covered == {"ru2": ("c1",)}

    def test_feedback_never_names_a_reference_id_as_the_students(self) -> None:
        """Reference claims the student has no claim for are named by their words, never by ids like ru1."""
        import re

        ref = reference_map()
        r, mine, _ids, _drawn = self.draw_alternative(ref, with_reference_ends=False)
        catalogue = read_article().evidence
        for amap in (mine, self.gates_map("Moscow could cooperate with Washington", "reported")):
            feedback = compare_maps(amap, ref, same_as=same_evidence(catalogue)).feedback
            named = {word for f in feedback for word in re.findall(r"\b[a-z]+\d+\b", f)}
            assert named <= set(amap.claims), (named, feedback)
        (line,) = [f for f in compare_maps(mine, ref).feedback if "defensible" in f]
        assert ref.claims[r.target].text[:30] in line and "your map does not have yet" in line

    def test_a_conflicting_link_is_not_also_asked_to_be_added(self) -> None:
        """A link drawn with the other polarity gets 'reads it the other way', not also 'add that relation'."""
        ref = reference_map()
        mine = ArgumentMap(sides=OSLO)
        mine.add_claim("real goal", side="Russia", evidence=ref.claims["ru2"].evidence)
        mine.add_claim("no threat", side="US/NATO", evidence=ref.claims["us3"].evidence)
        mine.add_relation("supports", "c1", "c2")   # the reference: ru2 objects to us3
        feedback = compare_maps(mine, ref).feedback
        assert any("reads it the other way" in f for f in feedback)
        assert not any("add that relation" in f and "c1" in f and "c2" in f for f in feedback), feedback

    def test_reference_evidence_is_all_in_the_catalogue(self) -> None:
        """The reference cites only quotes and sentences the article's catalogue offers to students."""
        ids = [e.id for e in read_article().evidence]
        assert len(ids) == len(set(ids))
        assert reference_map().problems(known_evidence=ids) == []

    @staticmethod
    def claim_for(ref: ArgumentMap, mine: ArgumentMap, rid: str) -> str:
        """Add a student claim covering reference claim ``rid`` (same side, same evidence); return its id."""
        c = ref.claims[rid]
        return mine.add_claim(f"my words for {rid}", side=c.side, evidence=c.evidence[:1]).id

    @classmethod
    def draw_alternative(cls, ref: ArgumentMap, with_reference_ends: bool):
        """A student map drawing the first listed alternative of a debatable single-premise link of the reference.

        With ``with_reference_ends`` the map also has claims for the reference link's own ends.
        Returns the reference relation, the map, its claim ids by reference id, and the drawn relation.
        """
        r = next(r for r in ref.relations.values() if r.debatable and not r.is_linked
                 and r.alternatives[0].premises == r.premises)
        alt = r.alternatives[0]
        mine = ArgumentMap(sides=ref.sides)
        wanted = {*alt.premises, alt.target} | ({*r.premises, r.target} if with_reference_ends else set())
        ids = {rid: cls.claim_for(ref, mine, rid) for rid in wanted}
        drawn = mine.add_relation(alt.type, [ids[p] for p in alt.premises], ids[alt.target])
        return r, mine, ids, drawn

    def test_an_alternative_reading_is_defensible(self) -> None:
        """Drawing a listed alternative of a debatable relation gets 'a defensible reading' with the reason, not a correction."""
        ref = reference_map()
        r, mine, ids, drawn = self.draw_alternative(ref, with_reference_ends=True)
        result = compare_maps(mine, ref)
        assert (r.id, drawn.id) in result.relations_defensible
        assert r.id not in result.relations_agreeing and not result.relations_conflicting
        (line,) = [f for f in result.feedback if "defensible" in f]
        assert line.startswith(f"{drawn.describe()}: a defensible reading. The reference draws ")
        assert r.debatable in line
        assert "drawn another defensible way" in result.summary() and result.to_row()["relations_defensible"] == 1
        theirs = Relation("", r.type, tuple(ids[p] for p in r.premises), ids[r.target]).describe()
        assert not any("do you agree?" in f and f"({theirs})" in f for f in result.feedback)

    def test_a_contradiction_drawn_from_the_other_side_is_defensible(self) -> None:
        """'Threat' objecting to 'no threat' (the reverse of the reference's rebuttal) is not told to check the arrow."""
        ref = reference_map()
        rebuttal = next(r for r in ref.relations.values() if any(
            a.premises == (r.target,) and a.target in r.premises for a in r.alternatives))
        mine = ArgumentMap(sides=ref.sides)
        premise, target = self.claim_for(ref, mine, rebuttal.premises[0]), self.claim_for(ref, mine, rebuttal.target)
        mine.add_relation("objects", target, premise)
        result = compare_maps(mine, ref)
        assert [rid for rid, _ in result.relations_defensible] == [rebuttal.id]
        assert not any("check the arrow" in f for f in result.feedback)

    def test_a_reading_the_reference_does_not_list_is_still_questioned(self) -> None:
        """A relation that is not debatable, drawn with the other polarity, still gets 'reads it the other way'."""
        ref = reference_map()
        r = next(r for r in ref.relations.values() if not r.debatable and not r.is_linked)
        mine = ArgumentMap(sides=ref.sides)
        premise, target = self.claim_for(ref, mine, r.premises[0]), self.claim_for(ref, mine, r.target)
        mine.add_relation("objects" if r.type == "supports" else "supports", premise, target)
        result = compare_maps(mine, ref)
        assert result.relations_defensible == () and any("reads it the other way" in f for f in result.feedback)

    def test_one_claim_holding_two_linked_reference_claims_is_asked_to_split(self) -> None:
        """A claim citing the sentence that holds two linked reference points is asked to split it (no 'c1 supports c1')."""
        ref = reference_map()
        mine = ArgumentMap(sides=ref.sides)
        mine.add_claim("Russia sees a threat", side="Russia", evidence=["s-4d08917381"])
        result = compare_maps(mine, ref)
        assert any("holds two points the reference keeps apart" in f for f in result.feedback)
        assert not any("c1 supports c1" in f for f in result.feedback)

    def test_missing_claims_get_hints(self) -> None:
        """Each missing reference claim yields its hand-written hint."""
        result = compare_maps(ArgumentMap(sides=OSLO), reference_map())
        assert len(result.missing) == len(reference_map().claims)
        assert any("Baluyevsky" in f for f in result.feedback)
        assert result.to_row()["claims_covered"] == 0


# -- drawing ---------------------------------------------------------------------------


class TestDrawing:
    def test_layout_is_deterministic(self) -> None:
        """The same map, rebuilt or reloaded from JSON, gets exactly the same boxes."""
        from casestudy.plots.argmap import layout

        ref = reference_map()
        again = ArgumentMap.from_json(ref.to_json())
        assert layout(ref) == layout(again) == layout(reference_map())

    def test_picture_is_deterministic(self) -> None:
        """Drawing the same map twice gives identical PNG bytes."""
        from casestudy.plots.argmap import draw_map
        from casestudy.plots.figures import figure_png

        assert figure_png(draw_map(small_map())) == figure_png(draw_map(small_map()))

    def test_layout_columns_and_rows(self) -> None:
        """US/NATO claims are left of Russia's; contentions on top; objections below what they attack."""
        from casestudy.plots.argmap import layout

        boxes = layout(reference_map()).boxes
        assert max(b.x for b in boxes.values() if b.side == "US/NATO") < \
            min(b.x for b in boxes.values() if b.side == "Russia")
        assert boxes["us1"].row == boxes["ru1"].row == 0
        assert boxes["ru5"].row > boxes["us4"].row
        for a in boxes.values():  # no two boxes overlap
            for b in boxes.values():
                if a.id < b.id:
                    assert abs(a.x - b.x) >= a.width or abs(a.y - b.y) >= (a.height + b.height) / 2

    def test_relation_types_differ_without_colour(self) -> None:
        """Each relation type has its own line style, and the legend names them all."""
        from casestudy.plots.argmap import RELATION_STYLES, draw_map

        assert len({s["linestyle"] for s in RELATION_STYLES.values()}) == 3
        fig = draw_map(reference_map())
        labels = [t.get_text() for t in fig.axes[0].texts]
        assert any(label.startswith("supports") for label in labels)
        assert any(label.startswith("objects to") for label in labels)
        assert any(label.startswith("rebuts") for label in labels)
        assert "Russia claim" in labels and "US/NATO claim" in labels

    @pytest.mark.parametrize("text", ["Costs $5 and $6 (a_b^c)", "x" * 500, "<b>bold?</b>"])
    def test_awkward_text_draws_as_written(self, text: str) -> None:
        """Dollar signs, huge words and markup are drawn literally (no mathtext), long text cut."""
        from casestudy.plots.argmap import draw_map, wrap_label
        from casestudy.plots.figures import figure_png

        m = ArgumentMap(sides=OSLO)
        m.add_claim(text, side="neither")
        figure_png(draw_map(m))
        assert len(wrap_label(text)) <= 7

    def test_empty_map_draws(self) -> None:
        """An empty map draws a figure that says so."""
        from casestudy.plots.argmap import draw_map

        texts = [t.get_text() for t in draw_map(ArgumentMap(sides=OSLO)).axes[0].texts]
        assert any("empty" in t for t in texts)


# -- the widget, driven without a browser ------------------------------------------------


@pytest.fixture
def editor(tmp_path: Path, monkeypatch):
    """An editor on a fresh map, saving in a temporary working folder."""
    from casestudy.widgets.argmap import ArgumentMapEditor

    monkeypatch.chdir(tmp_path)
    return ArgumentMapEditor(evidence=read_article().evidence, draw=False)


def add(editor, text: str, side: str) -> None:
    editor.new_text.value = text
    editor.new_side.value = side
    editor.on_add()


class TestWidget:
    def test_add_edit_delete_undo(self, editor) -> None:
        """Buttons add, edit and delete claims; undo takes each change back."""
        add(editor, "The shield is needed", "US/NATO")
        add(editor, "It threatens Russia", "Russia")
        assert [c.side for c in editor.map.claims.values()] == ["US/NATO", "Russia"]
        assert editor.new_text.value == "" and editor.selected.value == "c2"
        editor.edit_text.value = "It threatens Russia and Europe"
        editor.on_edit()
        assert editor.map.claims["c2"].text == "It threatens Russia and Europe"
        editor.on_delete()
        assert list(editor.map.claims) == ["c1"]
        editor.on_undo()
        editor.on_undo()
        assert editor.map.claims["c2"].text == "It threatens Russia"
        assert editor.last_error is None

    def test_the_table_shows_evidence_words_notes_and_unlinked_claims(self, editor) -> None:
        """Cited words come from the article even for a map built in code; a note shows; a lone claim says it is unlinked."""
        from casestudy.widgets.argmap import ArgumentMapEditor

        catalogue = read_article().evidence
        quote = find_evidence(catalogue, "Baluyevsky real goal")
        amap = ArgumentMap(sides=OSLO)
        amap.add_claim("Its real aim is Russia's missiles", side="Russia", evidence=[quote.id], note="check the date")
        amap.add_claim("The shield threatens Russia", side="Russia")
        shown = ArgumentMapEditor(amap, evidence=catalogue, draw=False)
        assert shown.map.evidence_texts[quote.id] == quote.describe()
        view = shown.claims_view.value
        assert "Yury Baluyevsky: The real goal" in view and "<i>check the date</i>" in view
        assert view.count("contention (not linked yet)") == 2
        shown.premises.value = ("c1",)
        shown.relation_type.value = "supports"
        shown.target.value = "c2"
        shown.on_link()
        assert "not linked yet" not in shown.claims_view.value

    def test_link_and_co_premises(self, editor) -> None:
        """Choosing several premises makes one co-premise relation."""
        add(editor, "Offer is real cooperation", "US/NATO")
        add(editor, "Cooperation must start with a joint assessment", "Russia")
        add(editor, "The offer has no joint assessment", "Russia")
        editor.premises.value = ("c2", "c3")
        editor.relation_type.value = "objects"
        editor.target.value = "c1"
        editor.on_link()
        (relation,) = editor.map.relations.values()
        assert relation.premises == ("c2", "c3") and relation.type == "objects"
        assert "together object to c1" in editor.status.value

    def test_a_link_that_closes_a_circle_gets_a_hint(self, editor) -> None:
        """Closing a circle of support is allowed (the map stays editable) but the status line names the circle."""
        add(editor, "A", "US/NATO")
        add(editor, "B", "US/NATO")
        for premise, target in (("c1", "c2"), ("c2", "c1")):
            editor.premises.value = (premise,)
            editor.relation_type.value = "supports"
            editor.target.value = target
            editor.on_link()
        assert editor.last_error is None
        assert "Hint: c1, c2 go round in a circle" in editor.status.value
        assert "circular reasoning" in editor.status.value

    def test_evidence_picked_from_attributed_quotes(self, editor) -> None:
        """The evidence list shows speaker and words; attaching cites the quote's stable id."""
        add(editor, "The real aim is Russia's missiles", "Russia")
        editor.evidence_filter.value = "Baluyevsky real goal"
        label, quote = editor.evidence_choice.options[0]
        assert label.startswith("Yury Baluyevsky (direct): The real goal")
        editor.evidence_choice.value = quote
        editor.on_attach()
        assert editor.map.claims["c1"].evidence == (quote,)
        assert "Baluyevsky" in editor.claims_view.value
        editor.cited.value = quote
        editor.on_detach()
        assert editor.map.claims["c1"].evidence == ()

    @pytest.mark.parametrize("action, message", [
        (lambda e: e.on_add(), "a claim needs some text"),
        (lambda e: e.on_delete(), "select a claim first"),
        (lambda e: e.on_undo(), "nothing to undo"),
        (lambda e: e.on_link(), "choose one premise"),
        (lambda e: e.on_load(), "does not exist"),
    ])
    def test_errors_show_in_the_status_line(self, editor, action, message) -> None:
        """A mistake is shown as one line in the widget, never raised into the log."""
        action(editor)
        assert message in editor.status.value and message in editor.last_error

    def test_self_link_is_refused_in_the_widget(self, editor) -> None:
        """Linking a claim to itself shows an error and adds nothing."""
        add(editor, "A", "US/NATO")
        add(editor, "B", "Russia")
        editor.premises.value = ("c1",)
        editor.target.value = "c1"
        editor.on_link()
        assert "cannot support itself" in editor.status.value
        assert editor.map.relations == {}

    def test_html_is_escaped_everywhere(self, editor) -> None:
        """A <script> in a claim, a title or a file name shows as text, never as markup."""
        add(editor, '<script>alert("x")</script>', "Russia")
        editor.title.value = "<img src=x onerror=alert(1)>"
        editor.path.value = '"><script>x</script>.json'
        editor.on_save()
        for html_text in (editor.claims_view.value, editor.status.value, editor.download.value):
            assert "<script>" not in html_text and "<img" not in html_text
        assert "&lt;script&gt;" in editor.claims_view.value

    def test_save_load_and_download(self, editor, tmp_path: Path) -> None:
        """Save writes the working-folder file; load restores it (undo returns); the link holds the file."""
        import base64

        add(editor, "Saved claim", "US/NATO")
        editor.on_save()
        assert (tmp_path / "my_argument_map.json").exists()
        link = editor.download.value
        payload = link.split("base64,", 1)[1].split('"', 1)[0]
        assert json.loads(base64.b64decode(payload))["claims"][0]["text"] == "Saved claim"
        add(editor, "Unsaved claim", "Russia")
        editor.on_load()
        assert list(editor.map.claims) == ["c1"]
        editor.on_undo()
        assert list(editor.map.claims) == ["c1", "c2"]

    def test_evidence_filter_searches_the_whole_text(self, editor) -> None:
        """A word late in a long sentence finds it, though the list shows the sentence shortened."""
        editor.evidence_filter.value = "January Iran"
        labels = [label for label, _ in editor.evidence_choice.options]
        assert len(labels) == 1 and labels[0].startswith("sentence: In January") and "Iran" not in labels[0]

    def test_a_saved_map_is_announced_after_a_restart(self, editor) -> None:
        """A new editor (a restarted kernel) on a file saved earlier says to press Load, before any Save."""
        from casestudy.widgets.argmap import ArgumentMapEditor

        add(editor, "Saved claim", "US/NATO")
        editor.on_save()
        again = ArgumentMapEditor(evidence=[], draw=False)
        assert "already holds a map you saved" in again.status.value and "Load" in again.status.value
        assert again.map.claims == {}

    def test_save_asks_before_replacing_a_map_saved_before_a_restart(self, editor, tmp_path: Path) -> None:
        """A new editor's first Save on an earlier map only asks; a second press saves, with a .bak."""
        from casestudy.widgets.argmap import ArgumentMapEditor

        add(editor, "Saved claim", "US/NATO")
        editor.on_save()
        saved = (tmp_path / "my_argument_map.json").read_text(encoding="utf-8")
        again = ArgumentMapEditor(evidence=[], draw=False)
        add(again, "New claim after the restart", "Russia")
        again.on_save()
        assert "have not loaded here" in again.status.value and "press Save again" in again.status.value
        assert (tmp_path / "my_argument_map.json").read_text(encoding="utf-8") == saved
        again.on_save()
        assert "saved 1 claim" in again.status.value
        assert (tmp_path / "my_argument_map.json.bak").read_text(encoding="utf-8") == saved
        add(again, "One more", "Russia")
        again.on_save()  # its own file now: saves at once
        assert "saved 2 claims" in again.status.value

    def test_a_corrupt_map_is_recovered_from_its_backup_as_the_message_says(self, editor, tmp_path: Path) -> None:
        """Corrupt file, Load names the .bak; Load the .bak, Save under the old name (asks once): nothing is lost."""
        from casestudy.widgets.argmap import ArgumentMapEditor

        path = tmp_path / "my_argument_map.json"
        add(editor, "First claim", "US/NATO")
        editor.on_save()
        add(editor, "Second claim", "Russia")
        editor.on_save()
        with path.open("a", encoding="utf-8") as handle:
            handle.write("}{ a stray edit")
        corrupt = path.read_bytes()
        good = backup_path(path).read_bytes()
        student = ArgumentMapEditor(evidence=[], draw=False)  # after a restart
        student.on_load()
        assert "load the previous version from my_argument_map.json.bak and save it under the old name" in (
            student.status.value)
        student.path.value = "my_argument_map.json.bak"
        student.on_load()
        assert list(student.map.claims) == ["c1"]
        student.path.value = "my_argument_map.json"
        student.on_save()
        assert "cannot be read as a map" in student.status.value and "press Save again" in student.status.value.replace(
            "Press", "press")
        assert path.read_bytes() == corrupt  # the first press only asks
        student.on_save()
        assert "kept as my_argument_map.json.unreadable" in student.status.value
        assert (tmp_path / "my_argument_map.json.unreadable").read_bytes() == corrupt
        assert backup_path(path).read_bytes() == good
        assert load_map(path) == load_map(backup_path(path))
        add(student, "Back at work", "Russia")
        student.on_save()  # an ordinary save again: the last good version becomes the .bak
        assert "saved 2 claims" in student.status.value and list(load_map(backup_path(path)).claims) == ["c1"]

    def test_another_action_between_the_two_presses_asks_again(self, editor, tmp_path: Path) -> None:
        """The second press only counts straight after the question: an Add in between cancels it."""
        from casestudy.widgets.argmap import ArgumentMapEditor

        add(editor, "Saved claim", "US/NATO")
        editor.on_save()
        again = ArgumentMapEditor(evidence=[], draw=False)
        add(again, "A", "Russia")
        again.on_save()
        add(again, "B", "Russia")
        again.on_save()
        assert "press Save again" in again.status.value
        assert json.loads((tmp_path / "my_argument_map.json").read_text(encoding="utf-8"))["claims"][0]["text"] == (
            "Saved claim")

    def test_undo_of_a_load_then_save_asks_before_emptying_the_file(self, editor, tmp_path: Path) -> None:
        """Load, Undo, Save: the empty map does not replace the saved claims without a second press."""
        from casestudy.widgets.argmap import ArgumentMapEditor

        add(editor, "Saved claim", "US/NATO")
        editor.on_save()
        again = ArgumentMapEditor(evidence=[], draw=False)
        again.on_load()
        again.on_undo()
        assert "back as it was before Load" in again.status.value and "file is unchanged" in again.status.value
        again.on_save()
        assert "your map is empty" in again.status.value and "1 claim" in again.status.value
        assert len(json.loads((tmp_path / "my_argument_map.json").read_text(encoding="utf-8"))["claims"]) == 1

    def test_a_new_link_is_shown_as_the_existing_link(self, editor) -> None:
        """After Link, the 'Existing link' menu shows the new link (not an empty menu)."""
        add(editor, "A", "US/NATO")
        add(editor, "B", "Russia")
        editor.premises.value = ("c2",)
        editor.relation_type.value = "objects"
        editor.target.value = "c1"
        editor.on_link()
        assert editor.relation_choice.value == "r1"
        editor.on_unlink()
        assert editor.map.relations == {} and editor.relation_choice.value is None

    def test_keyboard_focus_and_side_label_styles_are_shipped(self, editor) -> None:
        """The editor carries its own style: a visible focus outline, the 'Side' label beside its buttons."""
        from casestudy.widgets.argmap import WIDGET_CSS

        assert "casestudy-widget" in editor.widget._dom_classes
        assert editor.widget.children[0].value == WIDGET_CSS
        assert "focus-visible" in WIDGET_CSS and "widget-toggle-buttons" in WIDGET_CSS

    def test_compare_can_be_left_out(self) -> None:
        """For another article's map, compare=False leaves out the Oslo comparison section."""
        from casestudy.widgets.argmap import ArgumentMapEditor

        shown = ArgumentMapEditor(evidence=[], draw=False, path="")
        hidden = ArgumentMapEditor(evidence=[], draw=False, path="", compare=False)
        assert len(hidden.widget.children) == len(shown.widget.children) - 1
        assert all(hidden.compare_button not in box.children for box in hidden.widget.children
                   if hasattr(box, "children"))

    def test_compare_button(self, editor) -> None:
        """The compare button shows the summary and escaped feedback."""
        add(editor, "<i>no evidence</i>", "Russia")
        editor.on_compare()
        assert f"covers 0 of {len(reference_map().claims)} reference claims" in editor.feedback.value
        assert "<i>no evidence" not in editor.feedback.value
        assert "c1 has no evidence" in editor.feedback.value

    def test_never_saves_inside_the_package(self, editor) -> None:
        """A path inside the installed package is refused."""
        import casestudy

        add(editor, "A", "US/NATO")
        editor.path.value = str(Path(casestudy.__file__).parent / "map.json")
        editor.on_save()
        assert "inside the installed casestudy package" in editor.status.value

    def test_live_drawing(self, tmp_path: Path, monkeypatch) -> None:
        """With drawing on, each change redraws the SVG picture in the Image widget."""
        from casestudy.widgets.argmap import ArgumentMapEditor

        monkeypatch.chdir(tmp_path)
        e = ArgumentMapEditor(evidence=[])
        empty = e.picture.value
        add(e, "Something", "US/NATO")
        assert e.picture.format == "svg+xml" and b"<svg" in bytes(e.picture.value) and e.picture.value != empty


# -- the command line ---------------------------------------------------------------------


def cli(*args: str) -> int:
    from casestudy.cli import main

    return main(list(args))


class TestCli:
    def test_validate_file(self, tmp_path: Path, capsys) -> None:
        """argmap FILE validates and summarises a saved map."""
        path = save_map(small_map(), tmp_path / "m.json")
        assert cli("argmap", str(path)) == 0
        assert "a valid map with 3 claims" in capsys.readouterr().out

    @pytest.mark.parametrize("to, check", [
        ("argdown", lambda out: out.startswith("===\ntitle:")),
        ("aif", lambda out: {"nodes", "edges"} <= set(json.loads(out))),
    ])
    def test_reference_exports(self, to, check, capsys) -> None:
        """argmap --reference --to argdown|aif prints the export."""
        assert cli("argmap", "--reference", "--to", to) == 0
        assert check(capsys.readouterr().out)

    def test_png_export(self, tmp_path: Path) -> None:
        """--to png writes a PNG file."""
        out = tmp_path / "map.png"
        assert cli("argmap", "--reference", "--to", "png", "--out", str(out)) == 0
        assert out.read_bytes()[:4] == b"\x89PNG"

    @pytest.mark.parametrize("args, message", [
        (["argmap"], "give one map FILE or --reference"),
        (["argmap", "missing.json"], "does not exist"),
        (["argmap", "compare"], "exactly one folder"),
        (["argmap", "compare", "nowhere"], "is not a folder"),
        (["argmap", "--reference", "--csv"], "--csv goes with"),
    ])
    def test_usage_errors_are_one_line(self, tmp_path: Path, monkeypatch, capsys, args, message) -> None:
        """Mistakes give one line on standard error and exit status 2."""
        monkeypatch.chdir(tmp_path)
        assert cli(*args) == 2
        err = capsys.readouterr().err
        assert message in err and err.count("\n") == 1

    def test_invalid_file_is_one_line(self, tmp_path: Path, capsys) -> None:
        """An invalid single file exits 2 with one line, and the file is untouched."""
        bad = tmp_path / "bad.json"
        bad.write_text('{"format": "casestudy-argmap", "version": 7}', encoding="utf-8")
        assert cli("argmap", str(bad), "--to", "argdown") == 2
        assert "newer casestudy" in capsys.readouterr().err
        assert bad.read_text(encoding="utf-8") == '{"format": "casestudy-argmap", "version": 7}'

    @pytest.mark.parametrize("args, out, message", [
        (["--to", "argdown"], "article.txt", "does not end in .argdown or .ad"),      # trial F2: replaced an article
        (["--to", "png"], "m2.json", "does not end in .png"),                          # a PNG under a .json name
        (["--to", "svg"], "picture.png", "does not end in .svg"),
        (["--to", "aif"], "student.json", "is not AIF JSON this command wrote"),        # a student's map
        (["--to", "argdown"], "notes.argdown", "is not Argdown text this command wrote"),
        (["compare", "maps", "--csv"], "student.json", "does not end in .csv"),          # a map replaced by CSV
        (["compare", "maps", "--csv"], "grades.csv", "is not a CSV table of marks"),
        (["compare", "maps"], "article.txt", "is not a comparison report"),
    ])
    def test_out_refuses_a_wrong_ending_or_a_file_of_another_kind(self, tmp_path: Path, monkeypatch, capsys,
                                                                    args, out, message) -> None:
        """--out never writes under another format's name, and never replaces a file this command did not write."""
        monkeypatch.chdir(tmp_path)
        (tmp_path / "maps").mkdir()
        save_map(small_map(), tmp_path / "maps" / "m.json")
        save_map(small_map(), tmp_path / "student.json")
        for name, content in [("article.txt", "OSLO, April 26 (RIA Novosti) - ..."), ("notes.argdown", "[a]: mine"),
                              ("grades.csv", "name,grade\nAda,A\n"), ("picture.png", "x")]:
            (tmp_path / name).write_text(content, encoding="utf-8")
        before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
        command = args if args[0] == "compare" else ["maps/m.json", *args]
        assert cli("argmap", *command, "--out", out) == 2
        err = capsys.readouterr().err
        assert message in err and "nothing was written" in err and err.count("\n") == 1
        assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before

    @pytest.mark.parametrize("args, out", [
        (["--to", "argdown"], "map.argdown"), (["--to", "aif"], "map.aif.json"), (["--to", "png"], "map.png"),
        (["--to", "svg"], "map.svg"), (["compare", "maps", "--csv"], "marks.csv"), (["compare", "maps"], "marks.txt"),
    ])
    def test_out_replaces_its_own_kind_and_keeps_a_backup(self, tmp_path: Path, monkeypatch, capsys, args, out) -> None:
        """Writing the same export twice replaces it through the safe writer, keeping the first as .bak."""
        monkeypatch.chdir(tmp_path)
        (tmp_path / "maps").mkdir()
        save_map(small_map(), tmp_path / "maps" / "m.json")
        command = args if args[0] == "compare" else ["maps/m.json", *args]
        assert cli("argmap", *command, "--out", out) == 0
        first = (tmp_path / out).read_bytes()
        save_map(reference_map(), tmp_path / "maps" / "m.json")
        assert cli("argmap", *command, "--out", out) == 0
        assert f"the previous file is kept as {out}.bak" in "".join(capsys.readouterr())
        assert (tmp_path / f"{out}.bak").read_bytes() == first != (tmp_path / out).read_bytes()
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]

    def test_a_drawing_without_out_goes_through_the_same_checks(self, tmp_path: Path, monkeypatch, capsys) -> None:
        """The default NAME.png is refused when a file of another kind has that name."""
        monkeypatch.chdir(tmp_path)
        save_map(small_map(), tmp_path / "m.json")
        (tmp_path / "m.png").write_text("my notes", encoding="utf-8")
        assert cli("argmap", "m.json", "--to", "png") == 2
        assert "is not a PNG picture" in capsys.readouterr().err
        assert (tmp_path / "m.png").read_text(encoding="utf-8") == "my notes"

    def test_summary_counts_read_as_english(self, tmp_path: Path, capsys) -> None:
        """'1 claim and 0 relations', never '1 claims and 0 relation(s)'."""
        m = ArgumentMap(sides=OSLO)
        m.add_claim("Only one", side="Russia")
        assert cli("argmap", str(save_map(m, tmp_path / "one.json"))) == 0
        assert "a valid map with 1 claim and 0 relations;" in capsys.readouterr().out

    def test_help_names_the_environments_python(self, capsys) -> None:
        """argmap --help writes .venv/bin/python, never a bare 'python -m' (the system's Python lacks the package)."""
        import re

        with pytest.raises(SystemExit):
            cli("argmap", "--help")
        text = capsys.readouterr().out
        assert ".venv/bin/python -m casestudy argmap" in text
        assert not re.search(r"(?<![\w/\\.])python3? -m casestudy", text)

    def test_compare_folder_csv(self, tmp_path: Path, capsys) -> None:
        """compare DIR --csv: one row per file; an invalid file gets a row saying what is wrong."""
        import csv
        import io

        save_map(reference_map(), tmp_path / "perfect.json")
        save_map(small_map(), tmp_path / "small.json")
        (tmp_path / "broken.json").write_text("{oops", encoding="utf-8")
        (tmp_path / "perfect.json.bak").write_text("ignored", encoding="utf-8")
        assert cli("argmap", "compare", str(tmp_path), "--csv") == 0
        rows = {r["file"]: r for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
        assert sorted(rows) == ["broken.json", "perfect.json", "small.json"]
        ref = reference_map()
        assert rows["perfect.json"]["claims_covered"] == str(len(ref.claims))
        assert rows["perfect.json"]["relations_agreeing"] == str(len(ref.relations))
        assert rows["perfect.json"]["relations_defensible"] == "0"
        assert rows["broken.json"]["status"] == "invalid" and "not valid JSON" in rows["broken.json"]["problem"]
        assert rows["small.json"]["status"] == "ok"


# -- the notebook's self-checks -----------------------------------------------------------


class TestExercises:
    def test_placeholders_only_remind(self) -> None:
        """Unanswered exercises (the ... placeholder, or an empty map) get a reminder, not a verdict."""
        from casestudy.exercises import argmap as ex

        for check in (ex.check_role(...), ex.check_real_goal(ArgumentMap(sides=OSLO)), ex.check_co_premises(ArgumentMap(sides=OSLO)),
                      ex.check_rebuttal_type(...), ex.check_aif_counts(..., ...)):
            assert not check and "Replace the ..." in repr(check)

    @staticmethod
    def lavrov_map(kind: str = "objects", target: str = "offer", evidence: bool = True) -> ArgumentMap:
        """Exercise 3's map: Lavrov's two conditions as co-premises on the US offer (or on Moscow's refusal)."""
        ev = read_article().evidence

        def cite(words: str, kind: str | None = None) -> list[str]:
            return [find_evidence(ev, words, kind=kind).id] if evidence else []

        m = ArgumentMap(sides=OSLO)
        offered = m.add_claim("Offered", side="US/NATO", evidence=cite("Rice offered"))
        refusal = m.add_claim("No interest", side="Russia", evidence=cite("Lavrov no interest", "reported"))
        start = m.add_claim("Start together", side="Russia", evidence=cite("Lavrov equal partnership", "reported"))
        lacks = m.add_claim("It lacks that", side="Russia", evidence=cite("Lavrov lacks", "reported"))
        m.add_relation(kind, [start.id, lacks.id], offered.id if target == "offer" else refusal.id)
        return m

    def test_solutions_pass(self) -> None:
        """The solutions shown in notebook 04 pass their checks."""
        from casestudy.exercises import argmap as ex

        evidence = read_article().evidence
        goal = ArgumentMap(sides=OSLO)
        goal.add_claim("Aimed at our missiles", side="Russia",
                       evidence=[find_evidence(evidence, "Baluyevsky real goal").id])
        nodes = to_aif(reference_map())["nodes"]
        assert ex.check_role("rebuttal")
        assert ex.check_real_goal(goal)
        assert ex.check_co_premises(self.lavrov_map())
        assert ex.check_rebuttal_type("rebuts")
        assert ex.check_aif_counts(sum(n["type"] == "RA" for n in nodes), sum(n["type"] == "CA" for n in nodes))

    def test_wrong_answers_get_hints(self) -> None:
        """Typical mistakes get a specific hint."""
        from casestudy.exercises import argmap as ex

        assert "attacks an objection" in repr(ex.check_role("objection"))
        wrong_side = ArgumentMap(sides=OSLO)
        wrong_side.add_claim("x", side="US/NATO", evidence=[find_evidence(read_article().evidence, "real goal").id])
        assert "wrong side" in repr(ex.check_real_goal(wrong_side))

    def test_co_premises_without_evidence_are_told_so_not_the_arrow(self) -> None:
        """Exercise 3: right co-premises with no evidence hear about evidence, not about the arrow (issue 12)."""
        from casestudy.exercises import argmap as ex

        check = ex.check_co_premises(self.lavrov_map(evidence=False))
        assert not check and "no evidence yet" in repr(check) and "arrow" not in repr(check)

    def test_co_premises_for_the_refusal_are_a_defensible_reading(self) -> None:
        """Exercise 3: the conditions as reasons for Moscow's refusal pass, with the reference's reason."""
        from casestudy.exercises import argmap as ex

        check = ex.check_co_premises(self.lavrov_map(kind="supports", target="refusal"))
        assert check and "A defensible reading" in repr(check) and "refusal" in repr(check)

    @pytest.mark.parametrize("kind, target, words", [
        ("supports", "offer", "speak for that claim or against it"),
        ("objects", "refusal", "speak for that claim or against it"),
    ])
    def test_co_premises_with_the_wrong_kind_of_arrow(self, kind, target, words) -> None:
        """Exercise 3: the right claims with the wrong kind of link are asked about the link's kind."""
        from casestudy.exercises import argmap as ex

        check = ex.check_co_premises(self.lavrov_map(kind=kind, target=target))
        assert not check and words in repr(check)

    @pytest.mark.parametrize("answer, ok, words", [
        ("rebuts", True, "Right: 'rebuts'"),
        (" Rebut ", True, "Right: 'rebuts'"),
        ("objects", True, "A defensible answer"),
        ("objects to", True, "A defensible answer"),
        ("supports", False, "more believable, or answer it?"),
        ("rebuttal", False, "names a role"),
        ("objection", False, "names a role"),
        ("disagrees", False, "one of the three relation types"),
    ])
    def test_rebuttal_type_accepts_the_defensible_answers(self, answer, ok, words) -> None:
        """Exercise 4: 'rebuts' and 'objects' are accepted (with the montage noted); roles and others are not."""
        from casestudy.exercises import argmap as ex

        check = ex.check_rebuttal_type(answer)
        assert bool(check) is ok and words in repr(check)
        if ok:
            assert "Tuesday" in repr(check) and "Thursday" in repr(check)

    @pytest.mark.parametrize("answer, words", [
        ("rebuts", "names a kind of link"),
        ("objection", "it attacks an objection"),
        ("reason", "Follow the arrow that leaves c4"),
        ("contention", "Follow the arrow that leaves c4"),
    ])
    def test_role_hints_say_what_is_wrong(self, answer, words) -> None:
        """Exercise 1: a relation type given for a role is told so; other wrong roles are sent along the arrow."""
        from casestudy.exercises import argmap as ex

        check = ex.check_role(answer)
        assert not check and words in repr(check)
        assert ex.check_role(" 'Rebuttal' ")

    def test_aif_counts_as_text_are_told_to_be_numbers(self) -> None:
        """Exercise 5: counts given as text get a hint about numbers; swapped counts are called swapped."""
        from casestudy.exercises import argmap as ex

        nodes = to_aif(reference_map())["nodes"]
        ra, ca = sum(n["type"] == "RA" for n in nodes), sum(n["type"] == "CA" for n in nodes)
        assert "as numbers" in repr(ex.check_aif_counts(str(ra), str(ca)))
        assert "swapped" in repr(ex.check_aif_counts(ca, ra))
        assert ex.check_aif_counts(ra, ca)
