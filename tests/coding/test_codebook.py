"""The CAMEO/PLOVER codebook: coverage of the CAMEO code list, cited Goldstein values, quad classes, PLOVER."""

from __future__ import annotations

import csv

import pytest
from tests.conftest import shared_path

from eventline.coding import codebook
from eventline.coding.codebook import CodeInfo, lookup, plover_for

PLOVER_EVENTS = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                 "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}  # fmt: skip


def test_every_code_in_the_cameo_list_resolves_to_itself() -> None:
    with open(shared_path("data", "cameo", "cameo-codes.csv"), encoding="utf-8", errors="replace") as f:
        codes = [row["code"] for row in csv.DictReader(f)]
    assert len(codes) > 300
    for code in codes:
        info = lookup(code)
        assert isinstance(info, CodeInfo)
        assert info.code == code
        assert info.name and info.name.strip() == info.name
    assert set(codebook.all_codes()) == set(codes)


def test_goldstein_values_follow_the_gdelt_table() -> None:
    table = {}
    for line in shared_path("data", "cameo", "CAMEO.goldsteinscale.txt").read_text().splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0].isdigit():
            table[parts[0]] = float(parts[1])
    for code, value in table.items():
        assert lookup(code).goldstein == pytest.approx(value), code
    # Where the two shared tables disagree, the cited (GDELT) one wins.
    assert lookup("016").goldstein == -2.0
    assert lookup("164").goldstein == -7.0
    assert lookup("165").goldstein == -6.5


def test_the_committed_table_matches_a_rebuild() -> None:
    from eventline.coding import build_codebook

    shared = shared_path("data").parent
    rows, _notes = build_codebook.build(shared, build_codebook.read_names(build_codebook.TSV))
    assert build_codebook.render(rows) == build_codebook.TSV.read_text(encoding="utf-8")


def test_names_are_our_own_wording() -> None:
    with open(shared_path("data", "cameo", "cameo-codes.csv"), encoding="utf-8", errors="replace") as f:
        theirs = {row["code"]: row["name"].strip().lower() for row in csv.DictReader(f)}
    same = [c for c in codebook.all_codes() if lookup(c).name.lower() == theirs.get(c)]
    # Codes and numbers are facts; the labels are written anew.
    assert not same, same


@pytest.mark.parametrize(
    ("code", "quad"),
    [("01", 1), ("057", 1), ("0256", 1), ("06", 2), ("0874", 2), ("09", 3), ("1385", 3), ("14", 4), ("2042", 4)],
)
def test_quad_classes(code: str, quad: int) -> None:
    assert lookup(code).quad_class == quad


def test_every_entry_is_schema_shaped() -> None:
    for info in codebook.entries():
        assert -10 <= info.goldstein <= 10
        assert info.quad_class in (1, 2, 3, 4)
        if info.code[:2] in ("01", "02"):
            assert info.plover_event is None
        else:
            assert info.plover_event in PLOVER_EVENTS, info
        assert isinstance(info.plover_context, list)


@pytest.mark.parametrize(
    ("code", "event", "mode", "context"),
    [
        ("036", "AGREE", None, ["diplomatic"]),
        ("040", "CONSULT", None, []),
        ("041", "CONSULT", "phone", []),
        ("042", "CONSULT", "visit", []),
        ("043", "CONSULT", "visit", []),
        ("046", "CONSULT", None, ["diplomatic"]),
        ("057", "SUPPORT", None, ["diplomatic"]),
        ("0841", "RETREAT", "release", ["legal"]),
        ("0871", "RETREAT", "ceasefire", ["military"]),
        ("080", "CONCEDE", None, []),
        ("1121", "ACCUSE", "allege", ["crime", "corruption"]),
        ("125", "REJECT", "meet", ["diplomatic"]),
        ("138", "THREATEN", "violence", ["military"]),
        ("141", "PROTEST", "demo", []),
        ("154", "MOBILIZE", "troops", ["military"]),
        ("161", "SANCTION", "withdraw", ["diplomatic"]),
        ("163", "COERCE", "restrict", ["diplomatic"]),
        ("166", "SANCTION", "expel", ["diplomatic"]),
        ("173", "COERCE", "arrest", ["legal"]),
        ("181", "ASSAULT", "abduct", []),
        ("186", "ASSAULT", "assassinate", []),
        ("190", "ASSAULT", None, ["military"]),
        ("195", "ASSAULT", "heavy-weapons", ["military"]),
        ("204", "ASSAULT", "unconventional", ["cbrn"]),
    ],
)
def test_plover_crosswalk(code: str, event: str, mode: str | None, context: list[str]) -> None:
    assert plover_for(code) == (event, mode, context)


def test_cameo_01_and_02_have_no_plover_event() -> None:
    for code in ("01", "010", "016", "02", "020", "0231", "028"):
        assert plover_for(code)[0] is None


def test_roots_and_families() -> None:
    assert all(lookup(c).plover_event == "CONSULT" for c in ("04", "040", "041", "042", "043", "044", "045", "046"))
    assert all(lookup(c).plover_event == "SANCTION" for c in ("16", "160", "161", "162", "164", "165", "166"))
    assert all(lookup(c).plover_event == "ASSAULT" for c in ("18", "180", "181", "182", "183", "185", "186"))


def test_unknown_codes_fall_back_to_the_nearest_parent() -> None:
    assert lookup("0369").code == "036"
    assert lookup("1429").code == "142"
    assert lookup("049").code == "04"
    for bad in ("", "21", "00", "abc", "0", "12345"):
        with pytest.raises(KeyError):
            lookup(bad)
