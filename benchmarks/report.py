"""Markdown tables of a results file of `aikg bench`, for BENCHMARKS.md.

    python -m benchmarks.report RESULTS.json [MORE.json …]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path


def _table(header: list[str], rows: list[list]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    return lines + ["| " + " | ".join("" if v is None else f"{v:,}" if isinstance(v, int) else str(v)
                                      for v in row) + " |" for row in rows]


def loaders(result: dict) -> list[str]:
    loaded = result.get("loaders")
    if not loaded:
        return []
    rows = []
    for name in ("per_record", "kgx", "create_ceiling", "aikg"):
        entry = loaded.get(name, {})
        if "unavailable" in entry:
            rows.append([name, None, None, None, None, entry["unavailable"]])
            continue
        rows.append([name, entry["seconds"], entry["nodes"], entry["relationships"], entry["per_s"],
                     f"{len(entry['errors'])} error(s) logged" if entry.get("errors") else ""])
    return [f"Loaders on the same {loaded['nodes']:,}-node landscape, each into a fresh server:", ""] + \
        _table(["loader", "seconds", "nodes", "relationships", "records/s", "note"], rows)


def scales(result: dict) -> list[str]:
    rows = []
    for scale in (s for s in result["scales"] if "aikg" in s.get("ingest", {})):
        ingest = scale["ingest"]
        rows.append([scale["target_nodes"], scale["records"]["nodes"], scale["records"]["relationships"],
                     ingest["aikg"]["per_s"], ingest["create_ceiling"]["per_s"],
                     round(ingest["create_ceiling"]["per_s"] / ingest["aikg"]["per_s"], 2)])
    return _table(["scale", "nodes", "relationships", "writer records/s", "CREATE records/s",
                   "ceiling / writer"], rows)


def questions(result: dict) -> list[str]:
    names = sorted({q for scale in result["scales"] for q in scale["questions"]})
    header = ["question"] + [f"{s['target_nodes']:,}: rows / p50 / p95 ms" for s in result["scales"]]
    rows = [[name] + [_latency(s["questions"].get(name)) for s in result["scales"]] for name in names]
    return _table(header, rows)


def whole_answers(result: dict) -> list[str]:
    """The paged questions again, for their whole answer."""
    names = sorted({q for scale in result["scales"] for q, v in scale["questions"].items() if "whole" in v})
    if not names:
        return []
    header = ["question (whole answer)"] + [f"{s['target_nodes']:,}: rows / p50 / p95 ms" for s in result["scales"]]
    rows = [[name] + [_latency(s["questions"].get(name, {}).get("whole")) for s in result["scales"]] for name in names]
    return ["Questions answered a page at a time, asked for every row:", ""] + _table(header, rows)


def _latency(q: dict | None) -> str:
    return f"{q['rows']:,} / {q['p50_ms']} / {q['p95_ms']}" if q else ""


def rdf(result: dict) -> list[str]:
    rows = []
    for scale in (s for s in result["scales"] if "rdf" in s):
        r = scale["rdf"]
        rows.append([scale["target_nodes"], r["streaming"]["triples"], r["streaming"]["triples_per_s"],
                     r["streaming"].get("peak_mb"), r["rdflib"]["triples_per_s"], r["rdflib"].get("peak_mb"),
                     r["speedup"], r.get("rdflib_streamed", {}).get("triples_per_s"), r.get("speedup_same_reader")])
    return _table(["scale", "triples", "aikg triples/s", "aikg peak MB", "rdflib triples/s", "rdflib peak MB",
                   "speedup", "rdflib on aikg's reader, triples/s", "speedup (same reader)"], rows)


def app(result: dict) -> list[str]:
    columns = [("curated", result.get("app_curated"))] + [
        (f"{s['target_nodes']:,} nodes", s["app"]) for s in result["scales"] if "app" in s]
    columns = [(name, pages) for name, pages in columns if pages]
    if not columns:
        return []
    pages = list(dict.fromkeys(p for _, timing in columns for p in timing))
    return _table(["page"] + [f"{name}: first render (s)" for name, _ in columns],
                  [[page] + [timing.get(page, {}).get("max_s") for _, timing in columns] for page in pages])


def render(result: dict) -> str:
    m = result["machine"]
    header = (f"Date {result['date']}; {m['machine']}, {m['cores']} cores, Python {m['python']}, "
              f"arcadedb-embedded {m['arcadedb_embedded']}, neo4j driver {m['neo4j_driver']}, "
              f"rdflib {m['rdflib']}" + (f"; whole run {result['seconds']} s." if "seconds" in result else "."))
    lines = [header, ""]
    for part in (loaders, scales, questions, whole_answers, rdf, app):
        block = part(result)
        if block:
            lines += block + [""]
    return "\n".join(lines)


def ratio_table(result: dict):
    """The headline ratios of a run as a rich table (what `aikg bench` prints at the end)."""
    from rich.table import Table

    table = Table("scale", "figure", "value", "target", title=f"aikg bench ({result['seconds']} s)")
    for row in result["ratios"]:
        table.add_row(f"{row['scale']:,}", row["figure"], str(row["ratio"]), row["target"])
    return table


if __name__ == "__main__":
    for path in sys.argv[1:]:
        print(render(json.loads(Path(path).read_text(encoding="utf-8"))))
