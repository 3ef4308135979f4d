"""`eventline explain TEXT [--date YYYY-MM-DD]`: how the coder read a text: sentences, the parse, resolved
actors, the patterns that matched with the wrappers they went through, modes, and the records coded."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import typer

from eventline.cli import app


def explain_text(text: str, when: date | None = None, model: str | None = None) -> dict[str, Any]:
    """The explanation as data (what the command prints)."""
    from eventline import nlp as nlp_stage
    from eventline.actors import ActorResolver, MentionIndex
    from eventline.coding.coder import EventCoder
    from eventline.ingest import Document

    nlp = nlp_stage.load(model)
    coder = EventCoder(resolver=ActorResolver())
    doc = nlp(text)
    document = Document(id="explain", text=text, pub_date=when)
    mentions = coder.resolver.resolve(doc, when)
    index = MentionIndex(mentions)
    records = coder.code(doc, document)
    out: dict[str, Any] = {"sentences": []}
    for si, sent in enumerate(doc.sents):
        entry: dict[str, Any] = {
            "index": si, "text": sent.text,
            "parse": [f"{t.i}:{t.text}/{t.pos_} <-{t.dep_}- {t.head.i}:{t.head.text}" for t in sent],
            "actors": [f"{m.text} -> {m.code or 'UNRESOLVED'} ({m.country or '-'}/{m.sector or '-'})"
                       for m in mentions if sent.start <= m.token_start < sent.end],
        }
        reason = coder.skip_reason(sent)
        if reason:
            entry["skipped"] = reason
        else:
            entry["matches"] = [
                {"code": c.code, "pattern": c.source_pattern, "trigger": " ".join(t.text for t in c.trigger),
                 "steps": c.steps, "actor": [m.text for m in c.actor], "recipient": [m.text for m in c.recipient],
                 "negated": c.negated, "modality": c.modality, "said_by": [m.text for m in c.said_by]}
                for c in coder.code_sentence(sent, index)]
        out["sentences"].append(entry)
    out["events"] = records
    return out


@app.command()
def explain(
    text: str = typer.Argument(..., help="The text to code (or a path to a .txt file)."),
    date_: str | None = typer.Option(None, "--date", help="Publication date, YYYY-MM-DD."),
    model: str | None = typer.Option(None, "--model", help="spaCy pipeline to parse with."),
    as_json: bool = typer.Option(False, "--json", help="Print the explanation as JSON."),
) -> None:
    """Show sentences, parse, actors, matched patterns, modes and the events coded for TEXT."""
    when = None
    if date_:
        try:
            when = date.fromisoformat(date_)
        except ValueError as exc:
            typer.echo(f"error: --date must be YYYY-MM-DD, got {date_!r}", err=True)
            raise typer.Exit(2) from exc
    p = Path(text)
    if len(text) < 4096 and p.suffix == ".txt" and p.is_file():
        text = p.read_text(encoding="utf-8")
    if not text.strip():
        typer.echo("error: TEXT is empty: give a sentence or a .txt file to explain", err=True)
        raise typer.Exit(2)
    data = explain_text(text, when, model)
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    for s in data["sentences"]:
        typer.echo(f"[{s['index']}] {s['text']}")
        typer.echo("  parse:  " + "  ".join(s["parse"]))
        for a in s["actors"]:
            typer.echo(f"  actor:  {a}")
        if "skipped" in s:
            typer.echo(f"  skipped: {s['skipped']}")
        for m in s.get("matches", []):
            mods = ("negated " if m["negated"] else "") + m["modality"]
            typer.echo(f"  match:  {m['code']}  '{m['trigger']}'  pattern [{m['pattern']}]")
            typer.echo(f"          actor {m['actor']} -> recipient {m['recipient']}  {mods}"
                       + (f"  said_by {m['said_by']}" if m["said_by"] else ""))
            for step in m["steps"]:
                typer.echo(f"          via {step}")
    typer.echo("events:")
    for r in data["events"]:
        typer.echo(f"  {r['cameo']} {r['event'] or '-'} {[a['code'] for a in r['actor']]} -> "
                   f"{[a['code'] for a in r['recipient']]} {r['date']} ({r['date_basis']}) {r['modality']}"
                   f"{' negated' if r['negated'] else ''} conf {r['confidence']} '{r['trigger']['text']}'")
