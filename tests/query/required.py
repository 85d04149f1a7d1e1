"""Values for the canned queries' required parameters on the hand-made fixture graph
(tests/fixtures/graph/small_graph.py): the queries that need a unit or a material get
one the fixture holds, so every query returns rows there on each store."""
from __future__ import annotations

__all__ = ["REQUIRED"]

REQUIRED = {"activities_by_unit": {"unit": "市税务局"}, "metrics_by_unit": {"unit": "市税务局"},
            "similar_units": {"unit": "市税务局"}, "unit_profile": {"unit": "市税务局"},
            "compare_units": {"unit": ["市税务局", "市司法局"]}, "unit_over_years": {"unit": ["市司法局"]},
            "units_by_material": {"material": "《习近平谈治国理政》第四卷"}}
