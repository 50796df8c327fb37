"""Arms of a study: read from either side of the record, never an error on a malformed part."""
from __future__ import annotations

from trialfind.core.arms import ArmGroup, parse_arm_groups


def test_synthetic_arms_take_interventions_from_both_sides():
    module = {"armGroups": [{"label": "A", "type": "EXPERIMENTAL", "interventionNames": ["Drug: X"]},
                            {"label": "B", "type": "ACTIVE_COMPARATOR"}],
              "interventions": [{"name": "X", "armGroupLabels": ["A"]}, {"name": "Y", "armGroupLabels": ["B"]}]}
    assert parse_arm_groups(module) == (ArmGroup("A", "EXPERIMENTAL", ("Drug: X", "X")),
                                        ArmGroup("B", "ACTIVE_COMPARATOR", ("Y",)))


def test_synthetic_malformed_arms_are_skipped_not_raised():
    for module in (None, [], "x", {"armGroups": 5}, {"armGroups": [5, {"label": 3}, {"type": "EXPERIMENTAL"}]},
                   {"armGroups": [{"label": "A", "type": 7, "interventionNames": {"a": 1}}],
                    "interventions": [{"name": 1, "armGroupLabels": "A"}, "x"]}):
        groups = parse_arm_groups(module)
        assert all(isinstance(g, ArmGroup) for g in groups)
    assert parse_arm_groups({"armGroups": [{"label": "A", "type": 7, "interventionNames": {"a": 1}}]}) == \
        (ArmGroup("A", None, ()),)
