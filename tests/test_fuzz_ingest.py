"""Property-based and fuzz tests of `aikg ingest` (curated YAML, docs/data-format.md).

Random documents built from the ontology, the fixture files mutated (structure and
bytes), wrong encodings and byte-order marks, enormous fields, lineage cycles,
self-referencing deals, dates out of range, duplicate ids with different content,
YAML alias bombs and deep nesting. Every input must end in a clean load (then
every node and relationship has sources, and loading again changes nothing) or in
a clear error naming the file (and the line, record and field) that wrote nothing.

Small derandomized slice by default; `AIKG_FUZZ_EXAMPLES=N` for long runs (see
tests/fuzzing.py, which also describes test-artifacts/fuzz-counts.json).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from fuzzing import (
    ENCODINGS,
    alias_bomb,
    big_text,
    check_load,
    encode,
    fresh_dir,
    fuzz_settings,
    mostly,
    mutate_tree,
    mutated_bytes,
    numbers,
    partial_dates,
    run_property,
    tally,
    text,
    time_limit,
    yaml_values,
)
from helpers import FIXTURES, load_graph, run_cli
from hypothesis import given
from hypothesis import strategies as st

from graph import queries
from ontology.vocab import vocabulary

__all__ = ["tally"]  # the fixture, imported for pytest

VOCAB = vocabulary()
CURATED = FIXTURES / "curated"
FIXTURE_FILES = sorted(CURATED.glob("*.yaml"))
FIXTURE_DOCS = {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in FIXTURE_FILES}
ISO_DATE = re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")
FIELD_NAMES = sorted({name for slots in VOCAB.slots.values() for name in slots} | set(VOCAB.sections))


def _fixture_ids() -> dict[str, list[str]]:
    ids: dict[str, list[str]] = {}

    def walk(value):
        if isinstance(value, dict):
            if isinstance(value.get("id"), str) and VOCAB.label_of(value["id"]):
                ids.setdefault(VOCAB.label_of(value["id"]), []).append(value["id"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for doc in FIXTURE_DOCS.values():
        walk(doc)
    return ids


KNOWN = _fixture_ids()


@pytest.fixture(scope="module")
def graph(session_store, cli_env):
    """The curated fixture loaded, the CLI pointed at the test server."""
    load_graph(session_store, cli_env, ("ingest", str(CURATED)))
    with pytest.MonkeyPatch.context() as patch:
        for key, value in cli_env.items():
            patch.setenv(key, value)
        yield session_store


def ingest(store, paths: list[Path], tally) -> tuple[str, dict]:
    """`aikg ingest PATHS --json`, checked: clean (and idempotent) or a clear error that wrote nothing."""
    before = queries.stats(store)
    with time_limit():
        code, payload, output = run_cli("ingest", *map(str, paths), "--json")
        outcome = check_load(store, before, code, payload, output, paths)
        if outcome == "clean":
            again, repeat, output = run_cli("ingest", *map(str, paths), "--json")
            assert again == 0 and repeat["before"] == repeat["after"], f"a second ingest changed the graph: {output}"
    tally.add(outcome, payload)
    return outcome, payload


def write_yaml(folder: Path, name: str, doc) -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# -- strategies from the ontology -------------------------------------------------------------
SLUG = st.from_regex(r"[a-z0-9][a-z0-9._/+-]{0,12}", fullmatch=True)


def ids_of(labels, known_odds: int | None = 1) -> st.SearchStrategy[str]:
    """An id of one of these labels: one the fixture defines (`known_odds` times in
    `known_odds + 1`; None: always), else a new well-formed one (a reference to it
    dangles unless the document defines it)."""
    labels = sorted(labels)
    known = sorted(i for label in labels for i in KNOWN.get(label, []))
    new = st.builds(lambda label, s: f"{VOCAB.labels[label]}:{s}", st.sampled_from(labels), SLUG)
    if not known:
        return new
    return st.sampled_from(known) if known_odds is None else mostly(st.sampled_from(known), new, odds=known_odds)


VALID_DATES = st.builds(lambda y, m, d: f"{y}{m}{d}", st.integers(1950, 2030).map(str),
                        st.sampled_from(["", "-01", "-07", "-12"]), st.sampled_from(["", "-01", "-28"])).filter(
    lambda d: len(d) != 8)  # no day without a month


def slot_value(spec, depth: int = 0, tidy: bool = False) -> st.SearchStrategy:
    """A value for a slot: in a `tidy` document always a valid one (so that documents are
    loaded, and written, too), otherwise valid 2 times in 3, else anything of any type."""
    if spec.mode in ("inlined", "association") and depth == 0:
        return st.lists(record_for(spec.range, depth + 1, tidy), max_size=3)
    if spec.mode == "reference" or spec.range in VOCAB.labels:
        valid = ids_of(VOCAB.labels_for_range(spec.range) or VOCAB.labels, known_odds=None if tidy else 4)
    elif spec.range == "PartialDate":
        valid = VALID_DATES
    elif spec.pattern:
        valid = st.from_regex(spec.pattern, fullmatch=True).filter(lambda v: v.strip() == v)
    elif spec.range in VOCAB.enums:
        valid = st.sampled_from(sorted(VOCAB.enums[spec.range]))
    elif spec.range == "integer":
        valid = st.integers(1, 10**15)
    elif spec.range == "float":
        valid = st.floats(0, 100)  # stake_percent is at most 100
    elif spec.range == "boolean":
        valid = st.booleans()
    elif spec.range == "uri":
        valid = st.sampled_from(["https://example.org/x", "http://example.com/a?b=c#d"])
    else:
        valid = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=30)
    junk = {"PartialDate": partial_dates(), "integer": numbers(), "float": numbers()}.get(spec.range, text())
    one = valid if tidy else mostly(valid, st.one_of(junk, yaml_values(max_leaves=2)), odds=2)
    return st.lists(one, max_size=3) if spec.multivalued else one


def record_for(label: str, depth: int = 0, tidy: bool = False) -> st.SearchStrategy[dict]:
    slots = VOCAB.slots[label]
    required = {name: slot_value(spec, depth, tidy) for name, spec in slots.items() if spec.required}
    if depth == 0:
        required["sources"] = st.lists(ids_of({"Source"}, known_odds=None if tidy else 4), min_size=1, max_size=2)
    if "id" in slots:
        required["id"] = ids_of({label})
    if "name" in slots:
        required["name"] = slot_value(slots["name"], depth, tidy)
    optional = {name: slot_value(spec, depth, tidy) for name, spec in slots.items() if name not in required}
    good = st.fixed_dictionaries(required, optional=optional)
    if tidy:
        return good
    junk = st.dictionaries(st.sampled_from(sorted(slots)), yaml_values(max_leaves=4), max_size=3)
    return mostly(good, st.builds(lambda a, b: {**a, **b}, good, junk), odds=3)


@st.composite
def curated_documents(draw):
    """A document of a few sections of records built from the ontology: tidy (every value
    valid, references to the fixture) half of the time, else with wrong values mixed in."""
    tidy = draw(st.booleans())
    sections = draw(st.lists(st.sampled_from(sorted(VOCAB.sections)), min_size=1, max_size=4, unique=True))
    doc = {s: draw(st.lists(record_for(VOCAB.sections[s], tidy=tidy), max_size=3)) for s in sections}
    if tidy:  # each id defined once (a duplicate id is a test of its own)
        seen: set = set()
        for n, record in enumerate(r for records in doc.values() for r in records):
            if record["id"] in seen:
                record["id"] = f"{record['id']}-{n}"
            seen.add(record["id"])
    elif draw(st.integers(0, 9)) == 0:  # now and then something that is no section at all
        doc[draw(text(12))] = draw(yaml_values())
    return doc


# Required fields besides id, name and sources, with valid values.
REQUIRED = {"deals": {"deal_kind": "partnership", "parties": [{"party": "org:example-co", "deal_role": "partner"}]},
            "licenses": {"license_kind": "permissive"}, "sources": {"source_kind": "primary"},
            "releases": {"model": "model:example-1", "date": "2024"}}


# -- the properties ----------------------------------------------------------------------------
def test_random_documents(graph, tmp_path, tally):
    @fuzz_settings(20)
    @given(docs=st.lists(curated_documents(), min_size=1, max_size=2))
    def run(docs):
        folder = fresh_dir(tmp_path)
        paths = [write_yaml(folder, f"doc{i}.yaml", doc) for i, doc in enumerate(docs)]
        ingest(graph, paths, tally)

    run_property(tally, run)


def test_mutated_fixture_documents(graph, tmp_path, tally):
    @fuzz_settings(20)
    @given(data=st.data())
    def run(data):
        folder = fresh_dir(tmp_path)
        paths = []
        for name, doc in FIXTURE_DOCS.items():
            doc = yaml.safe_load(yaml.safe_dump(doc))
            if data.draw(st.booleans(), label=f"mutate {name}"):
                mutate_tree(data.draw, doc, yaml_values(), steps=4, field_names=FIELD_NAMES)
            paths.append(write_yaml(folder, name, doc))
        ingest(graph, paths, tally)

    run_property(tally, run)


def test_mutated_fixture_bytes(graph, tmp_path, tally):
    originals = {p.name: p.read_bytes() for p in FIXTURE_FILES}

    @fuzz_settings(20)
    @given(data=st.data())
    def run(data):
        folder = fresh_dir(tmp_path)
        for name, original in originals.items():
            (folder / name).write_bytes(data.draw(mutated_bytes(original), label=name))
        ingest(graph, [folder], tally)

    run_property(tally, run)


def test_encodings_and_byte_order_marks(graph, tmp_path, tally):
    """A record whose name holds any text, in any encoding: UTF-8 (with or without BOM)
    loads and keeps the name exactly; another encoding loads only if its bytes happen
    to be UTF-8, else the file is named as unreadable."""
    @fuzz_settings(15)
    @given(name=st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=30)
           .filter(lambda s: s.strip() == s and s.strip()), encoding=st.sampled_from(ENCODINGS),
           bom=st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]), slug=SLUG)
    def run(name, encoding, bom, slug):
        folder = fresh_dir(tmp_path)
        record_id = f"org:enc-{slug}"
        doc = {"organizations": [{"id": record_id, "name": name, "sources": ["source:example-report"]}]}
        body = yaml.safe_dump(doc, allow_unicode=True)
        path = folder / "encoded.yaml"
        path.write_bytes(bom + encode(body, encoding))
        outcome, payload = ingest(graph, [path], tally)
        readable = encoding in ("utf-8", "utf-8-sig") and bom in (b"", b"\xef\xbb\xbf") \
            and not (encoding == "utf-8-sig" and bom)
        if readable:
            assert outcome == "clean", payload
        if outcome == "clean" and readable:
            [row] = graph.read("MATCH (o:Organization {id: $id}) RETURN o.name AS name", {"id": record_id})
            assert row["name"] == name
        if outcome == "rejected" and not readable:
            assert any(p["reason"].startswith(("cannot read file", "invalid YAML")) or p["line"]
                       for p in payload["problems"])

    run_property(tally, run)


DATE_FIELDS = [("releases", "date"), ("deals", "announced"), ("organizations", "founded"),
               ("sources", "published"), ("people", "roles.start_date"), ("people", "roles.end_date")]


def test_dates_out_of_range(graph, tmp_path, tally):
    """Only well-formed ISO dates of year, month or day precision are ever stored."""
    @fuzz_settings(16)
    @given(where=st.sampled_from(DATE_FIELDS), value=partial_dates(), slug=SLUG)
    def run(where, value, slug):
        section, field = where
        record = {"id": f"{VOCAB.labels[VOCAB.sections[section]]}:date-{slug}", "name": "Dated",
                  "sources": ["source:example-report"], **REQUIRED.get(section, {})}
        if field.startswith("roles."):
            record["roles"] = [{"organization": "org:example-co", "title": "Tester", field.split(".")[1]: value}]
        else:
            record[field] = value
        folder = fresh_dir(tmp_path)
        outcome, payload = ingest(graph, [write_yaml(folder, "dates.yaml", {section: [record]})], tally)
        stored = graph.read("MATCH (n {id: $id}) OPTIONAL MATCH (n)-[r:HOLDS_ROLE]->() "
                            "RETURN [n.date, n.announced, n.founded, n.published, r.start_date, r.end_date] AS d",
                            {"id": record["id"]})
        for row in stored:
            for date in row["d"]:
                assert date is None or (isinstance(date, str) and ISO_DATE.match(date)), date
        if outcome == "rejected":
            assert any(p["record"] == record["id"] and field.split(".")[0] in (p["field"] or "")
                       for p in payload["problems"]), payload["problems"]

    run_property(tally, run)


@st.composite
def lineages(draw):
    """A few models with BASED_ON edges drawn at random: self-loops and cycles included."""
    n = draw(st.integers(1, 5))
    slug = draw(SLUG)
    ids = [f"model:cyc-{slug}-{i}" for i in range(n)]
    edges = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=2 * n))
    if draw(st.booleans()) and n > 1:
        edges += [(0, 1), (1, 0)]  # A based on B based on A
    models = []
    for i, model_id in enumerate(ids):
        bases = [{"base_model": ids[b], "lineage_kind": draw(st.sampled_from(VOCAB.enums["LineageKind"]))}
                 for a, b in edges if a == i]
        models.append({"id": model_id, "name": f"Cycle {slug} {i}", "base_models": bases,
                       "developers": ["org:example-lab"], "sources": ["source:example-report"]})
    return models


def test_lineage_cycles(graph, tmp_path, tally):
    """Cycles in lineage load (or are refused) and every command reading lineage still
    ends, with a defined exit code."""
    @fuzz_settings(6, heavy=True)
    @given(models=lineages())
    def run(models):
        folder = fresh_dir(tmp_path)
        path = write_yaml(folder, "lineage.yaml", {"models": models})
        ingest(graph, [path], tally)
        before = queries.stats(graph)
        with time_limit():
            for args in (("analyze",), ("ask", f"What is the lineage of {models[0]['name']}?"),
                         ("ask", f"Which models are based on {models[-1]['name']}?"),
                         ("openness", models[0]["id"]), ("check", str(path))):
                code, payload, output = run_cli(*args, "--json")
                assert code in (0, 1) and payload is not None, output[-2000:]
        assert queries.stats(graph) == before

    run_property(tally, run)


def test_self_referencing_deals(graph, tmp_path, tally):
    """A deal whose parties repeat one organization, name the deal itself, another deal or
    a model: loaded when every party is an organization or person, else refused naming
    the deal and its `parties` field."""
    party = mostly(st.sampled_from(["org:example-co", "org:example-lab", "person:ada-example"]),
                   st.one_of(st.sampled_from(["SELF", "deal:example-stake", "model:example-1", "org:nowhere"]), text(10)),
                   odds=2)

    @fuzz_settings(15)
    @given(parties=st.lists(st.tuples(party, st.sampled_from(VOCAB.enums["DealRole"])), min_size=1,
                            max_size=4), slug=SLUG)
    def run(parties, slug):
        deal_id = f"deal:self-{slug}"
        deal = {"id": deal_id, "name": "Self deal", "deal_kind": "partnership", "sources": ["source:example-report"],
                "parties": [{"party": deal_id if p == "SELF" else p, "deal_role": role} for p, role in parties]}
        folder = fresh_dir(tmp_path)
        outcome, payload = ingest(graph, [write_yaml(folder, "deal.yaml", {"deals": [deal]})], tally)
        valid = all(p in ("org:example-co", "org:example-lab", "person:ada-example") for p, _ in parties)
        assert outcome == ("clean" if valid else "rejected"), payload
        if outcome == "rejected":
            assert all(p["record"] == deal_id and (p["field"] or "").startswith("parties")
                       for p in payload["problems"]), payload["problems"]

    run_property(tally, run)


def test_duplicate_ids_with_different_content(graph, tmp_path, tally):
    """An id defined twice with different content is refused, naming both places."""
    @fuzz_settings(10)
    @given(section=st.sampled_from(["organizations", "models", "licenses", "sources", "benchmarks"]),
           existing=st.booleans(), same_file=st.booleans(), names=st.tuples(text(20), text(20)), slug=SLUG)
    def run(section, existing, same_file, names, slug):
        label = VOCAB.sections[section]
        record_id = KNOWN[label][0] if existing else f"{VOCAB.labels[label]}:dup-{slug}"
        records = [{"id": record_id, "name": names[0] or "A", "description": "first",
                    "sources": ["source:example-report"], **REQUIRED.get(section, {})},
                   {"id": record_id, "name": names[1] or "B", "description": "second",
                    "sources": ["source:example-announcement"], **REQUIRED.get(section, {})}]
        folder = fresh_dir(tmp_path)
        if same_file:
            paths = [write_yaml(folder, "dup.yaml", {section: records})]
        else:
            paths = [write_yaml(folder, "dup1.yaml", {section: records[:1]}),
                     write_yaml(folder, "dup2.yaml", {section: records[1:]})]
        outcome, payload = ingest(graph, paths, tally)
        assert outcome == "rejected"
        assert any(p["record"] == record_id and p["field"] == "id" and "duplicate id" in p["reason"]
                   for p in payload["problems"]), payload["problems"]

    run_property(tally, run)


def test_enormous_fields(graph, tmp_path, tally):
    """Strings up to 1 MB in any text field (the id and the indexed name included)."""
    @fuzz_settings(6, heavy=True)
    @given(field=st.sampled_from(["id", "name", "description", "notes", "aliases", "url", "sources", "title"]),
           value=big_text(), slug=SLUG)
    def run(field, value, slug):
        record = {"id": f"org:big-{slug}", "name": "Big", "sources": ["source:example-report"]}
        if field == "id":
            record["id"] = "org:" + re.sub(r"[^a-z0-9]", "a", value[:-4]).lower()
        elif field in ("aliases", "sources"):
            record[field] = [value]
        elif field == "title":
            record = {"id": f"person:big-{slug}", "name": "Big", "sources": ["source:example-report"],
                      "roles": [{"organization": "org:example-co", "title": value}]}
        else:
            record[field] = value
        section = "people" if field == "title" else "organizations"
        folder = fresh_dir(tmp_path)
        outcome, payload = ingest(graph, [write_yaml(folder, "big.yaml", {section: [record]})], tally)
        if outcome == "rejected":
            assert any(p["field"] and p["field"].split(".")[0].split("[")[0] in (field, "roles")
                       for p in payload["problems"]), payload["problems"]

    run_property(tally, run)


BOMB = "lol:\n" + "\n".join("  " + line for line in alias_bomb().split("\n")) + "\n"
MODEL = "models:\n  - id: model:hostile\n    name: Hostile\n    sources: [source:example-report]\n"
HOSTILE_YAML = {
    "alias bomb in a list field": BOMB + MODEL + "    aliases: *a8\n",
    "alias bomb in a text field": BOMB + MODEL.replace("name: Hostile", "name: *a8"),
    "deeply nested flow lists": "organizations: " + "[" * 5000 + "]" * 5000 + "\n",
    "deeply nested block lists": "organizations:\n" + "".join("  " * i + "-\n" for i in range(1, 3000)),
    "recursive alias": "organizations: &x\n  - *x\n",
    "a list as a key": "organizations:\n  - ? [a, b]\n    : 1\n",
    "a mapping as a key": "{a: 1}: x\n",
    "integer of 5000 digits": MODEL + "    parameters: " + "9" * 5000 + "\n",
    "integer of 30 digits": MODEL + "    parameters: " + "9" * 30 + "\n",
    "infinite and NaN numbers": MODEL + "    training_compute_flop: .inf\n    active_parameters: .nan\n",
    "python tag": "organizations: !!python/object/apply:os.system ['true']\n",
    "binary": "organizations: !!binary AAECAw==\n",
    "not a mapping": "- just\n- a list\n",
    "NUL character": "organizations:\n  - id: org:nul\n    name: \"a\0b\"\n",
    "duplicate key": "organizations:\n  - id: org:dk\n    id: org:dk2\n    name: x\n    sources: [source:example-report]\n",
    "tab indentation": "organizations:\n\t- id: org:tab\n",
    "only a BOM": "\ufeff",
    "many documents": "organizations: []\n---\nmodels: []\n",
}


@pytest.mark.parametrize("case", sorted(HOSTILE_YAML))
def test_hostile_yaml(graph, tmp_path, tally, case):
    """Alias bombs, nesting deeper than the parser's recursion, recursive aliases, tags:
    each ends quickly in a clean load or a clear error naming the file."""
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE_YAML[case], encoding="utf-8")
    ingest(graph, [path], tally)
    tally.completed = True
