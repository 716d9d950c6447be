"""Entity resolution: one node per real-world entity across all sources.

A name is normalized (case, separators, vendor prefixes, legal suffixes) and
looked up among the names and aliases of the entities of the same label; an
exact hit on exactly one entity decides. Otherwise a fuzzy score may decide,
but only when the names agree on every number (so "Llama 2 7B" never merges
into "Llama 2 70B", nor "GPT-4" into "GPT-4o") and the best candidate is clearly
ahead of the next. Thresholds are measured on tests/fixtures/resolution_pairs.yaml
(docs/entity-resolution.md). Every decision keeps its explanation.

What the graph knows about each model (developers, parameters, first release:
`ModelFacts`) decides two more things. A name without a number ("GLM",
"Minerva") names a model only of a compatible developer: short names are reused
across labs. And a name that leaves out a size or version the graph's model
carries ("BLOOM", "GPT-NeoX", "Codestral" for "BLOOM 176B", "GPT-NeoX-20B",
"Codestral 22B (v0.1)") names that model when the record's size, developer and
date single it out, or, for a record about the family, its flagship (the largest).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable

from rapidfuzz import fuzz
from ontology.names import fold_letters

FUZZY_THRESHOLD = 97.0  # token-sort ratio; measured on 483 labelled pairs (docs/entity-resolution.md)
FUZZY_MARGIN = 3.0  # the winner must lead the runner-up by this much
VENDOR_PREFIXES = {
    "meta", "facebook", "fb", "google", "microsoft", "msft", "openai", "mistralai", "nvidia", "ibm",
    "apple", "amazon", "alibaba", "deepseek", "deepseek-ai", "tiiuae", "eleutherai", "bigscience",
    "allenai", "stabilityai", "databricks", "snowflake", "salesforce", "cohere", "ai21", "ai21labs",
}
LEGAL_SUFFIXES = {"inc", "ltd", "llc", "corp", "corporation", "co", "gmbh", "sa", "plc", "limited", "ag", "srl"}
_DIGIT = re.compile(r"\d")
# A size ("7b", "1.3b", "8x7b", "125m", "1t") or a "v" version ("v0.1") left out of a family-level name.
_SIZE = re.compile(r"^(?:\d+x)?\d+(?:\.\d+)?[mbt]$")
_VERSION = re.compile(r"^v\d+(?:\.\d+)*$")
_SCALE = {"m": 1e6, "b": 1e9, "t": 1e12}
SIZE_TOLERANCE = 0.06  # a size within 6% of a parameter count names it ("7B" for 6.7B, "22B" for 22.2B)


def _fold(text: str) -> str:
    return fold_letters(text).lower().replace("+", " plus ")


def _tokens(text: str) -> list[str]:
    # A dot between digits is a version ("3.1"); any other punctuation separates words.
    text = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", _fold(text))
    text = re.sub(r"[^0-9a-z.]+", " ", text)
    # "405 b" -> "405b", "8 x 7b" -> "8x7b": sizes stay one token
    text = re.sub(r"(\d)\s+(b|m|k|t)\b", r"\1\2", text)
    text = re.sub(r"(\d)\s*x\s*(\d)", r"\1x\2", text)
    return text.split()


def normalize(name: str, label: str = "Model") -> str:
    """The comparison key of a name."""
    if "/" in name and label != "Organization":
        name = name.split("/", 1)[1]  # a hub path: "meta-llama/Llama-2-7b-hf"
    tokens = _tokens(name)
    if label == "Organization":
        while len(tokens) > 1 and tokens[-1] in LEGAL_SUFFIXES:
            tokens.pop()
    else:
        # "Meta-Llama-3.1-405B" is "Llama 3.1 405B"; "DeepSeek LLM" keeps its vendor, as
        # what would remain carries no number to identify it.
        if len(tokens) > 1 and tokens[0] in VENDOR_PREFIXES and any(_DIGIT.search(t) for t in tokens[1:]):
            tokens = tokens[1:]
        if len(tokens) > 1 and tokens[-1] == "hf":
            tokens = tokens[:-1]
    return " ".join(tokens)


def stem(key: str) -> tuple[str, tuple[str, ...], tuple[str, ...], bool]:
    """(the name without vendor, sizes, "v" versions and "base"; its sizes; its versions;
    whether it said "base"): "snowflake arctic base" -> ("arctic", (), (), True),
    "codestral 22b v0.1" -> ("codestral", ("22b",), ("v0.1",), False)."""
    tokens = key.split()
    if len(tokens) > 1 and tokens[0] in VENDOR_PREFIXES:
        tokens = tokens[1:]
    sizes = tuple(t for t in tokens if _SIZE.match(t))
    versions = tuple(t for t in tokens if _VERSION.match(t))
    base = "base" in tokens[1:]
    rest = [t for i, t in enumerate(tokens)
            if not _SIZE.match(t) and not _VERSION.match(t) and not (t == "base" and i > 0)]
    return " ".join(rest), sizes, versions, base


def size_value(token: str) -> float | None:
    """Parameters a size token states ("7b" -> 7e9); none for a mixture ("8x7b")."""
    if "x" in token or not _SIZE.match(token):
        return None
    return float(token[:-1]) * _SCALE[token[-1]]


def near(a: float | None, b: float | None, tolerance: float = SIZE_TOLERANCE) -> bool:
    return a is not None and b is not None and abs(a - b) <= tolerance * max(a, b)


def is_short(key: str) -> bool:
    """A name carrying no number: labs reuse such names ("GLM", "gLM"; two Minervas)."""
    return not any(_DIGIT.search(t) for t in key.split())


def compact(key: str) -> str:
    """The key without spaces: "eleuther ai" == "eleutherai", "alphafold 2" == "alphafold2"."""
    return key.replace(" ", "")


def digit_groups(key: str) -> list[str]:
    return re.findall(r"\d+", key)


def numbers(key: str) -> set[str]:
    """The tokens that carry a digit: sizes, versions, generations ("7b", "3.1", "4o")."""
    return {token for token in key.split() if _DIGIT.search(token)}


@dataclass
class Candidate:
    id: str
    name: str
    score: float
    matched: str  # the name or alias that scored

    def as_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "score": round(self.score, 1), "matched": self.matched}


@dataclass
class Resolution:
    query: str
    label: str
    key: str
    id: str | None
    rule: str
    candidates: list[Candidate] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"query": self.query, "label": self.label, "normalized": self.key, "id": self.id,
                "rule": self.rule, "candidates": [c.as_dict() for c in self.candidates]}


class EntityIndex:
    """Names and aliases of the known entities of some labels, by normalized key."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}  # id -> display name
        self.labels: dict[str, str] = {}  # id -> label
        self.keys: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # label -> key -> ids
        self.compact: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.spellings: dict[str, dict[str, str]] = defaultdict(dict)  # id -> key -> original spelling
        # Models by stem: stem -> {(id, sizes, versions, "base")} (family-level names, see `stem`)
        self.stems: dict[str, set[tuple]] = defaultdict(set)
        # Hub paths given as aliases ("xai-org/grok-2" on Grok 2.5), whole: the key drops the
        # namespace, and "grok 2" is also Grok-2's key.
        self.paths: dict[str, dict[str, str]] = defaultdict(dict)  # label -> lowercased path -> id

    def add(self, label: str, entity_id: str, name: str, aliases: Iterable[str] = ()) -> None:
        self.names.setdefault(entity_id, name)
        self.labels[entity_id] = label
        for spelling in [name, *aliases]:
            if spelling:
                if "/" in spelling and label != "Organization":
                    self.paths[label].setdefault(spelling.strip().lower(), entity_id)
                    continue
                key = normalize(spelling, label)
                if key:
                    self.keys[label][key].add(entity_id)
                    self.compact[label][compact(key)].add(entity_id)
                    self.spellings[entity_id].setdefault(key, spelling)
                    if label == "Model":
                        root, *rest = stem(key)
                        if root:
                            self.stems[root].add((entity_id, *rest))

    def has(self, entity_id: str) -> bool:
        return entity_id in self.labels


