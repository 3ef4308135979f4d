"""PETRARCH actor and agent dictionaries, read into eventline's actor knowledge base (`eventline.actors.kb`).

Actors (one actor per entry; '+' lines are its other names; codes may follow on their own lines):

    GONDOR [GON]                       a name and its code
    +MINAS_TIRITH                      another name of the same actor
    GOLLUM                             codes restricted by date, tried in order, the undated one last:
        [HOB < 950601]                   before 1 June 1995 (YYMMDD or YYYYMMDD)
        [HOBGOV 19950601 - 19990815]     within the range (inclusive)
        [HOBREB > 990816]                after
    LORIEN [ELR/GAL]                   several codes (each is coded: one event record per code)
    BOROMIR [---]                      a known name with no code

Agents (role nouns that add to the code of the actor they belong to):

    !PERSON! = MAN, MEN, WOMAN          a substitution: CONGRESS!PERSON! -> CONGRESSMAN, CONGRESSMEN ...
    POLICE {} [~COP]                    '~' after the code's place: a suffix ('Russian police' -> RUSCOP);
    MSF {} [NGO~]                       before it: a prefix ('MSF Arnor' -> NGOARN);
    GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]  {..} lists plurals; {} means no plural; none: regular plurals

Knows nothing about spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from eventline.actors.kb import Entry, KnowledgeBase, key_of

NULL_CODES = frozenset({"---", ""})


@dataclass(frozen=True)
class DatedCode:
    code: str
    start: date | None = None  # inclusive
    end: date | None = None  # inclusive

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(eq=False)
class PetrarchActor(Entry):
    """A PETRARCH actor: its codes, the dated ones tried in file order before the undated default."""

    codes: list[DatedCode] = field(default_factory=list)

    def code_on(self, when: date | None) -> str | None:
        if when is not None:
            for c in self.codes:
                if c.dated and c.covers(when):
                    return c.code
        for c in self.codes:
            if not c.dated:
                return c.code
        if when is None and self.codes:
            return self.codes[-1].code
        return None

    def codes_on(self, when: date | None) -> list[str]:
        """All the codes that apply on `when` ('LORIEN [ELR/GAL]' -> ELR, GAL): those of the first dated bracket
        that covers it, else the undated ones; null codes left out."""
        first = None
        if when is not None:
            first = next((c for c in self.codes if c.dated and c.covers(when)), None)
        if first is not None:
            out = [c.code for c in self.codes if c.dated and (c.start, c.end) == (first.start, first.end)]
        else:
            out = [c.code for c in self.codes if not c.dated]
            if not out:
                one = self.code_on(when)
                out = [one] if one else []
        return [c for c in dict.fromkeys(out) if c not in NULL_CODES]

    def resolve(self, when: date | None) -> tuple[str | None, str | None, str | None]:
        code = self.code_on(when)
        if code in NULL_CODES or code is None:
            return None, None, None
        return code, *split_code(code)


@dataclass(eq=False)
class PetrarchAgent(Entry):
    """A PETRARCH agent: a code that goes before (`prefix`) or after the actor's code."""

    agent_code: str = ""
    prefix: bool = False

    def resolve(self, when: date | None) -> tuple[str | None, str | None, str | None]:
        return None, None, self.agent_code


def split_code(code: str) -> tuple[str | None, str | None]:
    """(country, sector) of a PETRARCH code as eventline's record wants them: three letters then the rest."""
    head = code[:3]
    country = head if re.fullmatch(r"[A-Z]{3}", head) else None
    rest = code[3:] or None
    return country, rest


def parse_date(text: str) -> date | None:
    """YYYYMMDD, or the older YYMMDD (years 30-99 are 19xx, others 20xx)."""
    digits = re.sub(r"\D", "", text)
    try:
        if len(digits) == 8:
            return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
        if len(digits) == 6:
            yy = int(digits[:2])
            return date((1900 if yy >= 30 else 2000) + yy, int(digits[2:4]), int(digits[4:6]))
    except ValueError:
        return None
    return None


def parse_code_block(text: str) -> list[DatedCode]:
    """'HOBGOV 19950601 - 19990815' / 'HOB < 950601' / 'ELR/GAL' -> DatedCodes."""
    text = text.strip()
    m = re.match(r"^(\S*?)\s*([<>])\s*(\d{6,8})$", text)
    if m:
        d = parse_date(m.group(3))
        codes = m.group(1) or "---"
        if m.group(2) == "<":
            from datetime import timedelta

            end = d - timedelta(days=1) if d else None
            return [DatedCode(c.upper(), None, end) for c in codes.split("/")]
        return [DatedCode(c.upper(), d, None) for c in codes.split("/")]
    m = re.match(r"^(\S*?)\s*(\d{6,8})\s*-\s*(\d{6,8})$", text)
    if m:
        codes = m.group(1) or "---"
        return [DatedCode(c.upper(), parse_date(m.group(2)), parse_date(m.group(3))) for c in codes.split("/")]
    code = text.split()[0] if text.split() else "---"
    return [DatedCode(c.upper()) for c in code.split("/")]


