"""Entity resolution: one node per real-world entity across all sources.

A name is normalized (case, separators, vendor prefixes, legal suffixes) and
looked up among the names and aliases of the entities of the same label; an
exact hit on exactly one entity decides. Otherwise a fuzzy score may decide,
but only when the names agree on every number (so "Llama 2 7B" never merges
into "Llama 2 70B", nor "GPT-4" into "GPT-4o") and the best candidate is clearly
ahead of the next. Thresholds are measured on tests/fixtures/resolution_pairs.yaml
(docs/entity-resolution.md). Every decision keeps its explanation.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterable

from rapidfuzz import fuzz

FUZZY_THRESHOLD = 97.0  # token-sort ratio; measured on 483 labelled pairs (docs/entity-resolution.md)
FUZZY_MARGIN = 3.0  # the winner must lead the runner-up by this much
VENDOR_PREFIXES = {
    "meta", "facebook", "fb", "google", "microsoft", "msft", "openai", "mistralai", "nvidia", "ibm",
    "apple", "amazon", "alibaba", "deepseek", "deepseek-ai", "tiiuae", "eleutherai", "bigscience",
    "allenai", "stabilityai", "databricks", "snowflake", "salesforce", "cohere", "ai21", "ai21labs",
}
LEGAL_SUFFIXES = {"inc", "ltd", "llc", "corp", "corporation", "co", "gmbh", "sa", "plc", "limited", "ag", "srl"}
_DIGIT = re.compile(r"\d")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower().replace("+", " plus ")


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

    def add(self, label: str, entity_id: str, name: str, aliases: Iterable[str] = ()) -> None:
        self.names.setdefault(entity_id, name)
        self.labels[entity_id] = label
        for spelling in [name, *aliases]:
            if spelling:
                key = normalize(spelling, label)
                if key:
                    self.keys[label][key].add(entity_id)
                    self.compact[label][compact(key)].add(entity_id)
                    self.spellings[entity_id].setdefault(key, spelling)

    def has(self, entity_id: str) -> bool:
        return entity_id in self.labels


class Resolver:
    def __init__(self, index: EntityIndex, threshold: float = FUZZY_THRESHOLD, margin: float = FUZZY_MARGIN):
        self.index = index
        self.threshold = threshold
        self.margin = margin

    @classmethod
    def from_rows(cls, rows: Iterable[dict]) -> "Resolver":
        """From rows of {label, id, name, aliases} (what the graph holds)."""
        index = EntityIndex()
        for row in rows:
            index.add(row["label"], row["id"], row["name"] or row["id"], row.get("aliases") or [])
        return cls(index)

    def resolve(self, label: str, name: str) -> Resolution:
        key = normalize(name, label)
        exact = self.index.keys[label].get(key, set())
        if len(exact) == 1:
            [hit] = exact
            return Resolution(name, label, key, hit, "exact name or alias",
                              [Candidate(hit, self.index.names[hit], 100.0, self.index.spellings[hit][key])])
        if len(exact) > 1:
            found = [Candidate(i, self.index.names[i], 100.0, self.index.spellings[i][key]) for i in sorted(exact)]
            return Resolution(name, label, key, None, "ambiguous: several entities share this name", found)
        spaced = self._same_but_spacing(label, name, key)
        if spaced:
            return spaced
        return self._fuzzy(label, name, key)

    def _same_but_spacing(self, label: str, name: str, key: str) -> Resolution | None:
        """"Eleuther AI" is "EleutherAI": equal once spaces go, with the same digit groups."""
        hits = [i for i in self.index.compact[label].get(compact(key), set())
                if any(digit_groups(k) == digit_groups(key) and compact(k) == compact(key)
                       for k in self.index.spellings[i])]
        if len(hits) != 1:
            return None
        [hit] = hits
        spelling = next(v for k, v in self.index.spellings[hit].items() if compact(k) == compact(key))
        return Resolution(name, label, key, hit, "same name but for spacing, same numbers",
                          [Candidate(hit, self.index.names[hit], 100.0, spelling)])

    def _fuzzy(self, label: str, name: str, key: str) -> Resolution:
        best: dict[str, Candidate] = {}
        for other, ids in self.index.keys[label].items():
            score = fuzz.token_sort_ratio(key, other)
            if score < self.threshold - 15:
                continue
            for entity_id in ids:
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

    def remember(self, label: str, entity_id: str, name: str, aliases: Iterable[str] = ()) -> None:
        """Register an entity minted or seen during an import, so later records find it."""
        self.index.add(label, entity_id, name, aliases)


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
