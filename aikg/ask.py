"""`aikg ask`: free text routed to a catalog question, without any external service.

The text's entity mentions are linked to the graph's names and aliases (longest
match, case-insensitive, the same normalization as entity resolution), replaced
by their kind, and the result is compared with each question's title and
phrasings. The best question whose entity parameters the mentions can fill
answers; below a measured score nothing is guessed: the reply says so and
suggests the closest questions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from graph import catalog
from graph.store import GraphStore
from graph.writer import GraphWriter
from ingest.resolve import EntityIndex, normalize
from ontology.vocab import vocabulary

LINKABLE = ("Organization", "Person", "Model", "ModelFamily", "License", "Benchmark")
MIN_SCORE = 62.0
MAX_WORDS = 6
# Routing time grows with the text (about 1.6 s for 10,000 characters, 16 s for 100,000):
# longer text is no question and is declined at once.
MAX_QUESTION_CHARS = 1000
# "top 50", "first 200 …", "the 30 latest": how many rows a list question should return
_HOW_MANY = re.compile(r"\b(?:top|first|latest|newest|last)\s+(\d{1,7})\b(?!\s*(?:years?|months?|weeks?|days?)\b)"
                       r"|\b(\d{1,7})\s+(?:latest|newest|most)\b", re.IGNORECASE)
# Words that are entity names somewhere but mostly just words in a question.
STOPWORDS = {"what", "which", "who", "when", "how", "open", "model", "models", "release", "released", "the",
             "and", "with", "did", "does", "data", "weights", "frontier", "license", "licenses", "people",
             "between", "about", "from", "since", "lead", "leads", "work", "labs", "lab", "family"}
_WORD = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9+]|[.\-](?=[A-Za-z0-9]))*")
_YEAR = re.compile(r"\b(19|20)\d{2}\b")


@dataclass
class Mention:
    text: str
    id: str
    label: str
    name: str


def entity_rows(store: GraphStore) -> list[dict]:
    """Names and aliases of the linkable entities (the query entity resolution uses too)."""
    return GraphWriter(store).entity_rows(LINKABLE)


class Linker:
    def __init__(self, rows: list[dict]):
        self.index = EntityIndex()
        for row in rows:
            self.index.add(row["label"], row["id"], row["name"] or row["id"], row.get("aliases") or [])
        self.keys: dict[str, list[tuple[str, str]]] = {}
        for label in LINKABLE:
            for key, ids in self.index.keys[label].items():
                if len(ids) == 1 and len(key) >= 3:
                    self.keys.setdefault(key, []).append((label, next(iter(ids))))

    def link(self, text: str) -> list[Mention]:
        words = _WORD.findall(text)
        found, i = [], 0
        while i < len(words):
            for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
                phrase = " ".join(words[i:i + n])
                hit = self._lookup(phrase)
                if hit and not (n == 1 and (phrase.lower() in STOPWORDS and not phrase[0].isupper())):
                    label, entity = hit
                    found.append(Mention(phrase, entity, label, self.index.names[entity]))
                    i += n
                    break
            else:
                i += 1
        return found

    def _lookup(self, phrase: str) -> tuple[str, str] | None:
        for label in ("Organization", "Model", "Person", "ModelFamily", "License", "Benchmark"):
            hits = [h for h in self.keys.get(normalize(phrase, label), []) if h[0] == label]
            if hits:
                return hits[0]
        return None


NEGATIONS = {"not", "never", "without", "didn't", "did not", "no", "closed", "withheld", "n't"}


def _template(text: str, mentions: list[Mention]) -> str:
    """The question with each entity mention replaced by a placeholder: what is
    compared is the shape of the question, not the names in it."""
    for mention in mentions:
        text = text.replace(mention.text, " x ")
    return text.lower()


def _phrasings(question: catalog.Question) -> list[str]:
    return [re.sub(r"\{\w+\}", " x ", phrasing).lower() for phrasing in (question.title, *question.phrasings)]


def _negated(text: str) -> bool:
    words = set(re.findall(r"[a-z']+", text.lower()))
    return bool(words & NEGATIONS) or "n't" in text.lower()


FILLER = {"the", "and", "what", "which", "who", "how", "that", "this", "their", "there", "not", "but", "from",
          "when", "under", "been", "was", "wa", "has", "have", "did", "does", "with", "for", "are", "were", "any"}
STEMS = (("connection", "connect"), ("connected", "connect"), ("linked", "link"), ("changed", "change"),
         ("released", "release"), ("shipped", "ship"), ("compared", "compare"), ("comparison", "compare"))


def _words(text: str) -> set[str]:
    out = set()
    for word in re.findall(r"[a-z]+", text.lower()):
        for long, short in STEMS:
            word = short if word == long else word
        if len(word) > 2 and word not in FILLER:
            out.add(word.rstrip("s"))
    return out


def _key_terms() -> dict[str, set[str]]:
    """Per question, its distinctive words: those used by at most four questions."""
    vocab = {q.name: set().union(*map(_words, _phrasings(q))) for q in catalog.CATALOG.values()}
    counts: dict[str, int] = {}
    for words in vocab.values():
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    return {name: {w for w in words if counts[w] <= 4} for name, words in vocab.items()}


def _score(question: catalog.Question, template: str, key_terms: dict[str, set[str]]) -> float:
    base = max(fuzz.token_set_ratio(template, p) * 0.5 + fuzz.token_sort_ratio(template, p) * 0.5
               - (20 if _negated(template) != _negated(p) else 0)  # "did not ship" is not "shipped"
               for p in _phrasings(question))
    asked = _words(template)
    distinctive = set().union(*key_terms.values())
    # a distinctive word of the question that is asked about counts for it; one it never uses, against
    return base + 10 * len(asked & key_terms[question.name]) - 6 * len((asked & distinctive) - key_terms[question.name])


def _fill(question: catalog.Question, mentions: list[Mention], text: str) -> dict | None:
    """Parameters from the mentions (in order, by kind) and from plain words; None
    when a required entity parameter finds no mention of its kind."""
    params, pool = {}, list(mentions)
    vocab = vocabulary()
    for param in question.params:
        if param.kind:
            accepted = vocab.labels_for_range(param.kind)
            match = next((m for m in pool if m.label in accepted), None)
            if match is None:
                if param.default is None:
                    return None
                continue
            pool.remove(match)
            params[param.name] = match.id
        elif param.name in ("criterion",):
            for word in ("compute", "curated", "epoch"):
                if word in text.lower():
                    params[param.name] = word
        elif param.name in ("year",) and _YEAR.search(text):
            params[param.name] = _YEAR.search(text).group(0)
        elif param.name == "limit" and (found := _HOW_MANY.search(text)):
            params[param.name] = min(max(int(found.group(1) or found.group(2)), 1), catalog.MAX_LIMIT)
    # a required plain value the words do not give (a year, a stance) makes the question
    # unanswerable here: chosen anyway, it failed in catalog.bind with a ValueError
    if any(p.default is None and p.name not in params for p in question.params):
        return None
    return params


def route(linker: Linker, text: str) -> tuple[list[tuple[float, catalog.Question, dict]], list[Mention]]:
    mentions = linker.link(text)
    template = _template(text, mentions)
    key_terms = _key_terms()
    ranked = []
    for question in catalog.CATALOG.values():
        params = _fill(question, mentions, text)
        if params is None:
            continue
        used = sum(1 for p in question.params if p.kind and p.name in params)
        score = _score(question, template, key_terms) - 15 * (len(mentions) - used)  # unused names count against
        ranked.append((score, question, params))
    return sorted(ranked, key=lambda r: -r[0]), mentions


def _suggestion(question: catalog.Question, params: dict, mentions: list[Mention]) -> dict:
    """A question to offer instead, with the parameters the words filled: taking it up runs
    exactly that question (its title alone would lack the names and be declined again)."""
    names = {m.id: m.name for m in mentions}
    shown = [names.get(params[p.name], params[p.name]) for p in question.params
             if p.name in params and p.name != "limit"]
    text = question.title + (f" ({', '.join(map(str, shown))})" if shown else "")
    return {"title": question.title, "intent": question.name, "params": params, "text": text}


def _fallback_suggestions() -> list[dict]:
    """The first questions that need no parameter: each can be run as it stands."""
    runnable = [q for q in catalog.CATALOG.values() if all(p.default is not None for p in q.params)]
    return [_suggestion(q, {}, []) for q in runnable[:3]]


def _reply(text: str, mentions: list[Mention], suggested: list[dict]) -> dict:
    return {"question": text, "answered": False, "intent": None, "cypher": None, "params": {},
            "columns": [], "rows": [], "sources": [], "suggestions": [s["title"] for s in suggested],
            "suggested": suggested, "entities": [{"text": m.text, "id": m.id, "label": m.label} for m in mentions]}


def _answer(store: GraphStore, reply: dict, question: catalog.Question, params: dict, limit: int | None) -> dict:
    if limit is not None and any(p.name == "limit" for p in question.params):
        params = {**params, "limit": limit}
    result = catalog.answer(store, question.name, params)
    reply.update({"answered": True, "intent": question.name, "cypher": result.cypher,
                  "params": result.params, "columns": result.columns, "rows": result.rows,
                  "sources": result.sources, "truncated": result.truncated})
    return reply


def ask(store: GraphStore, text: str, linker: Linker | None = None, limit: int | None = None) -> dict:
    """The best catalog question for `text`, answered; `limit` sets how many rows a list
    question returns (else the words' "top 50", else its default)."""
    text = (text or "").strip()
    linker = linker or Linker(entity_rows(store))
    too_long = len(text) > MAX_QUESTION_CHARS
    ranked, mentions = route(linker, text) if text and not too_long else ([], [])
    suggested = [_suggestion(q, p, mentions) for _, q, p in ranked[:3]] or _fallback_suggestions()
    reply = _reply(text, mentions, suggested)
    if not ranked or ranked[0][0] < MIN_SCORE:
        reply["reason"] = (f"the question is longer than {MAX_QUESTION_CHARS} characters; ask it in fewer words"
                           if too_long else "no catalog question matches closely enough; try one of the suggestions")
        return reply
    score, question, params = ranked[0]
    alternatives = [_suggestion(q, p, mentions) for _, q, p in ranked[1:4]]
    reply.update({"score": round(score, 1), "suggestions": [s["title"] for s in alternatives],
                  "suggested": alternatives})
    return _answer(store, reply, question, params, limit)


def answer_suggestion(store: GraphStore, suggestion: dict, limit: int | None = None) -> dict:
    """A suggestion of a reply (its `suggested` entries) taken up: that question run with the
    parameters it carries, replied to as ask() replies."""
    question = catalog.CATALOG[suggestion["intent"]]
    return _answer(store, _reply(suggestion["text"], [], []), question, dict(suggestion["params"]), limit)


def answer_ids(reply: dict) -> list[str]:
    """Every entity an answer names: the entities it was asked about (its entity parameters)
    and those in its rows. The rows alone often name the asked-about entities only by name
    (a deal's sides as "Meta (acquirer)"), which left the relationships between them — the
    deal's parties — out of the answer's subgraph."""
    from graph.export import ids_in

    question = catalog.CATALOG.get(reply.get("intent") or "")
    asked = [reply["params"][p.name] for p in (question.params if question else ())
             if p.kind and isinstance(reply["params"].get(p.name), str)]
    return list(dict.fromkeys(asked + ids_in(reply["rows"])))


def answer_subgraph(store: GraphStore, reply: dict) -> tuple[list[dict], list[dict]]:
    """The answer's part of the graph: the entities it names and every relationship among them."""
    from graph.export import subgraph_data

    return subgraph_data(store, answer_ids(reply)) if reply.get("answered") else ([], [])