def _clean(line: str) -> str:
    line = re.sub(r"<!.*?>", "", line)
    line = re.sub(r"#.*$", "", line)
    return line.rstrip()


def _name(text: str) -> str:
    """'MINAS_TIRITH' -> 'MINAS TIRITH' (a trailing '_', 'exact word', is dropped)."""
    return " ".join(w for w in text.strip().strip("_").replace("_", " ").split())


def parse_actors(text: str) -> list[PetrarchActor]:
    actors: list[PetrarchActor] = []
    current: PetrarchActor | None = None
    in_comment = False
    for raw in text.splitlines():
        line = raw
        if in_comment:
            if "-->" in line:
                in_comment = False
                line = line.split("-->", 1)[1]
            else:
                continue
        if "<!--" in line and "-->" not in line.split("<!--", 1)[1]:
            in_comment = True
            line = line.split("<!--", 1)[0]
        line = _clean(line)
        if not line.strip():
            continue
        stripped = line.strip()
        codes = [parse_code_block(c) for c in re.findall(r"\[([^\]]*)\]", stripped)]
        words = re.sub(r"\[[^\]]*\]", "", stripped).strip()
        if stripped.startswith("+"):
            if current is not None and words[1:].strip():
                current.forms.add(_name(words[1:]))
            for c in codes:
                if current is not None:
                    current.codes.extend(c)
            continue
        if not words:  # a code line under the current actor
            if current is not None:
                for c in codes:
                    current.codes.extend(c)
            continue
        name = _name(words)
        current = PetrarchActor("org", name)
        current.forms.add(name)
        for c in codes:
            current.codes.extend(c)
        actors.append(current)
    return actors


def _plural(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch", "x", "z")):
        return word + "es"
    return word + "s"


def parse_agents(text: str) -> list[PetrarchAgent]:
    subs: dict[str, list[str]] = {}
    agents: list[PetrarchAgent] = []
    for raw in text.splitlines():
        line = _clean(raw).strip()
        if not line or line.startswith("<"):
            continue
        m = re.match(r"^!(\w+)!\s*=\s*(.+)$", line)
        if m:
            subs[m.group(1).upper()] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        cm = re.search(r"\[([^\]]*)\]", line)
        if not cm:
            continue
        code = cm.group(1).replace(" ", "").upper()
        body = line[:cm.start()]
        plurals: list[str] | None = None
        pm = re.search(r"\{([^}]*)\}", body)
        if pm:
            plurals = [p for p in pm.group(1).split() if p]
            body = body[:pm.start()] + body[pm.end():]
        name = body.strip()
        if not name or "~" not in code:
            continue
        prefix = code.endswith("~")
        agent_code = code.strip("~")
        spelled = [name]
        for key, values in subs.items():
            marker = f"!{key}!"
            if marker in name:
                spelled = [n.replace(marker, v) for n in spelled for v in values]
        forms = {_name(s).lower() for s in spelled}
        if plurals is None and not any(f"!{k}!" in name for k in subs):
            forms |= {" ".join(f.split()[:-1] + [_plural(f.split()[-1])]) for f in list(forms)}
        elif plurals:
            forms |= {_name(p).lower() for p in plurals}
        agent = PetrarchAgent("agent", _name(name).lower(), sector=agent_code, agent_code=agent_code, prefix=prefix)
        agent.forms = forms
        agents.append(agent)
    return agents


def build_kb(actors: list[PetrarchActor], agents: list[PetrarchAgent]) -> KnowledgeBase:
    """The actors and agents in eventline's knowledge base model (names -> entries, role nouns -> agents)."""
    kb = KnowledgeBase()
    for a in actors:
        for form in a.forms:
            k = key_of(form)
            if k:
                kb.entities.setdefault(k, []).append(a)
                kb.max_len = max(kb.max_len, len(k))
    for g in agents:
        for form in g.forms:
            k = key_of(form)
            if k:
                kb.agents[k] = g
                kb.agent_max_len = max(kb.agent_max_len, len(k))
    return kb


def load_actors(path: str | Path) -> list[PetrarchActor]:
    return parse_actors(Path(path).read_text(encoding="utf-8", errors="replace"))


def load_agents(path: str | Path) -> list[PetrarchAgent]:
    return parse_agents(Path(path).read_text(encoding="utf-8", errors="replace"))
