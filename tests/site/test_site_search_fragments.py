"""Search fragments in Chromium, from file://: a result shows its summary at once and its snippet
when its project's fragment (assets/search/<id>.js) arrives; fragments load once, only for the
results shown, whatever characters the id holds; a missing fragment leaves the summary.

The example site is copied and altered: the project whose story says "respondents" gets an id
with odd characters (its fragment renamed and its call changed to match), and the fragment of
the project whose PDSA notes say "reworded" is deleted.
"""

from __future__ import annotations

import json
import shutil
from urllib.parse import unquote

import pytest

from siteharness import Visit

ODD = 'odd id #1 ?&%ü "q" <b>x __proto__'   # what a URL or HTML would read as syntax
INDEX = "window.QISITE_SEARCH_INDEX="
FRAGMENT = "window.QISITE_SEARCH_FRAGMENT("


def _script_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


@pytest.fixture(scope="module")
def altered(site, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("fragments") / "site"
    shutil.copytree(site, out)
    folder = out / "assets" / "search"
    texts = {path.stem: path.read_text(encoding="utf-8") for path in folder.glob("*.js")}
    odd = next(pid for pid, text in texts.items() if "respondents" in text)
    missing = next(pid for pid, text in texts.items() if "reworded" in text)
    assert odd != missing
    index_file = out / "assets" / "search-index.js"
    index = json.loads(index_file.read_text(encoding="utf-8").removeprefix(INDEX).removesuffix(";\n"))
    entry = next(e for e in index["e"] if e.get("g") == odd)
    entry["g"] = ODD
    index_file.write_text(f"{INDEX}{_script_json(index)};\n", encoding="utf-8")
    _, fields = json.loads("[" + texts[odd].removeprefix(FRAGMENT).removesuffix(");\n") + "]")
    (folder / f"{odd}.js").unlink()
    (folder / f"{ODD}.js").write_text(f"{FRAGMENT}{_script_json(ODD)},{_script_json(fields)});\n", encoding="utf-8")
    (folder / f"{missing}.js").unlink()
    return {"site": out, "odd": odd, "missing": missing, "count": len(texts),
            "missing_title": next(e for e in index["e"] if e.get("g") == missing)["t"]}


@pytest.fixture
def tab(browser, altered):
    v = Visit(browser, altered["site"])
    yield v
    v.close()


def _fragments_requested(v: Visit) -> list[str]:
    return [unquote(u.rsplit("/assets/search/", 1)[1]) for u in v.requests if "/assets/search/" in u]


def _clean_but_missing(v: Visit, name: str) -> None:
    """No page error, dialog or outside request; the one console error is the missing file's."""
    assert not v.page_errors and not v.dialogs and not v.outside, v.problems()
    assert all("ERR_FILE_NOT_FOUND" in e or name in e for e in v.console_errors), v.console_errors


def test_a_fragment_with_an_odd_id_loads_and_fills_the_snippet(tab, altered):
    page = tab.page
    page.goto(tab.url("search.html") + "?q=respondents")
    first = page.locator("#search-page-results li").first
    first.locator(".snippet .field").wait_for()
    assert first.locator(".snippet .field").inner_text().startswith("Story")
    assert first.locator(".snippet mark").first.inner_text().lower() == "respondents"
    assert f"{ODD}.js" in _fragments_requested(tab)
    assert page.locator("#search-page-results b").count() == 0   # the id is a file name, never markup
    assert not tab.problems(), tab.problems()


def test_a_missing_fragment_leaves_the_summary(tab, altered):
    page = tab.page
    with page.expect_request(lambda r: r.url.endswith(f"/assets/search/{altered['missing']}.js")):
        page.goto(tab.url("search.html") + "?q=reworded")
    first = page.locator("#search-page-results li").first
    first.wait_for()
    page.wait_for_timeout(300)
    assert altered["missing_title"] in first.locator("a").inner_text()
    snippet = first.locator(".snippet")
    assert snippet.locator(".field").count() == 0 and snippet.inner_text().strip()   # the summary, as it was
    page.locator("#search-page-input").fill("reworded again")   # asked for once only, even when shown again
    page.wait_for_timeout(300)
    assert _fragments_requested(tab).count(f"{altered['missing']}.js") == 1
    _clean_but_missing(tab, altered["missing"])


def test_the_header_loads_each_fragment_once_and_only_for_results_shown(tab, altered):
    page = tab.goto("index.html")
    box = page.locator("#search-input")
    box.fill("the")    # in every project: more results than the dropdown shows
    page.locator("#search-results a").first.wait_for()
    page.wait_for_timeout(300)
    box.fill("")
    box.fill("the")
    page.locator("#search-results a").first.wait_for()
    page.wait_for_timeout(300)
    asked = _fragments_requested(tab)
    assert asked and len(asked) == len(set(asked)), asked
    assert len(asked) <= page.locator("#search-results li").count() <= 8 < altered["count"]
    assert tab.requests.count(tab.url("assets/search-index.js")) == 1
    _clean_but_missing(tab, altered["missing"])
