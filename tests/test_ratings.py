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


# -- pooling a class's ratings ------------------------------------------------------------------

import csv
import io
import random
import subprocess
import sys

from casestudy.cli import main
from casestudy.sentiment import score
from casestudy.sentiment.ratings import (
    POOLED_COLUMNS, class_agreement, krippendorff_alpha_ordinal, nearest_rating, pool_ratings, read_rating_files,
)


def _matrix_to_units(matrix):
    """Raters x items (None = not rated) -> per item, the values given."""
    return [[row[i] for row in matrix if row[i] is not None] for i in range(len(matrix[0]))]


@pytest.mark.parametrize("seed", range(12))
def test_alpha_matches_the_krippendorff_package(seed):
    """Our ordinal alpha equals the maintained `krippendorff` package's, with missing ratings, on random classes."""
    np = pytest.importorskip("numpy")
    krippendorff = pytest.importorskip("krippendorff")
    rng = random.Random(seed)
    raters, items = rng.randint(2, 9), rng.randint(2, 12)
    truth = [rng.choice((-2, -1, 0, 1, 2)) for _ in range(items)]
    matrix = [[None if rng.random() < 0.2 else max(-2, min(2, t + rng.choice((-1, 0, 0, 1)))) for t in truth]
              for _ in range(raters)]
    ours = krippendorff_alpha_ordinal(_matrix_to_units(matrix))
    data = np.array([[np.nan if v is None else v for v in row] for row in matrix], dtype=float)
    try:
        theirs = krippendorff.alpha(reliability_data=data, level_of_measurement="ordinal")
    except ValueError:  # the package refuses data with a single value; ours says undefined
        assert ours is None
        return
    assert ours is not None and ours == pytest.approx(theirs, abs=1e-9)


@pytest.mark.parametrize("units", [[[1, 1], [1, 1]], [[2], [0], [1]], []])
def test_alpha_is_undefined_without_pairs_or_variation(units):
    """With no item rated twice, or one value only, alpha is None, not a made-up number."""
    assert krippendorff_alpha_ordinal(units) is None


def test_alpha_of_perfect_and_of_opposed_raters():
    """Identical raters give 1; raters who reverse each other give a negative alpha."""
    assert krippendorff_alpha_ordinal([[2, 2], [-1, -1], [0, 0]]) == 1.0
    assert krippendorff_alpha_ordinal([[2, -2], [-2, 2], [1, -1]]) < 0


def test_nearest_rating_rounds_halves_away_from_zero():
    """A class mean is rounded to the scale's nearest point, halves away from 0 (not to even)."""
    assert [nearest_rating(v) for v in (2.5, 1.5, 0.5, -0.5, -1.5, 0.2)] == [3, 2, 1, -1, -2, 0]


def _class(tmp_path, **students):
    folder = tmp_path / "ratings"
    folder.mkdir()
    texts = ["We welcome the plan.", "This is a threat.", "The talks took place in Oslo."]
    for name, values in students.items():
        ratings = {f"s-{k}": Rating(f"s-{k}", texts[k], v) for k, v in enumerate(values) if v is not None}
        save_ratings(folder / f"{name}.json", ratings)
    return folder, texts


def test_pool_counts_raters_and_averages_per_item(tmp_path):
    """One row per item: its text, VADER's compound, how many rated it, their mean and sd."""
    folder, texts = _class(tmp_path, ann=[2, -1, 0], bob=[1, -2, None], cem=[2, -1, 1])
    files, skipped = read_rating_files(folder)
    pool = pool_ratings(files)
    assert skipped == [] and pool.raters == 3
    first = pool.items[0]
    assert (first.text, first.raters, round(first.mean, 4)) == (texts[0], 3, round(5 / 3, 4))
    assert first.vader == score(texts[0]).compound and first.sd == pytest.approx(0.5774, abs=1e-4)
    assert pool.items[2].raters == 2
    assert pool.alpha == krippendorff_alpha_ordinal([[2, 1, 2], [-1, -2, -1], [0, 1]])


def test_class_mean_against_vader():
    """Same label by the rounded class mean, mean gap to compound x 2, Pearson's r."""
    a = class_agreement([1.6, -1.4, 0.2], [0.5, -0.4, 0.0])
    assert (a.n, a.same_label) == (3, 3) and a.mean_abs_difference == pytest.approx((0.6 + 0.6 + 0.2) / 3, abs=1e-4)


def test_unreadable_files_are_named_and_skipped(tmp_path):
    """A broken file, a map and an empty ratings file are each named with the reason; the rest are pooled."""
    folder, _ = _class(tmp_path, ann=[2, -1, 0])
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    (folder / "map.json").write_text('{"format": "casestudy-argument-map", "claims": []}', encoding="utf-8")
    save_ratings(folder / "empty.json", {})
    files, skipped = read_rating_files(folder)
    assert list(files) == ["ann.json"]
    assert [line.split(":")[0] for line in skipped] == ["broken.json", "empty.json", "map.json"]
    assert all("\n" not in line for line in skipped)


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "casestudy", "ratings", *args], capture_output=True, text=True,
                          timeout=120)


def test_ratings_command_prints_the_table_and_the_agreement(tmp_path):
    """`ratings DIR`: a row per item, then alpha among the students and the class mean against VADER; exit 0."""
    folder, texts = _class(tmp_path, ann=[2, -1, 0], bob=[1, -2, 0])
    (folder / "broken.json").write_text("[1]", encoding="utf-8")
    out = run_cli(str(folder))
    assert out.returncode == 0, out.stderr
    assert "broken.json: skipped" in out.stderr and "Traceback" not in out.stderr
    assert all(t in out.stdout for t in texts)
    assert "Krippendorff's alpha (ordinal) =" in out.stdout and "Class mean against VADER: same label on" in out.stdout


def test_ratings_command_csv_is_clean(tmp_path, capsys):
    """With --csv, stdout is pure CSV with the documented columns; the agreement lines go to stderr after '#'."""
    folder, texts = _class(tmp_path, ann=[2, -1, 0], bob=[1, -2, 0])
    assert main(["ratings", str(folder), "--csv"]) == 0
    captured = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(captured.out)))
    assert tuple(rows[0]) == POOLED_COLUMNS and [r["text"] for r in rows] == texts
    assert rows[0]["raters"] == "2" and float(rows[0]["mean"]) == 1.5
    assert all(line.startswith("# ") for line in captured.err.strip().splitlines())


def test_ratings_command_with_nothing_readable_exits_2(tmp_path):
    """A folder with no readable rating file: the files are named, then one error line; exit 2, like every fixable error."""
    (tmp_path / "x.json").write_text("{}", encoding="utf-8")
    out = run_cli(str(tmp_path))
    assert out.returncode == 2 and "x.json: skipped" in out.stderr
    assert out.stderr.splitlines()[-1].startswith("error: no readable rating files")


def test_ratings_command_needs_a_folder(tmp_path):
    """A path that is not a folder is one line on stderr, exit 2."""
    out = run_cli(str(tmp_path / "nowhere"))
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "is not a folder" in out.stderr
