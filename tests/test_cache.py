"""The per-user cache of derived tables (eventline.cache): built once, read back, rebuilt when an input changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventline import cache


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("EVENTLINE_CACHE_DIR", str(directory))
    return directory


def _counting_build(calls: list[int], value: object):
    def build() -> object:
        calls.append(1)
        return value
    return build


def test_built_once_then_read_back(cache_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "table.tsv"
    source.write_text("a\t1\n")
    calls: list[int] = []
    first = cache.load_or_build("table", [source], _counting_build(calls, {"a": [1, 2]}))
    second = cache.load_or_build("table", [source], _counting_build(calls, {"never": "used"}))
    assert first == second == {"a": [1, 2]}
    assert len(calls) == 1
    assert second is not first  # the second came from the file
    assert len(list(cache_dir.glob("table-*.pickle"))) == 1


def test_changed_input_is_rebuilt(cache_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "table.tsv"
    source.write_text("a\t1\n")
    calls: list[int] = []
    cache.load_or_build("table", [source], _counting_build(calls, "old"))
    source.write_text("a\t2\n")
    assert cache.load_or_build("table", [source], _counting_build(calls, "new")) == "new"
    assert len(calls) == 2
    assert cache.load_or_build("table", [source], _counting_build(calls, "unused")) == "new"


def test_unreadable_cache_file_is_rebuilt(cache_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "table.tsv"
    source.write_text("x")
    cache.load_or_build("table", [source], lambda: [1, 2, 3])
    (path,) = cache_dir.glob("table-*.pickle")
    path.write_bytes(path.read_bytes()[:5])  # truncated, as after a crash mid-write by some other tool
    assert cache.load_or_build("table", [source], lambda: [4]) == [4]
    assert cache.load_or_build("table", [source], lambda: [5]) == [4]  # and the good file replaced it


def test_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTLINE_CACHE_DIR", "off")
    assert cache.cache_dir() is None
    calls: list[int] = []
    for _ in range(2):
        cache.load_or_build("table", [], _counting_build(calls, 1))
    assert len(calls) == 2


def test_unwritable_cache_dir_still_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("EVENTLINE_CACHE_DIR", str(blocker / "cache"))
    assert cache.load_or_build("table", [], lambda: "built") == "built"


def test_old_versions_are_pruned(cache_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "table.tsv"
    for i in range(cache.KEEP_VERSIONS + 3):
        source.write_text(str(i))
        cache.load_or_build("table", [source], lambda i=i: i)
    assert len(list(cache_dir.glob("table-*.pickle"))) == cache.KEEP_VERSIONS


def test_cached_knowledge_base_equals_a_fresh_build(cache_dir: Path) -> None:
    from eventline.actors import kb

    fresh = kb._build_base()
    cached = cache.load_or_build("knowledge-base", kb.base_inputs(), kb._build_base)  # builds and stores
    reread = cache.load_or_build("knowledge-base", kb.base_inputs(), lambda: pytest.fail("not read back"))
    for built in (cached, reread):
        assert built.entities.keys() == fresh.entities.keys()
        assert built.agents.keys() == fresh.agents.keys()
        assert built.people.keys() == fresh.people.keys()
        some = next(iter(fresh.people))
        assert built.people[some].roles == fresh.people[some].roles
        assert built.max_len == fresh.max_len


def test_resolver_tables_of_the_shipped_base_equal_freshly_derived_ones() -> None:
    from eventline.actors import kb
    from eventline.actors.resolver import ActorResolver

    shipped = ActorResolver()  # tables from the cache (or built and stored on a first run)
    fresh = ActorResolver(kb=kb._build_base())  # a replacement knowledge base: tables derived in place
    for name in ("_entity_prefixes", "_agent_prefixes", "_entity_first", "_lower_ok", "_lower_first",
                 "_agent_first", "_strict", "_people_forms", "_cap_last"):
        assert getattr(shipped, name) == getattr(fresh, name), name
    # the order of name parts follows the iteration of sets of forms, which differs between processes
    assert {k: sorted(v) for k, v in shipped._del_index.items()} == {k: sorted(v) for k, v in fresh._del_index.items()}
