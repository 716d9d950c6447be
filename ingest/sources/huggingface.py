"""Model metadata from the Hugging Face Hub API: license, gating, `base_model`
lineage, creation date, pipeline tag and downloads of each model repository.

    aikg import huggingface --author ORG     GET /api/models?author=ORG&full=true&cardData=true
    aikg import huggingface --model REPO     GET /api/models/REPO
    aikg import huggingface --from-dir DIR   saved responses, one JSON file per response

The fields read are the ones `huggingface_hub.hf_api.ModelInfo` documents: `id`,
`author`, `createdAt` (the Hub stores creation times since 2022-03-02T23:29:04Z:
older repositories all carry that value, which is no date), `gated` (false,
"auto" or "manual"), `disabled`, `downloads` (last 30 days), `likes`, `tags`,
`pipeline_tag`, `library_name`, `cardData` (`license`, `license_name`,
`base_model`, `base_model_relation`) and `safetensors.total` (parameters). A
listing follows the `Link: <…>; rel="next"` header page by page.

Each repository is a model resolved like the other importers' (ImportContext,
Resolver), with the repository's page https://huggingface.co/REPO as its record's
source. The repository's namespace names its developer: the organization the graph
already links to Hub pages of that namespace, else the namespace's author resolved
by name, else a new organization. A repository never merges into another
developer's model of the same name (re-uploads and quantizations are the
uploader's own models, with their `base_model` lineage).
"""
from __future__ import annotations

import json
import os
import re
import urllib.parse
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ingest.http import FetchError, HttpClient
from ingest.importing import ImportContext
from ingest.problems import IngestError, Problem
from ingest.records import NodeRecord, Origin, merge_records
from ingest.resolve import Resolution, slug
from ingest.sources.common import DatasetImporter, display_name, weights_claim
from ingest.sources.registry import HUB_LINKS, MODEL_FACTS, Param, importer
from ontology.errors import InputError

DATASET = "source:hugging-face-hub-api"
HUB = "https://huggingface.co"
MAX_PAGES = 100
PAGE_SIZE = 1000
# Creation times are stored since this moment; a repository created before carries it.
CREATED_AT_FLOOR = "2022-03-02T23:29:04"
REPO = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,95}/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$")
NOT_NAMESPACES = {"api", "collections", "datasets", "spaces", "docs", "blog", "papers", "models", "organizations",
                  "settings", "login", "join", "pricing", "tasks"}
# base_model relation (tag `base_model:<relation>:<repo>`, card `base_model_relation`) -> lineage kind
LINEAGE = {"finetune": "fine_tune", "quantized": "quantization", "adapter": "adapter", "merge": "merge"}
MODALITIES = {
    "text-generation": ["text"], "text2text-generation": ["text"], "fill-mask": ["text"],
    "feature-extraction": ["text"], "sentence-similarity": ["text"], "text-classification": ["text"],
    "token-classification": ["text"], "question-answering": ["text"], "summarization": ["text"],
    "translation": ["text"], "image-text-to-text": ["image", "text"], "visual-question-answering": ["image", "text"],
    "image-to-text": ["image", "text"], "text-to-image": ["image", "text"], "image-to-image": ["image"],
    "image-classification": ["image"], "object-detection": ["image"], "image-segmentation": ["image"],
    "automatic-speech-recognition": ["speech", "text"], "text-to-speech": ["speech", "text"],
    "text-to-audio": ["audio", "text"], "audio-classification": ["audio"], "text-to-video": ["text", "video"],
    "video-classification": ["video"], "any-to-any": ["multimodal"],
}
GENERIC_CHANNELS = (
    ("channel:huggingface", "Hugging Face Hub (open download)", "open_download"),
    ("channel:huggingface-gated", "Hugging Face Hub (gated download)", "gated_download"),
)


@dataclass(frozen=True)
class HubQuery:
    """What to import: one author's models, one model, or saved responses."""

    author: str | None = None
    model: str | None = None
    from_dir: Path | None = None
    endpoint: str = HUB

    def __post_init__(self):
        if sum(x is not None for x in (self.author, self.model, self.from_dir)) != 1:
            raise InputError("give exactly one of --author, --model, --from-dir")

    @property
    def label(self) -> str:
        return str(self.from_dir) if self.from_dir else f"{self.endpoint}/api/models" + (
            f"?author={self.author}" if self.author else f"/{self.model}")


def repo_of(url: str) -> str | None:
    """"owner/name" of a Hub page (https://huggingface.co/owner/name/tree/main …)."""
    parts = urllib.parse.urlsplit(url or "")
    if parts.netloc.lower() not in ("huggingface.co", "www.huggingface.co"):
        return None
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) < 2 or segments[0] in NOT_NAMESPACES:
        return None
    return f"{segments[0]}/{segments[1]}"


