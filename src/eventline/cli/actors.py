"""`eventline actors`: the actor knowledge base from the command line.

    eventline actors --unknown --db FILE [--limit N] [--format table|json]
        actor mentions in a store that the resolver could not place (code UNK, or no country for a
        non-international actor), most frequent first, with example sentences: candidates for `--actors FILE`.
    eventline actors [--search TEXT] [--date YYYY-MM-DD] [--format table|json]
        known codes and names (or how one text resolves on a date).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import typer

from eventline.cli import app

UNKNOWN_SQL = """
WITH ents AS (
    SELECT unnest(list_concat(actor, recipient)) AS e, text AS sentence, doc_id FROM events
)
SELECT e.text AS name, count(*) AS mentions, count(DISTINCT doc_id) AS documents,
       list(DISTINCT sentence)[1:3] AS examples
FROM ents
WHERE e.code = 'UNK' OR e.code IS NULL
   OR (e.country IS NULL AND NOT (e.code LIKE 'IGO%' OR e.code LIKE 'NGO%' OR e.code LIKE 'MNC%'
                                  OR substr(e.code, 1, 3) IN ('IMG', 'AFR', 'ASA', 'EUR', 'MEA', 'LAM', 'NAF', 'WAF',
                                                              'EAF', 'SAF', 'CAS', 'SAS', 'SEA', 'NMR', 'SAM', 'CRB',
                                                              'BLK', 'CAU', 'EEU', 'WEU', 'SCN', 'PGS', 'WST')))
GROUP BY e.text
HAVING NOT list_contains(?, lower(e.text))
ORDER BY mentions DESC, name
LIMIT ?
"""

# Pronouns the resolver could not tie to a named actor are not names anyone could add to the knowledge base.
PRONOUNS = ["i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "his", "its", "their",
            "our", "my", "your", "hers", "theirs", "ours", "this", "that", "these", "those", "who", "which",
            "one", "someone", "everyone", "anyone", "nobody", "some", "others", "both", "all", "each"]


def unknown_actors(db: str | Path, limit: int = 50) -> list[dict[str, Any]]:
    """Frequent unresolved actor texts in a store, with up to three example sentences each."""
    from eventline.store import Store

    store = Store(db, read_only=True)
    try:
        rows = store.con.execute(UNKNOWN_SQL, [PRONOUNS, limit]).fetchall()
    finally:
        store.close()
    return [{"name": r[0], "mentions": r[1], "documents": r[2], "examples": list(r[3] or [])} for r in rows]


@app.command("actors")
def actors_command(
    unknown: bool = typer.Option(False, "--unknown", help="List unresolved actor names found in a store."),
    db: Path = typer.Option(None, "--db", help="The eventline store (DuckDB file)."),
    limit: int = typer.Option(50, "--limit", min=1, help="How many names to list."),
    search: str = typer.Option(None, "--search", help="Resolve this text (or filter known codes by it)."),
    when: str = typer.Option(None, "--date", help="Date roles are resolved on (YYYY-MM-DD)."),
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Unresolved actor names in a store (--unknown), or the knowledge base's codes."""
    if fmt not in ("table", "json"):
        raise typer.BadParameter("--format must be table or json")
    if unknown:
        if db is None:
            raise typer.BadParameter("--unknown needs --db FILE")
        if not db.exists():
            typer.echo(f"no eventline store at {db}", err=True)
            raise typer.Exit(2)
        from eventline.store import StoreError

        try:
            rows = unknown_actors(db, limit)
        except (StoreError, OSError) as exc:  # a file that is not an eventline store: say so, no traceback
            typer.echo(f"eventline actors: {exc}", err=True)
            raise typer.Exit(2) from exc
        if fmt == "json":
            typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if not rows:
            typer.echo("no unresolved actors")
        for r in rows:
            typer.echo(f"{r['mentions']:6d}  {r['name']}  ({r['documents']} documents)")
            for ex in r["examples"]:
                typer.echo(f"          e.g. {' '.join(ex.split())[:160]}")
        return
    from eventline.actors import default_resolver, known_actors

    if search and when is not None or search and not _is_code_query(search):
        on = date.fromisoformat(when) if when else None
        found = default_resolver().lookup(search, on)
        data = None if found is None else found.__dict__
        if fmt == "json":
            typer.echo(json.dumps(data, ensure_ascii=False))
        else:
            typer.echo("not known" if data is None else f"{search} -> {data['code']} (country {data['country']}, "
                       f"sector {data['sector']}, {data['kind']})")
        return
    items = known_actors()
    if search:
        needle = search.lower()
        items = [a for a in items if needle in a["code"].lower() or needle in (a["name"] or "").lower()]
    if fmt == "json":
        typer.echo(json.dumps(items[:limit], ensure_ascii=False, indent=2))
        return
    for a in items[:limit]:
        typer.echo(f"{a['code']:12s} {a['country'] or '-':4s} {a['name']}")


def _is_code_query(text: str) -> bool:
    return text.isupper() and text.isalpha() and len(text) <= 9
