"""MemorySource over a collection with records that cannot be read: it keeps them and returns
them from every search, so the library counts them, as it does for a remote source."""
from __future__ import annotations

import copy

from tests.shared_data import real_records
from trialfind.core.spec import SearchSpec
from trialfind.sources.memory import MemorySource
from trialfind.trials import find_trials


def test_unreadable_records_reach_the_caller_and_are_counted():
    good = list(real_records()[:50])
    broken = copy.deepcopy(real_records()[50])
    broken["protocolSection"]["statusModule"]["overallStatus"] = 7
    nct = broken["protocolSection"]["identificationModule"]["nctId"]
    source = MemorySource([*good, broken])
    assert len(source) == 50
    assert broken in list(source.search(SearchSpec(conditions=("no such condition anywhere",))))
    assert source.get_study(nct) is broken
    found = find_trials(condition="cancer", age=7, source=source)
    assert [u.nct_id for u in found.unreadable] == [nct]
    assert nct not in [m.nct_id for m in found]