def namespace_of(url: str) -> str | None:
    parts = urllib.parse.urlsplit(url or "")
    segments = [s for s in parts.path.split("/") if s]
    if parts.netloc.lower() in ("huggingface.co", "www.huggingface.co") and segments \
            and segments[0] not in NOT_NAMESPACES:
        return segments[0]
    return None


def hub_query(author: str | None = None, model: str | None = None, from_dir: Path | None = None,
              endpoint: str | None = None) -> HubQuery:
    """The query `aikg import huggingface` asks for; the endpoint defaults to $HF_ENDPOINT."""
    return HubQuery(author=author, model=model, from_dir=from_dir,
                    endpoint=endpoint or os.environ.get("HF_ENDPOINT") or HUB)


@importer("huggingface", order=20,
          help="Hugging Face Hub model metadata: license, gating, base_model lineage, creation date, downloads.",
          params=[Param("author", "Every model of this Hub user or organization.", type=str, flag="--author"),
                  Param("model", "One model repository, owner/name.", type=str, flag="--model"),
                  Param("from_dir", "Saved Hub API responses, one JSON file each.", flag="--from-dir"),
                  Param("endpoint", "The Hub's address (default $HF_ENDPOINT or https://huggingface.co).",
                        type=str, flag="--endpoint")],
          target=hub_query, reads=(MODEL_FACTS, HUB_LINKS))
