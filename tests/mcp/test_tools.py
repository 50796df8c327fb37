"""The MCP tools as plain functions over the real records (no SDK, no subprocess)."""
from __future__ import annotations

import pytest

from tests.shared_data import real_records
from trialfind.core.errors import InvalidInput
from trialfind.mcp.tools import ToolContext, trials_tool
from trialfind.sources.memory import MemorySource
from trialfind.trials import find_trials

BOSTON = "42.3601,-71.0589"


@pytest.fixture(scope="module")
def context() -> ToolContext:
    source = MemorySource(real_records())
    return ToolContext(open_source=lambda: source)


def test_radius_km_is_the_same_filter_as_the_cli_within(context):
    answer = trials_tool(context, condition="leukemia", age="7", near=BOSTON, radius_km=300)
    expected = find_trials(condition=["leukemia"], age="7", near=BOSTON, within=300, units="km",
                           source=context.source())
    wider = trials_tool(context, condition="leukemia", age="7", near=BOSTON)
    ids = [row["nct_id"] for row in answer["trials"]]
    assert ids == [row["nct_id"] for row in expected.rows()][:len(ids)]
    assert answer["count"] == len(expected.rows())
    assert 0 < answer["count"] < wider["count"]  # the radius left some trials out, and kept some
    assert all(row["nearest_site"]["distance_km"] <= 300 for row in answer["trials"])


def test_radius_km_without_a_place_is_refused(context):
    with pytest.raises(InvalidInput, match="radius_km needs near"):
        trials_tool(context, condition="glioma", age="7", radius_km=100)
