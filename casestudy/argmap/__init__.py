"""The argument map in plain Python: sides, claims, relations, evidence, files, exports and comparison.

=================  ==========================================================
module             what it holds
=================  ==========================================================
``model``          :class:`ArgumentMap`, :class:`Claim`, :class:`Relation`: building, roles, undo
``sides``          a map's own sides: checking them, reading a side's name forgivingly
``checks``         what can be wrong with a map (problems), hints, circles of links
``evidence``       the quotes and sentences a claim can cite, by stable ids
``schema``         the map file's format, its versions and the migrations between them
``files``          saving and loading, never losing a student's work
``exports``        Argdown and AIF, for other argument-mapping tools
``compare``        a student's map against the reference, by evidence and side
``examples``       the bike-shed example and the article's reference map
=================  ==========================================================

No widget or plotting imports: the drawing (:mod:`casestudy.plots.argmap`),
the editor (:mod:`casestudy.widgets.argmap`) and the ``argmap`` command
(:mod:`casestudy.cli.argmap`) are thin layers over it.
"""

from .checks import ATTACKS, RELATION_TYPES
from .compare import Comparison, compare_maps
from .evidence import Evidence, evidence_catalogue, find_evidence, is_evidence_id, same_evidence
from .examples import reference_map, tiny_example
from .exports import to_aif, to_argdown
from .files import DEFAULT_FILE, MAP_FILE, load_map, save_map
from .model import MAX_UNDO, RELATION_VERBS, REWRITE_NOTE, ArgumentMap, Claim, Link, Relation, normalise_relation_type
from .schema import FORMAT, VERSION, upgrade
from .sides import map_sides, normalise_side

__all__ = [
    "ATTACKS", "DEFAULT_FILE", "FORMAT", "MAP_FILE", "MAX_UNDO", "RELATION_TYPES", "RELATION_VERBS", "REWRITE_NOTE",
    "VERSION", "ArgumentMap", "Claim", "Comparison", "Evidence", "Link", "Relation", "compare_maps",
    "evidence_catalogue", "find_evidence", "is_evidence_id", "load_map", "map_sides", "normalise_relation_type",
    "normalise_side", "reference_map", "same_evidence", "save_map", "tiny_example", "to_aif", "to_argdown",
    "upgrade",
]
