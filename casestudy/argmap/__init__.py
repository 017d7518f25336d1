"""The argument map in plain Python: claims, relations, evidence, files, exports and comparison.

No widget or plotting imports: the drawing (:mod:`casestudy.plots.argmap`), the editor
(:mod:`casestudy.widgets.argmap`) and the ``argmap`` command (:mod:`casestudy.cli.argmap`)
are thin layers over it.
"""

from .model import (ATTACKS, DEFAULT_FILE, FORMAT, MAP_FILE, MAX_UNDO, RELATION_TYPES, RELATION_VERBS, SIDES,
                    VERSION, ArgumentMap, Claim, Comparison, Evidence, Relation, compare_maps, find_evidence,
                    evidence_catalogue, is_evidence_id, load_map, normalise_relation_type, normalise_side, reference_map,
                    same_evidence, save_map, tiny_example, to_aif, to_argdown)

__all__ = [
    "ATTACKS", "DEFAULT_FILE", "FORMAT", "MAP_FILE", "MAX_UNDO", "RELATION_TYPES", "RELATION_VERBS", "SIDES",
    "VERSION", "ArgumentMap", "Claim", "Comparison", "Evidence", "Relation", "compare_maps", "evidence_catalogue", "find_evidence",
    "is_evidence_id", "load_map", "normalise_relation_type", "normalise_side", "reference_map", "same_evidence",
    "save_map", "tiny_example", "to_aif", "to_argdown",
]
