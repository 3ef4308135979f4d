"""How a wrapper changes the CAMEO code of the event it embeds, following the CAMEO codebook's own structure.

'agreed to have a dialogue with Japan': the embedded 04 (consult) under an intent wrapper becomes 036 (express
intent to meet); 'rules out any meetings' becomes 125 (reject proposal to meet); 'threatened to impose sanctions'
becomes 1312; 'called on X to release' becomes 0253; 'demanded that X withdraw' becomes 1056 ...
Only CAMEO facts live here; which words are wrappers is data (wrappers.yaml).
"""

from __future__ import annotations

# intent (03): the cooperative event the actor says it will do
_INTENT = {
    "04": "036", "040": "036", "041": "036", "042": "036", "043": "036", "044": "036", "046": "036",
    "045": "039", "05": "032", "050": "032", "051": "032", "052": "032", "053": "032", "054": "032",
    "055": "032", "056": "032", "057": "030",
    "06": "031", "060": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "07": "033", "070": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334", "075": "033",
    "08": "035", "080": "035", "081": "0351", "082": "0352", "083": "034", "0831": "0341", "0832": "0342",
    "0833": "0343", "0834": "0344", "084": "0353", "0841": "0353", "0842": "0353", "085": "0354",
    "086": "0355", "087": "0356", "0871": "0356", "0872": "0356", "0873": "0356", "0874": "0356",
}
# reject (12): the cooperative event the actor refuses
_REJECT = {
    "03": "120", "036": "125", "037": "127", "038": "126", "039": "126",
    "04": "125", "040": "125", "041": "125", "042": "125", "043": "125", "044": "125", "045": "126",
    "046": "125", "05": "120", "057": "127", "06": "121", "061": "1211", "062": "1212", "063": "1213",
    "07": "122", "071": "1221", "072": "1222", "073": "1223", "074": "1224",
    "08": "124", "081": "1241", "082": "1242", "083": "123", "0831": "1231", "0832": "1232", "0833": "1233",
    "0834": "1234", "084": "1243", "085": "1244", "086": "1245", "087": "1246",
    "02": "120", "10": "120", "01": "011", "010": "011",
}
# threaten (13): the hostile event the actor says it will do
_THREATEN = {
    "14": "133", "16": "131", "160": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134",
    "165": "135", "166": "136", "17": "130", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323",
    "1724": "1324", "173": "130", "174": "130", "175": "137", "18": "1383", "19": "1384", "191": "1381",
    "192": "1382", "20": "1385",
}
# appeal (02) and demand (10) mirror each other: 02d <-> 10d
_APPEAL = {
    "03": "020", "04": "026", "036": "026", "046": "026", "045": "028", "037": "027", "05": "022",
    "057": "027", "06": "021", "061": "0211", "062": "0212", "063": "0213", "064": "0214",
    "07": "023", "071": "0231", "072": "0232", "073": "0233", "074": "0234",
    "08": "025", "081": "0251", "082": "0252", "083": "024", "0831": "0241", "0832": "0242", "0833": "0243",
    "0834": "0244", "084": "0253", "0841": "0253", "0842": "0253", "085": "0254", "086": "0255",
    "087": "0256", "0871": "0256", "0874": "0256",
}
_APPEAL_TO_DEMAND = {"020": "100", "021": "101", "022": "102", "023": "103", "024": "104", "025": "105",
                     "026": "106", "027": "107", "028": "108"}


def _lookup(table: dict[str, str], code: str) -> str | None:
    for k in (code, code[:3], code[:2]):
        if k in table:
            return table[k]
    return None


def intent(code: str) -> str:
    """Intent to do `code`: the 03 code for cooperative events, the code itself otherwise."""
    if code[:2] in ("03",):
        return code
    return _lookup(_INTENT, code) or code


def reject(code: str) -> str:
    return _lookup(_REJECT, code) or "120"


def threaten(code: str) -> str:
    if code[:2] == "13":
        return code
    return _lookup(_THREATEN, code) or "130"


def appeal(code: str) -> str:
    if code[:2] == "02":
        return code
    return _lookup(_APPEAL, code) or "020"


def demand(code: str) -> str:
    if code[:2] == "10":
        return code
    a = appeal(code)
    return _APPEAL_TO_DEMAND.get(a[:3], "100") + a[3:] if a[:3] in _APPEAL_TO_DEMAND else "100"


def apply(kind: str, code: str) -> str:
    """The code of an event of `code` embedded under a wrapper of `kind`."""
    if kind == "intent":
        return intent(code)
    if kind == "reject":
        return reject(code)
    if kind == "threaten":
        return threaten(code)
    if kind == "appeal":
        return appeal(code)
    if kind == "demand":
        return demand(code)
    return code


COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06"})
