"""Hostile text stays text: terminals, bidi, spreadsheets, images, cached charts, the preview server."""

from __future__ import annotations

import functools
import http.client
import http.server
import threading

import pytest

from qisite import buildcache
from qisite.charts import pool
from qisite.charts.safe_svg import is_safe_chart
from qisite.charts.tables import formula_safe as neutralise_formula
from qisite.problems import QisiteError
from qisite.serve import allowed_host, make_handler, refuse_watched_output
from qisite.site.bidi import isolate_bidi
from qisite.site.markdown import render_markdown
from qisite.terminal import for_terminal


def test_terminal_controls_are_shown_not_obeyed():
    assert for_terminal("team \x1b]0;pwned\x07 \x1b[2J ok\n\tnext \u202ereversed") == \
        "team \\x1b]0;pwned\\x07 \\x1b[2J ok\n\tnext \\u202ereversed"


def test_bidi_controls_are_isolated_and_plain_text_is_unchanged():
    assert isolate_bidi("Ward 7") == "Ward 7"
    assert isolate_bidi("evil\u202e gnp.exe") == "\u2068evil\u202e gnp.exe\u2069"
    assert isolate_bidi(3) == 3


@pytest.mark.parametrize("cell, written", [
    ('=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'),
    ("+44 20 7946 0000", "'+44 20 7946 0000"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("-1.5", "-1.5"),
    ("-12", "-12"),
    ("Asian or Asian British", "Asian or Asian British"),
])
def test_download_cells_never_run_as_formulas(cell, written):
    assert neutralise_formula(cell) == written


def test_markdown_images_make_no_request():
    html = render_markdown("![tracker](https://evil.example/pixel.png) ![ours](images/ward.png)")
    assert "<img" not in html
    assert '<a class="image-not-shown" href="https://evil.example/pixel.png" rel="external">[image: tracker]</a>' in html
    assert '<span class="image-not-shown">[image: ours]</span>' in html


GOOD = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'
        '<style type="text/css">.q *{stroke-linejoin:round}</style><g clip-path="url(#c)"><a href="#pdsa-1">'
        '<text x="1" y="2">$5 &lt;script&gt;</text></a></g></svg>')


@pytest.mark.parametrize("tampered", [
    GOOD.replace("<text", "<script>alert(1)</script><text"),
    GOOD.replace('<text x="1"', '<text onclick="alert(1)" x="1"'),
    GOOD.replace('href="#pdsa-1"', 'href="javascript:alert(1)"'),
    GOOD.replace('href="#pdsa-1"', 'href="https://evil.example/"'),
    GOOD.replace("round}", "round;background:url(https://evil.example/t.png)}"),
    GOOD.replace("<g ", '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject><g '),
    GOOD.replace("$5", "<![CDATA[</text><script>alert(1)</script>]]>"),
    GOOD[:-10],
])
def test_tampered_cached_charts_are_refused(tampered):
    assert is_safe_chart(GOOD)
    assert not is_safe_chart(tampered)


def test_a_tampered_cache_entry_is_read_as_a_miss(tmp_path):
    path = tmp_path / "ab" / "abcdef.svg"
    path.parent.mkdir()
    path.write_text(GOOD)
    assert pool._read(path) == GOOD
    path.write_text(GOOD.replace("<text", "<script>alert(1)</script><text"))
    assert pool._read(path) is None
    path.unlink()
    path.symlink_to("/etc/passwd")
    assert pool._read(path) is None


def test_a_cached_chart_is_checked_again_whenever_its_bytes_change(tmp_path, monkeypatch):
    path = tmp_path / "cd" / "cdef01.svg"
    path.parent.mkdir()
    path.write_text(GOOD.replace("$5", "$6"))
    assert pool._read(path) is not None
    checked = []
    monkeypatch.setattr(pool, "is_safe_chart", lambda text: checked.append(text) or is_safe_chart(text))
    assert pool._read(path) is not None and checked == []   # the same bytes: known safe, not parsed again
    path.write_text(GOOD.replace("$5", "$6").replace("<text", "<script>alert(1)</script><text"))
    assert pool._read(path) is None and len(checked) == 1


