"""PETRARCH interoperability: PETRARCH-format dictionaries (verbs, actors, agents, discards) read into eventline's
own dictionary and actor models, so that eventline's event coder runs on either.

    load_petrarch_dictionaries(folder, resolver) -> (EventDictionary, ActorResolver)
    PetrarchCoder(resolver, dictionary)           the event coder with PETRARCH's output conventions

See docs/petrarch.md. Which file is which is read from the folder: names containing 'verb', 'actor', 'agent',
'discard' (as in PETRARCH's own `PETR_..._verbs_...txt`), 'ontology' or 'pico' for the internal coding ontology,
or a validation records file's <Environment>.
"""

from __future__ import annotations

from pathlib import Path

from eventline.actors import ActorResolver
from eventline.coding.petrarch.actors import build_kb, load_actors, load_agents
from eventline.coding.petrarch.coder import PetrarchCoder
from eventline.coding.petrarch.discards import load_discards
from eventline.coding.petrarch.ontology import Ontology, load_ontology
from eventline.coding.petrarch.resolver import PetrarchResolver
from eventline.coding.petrarch.verbs import PetrarchDictionary, load_verbs, to_dictionary

__all__ = ["Ontology", "PetrarchCoder", "PetrarchDictionary", "PetrarchResolver", "find_files",
           "load_petrarch_dictionaries"]

KINDS = ("verbs", "actors", "agents", "discards", "ontology")


def find_files(folder: str | Path) -> dict[str, list[Path]]:
    """The dictionary files of a folder by kind: {'verbs': [...], 'actors': [...], 'agents': [...], ...}."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"no PETRARCH dictionary folder at {folder}")
    out: dict[str, list[Path]] = {k: [] for k in KINDS}
    env = _environment(folder)
    if env:
        for kind, name in env.items():
            if (folder / name).exists():
                out[kind].append(folder / name)
        return out
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.suffix.lower() not in (".txt", ".dat", ".dict", ""):
            continue
        low = path.name.lower()
        if "ontology" in low or "pico" in low:
            out["ontology"].append(path)
            continue
        for kind in KINDS[:4]:
            if kind[:-1] in low:
                out[kind].append(path)
                break
    return out


def _environment(folder: Path) -> dict[str, str]:
    """The dictionary files a validation records file names in its <Environment>, when there is one."""
    import re

    for path in sorted(folder.glob("*.xml")):
        head = path.read_text(encoding="utf-8", errors="replace")[:20000]
        m = re.search(r"<Environment>(.*?)</Environment>", head, re.S)
        if not m:
            continue
        env = {}
        for tag, kind in (("Verbfile", "verbs"), ("Actorfile", "actors"), ("Agentfile", "agents"),
                          ("Discardfile", "discards"), ("PICOfile", "ontology")):
            t = re.search(rf"<{tag}>\s*([^<\s]+)\s*</{tag}>", m.group(1))
            if t:
                env[kind] = t.group(1)
        if env.get("verbs") and (folder / env["verbs"]).exists():
            return env
    return {}


def load_petrarch_dictionaries(folder: str | Path,
                               resolver: ActorResolver | None = None) -> tuple[PetrarchDictionary, ActorResolver]:
    """The verb dictionary (with discards) as eventline's dictionary model, and a resolver over the actor and
    agent dictionaries. Without actor files, `resolver` (eventline's own) is kept."""
    files = find_files(folder)
    if not files["verbs"]:
        raise FileNotFoundError(f"no PETRARCH verb dictionary in {folder}")
    verbs = load_verbs(files["verbs"][0])
    for extra in files["verbs"][1:]:
        more = load_verbs(extra)
        verbs.synsets.update(more.synsets)
        verbs.blocks += more.blocks
    dictionary = to_dictionary(verbs, name=f"petrarch:{Path(folder).name}")
    dictionary.skipped = list(verbs.skipped)
    for path in files["discards"]:
        sentence, story = load_discards(path)
        dictionary.discard_phrases = sentence
        dictionary.story_discards = story
    for path in files["ontology"][:1]:
        dictionary.ontology = load_ontology(path)
    if files["actors"]:
        actors = [a for p in files["actors"] for a in load_actors(p)]
        agents = [g for p in files["agents"] for g in load_agents(p)]
        resolver = PetrarchResolver(build_kb(actors, agents))
    elif resolver is None:
        resolver = ActorResolver()
    return dictionary, resolver
