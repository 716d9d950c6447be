"""Property-based and fuzz tests of the dataset importers: `aikg import epoch | ecosystem-graphs
| mot | articles | rdf`, and `aikg openness mof FILE` on the same MOT files.

Random files built in each format, the fixture files mutated (structure and bytes),
wrong encodings and byte-order marks, enormous fields, lineage cycles (A based on B
based on A, through Epoch's "Base model", Ecosystem Graphs' dependencies and MOT's
`origin`), duplicate records with different content, dates out of range, and RDF with
literals of every datatype. Every input ends in a clean import (every node and
relationship sourced; importing again changes nothing) or in a clear error naming the
file, record and field that wrote nothing — never a traceback, a hang or a partial write.

Small derandomized slice by default; `AIKG_FUZZ_EXAMPLES=N` for long runs (tests/fuzzing.py).
"""
from __future__ import annotations

import csv
import io
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
from ingest.sources.ecosystem import ACCESS, KINDS
from ingest.sources.epoch import CODE, DOMAIN, ORG_KIND, WEIGHTS
from ingest.sources.mot import COMPONENTS

__all__ = ["tally"]  # the fixture, imported for pytest

EPOCH_FILE = FIXTURES / "epoch" / "all_ml_systems.csv"
ECOSYSTEM_FILE = FIXTURES / "ecosystem" / "assets" / "example.yaml"
MOT_FILE = FIXTURES / "mot" / "models" / "Example-1.yml"
ARTICLES = sorted((FIXTURES / "articles").iterdir())
EPOCH_HEADER = next(csv.reader(io.StringIO(EPOCH_FILE.read_text(encoding="utf-8-sig"))))

# Names shared by the generated records, so that records refer to each other (and to the
# curated fixture): base models and dependencies form chains, cycles and self-references.
MODELS = ["Example-1", "Example 1", "Example-1 Chat", "Alpha", "Beta", "Gamma 7B", "Gamma 70B", "ExampleCorpus"]
ORGS = ["Example Lab", "Example Co, Inc.", "ExampleCorp", "New University", "Meta", "Example Lab Ltd."]
LICENSES = ["Example Open License", "Apache-2.0", "MIT", "CC-BY-4.0", "unlicensed", "Proprietary", "", "Llama 2"]


@pytest.fixture(scope="module")
def graph(session_store, cli_env):
    """The curated fixture loaded (imports resolve against it), the CLI pointed at the test server."""
    load_graph(session_store, cli_env, ("ingest", str(FIXTURES / "curated")))
    with pytest.MonkeyPatch.context() as patch:
        for key, value in cli_env.items():
            patch.setenv(key, value)
        yield session_store


def import_(store, kind: str, paths: list[Path], tally, inputs: list[Path] | None = None) -> tuple[str, dict]:
    """`aikg import KIND PATHS --json`, checked: a clean, idempotent import or a clear
    error naming one of the input files that wrote nothing."""
    before = queries.stats(store)
    with time_limit():
        code, payload, output = run_cli("import", kind, *map(str, paths), "--json")
        outcome = check_load(store, before, code, payload, output, inputs or paths)
        if outcome == "clean":
            again, repeat, output = run_cli("import", kind, *map(str, paths), "--json")
            assert again == 0 and repeat["before"] == repeat["after"], f"importing again changed the graph: {output}"
    tally.add(outcome, payload)
    return outcome, payload


def one_of_or_junk(values, junk=None) -> st.SearchStrategy:
    """Mostly (3 in 4) a value the format knows, else anything."""
    return mostly(st.sampled_from(values), junk if junk is not None else text(), odds=3)