def test_a_chart_this_user_stored_is_read_back_unparsed(tmp_path, monkeypatch):
    """A chart qisite stored ends with its seal (this user's signature of the bytes above it): read back
    (by a new process) without the XML check, and without the seal."""
    path = tmp_path / "ef" / "ef0123.svg"
    pool._write(path, GOOD)
    assert path.read_bytes().startswith(GOOD.encode()) and b"<!--qisite-seal " in path.read_bytes()
    monkeypatch.setattr(pool, "_FOUND_SAFE", set())   # (as a new process)
    checked = []
    monkeypatch.setattr(pool, "is_safe_chart", lambda text: checked.append(text) or is_safe_chart(text))
    assert pool._read(path) == GOOD and checked == []


@pytest.mark.parametrize("change", [
    lambda data: data.replace(b"<text", b"<script>alert(1)</script><text"),          # the chart changed, seal kept
    lambda data: data[:data.rindex(b"<!--qisite-seal")].replace(b"<text", b"<script>alert(1)</script><text")
    + b"<!--qisite-seal " + b"0" * 64 + b"-->\n",   # … and sealed anew by someone without the key
])
def test_a_seal_vouches_only_for_the_bytes_it_signed(tmp_path, monkeypatch, change):
    path = tmp_path / "ef" / "ef4567.svg"
    pool._write(path, GOOD)
    path.write_bytes(change(path.read_bytes()))
    monkeypatch.setattr(pool, "_FOUND_SAFE", set())
    assert pool._read(path) is None


def test_a_chart_another_user_stored_is_checked_and_used(tmp_path, monkeypatch):
    """A cache restored from elsewhere (CI): sealed with another key, so checked as any chart, and used."""
    path = tmp_path / "ef" / "ef89ab.svg"
    pool._write(path, GOOD)
    monkeypatch.setitem(buildcache._SECRET, "key", b"k" * 32)   # another user's key
    monkeypatch.setattr(pool, "_FOUND_SAFE", set())
    checked = []
    monkeypatch.setattr(pool, "is_safe_chart", lambda text: checked.append(text) or is_safe_chart(text))
    assert pool._read(path) == GOOD and checked == [GOOD]


@pytest.mark.parametrize("host, allowed", [
    ("127.0.0.1:8000", True), ("localhost:8000", True), ("localhost", True), ("[::1]:8000", True),
    ("LOCALHOST:1", True), ("evil.example", False), ("evil.example:8000", False), ("127.0.0.1.evil.example", False),
    ("", False), (None, False),
])
def test_only_loopback_host_names_are_answered(host, allowed):
    assert allowed_host(host) is allowed


class _Built:
    epoch = 1
    banner = ""

    def wait_until_built(self, timeout: float = 30) -> None:
        pass


@pytest.fixture
def preview(tmp_path):
    (tmp_path / "index.html").write_text("<html><body>home</body></html>")
    (tmp_path / "search-index.js").write_text("var index = [];")
    handler = functools.partial(make_handler(_Built()), directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def fetch(port: int, path: str, **headers: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest("GET", path, skip_host=True)
    for name, value in headers.items():
        connection.putheader(name.replace("_", "-"), value)
    connection.endheaders()
    return connection.getresponse()


def test_the_preview_refuses_other_hosts_and_other_sites(preview):
    ok = fetch(preview, "/search-index.js", Host=f"127.0.0.1:{preview}")
    assert ok.status == 200 and ok.getheader("X-Content-Type-Options") == "nosniff"
    assert ok.getheader("Access-Control-Allow-Origin") is None
    assert fetch(preview, "/index.html", Host=f"localhost:{preview}").status == 200
    assert fetch(preview, "/index.html", Host="evil.example").status == 403  # DNS rebinding
    assert fetch(preview, "/search-index.js", Host=f"127.0.0.1:{preview}", Sec_Fetch_Site="cross-site").status == 403
    assert fetch(preview, "/search-index.js", Host=f"127.0.0.1:{preview}", Sec_Fetch_Site="same-origin").status == 200


@pytest.mark.parametrize("output", ["projects/_site", "templates/out", "."])
def test_the_preview_refuses_an_output_it_watches(tmp_path, output):
    (tmp_path / "projects").mkdir()
    (tmp_path / "templates").mkdir()
    with pytest.raises(QisiteError, match="preview's output"):
        refuse_watched_output(tmp_path, tmp_path / output)
    refuse_watched_output(tmp_path, tmp_path / "_site")