@dataclass
class ModelFacts:
    """What the graph says about models and organizations, for telling apart models that
    share a name and for finding the model a family-level name means."""

    developers: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # model -> orgs
    parameters: dict[str, float] = field(default_factory=dict)  # model -> parameters
    releases: dict[str, list] = field(default_factory=lambda: defaultdict(list))  # model -> [(date, id)]
    parents: dict[str, str] = field(default_factory=dict)  # organization -> parent organization

    @classmethod
    def from_rows(cls, models: Iterable[dict] = (), parents: Iterable[dict] = ()) -> "ModelFacts":
        """From rows of {id, developers, parameters, dates} and {id, parent}."""
        facts = cls()
        for row in models:
            facts.note(row["id"], row.get("developers") or [], row.get("parameters"))
            for date in row.get("dates") or []:
                if date:
                    facts.releases[row["id"]].append((date, None))
        facts.parents.update({row["id"]: row["parent"] for row in parents if row.get("parent")})
        return facts

    def note(self, model: str, developers: Iterable[str] = (), parameters=None) -> None:
        self.developers[model].update(d for d in developers if d)
        if parameters and model not in self.parameters:
            self.parameters[model] = float(parameters)

    def first_date(self, model: str) -> str | None:
        dates = sorted(d for d, _ in self.releases.get(model, []) if d)
        return dates[0] if dates else None

    def _lineage(self, org: str) -> set[str]:
        seen = {org}
        while org in self.parents and self.parents[org] not in seen:
            org = self.parents[org]
            seen.add(org)
        return seen

    def compatible(self, model: str, developers: Iterable[str]) -> bool:
        """Whether the model could be by these developers: either side unknown, or one of
        them (or an organization it is part of) is among the model's."""
        known = self.developers.get(model) or set()
        developers = [d for d in developers if d]
        if not known or not developers:
            return True
        ours = set().union(*(self._lineage(d) for d in known))
        return any(self._lineage(d) & ours for d in developers)


