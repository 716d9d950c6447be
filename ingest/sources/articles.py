"""News articles (plain text or HTML) become Source nodes linked by MENTIONS to
the entities they name, found through the names and aliases in the graph.

An HTML page is read for its main text only (trafilatura): menus, headers,
footers and sidebars name entities the article is not about.

A mention is the longest run of words that equals an entity's normalized name
or alias; a one-word name must be capitalized in the text ("Meta", not
"meta-analysis"), names shorter than three letters and names shared by several
entities are not used. An article already in the graph (a curated Source whose
name or alias is the file name or the title) is the same source, not a new one.
"""
from __future__ import annotations

import html.parser
import re
from pathlib import Path
from typing import Iterator

from ingest.importing import Emitter, ImportContext
from ingest.problems import IngestError, Problem
from ingest.records import Origin, merge_records
from ingest.resolve import normalize
from ingest.sources.common import display_name
from ingest.sources.registry import Param, importer
from ontology.errors import InputError

MENTIONABLE = ("Organization", "Person", "Model", "ModelFamily")
MAX_WORDS = 6
_WORD = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9+]|\.(?=[A-Za-z0-9]))*")  # "3.1" keeps its dot, "Co." loses it


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.title = ""
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style") and self._skip > 0
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(data)


def main_text(html_text: str) -> str | None:
    """The article's own text, without navigation, header, footer, comments or boilerplate."""
    import trafilatura  # imported here: half a second, only for HTML

    return trafilatura.extract(html_text, include_comments=False, include_tables=True,
                               include_images=False, include_links=False, deduplicate=False)


def read_article(path: Path) -> tuple[str, str]:
    """(title, text) of a plain-text or HTML article."""
    raw = path.read_bytes()
    if b"\0" in raw[:4096]:
        raise InputError("binary file, not an article")
    text = raw.decode("utf-8-sig")
    if path.suffix.lower() in (".html", ".htm") or re.match(r"\s*<(!doctype|html)", text, re.I):
        parser = _Text()
        parser.feed(text)
        title = parser.title.strip()
        # the page's main text; a page too small for the extractor to find one is read whole
        body = main_text(text) or " ".join(parser.parts)
    else:
        body, title = text, ""
    body = re.sub(r"\s+", " ", body.replace("\\n", " ")).strip()
    if not body:
        raise InputError("no text")
    return title or body[:120].rsplit(" ", 1)[0], body


class MentionFinder:
    def __init__(self, context: ImportContext):
        index = context.resolver.index
        self.keys: dict[str, str | None] = {}
        for label in MENTIONABLE:
            for key, ids in index.keys[label].items():
                if len(ids) == 1 and len(key.replace(" ", "")) >= 3:
                    [entity] = ids
                    # a key shared across labels (a family and a model named alike) is ambiguous too
                    self.keys[key] = None if key in self.keys and self.keys[key] != entity else entity
        self.spellings = index.spellings

    def _single_word_ok(self, entity: str, word: str, sentence_start: bool) -> bool:
        """One word names an entity only as that entity spells it (case included) and not
        as a sentence's first word, where any word is capitalized ("You", "Fast")."""
        return not sentence_start and word in self.spellings[entity].values()

    def find(self, text: str) -> list[str]:
        matches = list(_WORD.finditer(text))
        words = [m.group(0) for m in matches]
        found: list[str] = []
        i = 0
        while i < len(words):
            gap = text[matches[i - 1].end():matches[i].start()] if i else "\n"
            sentence_start = "\n" in gap or any(mark in gap for mark in ".!?:\"“”•") or gap.strip() == "-"
            for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
                entity = self.keys.get(normalize(" ".join(words[i:i + n]), "Organization"))
                if entity and (n > 1 or self._single_word_ok(entity, words[i], sentence_start)):
                    found.append(entity)
                    i += n
                    break
            else:
                i += 1
        return list(dict.fromkeys(found))


@importer("articles", order=60,
          help="News articles: a Source each, linked by MENTIONS to the entities they name.",
          params=[Param("paths", "Plain-text or HTML article files, or folders.", type=list[Path])])
class ArticlesSource:
    policy = "fill"

    def __init__(self, paths: list[Path], context: ImportContext):
        self.paths = [Path(p) for p in paths]
        self.context = context
        self.out = Emitter(context, "")
        self.problems: list[Problem] = self.out.problems
        self.mentions = MentionFinder(context)

    def _files(self) -> list[Path]:
        files = []
        for path in self.paths:
            if path.is_dir():
                files += sorted(p for p in path.iterdir() if p.suffix.lower() in (".txt", ".html", ".htm"))
            elif path.exists():
                files.append(path)
            else:
                raise IngestError([Problem(str(path), None, None, None, "no such file or directory")])
        return files

    def records(self) -> Iterator:
        for path in self._files():
            name = display_name(path)
            try:
                title, text = read_article(path)
            except (OSError, ValueError) as exc:  # InputError, UnicodeDecodeError, a parser's ValueError
                self.problems.append(Problem(name, None, None, None, f"cannot read article: {exc}"))
                continue
            self._article(path, title, text, Origin(name, 1))
        yield from merge_records(self.out.records)

    def _article(self, path: Path, title: str, text: str, origin: Origin) -> None:
        source = self._known(path.name) or self._known(title)
        source_id = source or f"source:article/{path.stem.lower()}"
        source_id = re.sub(r"[^a-z0-9._/+:-]+", "-", source_id)
        data = {"id": source_id, "name": title, "aliases": [path.name], "source_kind": "secondary",
                "sources": [source_id], "mentions": [m for m in self.mentions.find(text) if m != source_id]}
        self.out.emit("Source", data, origin)

    def _known(self, name: str) -> str | None:
        resolution = self.context.resolver.resolve("Source", name)
        return resolution.id if resolution.rule == "exact name or alias" else None
