"""Specification of casestudy.sentiment.ratings: safe saving, refusing malformed files, agreement with VADER."""

from __future__ import annotations

import json

import pytest

from casestudy.errors import InputError
from casestudy.storage import backup_path
from casestudy.sentiment.ratings import (
    FORMAT, Rating, agreement, differences, load_ratings, load_revealed, ratings_to_json, save_ratings,
)

RATINGS = {"s-1": Rating("s-1", "It is good.", 2), "s-2": Rating("s-2", 'He said "no" & left.', -1)}


def test_round_trip(tmp_path):
    """Saved ratings load back unchanged."""
    path = save_ratings(tmp_path / "r.json", RATINGS)
    assert load_ratings(path) == RATINGS


def test_revealed_items_round_trip(tmp_path):
    """The ids of items whose VADER score was revealed are saved and read back; older files have none."""
    path = save_ratings(tmp_path / "r.json", RATINGS, revealed=["s-2"])
    assert load_revealed(path) == {"s-2"} and load_ratings(path) == RATINGS
    assert "revealed" not in ratings_to_json(RATINGS)
    assert load_revealed(save_ratings(tmp_path / "old.json", RATINGS)) == set()


def test_missing_file_is_empty(tmp_path):
    """A file that does not exist yet means no ratings, not an error."""
    assert load_ratings(tmp_path / "none.json") == {}


def test_second_save_keeps_one_backup(tmp_path):
    """Saving again keeps the previous version as .bak and leaves no temporary files."""
    path = tmp_path / "r.json"
    save_ratings(path, {"s-1": RATINGS["s-1"]})
    save_ratings(path, RATINGS)
    save_ratings(path, RATINGS)
    assert load_ratings(backup_path(path)) == RATINGS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json", "r.json.bak"]


BAD_FILES = [
    ("{not json", "not valid JSON"),
    ("[1, 2]", "not a ratings file"),
    ('{"ratings": {"s-1": {"text": "x", "rating": 5}}}', "not one of"),
    ('{"ratings": {"s-1": {"rating": 1}}}', "needs a 'text'"),
    ('{"format": "something-else", "ratings": {}}', "format"),
    ('{"ratings": {"s-1": {"text": "x", "rating": true}}}', "not one of"),
    ('{"ratings": {}, "revealed": "s-1"}', "'revealed' must be a list"),
]


@pytest.mark.parametrize("content, message", BAD_FILES)
def test_malformed_file_is_refused_and_kept(tmp_path, content, message):
    """A malformed file gives a one-line error naming the problem, and saving never overwrites it."""
    path = tmp_path / "r.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        load_ratings(path)
    assert "\n" not in str(info.value) and "unchanged" in str(info.value)
    with pytest.raises(InputError):
        save_ratings(path, RATINGS)
    assert path.read_text(encoding="utf-8") == content
    assert not backup_path(path).exists()


def test_missing_folder_is_a_clear_error(tmp_path):
    """Saving into a folder that does not exist says so."""
    with pytest.raises(InputError, match="does not exist"):
        save_ratings(tmp_path / "nope" / "r.json", RATINGS)


def test_file_format():
    """The document names its format, version and scale."""
    doc = ratings_to_json(RATINGS)
    assert doc["format"] == FORMAT and doc["schema_version"] == 1 and doc["scale"] == [-2, 2]
    assert json.loads(json.dumps(doc))["ratings"]["s-2"] == {"text": 'He said "no" & left.', "rating": -1}


@pytest.mark.parametrize("student, vader, same, gap", [
    ([2, -2], [1.0, -1.0], 2, 0.0),
    ([0], [0.0], 1, 0.0),
    ([1, 0], [-0.5, 0.5], 0, 1.5),
])
def test_agreement(student, vader, same, gap):
    """Agreement counts matching labels and the mean gap between rating and compound x 2."""
    a = agreement(student, vader)
    assert (a.n, a.same_label, a.mean_abs_difference) == (len(student), same, gap)


def test_differences_are_signed():
    """A positive difference means the student rated the item more positively than VADER."""
    assert differences([2, -2], [0.25, 0.0]) == [1.5, -2.0]


def test_no_items():
    """With nothing rated the agreement says so."""
    assert agreement([], []).describe() == "no items rated yet"