class Resolver:
    def __init__(self, index: EntityIndex, threshold: float = FUZZY_THRESHOLD, margin: float = FUZZY_MARGIN,
                 facts: ModelFacts | None = None):
        self.index = index
        self.threshold = threshold
        self.margin = margin
        self.facts = facts or ModelFacts()

    @classmethod
    def from_rows(cls, rows: Iterable[dict], facts: ModelFacts | None = None) -> "Resolver":
        """From rows of {label, id, name, aliases} (what the graph holds)."""
        index = EntityIndex()
        for row in rows:
            index.add(row["label"], row["id"], row["name"] or row["id"], row.get("aliases") or [])
        return cls(index, facts=facts)

    def _allowed(self, label: str, key: str, ids, developers, strict: bool = False, parameters=None) -> set[str]:
        """The ids a name may denote given the record's developers: a short name (any name
        when `strict`) only a model of a compatible developer, or (not `strict`: datasets spell
        collaborations differently) one of the very size the record states."""
        if label != "Model" or not developers or not (strict or is_short(key)):
            return set(ids)
        stated = None if strict or not parameters else float(parameters)
        return {i for i in ids if self.facts.compatible(i, developers) or near(stated, self.facts.parameters.get(i))}

    def resolve(self, label: str, name: str, developers: Iterable[str] = (), parameters=None,
                date: str | None = None, flagship: bool = False, strict: bool = False) -> Resolution:
        """The entity a name denotes. For a model, what the record says about it (its
        developers, parameters and date) may tell apart models sharing a name; `flagship`
        says the record is about the model itself (not a pointer to it), so a family's name
        may mean its largest model; `strict` keeps every name (not only short ones) to
        models of a compatible developer (a Hub repository belongs to its namespace)."""
        developers = [d for d in developers if d]
        key = normalize(name, label)
        if hit := self.index.paths[label].get(name.strip().lower()):
            return Resolution(name, label, key, hit, "exact hub path (a curated alias)",
                              [Candidate(hit, self.index.names[hit], 100.0, name)])
        found = self.index.keys[label].get(key, set())
        exact = self._allowed(label, key, found, developers, strict, parameters)
        if len(exact) > 1 and developers and label == "Model":
            narrowed = {i for i in exact if self.facts.compatible(i, developers)}
            exact = narrowed or exact
        if len(exact) == 1:
            [hit] = exact
            return self._sized(Resolution(name, label, key, hit, "exact name or alias", [
                Candidate(hit, self.index.names[hit], 100.0, self.index.spellings[hit][key])]),
                developers, parameters, date, flagship)
        if len(exact) > 1:
            found = [Candidate(i, self.index.names[i], 100.0, self.index.spellings[i][key]) for i in sorted(exact)]
            return Resolution(name, label, key, None, "ambiguous: several entities share this name", found)
        spaced = self._same_but_spacing(label, name, key, developers, strict, parameters)
        if spaced:
            return self._sized(spaced, developers, parameters, date, flagship)
        fuzzy = self._fuzzy(label, name, key, developers, strict, parameters)
        if fuzzy.id or label != "Model":
            return self._sized(fuzzy, developers, parameters, date, flagship)
        sized = self._by_stem(name, key, developers, parameters, date, flagship)
        if sized:
            return sized
        if found and not exact:
            return Resolution(name, label, key, None, "same name, but another developer's model",
                              [Candidate(i, self.index.names[i], 100.0, self.index.spellings[i][key])
                               for i in sorted(found)])
        return fuzzy

    def _sized(self, found: Resolution, developers, parameters, date, flagship) -> Resolution:
        """A model of the size the record states, over a size-less namesake: "GPT-Neo" of 2.7B
        parameters is GPT-Neo 2.7B though a "GPT-Neo" of no known size exists (made from a
        record that gave none), so that the answer does not depend on which dataset came first."""
        if found.label != "Model" or not found.id or not parameters or self.facts.parameters.get(found.id):
            return found
        sized = self._by_stem(found.query, found.key, developers, parameters, date, flagship)
        return sized if sized and sized.id != found.id else found

    def _by_stem(self, name: str, key: str, developers, parameters, date, flagship) -> Resolution | None:
        """"BLOOM" for "BLOOM 176B": the name without its size, version, vendor or "base" is
        the same, and the record's size, developers and date leave one model; or, for a
        record about a family (`flagship`), the family's largest model."""
        root, sizes, versions, base = stem(key)
        if not root:
            return None
        stated = float(parameters) if parameters else None
        options: dict[str, bool] = {}  # id -> whether the spelling that matched says "base" as the name does
        for entity_id, their_sizes, their_versions, their_base in self.index.stems.get(root, ()):
            # a version the name states must be the model's ("Stable Diffusion v1-3" is no "Stable Diffusion 3")
            if not self.facts.compatible(entity_id, developers) or (versions and versions != their_versions):
                continue
            known = self.facts.parameters.get(entity_id)
            if sizes:  # the same sizes, or sizes its parameters make ("StarCoder 15B" for 15.5B)
                fits = set(sizes) == set(their_sizes) or all(near(size_value(t), known) for t in sizes)
            elif stated is not None:
                fits = near(stated, known) or (not known and any(near(stated, size_value(t)) for t in their_sizes))
            else:
                fits = True
            if fits:
                options[entity_id] = options.get(entity_id, False) or their_base == base
        if not options:
            return None
        ids = sorted(i for i, same in options.items() if same) or sorted(options)
        if len(ids) > 1 and date:
            same_month = [i for i in ids if (self.facts.first_date(i) or "")[:7] == date[:7]]
            ids = same_month or ids
        rule = "the model this name means once size, version or \"base\" left out (same size, developer and date)"
        # a family-level name alone says too little: its size, or a developer the model shares, must agree
        evidence = bool(sizes or stated is not None or (developers and all(self.facts.developers.get(i) for i in ids)))
        if len(ids) > 1 and flagship and root in self.index.keys["ModelFamily"]:
            sized = sorted((self.facts.parameters.get(i) or 0, i) for i in ids)
            if sized[-1][0] and (len(sized) == 1 or sized[-1][0] > sized[-2][0]):
                ids, evidence = [sized[-1][1]], True
                rule = "a family's name in a record about one model: its largest (flagship) model"
        candidates = [Candidate(i, self.index.names[i], 100.0, self.index.names[i]) for i in ids]
        if len(ids) != 1 or not evidence:
            return None
        return Resolution(name, "Model", key, ids[0], rule, candidates)

    def _same_but_spacing(self, label: str, name: str, key: str, developers=(), strict=False,
                          parameters=None) -> Resolution | None:
        """"Eleuther AI" is "EleutherAI": equal once spaces go, with the same digit groups."""
        hits = [i for i in self._allowed(label, key, self.index.compact[label].get(compact(key), set()), developers,
                                         strict, parameters)
                if any(digit_groups(k) == digit_groups(key) and compact(k) == compact(key)
                       for k in self.index.spellings[i])]
        if len(hits) != 1:
            return None
        [hit] = hits
        spelling = next(v for k, v in self.index.spellings[hit].items() if compact(k) == compact(key))
        return Resolution(name, label, key, hit, "same name but for spacing, same numbers",
                          [Candidate(hit, self.index.names[hit], 100.0, spelling)])

    def _fuzzy(self, label: str, name: str, key: str, developers=(), strict=False, parameters=None) -> Resolution:
        best: dict[str, Candidate] = {}
        for other, ids in self.index.keys[label].items():
            score = fuzz.token_sort_ratio(key, other)
            if score < self.threshold - 15:
                continue
            for entity_id in self._allowed(label, other, ids, developers, strict, parameters):
                if entity_id not in best or best[entity_id].score < score:
                    best[entity_id] = Candidate(entity_id, self.index.names[entity_id], score,
                                                self.index.spellings[entity_id][other])
        ranked = sorted(best.values(), key=lambda c: -c.score)[:5]
        if not ranked:
            return Resolution(name, label, key, None, "no candidate", [])
        top = ranked[0]
        runner = ranked[1].score if len(ranked) > 1 else 0.0
        if numbers(normalize(top.matched, label)) != numbers(key):
            return Resolution(name, label, key, None, "closest candidate differs in a number (size or version)", ranked)
        if top.score < self.threshold:
            return Resolution(name, label, key, None, f"best score below {self.threshold:g}", ranked)
        if top.score - runner < self.margin:
            return Resolution(name, label, key, None, "two candidates too close to call", ranked)
        return Resolution(name, label, key, top.id, f"fuzzy match ≥ {self.threshold:g}, same numbers", ranked)

    def remember(self, label: str, entity_id: str, name: str, aliases: Iterable[str] = (),
                 developers: Iterable[str] = (), parameters=None) -> None:
        """Register an entity minted or seen during an import, so later records find it."""
        self.index.add(label, entity_id, name, aliases)
        if label == "Model":
            self.facts.note(entity_id, developers, parameters)


def slug(name: str) -> str:
    text = re.sub(r"[^0-9a-z.+]+", "-", _fold(name).replace(" plus ", "+")).strip("-.")
    return text or "unnamed"


def mint_id(prefix: str, name: str, taken: Callable[[str], bool]) -> str:
    """A new readable id from the name; a numeric suffix when the slug is taken."""
    base = f"{prefix}:{slug(name)}"
    candidate, n = base, 2
    while taken(candidate):
        candidate, n = f"{base}-{n}", n + 1
    return candidate