# -- Epoch AI CSV -------------------------------------------------------------------------------
def _cells() -> dict[str, st.SearchStrategy]:
    number_text = st.one_of(numbers().map(str), st.sampled_from(["7,000,000,000", "1.2e+23", " 5 ", "unknown", ""]))
    joined = lambda values: st.lists(one_of_or_junk(values), max_size=3).map(",".join)
    return {
        "System": one_of_or_junk(MODELS),
        "Domain": joined(sorted(DOMAIN)),
        "Organization": st.lists(one_of_or_junk(ORGS), max_size=3).map(
            lambda names: ",".join(f'"{n}"' if "," in n else n for n in names)),
        "Organization categorization": joined(sorted(ORG_KIND)),
        "Publication date": st.one_of(partial_dates().map(str), text()),
        "Model accessibility": one_of_or_junk(sorted(WEIGHTS)),
        "Parameters": number_text,
        "Training compute (FLOP)": number_text,
        "Frontier model": one_of_or_junk(["checked", ""]),
        "Base model": one_of_or_junk(MODELS + [""]),
        "Link": one_of_or_junk(["https://example.org/x", "https://a.example\nhttps://b.example", "ftp://x", ""]),
        "Training code accessibility": one_of_or_junk(sorted(CODE)),
        "Inference code accessibility": one_of_or_junk(sorted(CODE)),
        "Dataset accessibility": one_of_or_junk(sorted(CODE)),
        "Abstract": text(200),
    }


CELLS = _cells()


@st.composite
def epoch_csv(draw) -> bytes:
    header = list(EPOCH_HEADER)
    variant = draw(st.sampled_from(["as is"] * 5 + ["shuffled", "missing", "duplicated", "extra"]))
    if variant == "shuffled":
        header = draw(st.permutations(header))
    elif variant == "missing":
        header.remove(draw(st.sampled_from(header)))
    elif variant == "duplicated":
        header.insert(draw(st.integers(0, len(header))), draw(st.sampled_from(header)))
    elif variant == "extra":
        header.append(draw(text(15)))
    rows = []
    for _ in range(draw(st.integers(0, 5))):
        row = [draw(CELLS.get(column, text())) for column in header]
        if draw(st.integers(0, 9)) == 0:  # a row with too few or too many cells
            row = row[:draw(st.integers(0, len(row)))] + draw(st.lists(text(5), max_size=2))
        rows.append(row)
    out = io.StringIO()
    writer = csv.writer(out, quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])),
                        lineterminator=draw(st.sampled_from(["\r\n", "\n"])))
    writer.writerow(header)
    writer.writerows(rows)
    encoding = draw(st.sampled_from(["utf-8-sig"] * 6 + ["utf-8"] * 3 + ENCODINGS))
    return encode(out.getvalue(), encoding)


def test_epoch_random_files(graph, tmp_path, tally):
    @fuzz_settings(12)
    @given(data=epoch_csv())
    def run(data):
        path = fresh_dir(tmp_path) / "all_ml_systems.csv"
        path.write_bytes(data)
        import_(graph, "epoch", [path], tally)

    run_property(tally, run)


def test_epoch_mutated_fixture(graph, tmp_path, tally):
    original = EPOCH_FILE.read_bytes()
    header_end = original.index(b"\n") + 1

    @fuzz_settings(12)
    @given(data=st.one_of(mutated_bytes(original, max_ops=2),  # the header kept, most of the time
                          mutated_bytes(original[header_end:], max_ops=2).map(lambda body: original[:header_end] + body),
                          mutated_bytes(original[header_end:], max_ops=2).map(lambda body: original[:header_end] + body)))
    def run(data):
        path = fresh_dir(tmp_path) / "all_ml_systems.csv"
        path.write_bytes(data)
        import_(graph, "epoch", [path], tally)

    run_property(tally, run)


# -- Ecosystem Graphs --------------------------------------------------------------------------
def explained(values) -> st.SearchStrategy:
    """A field as Ecosystem Graphs writes it: plain, or {value, explanation}."""
    return st.one_of(values, st.fixed_dictionaries({"value": values, "explanation": text(20)}))


ASSET_FIELDS = {
        "organization": explained(st.one_of(one_of_or_junk(ORGS), st.lists(st.sampled_from(ORGS), max_size=2)
                                            .map(", ".join), yaml_values(max_leaves=3))),
        "created_date": explained(partial_dates()),
        "access": explained(one_of_or_junk(sorted(ACCESS) + ["Open", " limited "])),
        "license": explained(one_of_or_junk(LICENSES)),
        "size": explained(st.one_of(st.sampled_from(["7B parameters (dense)", "70B", "1.5T", "9" * 400 + "B",
                                                     "unknown", "12 K"]), text())),
        "dependencies": st.one_of(st.lists(one_of_or_junk(MODELS), max_size=4), yaml_values(max_leaves=3)),
        "url": explained(one_of_or_junk(["https://example.org/x", "not a url", "https://a b"])),
}
ASSET = st.fixed_dictionaries(
    {"type": one_of_or_junk(sorted(KINDS), yaml_values(max_leaves=3)), "name": one_of_or_junk(MODELS)},
    optional=ASSET_FIELDS)


