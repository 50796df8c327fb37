"""The response cache's read without diskcache: the same answers as diskcache's own `get`."""
from __future__ import annotations

import marshal

import pytest

from trialfind.sources.response_cache import ResponseCache

SMALL = marshal.dumps({"studies": [{"n": 1}], "totalCount": 1})  # kept in diskcache's row
LARGE = marshal.dumps({"studies": [{"text": f"study {i} " * 10} for i in range(1000)], "totalCount": 1000})  # in a file


def written(tmp_path, **entries) -> None:
    cache = ResponseCache(tmp_path)
    for key, value in entries.items():
        cache.set(key, value)
    cache.close()


@pytest.mark.parametrize("value", [SMALL, LARGE], ids=["in-the-row", "in-a-file"])
def test_bytes_are_read_as_diskcache_reads_them_without_opening_it(value, tmp_path):
    assert len(LARGE) > 2 ** 15 > len(SMALL)  # diskcache's threshold for a file
    writer = ResponseCache(tmp_path)._open()  # bytes as diskcache itself stores them: in the row or a file
    writer.set("walk", value)
    writer.close()
    reader = ResponseCache(tmp_path)
    assert reader.get("walk") == value
    assert reader._cache is None  # diskcache was not opened
    assert reader._open().get("walk") == value


def test_a_missing_key_is_a_miss_without_opening_diskcache(tmp_path):
    written(tmp_path, walk=SMALL)
    reader = ResponseCache(tmp_path)
    assert reader.get("another") is None and reader._cache is None


def test_a_pickled_value_is_left_to_diskcache(tmp_path):
    record = {"protocolSection": {"identificationModule": {"nctId": "NCT00000001"}}}
    written(tmp_path, record=record)
    reader = ResponseCache(tmp_path)
    assert reader.get("record") == record
    assert reader._cache is not None


def test_an_expired_entry_is_a_miss(tmp_path):
    cache = ResponseCache(tmp_path)
    cache.set("walk", SMALL, expire=-1)
    cache.close()
    assert ResponseCache(tmp_path).get("walk") is None


def test_a_value_file_removed_after_the_row_is_a_miss(tmp_path):
    written(tmp_path, walk=LARGE)
    for path in (tmp_path / "http").rglob("*.val"):
        path.unlink()
    assert ResponseCache(tmp_path).get("walk") is None


def test_a_damaged_database_falls_back_to_diskcache(tmp_path):
    (tmp_path / "http").mkdir()
    (tmp_path / "http" / "cache.db").write_bytes(b"not a database" * 100)
    reader = ResponseCache(tmp_path)
    assert reader.get("walk") is None  # diskcache's own handling: an unreadable cache is a miss


def test_bytes_written_by_the_cache_read_back_the_same_either_way(tmp_path):
    written(tmp_path, small=SMALL, large=LARGE)
    assert ResponseCache(tmp_path).get("small") == SMALL and ResponseCache(tmp_path).get("large") == LARGE
    through_diskcache = ResponseCache(tmp_path)._open()
    assert through_diskcache.get("small") == SMALL and through_diskcache.get("large") == LARGE
