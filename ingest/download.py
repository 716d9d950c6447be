"""Datasets given as a URL: downloaded once a day into AIKG_HOME/downloads, each copy
named with its date and described by a sidecar file (URL, time, size, SHA-256)."""
from __future__ import annotations

import hashlib
import json
import re
import urllib.parse
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from ingest.http import FetchError, HttpClient

MAX_EXTRACTED = 2**30


def _name(url: str) -> str:
    last = urllib.parse.urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    return re.sub(r"[^A-Za-z0-9._-]+", "-", urllib.parse.unquote(last)).strip("-.") or "download"


def cached_download(url: str, folder: Path, client: HttpClient | None = None,
                    today: str | None = None) -> tuple[Path, dict]:
    """(local file, its description) for a URL: today's copy if there is one, else a
    fresh download; older copies of the same URL are removed once the new one is complete."""
    today = today or datetime.now(timezone.utc).date().isoformat()
    key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:12]
    target = folder / f"{key}-{today}-{_name(url)}"
    sidecar = target.with_name(target.name + ".json")
    if target.is_file() and sidecar.is_file():
        try:
            return target, json.loads(sidecar.read_text(encoding="utf-8"))
        except ValueError:
            pass  # a damaged description: download again
    size = (client or HttpClient()).download(url, target)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    info = {"url": url, "file": target.name, "date": today, "bytes": size, "sha256": digest,
            "fetched_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    sidecar.write_text(json.dumps(info, indent=2), encoding="utf-8")
    for old in folder.glob(f"{key}-*"):
        if old not in (target, sidecar):
            old.unlink(missing_ok=True)
    return target, info


def csv_from_zip(path: Path, preferred: tuple[str, ...]) -> tuple[Path, str]:
    """A CSV inside a downloaded zip (Epoch AI publishes its exports zipped): the first
    preferred name present, else the only CSV. It is extracted beside the zip; returns
    (the extracted file, its name in the zip)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.namelist() if m.lower().endswith(".csv") and not m.startswith("__MACOSX")]
            by_name = {Path(m).name: m for m in members}
            chosen = next((by_name[n] for n in preferred if n in by_name), None)
            if chosen is None and len(members) == 1:
                chosen = members[0]
            if chosen is None:
                raise FetchError(f"{path.name}: no CSV among {', '.join(sorted(by_name)) or 'its files'} "
                                 f"is one of {', '.join(preferred)}")
            if archive.getinfo(chosen).file_size > MAX_EXTRACTED:
                raise FetchError(f"{path.name}: {chosen} would unpack to more than {MAX_EXTRACTED:,} bytes")
            target = path.with_name(f"{path.stem}-{Path(chosen).name}")
            if not target.exists():
                target.write_bytes(archive.read(chosen))
            return target, chosen
    except zipfile.BadZipFile as exc:
        raise FetchError(f"{path.name}: not a readable zip ({exc})") from exc