def write_assets(folder: Path, files: list) -> Path:
    assets = folder / "assets"
    assets.mkdir()
    for i, doc in enumerate(files):
        (assets / f"file{i}.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return folder


def test_ecosystem_random_files(graph, tmp_path, tally):
    @fuzz_settings(12)
    @given(files=st.lists(st.lists(mostly(ASSET, yaml_values(max_leaves=3)), max_size=5),
                          min_size=1, max_size=2))
    def run(files):
        import_(graph, "ecosystem-graphs", [write_assets(fresh_dir(tmp_path), files)], tally)

    run_property(tally, run)


def test_ecosystem_mutated_fixture(graph, tmp_path, tally):
    original = ECOSYSTEM_FILE.read_bytes()
    doc = yaml.safe_load(original)

    @fuzz_settings(12)
    @given(data=st.data())
    def run(data):
        folder = fresh_dir(tmp_path)
        if data.draw(st.booleans(), label="bytes or structure"):
            (folder / "assets").mkdir()
            (folder / "assets" / "example.yaml").write_bytes(data.draw(mutated_bytes(original)))
        else:
            mutated = mutate_tree(data.draw, yaml.safe_load(yaml.safe_dump(doc)), yaml_values(), steps=4,
                                  field_names=list(ASSET_FIELDS) + ["type", "name"])
            write_assets(folder, [mutated])
        import_(graph, "ecosystem-graphs", [folder], tally)

    run_property(tally, run)


# -- Model Openness Tool -------------------------------------------------------------------------
LICENSE_ENTRY = st.one_of(st.fixed_dictionaries({"name": one_of_or_junk(LICENSES)},
                                                optional={"path": text(10)}), yaml_values(max_leaves=2))
MOT_FIELDS = {
        "version": text(10), "date": st.one_of(partial_dates(), text()), "type": text(10),
        "origin": one_of_or_junk(MODELS + [""]), "producer": one_of_or_junk(ORGS, yaml_values(max_leaves=2)),
        "license": st.one_of(st.dictionaries(st.sampled_from(["distribution", "code", "data", "document"]),
                                             LICENSE_ENTRY, max_size=4), yaml_values(max_leaves=2)),
        "components": st.one_of(st.lists(st.fixed_dictionaries(
            {"name": one_of_or_junk(sorted(COMPONENTS), yaml_values(max_leaves=2))},
            optional={"license": one_of_or_junk(LICENSES, LICENSE_ENTRY), "description": text(20),
                      "component_path": one_of_or_junk(["https://example.org/c", "local/path"])}), max_size=6),
            yaml_values(max_leaves=3)),
        "huggingface": one_of_or_junk(["https://huggingface.co/x/y", "x/y"]),
}
MOT_RELEASE = st.fixed_dictionaries({"name": one_of_or_junk(MODELS, yaml_values(max_leaves=2))}, optional=MOT_FIELDS)


def check_mof(paths: list[Path]) -> None:
    """`aikg openness mof FILE` on the same file: a result or a clear error, never a traceback."""
    for path in paths:
        code, payload, output = run_cli("openness", "mof", str(path), "--json")
        assert code in (0, 1) and isinstance(payload, dict), output[-2000:]
        if code == 1:
            assert payload["error"].strip(), payload


def test_mot_random_files(graph, tmp_path, tally):
    @fuzz_settings(12)
    @given(releases=st.lists(mostly(MOT_RELEASE, yaml_values(max_leaves=3)), min_size=1, max_size=3),
           suffix=st.sampled_from([".yml", ".yaml"]))
    def run(releases, suffix):
        folder = fresh_dir(tmp_path) / "models"
        folder.mkdir()
        paths = []
        for i, release in enumerate(releases):
            paths.append(folder / f"Model-{i}{suffix}")
            doc = {"framework": {"name": "Model Openness Framework", "version": "1.0"}, "release": release}
            paths[-1].write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
        with time_limit():
            check_mof(paths)
        import_(graph, "mot", [folder.parent], tally)

    run_property(tally, run)


def test_mot_mutated_fixture(graph, tmp_path, tally):
    original = MOT_FILE.read_bytes()
    doc = yaml.safe_load(original)

    @fuzz_settings(12)
    @given(data=st.data())
    def run(data):
        folder = fresh_dir(tmp_path) / "models"
        folder.mkdir()
        path = folder / MOT_FILE.name
        if data.draw(st.booleans(), label="bytes or structure"):
            path.write_bytes(data.draw(mutated_bytes(original)))
        else:
            mutated = mutate_tree(data.draw, yaml.safe_load(yaml.safe_dump(doc)), yaml_values(), steps=4,
                                  field_names=list(MOT_FIELDS) + ["name", "release", "license"])
            path.write_text(yaml.safe_dump(mutated, allow_unicode=True), encoding="utf-8")
        with time_limit():
            check_mof([path])
        import_(graph, "mot", [folder], tally)

    run_property(tally, run)


# -- articles ------------------------------------------------------------------------------------
ARTICLE_TEXT = st.lists(st.one_of(text(30), st.sampled_from(MODELS + ORGS + ["Ada Example", ". ", "\n", "<p>", "</p>",
                                                                              "<title>", "</title>", "<script>",
                                                                              "<!doctype html>", "&amp;", "\\n"])),
                        min_size=1, max_size=30).map("".join)


def test_articles_random_files(graph, tmp_path, tally):
    @fuzz_settings(12)
    @given(files=st.lists(st.tuples(ARTICLE_TEXT, st.sampled_from([".txt", ".html", ".htm", ".TXT", ".md"]),
                                    st.sampled_from(["utf-8", "utf-8", "utf-8-sig", *ENCODINGS]),
                                    st.from_regex(r"[A-Za-z0-9 ._-]{1,20}", fullmatch=True)),
                          min_size=1, max_size=3),
           as_folder=st.booleans())
    def run(files, as_folder):
        folder = fresh_dir(tmp_path)
        paths = []
        for i, (body, suffix, encoding, stem) in enumerate(files):
            paths.append(folder / f"{stem.strip('.') or 'a'}-{i}{suffix}")
            paths[-1].write_bytes(encode(body, encoding))
        import_(graph, "articles", [folder] if as_folder else paths, tally, inputs=[folder])

    run_property(tally, run)


# -- RDF ------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def exports(graph, cli_env, tmp_path_factory) -> dict[str, Path]:
    """The curated fixture graph (reloaded: the tests before left their imports in it)
    exported in each RDF format."""
    load_graph(graph, cli_env, ("ingest", str(FIXTURES / "curated")))
    folder = tmp_path_factory.mktemp("rdf-exports")
    out = {}
    for fmt, suffix in (("nt", ".nt"), ("turtle", ".ttl"), ("trig", ".trig"), ("json-ld", ".jsonld")):
        out[fmt] = folder / f"graph{suffix}"
        code, _, output = run_cli("export", "rdf", "--format", fmt, "-o", str(out[fmt]), "--json")
        assert code == 0, output
    return out


LITERALS = ['"abc"^^<http://www.w3.org/2001/XMLSchema#integer>', '"1e400"^^<http://www.w3.org/2001/XMLSchema#double>',
            '"99999999999999999999999"^^<http://www.w3.org/2001/XMLSchema#integer>',
            '"2024-01-01"^^<http://www.w3.org/2001/XMLSchema#date>',
            '"2024-01-01T10:00:00"^^<http://www.w3.org/2001/XMLSchema#dateTime>',
            '"P1D"^^<http://www.w3.org/2001/XMLSchema#duration>', '"0F"^^<http://www.w3.org/2001/XMLSchema#hexBinary>',
            '"AAEC"^^<http://www.w3.org/2001/XMLSchema#base64Binary>',
            '"1.5"^^<http://www.w3.org/2001/XMLSchema#decimal>', '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>',
            '"10:00:00"^^<http://www.w3.org/2001/XMLSchema#time>', '"<b>x</b>"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral>',
            '"x"@en', '""', '"\\u0000"', '_:b0', '<https://w3id.org/aikg/id/model/example-1>',
            '<https://w3id.org/aikg/id/deal/example-stake>', '<https://w3id.org/aikg/id/nope/x>', '<urn:x>']


@st.composite
def mutated_ntriples(draw, lines: list[str]):
    """N-Triples of the fixture graph with lines dropped, repeated, their object replaced by a
    literal of another datatype or another node, or their subject by another node (so one
    id gets two different contents)."""
    lines = list(lines)
    subjects = sorted({line.split(" ", 1)[0] for line in lines if line.startswith("<")})
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["drop", "repeat", "object", "object", "object", "subject", "subject", "junk"]))
        parts = lines[i].split(" ", 2)
        if op == "drop":
            del lines[i]
        elif op == "repeat":
            lines.insert(i, lines[i])
        elif op == "object" and len(parts) == 3:
            lines[i] = f"{parts[0]} {parts[1]} {draw(st.sampled_from(LITERALS))} ."
        elif op == "subject" and len(parts) == 3:
            lines[i] = f"{draw(st.sampled_from(subjects))} {parts[1]} {parts[2]}"
        else:
            lines.insert(i, draw(text(40)))
        if not lines:
            break
    return "\n".join(lines) + "\n"