class HuggingFaceSource(DatasetImporter):
    dataset = {"id": DATASET, "name": "Hugging Face Hub API: model metadata", "publisher": "Hugging Face",
               "url": "https://huggingface.co/docs/hub/api"}

    def __init__(self, query: HubQuery, context: ImportContext, client: HttpClient | None = None):
        super().__init__(query.from_dir or Path(query.label), context)
        self.query = query
        self.client = client or HttpClient()
        self.file = display_name(query.from_dir) if query.from_dir else query.label
        self.models_by_repo: dict[str, str] = {}  # repo (lower case) -> model id, from the Hub pages the graph cites
        namespaces: dict[str, Counter] = defaultdict(Counter)
        for row in context.hub_links:
            repo = repo_of(row["url"])
            if repo:
                self.models_by_repo.setdefault(repo.lower(), row["model"])
            namespace = namespace_of(row["url"])
            if namespace:
                namespaces[namespace.lower()].update(row["developers"] or [])
        self.namespaces = {ns: counts.most_common(1)[0][0] for ns, counts in namespaces.items() if counts}
        self._orgs: dict[str, list[str]] = {}

    # -- reading -----------------------------------------------------------------------
    def records(self) -> Iterator:
        infos = self._from_dir() if self.query.from_dir else self._from_api()
        self.dataset_records()
        self._channels()
        for info, origin in infos.values():
            self._model(info, origin)
        yield from merge_records(self.out.records)

    def _from_api(self) -> dict[str, tuple[dict, Origin]]:
        base = self.query.endpoint.rstrip("/")
        if self.query.model is not None:
            if not REPO.match(self.query.model):
                raise IngestError([Problem(self.query.model, None, None, "--model",
                                           "a model repository is owner/name")])
            urls = [f"{base}/api/models/{self.query.model}"]
        else:
            params = urllib.parse.urlencode({"author": self.query.author, "full": "true", "cardData": "true",
                                             "limit": PAGE_SIZE})
            urls = [f"{base}/api/models?{params}"]
        out: dict[str, tuple[dict, Origin]] = {}
        pages = 0
        while urls:
            url = urls.pop()
            pages += 1
            try:
                response = self.client.get(url, accept="application/json")
                self._collect(response.json(), Origin(url), out)
            except FetchError as exc:
                raise IngestError([Problem(url, None, None, None, f"cannot read the Hub API: {exc}")]) from exc
            following = response.next_link()
            if following and pages < MAX_PAGES:
                urls.append(following)
            elif following:
                self.problems.append(Problem(url, None, None, None,
                                             f"more than {MAX_PAGES} pages of models: import fewer at a time"))
        return out

    def _from_dir(self) -> dict[str, tuple[dict, Origin]]:
        folder = self.query.from_dir
        files = sorted(folder.glob("*.json")) if folder.is_dir() else [folder] if folder.is_file() else []
        if not files:
            raise IngestError([Problem(display_name(folder), None, None, None, "no saved Hub API responses (*.json)")])
        out: dict[str, tuple[dict, Origin]] = {}
        for path in files:
            name = display_name(path)
            try:
                doc = json.loads(path.read_text(encoding="utf-8-sig"))
            except json.JSONDecodeError as exc:
                self.problems.append(Problem(name, exc.lineno, None, None, f"invalid JSON: {exc.msg}"))
                continue
            except (OSError, UnicodeDecodeError) as exc:
                self.problems.append(Problem(name, None, None, None, f"cannot read file: {exc}"))
                continue
            self._collect(doc, Origin(name, 1), out)
        return out

    def _collect(self, doc, origin: Origin, out: dict) -> None:
        """The models of one response: a listing (a JSON list) or one model (an object).
        A repository seen twice (a listing and its detail) keeps every field either gave."""
        items = doc if isinstance(doc, list) else [doc]
        for index, info in enumerate(items):
            repo = str(info.get("id") or info.get("modelId") or "") if isinstance(info, dict) else ""
            if not REPO.match(repo):
                self.problems.append(Problem(origin.file, origin.line, repo or f"[{index}]", "id",
                                             "a model needs its repository id, owner/name"))
                continue
            known, _ = out.get(repo.lower(), ({}, origin))
            out[repo.lower()] = ({**known, **{k: v for k, v in info.items() if v is not None}}, origin)

    # -- mapping -----------------------------------------------------------------------
    def _channels(self) -> None:
        hub = self.out.organization("Hugging Face", DATASET, Origin(self.file))
        for channel_id, name, kind in GENERIC_CHANNELS:
            self.out.emit("AccessChannel", {"id": channel_id, "name": name, "access_kind": kind,
                                            "url": f"{HUB}/models", "sources": [DATASET],
                                            **({"operator": hub} if hub else {})}, Origin(self.file))

    def _developers(self, namespace: str, author, src: str, origin: Origin) -> list[str]:
        """The organization behind a namespace: the one the graph links to Hub pages of it,
        else the author's name resolved, else a new organization of that name."""
        key = namespace.lower()
        if key not in self._orgs:
            known = self.namespaces.get(key)
            if known:
                self.out.records.append(NodeRecord("Organization", known, {
                    "sources": [DATASET], "aliases": [namespace]}, origin))
                self._orgs[key] = [known]
            else:
                org = self.out.organization(str(author or namespace), src, origin, url=f"{HUB}/{namespace}")
                self._orgs[key] = [org] if org else []
        return self._orgs[key]

    def _resolve(self, repo: str, developers: list[str], parameters=None, date=None,
                 flagship: bool = True) -> str | None:
        """The graph's model of a repository: by its Hub page, else by name among the models of
        a compatible developer (another developer's model of the same name is not it)."""
        known = self.models_by_repo.get(repo.lower())
        if known:
            return known
        resolution = self.out.context.resolver.resolve("Model", repo, developers=developers, parameters=parameters,
                                                       date=date, flagship=flagship, strict=True)
        return resolution.id

    def _model(self, info: dict, origin: Origin) -> None:
        repo = str(info.get("id") or info.get("modelId"))
        namespace, short = repo.split("/", 1)
        card = info.get("cardData") if isinstance(info.get("cardData"), dict) else {}
        tags = [t for t in info.get("tags") or [] if isinstance(t, str)]
        url = f"{HUB}/{repo}"
        src = self.out.source(f"source:hf/{slug(namespace)}/{slug(short)}", f"Hugging Face Hub: {repo}",
                              f"api/models/{repo}", origin, url, description=_summary(info))
        developers = self._developers(namespace, info.get("author"), src, origin)
        parameters = _parameters(info)
        date = _created(info.get("createdAt"))
        fields: dict = {"developers": developers, "url": url}
        if parameters:
            fields["parameters"] = parameters
        modalities = MODALITIES.get(str(info.get("pipeline_tag") or ""))
        if modalities:
            fields["modalities"] = modalities
        bases = [b for b in (self._base(base, kind, src, origin) for base, kind in _bases(card, tags)) if b]
        model = self._resolve(repo, developers, parameters, date)
        if model:
            self.out.context.decisions.append(_found(repo, model))
            self.out.emit("Model", {"id": model, "name": short, "aliases": [repo], "sources": [src], **fields}, origin)
        else:
            model = self.out.entity("Model", short, src, origin, date=date, strict=True, **fields)
            if not model:
                return
            self.out.records.append(NodeRecord("Model", model, {"aliases": [repo], "sources": [src]}, origin))
        self.out.context.resolver.remember("Model", model, short, [repo], developers=developers, parameters=parameters)
        self.models_by_repo.setdefault(repo.lower(), model)
        lineage = [b for b in bases if b["base_model"] != model]
        if lineage:
            self.out.emit("Model", {"id": model, "name": short, "sources": [src], "base_models": lineage}, origin)
        self.out.claim(model, "Model", "parameters", parameters, src, origin)
        self._release(info, card, tags, repo, short, model, developers, date, src, origin)

    def _base(self, repo: str, kind: str | None, src: str, origin: Origin) -> dict | None:
        """A model this one derives from (`base_model`): the graph's, else a new model that
        the repository's record is the first evidence of."""
        if not REPO.match(repo):
            return None
        namespace, short = repo.split("/", 1)
        developers = self._developers(namespace, None, src, origin)
        base = self._resolve(repo, developers, flagship=False)
        if not base:
            base = self.out.entity("Model", short, src, origin, strict=True, as_family=False, developers=developers,
                                   url=f"{HUB}/{repo}")
            if not base:
                return None
            self.out.records.append(NodeRecord("Model", base, {"aliases": [repo], "sources": [src]}, origin))
        self.models_by_repo.setdefault(repo.lower(), base)
        return {"base_model": base, **({"lineage_kind": LINEAGE[kind]} if kind in LINEAGE else {}),
                "notes": f"Hugging Face base_model of this repository ({repo})"}

    def _release(self, info, card, tags, repo, short, model, developers, date, src, origin) -> None:
        disabled = bool(info.get("disabled"))
        gated = info.get("gated") not in (None, False, "false", "False", "")
        availability = "closed" if disabled else "gated" if gated else "open"
        channel = None if disabled else "channel:huggingface-gated" if gated else "channel:huggingface"
        license_raw = _license_text(card, tags)
        licenses = self.out.licenses(license_raw) if license_raw else []
        artifact = {"id": f"artifact:{model.split(':', 1)[1]}/hf/{slug(repo)}", "name": f"{repo} weights",
                    "artifact_kind": "final_weights", "availability": availability, "url": f"{HUB}/{repo}",
                    **({"license": licenses[0]} if licenses else {})}
        release = self.out.release_for(model, date, src, origin, model_name=short, released_by=developers,
                                       channels=[channel] if channel else [], url=f"{HUB}/{repo}",
                                       **({"license": licenses[0]} if licenses else {}))
        if not release:
            return
        self.out.ship(release, [artifact], src, origin)
        self.out.claim(release, "Release", "date", date, src, origin, raw=info.get("createdAt"))
        weights_claim(self.out, release, availability, f"gated: {info.get('gated')}" if gated else
                      "disabled" if disabled else "public repository", src, origin)
        self.out.claim(release, "Release", "license", licenses[0] if licenses else None, src, origin,
                       raw=_shown(license_raw))


