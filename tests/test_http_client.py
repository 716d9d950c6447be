"""The importers' one HTTP client and the dated download cache, against a local server."""
from __future__ import annotations

import io
import json
import zipfile

import pytest

from ingest.download import cached_download, csv_from_zip
from ingest.http import FetchError, HttpClient, allowed

from local_http import Route, serving


def test_only_https_or_this_machine():
    assert allowed("https://epoch.ai/data/all_ai_models.csv")
    assert allowed("http://127.0.0.1:8000/x.csv") and allowed("http://localhost/x")
    assert not allowed("http://epoch.ai/data.csv") and not allowed("file:///etc/passwd")
    assert not allowed("ftp://example.org/x") and not allowed("https:///nohost")
    with pytest.raises(FetchError, match="only https"):
        HttpClient().get("http://example.org/x")


def test_get_json_and_next_page():
    routes = {"/api/models": Route(b'[{"id": "a/b"}]', headers={
        "Content-Type": "application/json", "Link": '</api/models?cursor=2>; rel="next"'})}
    with serving(routes) as (base, requests):
        response = HttpClient(timeout=5).get(f"{base}/api/models?author=a")
    assert response.json() == [{"id": "a/b"}]
    assert response.next_link() == f"{base}/api/models?cursor=2"
    assert requests == ["/api/models?author=a"]


def test_size_cap_refuses_a_large_body_whatever_its_length_says():
    body = b"x" * 5000
    with serving({"/big": Route(body), "/liar": Route(body, headers={"Content-Length": None}, chunks=5)}) as (base, _):
        with pytest.raises(FetchError, match="cap of 1,000"):
            HttpClient(timeout=5, max_bytes=1000).get(f"{base}/big")
        with pytest.raises(FetchError, match="cap of 1,000"):
            HttpClient(timeout=5, max_bytes=1000).get(f"{base}/liar")


def test_timeout():
    with serving({"/slow": Route(b"late", delay=2.0)}) as (base, _):
        with pytest.raises(FetchError):
            HttpClient(timeout=0.3).get(f"{base}/slow")


def test_http_errors_and_refused_redirects():
    routes = {"/gone": Route(b"", status=404),
              "/away": Route(b"", status=302, headers={"Location": "http://example.org/elsewhere"})}
    with serving(routes) as (base, _):
        with pytest.raises(FetchError, match="HTTP 404"):
            HttpClient(timeout=5).get(f"{base}/gone")
        with pytest.raises(FetchError, match="refused a redirect"):
            HttpClient(timeout=5).get(f"{base}/away")


def test_download_is_cached_with_its_date_and_replaced_the_next_day(tmp_path):
    with serving({"/data/all.csv": Route(b"System\nA\n")}) as (base, requests):
        url = f"{base}/data/all.csv"
        first, info = cached_download(url, tmp_path, HttpClient(timeout=5), today="2026-11-20")
        again, _ = cached_download(url, tmp_path, HttpClient(timeout=5), today="2026-11-20")
        assert first == again and requests == ["/data/all.csv"], "the same day reads the cache"
        assert "2026-11-20" in first.name and first.read_bytes() == b"System\nA\n"
        assert info["url"] == url and info["date"] == "2026-11-20" and info["bytes"] == 9
        assert json.loads(first.with_name(first.name + ".json").read_text())["sha256"] == info["sha256"]
        later, _ = cached_download(url, tmp_path, HttpClient(timeout=5), today="2026-11-21")
        assert len(requests) == 2 and not first.exists() and later.exists()


def test_a_failed_download_leaves_nothing(tmp_path):
    with serving({"/big": Route(b"x" * 5000)}) as (base, _):
        with pytest.raises(FetchError):
            cached_download(f"{base}/big", tmp_path, HttpClient(timeout=5, max_bytes=100))
    assert list(tmp_path.iterdir()) == []


def test_csv_from_a_zip(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notable_ai_models.csv", "Model\nA\n")
        archive.writestr("all_ai_models.csv", "Model\nA\nB\n")
    (tmp_path / "ai_models.zip").write_bytes(buffer.getvalue())
    path, member = csv_from_zip(tmp_path / "ai_models.zip", ("all_ai_models.csv",))
    assert member == "all_ai_models.csv" and path.read_text() == "Model\nA\nB\n"
    with pytest.raises(FetchError, match="no CSV"):
        csv_from_zip(tmp_path / "ai_models.zip", ("other.csv",))