def test_rdf_mutated_exports(graph, exports, tmp_path, tally):
    lines = [line for line in exports["nt"].read_text(encoding="utf-8").splitlines() if line.strip()]

    @fuzz_settings(12)
    @given(body=mutated_ntriples(lines))
    def run(body):
        path = fresh_dir(tmp_path) / "graph.nt"
        path.write_text(body, encoding="utf-8")
        import_(graph, "rdf", [path], tally)

    run_property(tally, run)


def test_rdf_literals_of_every_datatype(graph, exports, tmp_path, tally):
    """A property of the fixture export given a literal of another datatype (decimal, date,
    duration, bytes, XML, a language tag, an ill-typed or 64-bit-overflowing integer):
    imported as the slot's type, or refused naming the record and field."""
    lines = [line for line in exports["nt"].read_text(encoding="utf-8").splitlines() if line.strip()]
    literal_lines = [i for i, line in enumerate(lines) if line.rstrip(" .").endswith(('"', ">"))
                     and '"' in line.split(" ", 2)[2]]

    @fuzz_settings(12)
    @given(changes=st.lists(st.tuples(st.sampled_from(literal_lines), st.sampled_from(LITERALS)), min_size=1,
                            max_size=3))
    def run(changes):
        body = list(lines)
        for i, literal in changes:
            subject, predicate, _ = body[i].split(" ", 2)
            body[i] = f"{subject} {predicate} {literal} ."
        path = fresh_dir(tmp_path) / "graph.nt"
        path.write_text("\n".join(body) + "\n", encoding="utf-8")
        import_(graph, "rdf", [path], tally)

    run_property(tally, run)