def _found(repo: str, model: str) -> Resolution:
    return Resolution(repo, "Model", repo, model, "the graph's model of this repository (Hub page or name)")


def _created(value) -> str | None:
    text = str(value or "")
    if not re.match(r"^\d{4}-\d{2}-\d{2}", text) or text.startswith(CREATED_AT_FLOOR):
        return None
    return text[:10]


def _parameters(info: dict) -> int | None:
    total = (info.get("safetensors") or {}).get("total") if isinstance(info.get("safetensors"), dict) else None
    return int(total) if isinstance(total, (int, float)) and not isinstance(total, bool) and total > 0 else None


def _bases(card: dict, tags: list[str]) -> list[tuple[str, str | None]]:
    """(repository, relation) of each base model, from the card and the Hub's tags."""
    found: dict[str, str | None] = {}
    for tag in tags:
        parts = tag.split(":")
        if parts[0] != "base_model" or len(parts) < 2:
            continue
        relation, repo = (parts[1], ":".join(parts[2:])) if len(parts) > 2 else (None, parts[1])
        if not found.get(repo):
            found[repo] = relation
    declared = card.get("base_model")
    relation = card.get("base_model_relation") if isinstance(card.get("base_model_relation"), str) else None
    for repo in declared if isinstance(declared, list) else [declared] if declared else []:
        if isinstance(repo, str):
            found[repo.strip()] = found.get(repo.strip()) or relation
    return list(found.items())


def _license_text(card: dict, tags: list[str]):
    """The card's license (a name, an SPDX expression or a list); "other" is the card's license_name."""
    value = card.get("license")
    if value in (None, "", []):
        value = [t.split(":", 1)[1] for t in tags if t.startswith("license:")] or None
    if value == "other" or value == ["other"]:
        value = card.get("license_name") or value
    return value


def _shown(value) -> str | None:
    if value in (None, "", []):
        return None
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def _summary(info: dict) -> str:
    """What the Hub said about the repository when it was imported."""
    parts = []
    for label, key in (("pipeline", "pipeline_tag"), ("library", "library_name"),
                       ("downloads in the last 30 days", "downloads"), ("likes", "likes"),
                       ("gated", "gated"), ("last modified", "lastModified")):
        if info.get(key) not in (None, ""):
            parts.append(f"{label}: {info[key]}")
    return "Hugging Face Hub API: " + "; ".join(parts) if parts else "Hugging Face Hub API record"