def test_rdf_mutated_bytes(graph, exports, tmp_path, tally):
    originals = {fmt: path.read_bytes() for fmt, path in exports.items()}

    @fuzz_settings(10)
    @given(data=st.data(), fmt=st.sampled_from(sorted(originals)))
    def run(data, fmt):
        path = fresh_dir(tmp_path) / exports[fmt].name
        path.write_bytes(data.draw(mutated_bytes(originals[fmt])))
        import_(graph, "rdf", [path], tally)

    run_property(tally, run)


# -- every importer: encodings, byte-order marks, enormous fields ------------------------------------
def _place(kind: str, folder: Path, name: str, data: bytes) -> tuple[Path, Path]:
    """Write one dataset file where its importer looks: (the path to import, the file)."""
    sub = {"ecosystem-graphs": "assets", "mot": "models"}.get(kind)
    target = folder / sub if sub else folder
    target.mkdir(exist_ok=True)
    (target / name).write_bytes(data)
    return (folder if sub else target / name), target / name


FIXTURE_FILES = {"epoch": EPOCH_FILE, "ecosystem-graphs": ECOSYSTEM_FILE, "mot": MOT_FILE, "articles": ARTICLES[1]}


def test_encodings_and_byte_order_marks(graph, tmp_path, tally):
    """A fixture file in another encoding, with or without byte-order mark: UTF-8 imports
    cleanly; another encoding imports only if its bytes happen to be UTF-8, else the
    file is named as unreadable."""
    @fuzz_settings(12)
    @given(kind=st.sampled_from(sorted(FIXTURE_FILES)), encoding=st.sampled_from(ENCODINGS),
           bom=st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe"]), accent=st.sampled_from(["", "é", "日本", "🙂"]))
    def run(kind, encoding, bom, accent):
        source = FIXTURE_FILES[kind]
        body = source.read_text(encoding="utf-8-sig").replace("Example Lab", f"Example Lab{accent}")
        path, _ = _place(kind, fresh_dir(tmp_path), source.name, bom + encode(body, encoding))
        outcome, payload = import_(graph, kind, [path], tally)
        if encoding == "utf-8" and bom in (b"", b"\xef\xbb\xbf") or encoding == "utf-8-sig" and not bom:
            assert outcome == "clean", payload

    run_property(tally, run)


def test_enormous_fields(graph, tmp_path, tally):
    """A 70 kB to 1 MB string in place of a name, an organization, a date, a license or a
    free-text field of each importer's fixture."""
    @fuzz_settings(8, heavy=True)
    @given(kind=st.sampled_from(sorted(FIXTURE_FILES)), value=big_text(),
           target=st.sampled_from(["Example Lab", "Example-1", "2024", "Example Open License", "fictional"]))
    def run(kind, value, target):
        source = FIXTURE_FILES[kind]
        body = source.read_text(encoding="utf-8-sig")
        if kind in ("ecosystem-graphs", "mot"):  # keep the YAML well-formed: a quoted scalar
            value = '"' + value.replace("\\", "").replace('"', "").replace("\n", " ") + '"'
        elif kind == "epoch":
            value = '"' + value.replace('"', '""') + '"'
        body = re.sub(re.escape(target) + r"[^\n,]*", lambda m: value, body, count=1)
        path, _ = _place(kind, fresh_dir(tmp_path), source.name, body.encode("utf-8"))
        import_(graph, kind, [path], tally)

    run_property(tally, run)


# -- hostile YAML in the dataset formats ------------------------------------------------------------
_BOMB = alias_bomb().split("\n")
HOSTILE_DATASETS = {
    ("ecosystem-graphs", "alias bomb"): "\n".join(_BOMB) + "\n- type: model\n  name: Bomb\n  organization: *a8\n",
    ("ecosystem-graphs", "deep nesting"): "- " + "[" * 5000 + "]" * 5000 + "\n",
    ("ecosystem-graphs", "a list as a key"): "- type: model\n  name: X\n  ? [a, b]\n  : 1\n",
    ("ecosystem-graphs", "integer of 5000 digits"): "- type: model\n  name: X\n  size: " + "9" * 5000 + "\n",
    ("ecosystem-graphs", "no list"): "type: model\nname: X\n",
    ("mot", "alias bomb"): "lol:\n" + "\n".join("  " + line for line in _BOMB)
                           + "\nrelease:\n  name: Bomb\n  license: {}\n  components:\n    - name: *a8\n",
    ("mot", "deep nesting"): "release: " + "[" * 5000 + "]" * 5000 + "\n",
    ("mot", "a mapping as a key"): "release:\n  name: X\n  {a: 1}: x\n",
    ("mot", "license as text"): "release:\n  name: X\n  license: MIT\n  components: []\n",
    ("mot", "component name a list"): "release:\n  name: X\n  license: {}\n  components:\n    - name: [a]\n",
}


@pytest.mark.parametrize("kind, case", sorted(HOSTILE_DATASETS))
def test_hostile_yaml_in_datasets(graph, tmp_path, tally, kind, case):
    """Alias bombs, nesting deeper than the parser's recursion, unhashable keys, enormous
    integers and wrong shapes in Ecosystem Graphs and MOT files (and `aikg openness mof`):
    each ends quickly in a clean import or a clear error."""
    name = "hostile.yaml" if kind == "ecosystem-graphs" else "hostile.yml"
    path, file = _place(kind, tmp_path, name, HOSTILE_DATASETS[kind, case].encode("utf-8"))
    if kind == "mot":
        with time_limit():
            check_mof([file])
    import_(graph, kind, [path], tally)
    tally.completed = True
