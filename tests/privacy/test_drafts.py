"""`draft: true` keeps a project out of the published build; --drafts shows it with a banner."""

from __future__ import annotations

from privacynetwork import make_network, replace

from support import run_qisite


def _network(tmp_path):
    draft = make_network(tmp_path, project="secret-draft")
    replace(draft / "project.yaml", "title: Secret draft", "title: Secret draft\ndraft: true")
    make_network(tmp_path, project="published-one")
    return tmp_path


def _all_text(site):
    return "".join(p.read_text(errors="replace") for p in site.rglob("*") if p.is_file() and p.suffix != ".svg")


def test_a_draft_is_nowhere_in_the_published_build(tmp_path):
    root = _network(tmp_path)
    result = run_qisite("build", root)
    assert result.returncode == 0, result.stderr
    assert "1 draft project not published" in result.stdout
    site = root / "_site"
    assert (site / "projects" / "published-one" / "index.html").is_file()
    assert not (site / "projects" / "secret-draft").exists()
    text = _all_text(site)
    assert "secret-draft" not in text and "Secret draft" not in text  # no link, card, search entry or feed entry


def test_build_with_drafts_shows_it_with_a_banner(tmp_path):
    root = _network(tmp_path)
    result = run_qisite("build", "--drafts", root)
    assert result.returncode == 0, result.stderr
    page = (root / "_site" / "projects" / "secret-draft" / "index.html").read_text()
    assert 'class="notice draft-banner"' in page and "left out of the published site" in page
    other = (root / "_site" / "projects" / "published-one" / "index.html").read_text()
    assert "draft-banner" not in other
    listing = (root / "_site" / "projects" / "index.html").read_text()
    assert '<span class="badge draft">draft</span>' in listing


def test_serve_builds_with_drafts(tmp_path):
    from qisite.serve import Rebuilder

    root = _network(tmp_path)
    messages = []
    Rebuilder(root, root / "_preview", report=messages.append).rebuild()
    assert (root / "_preview" / "projects" / "secret-draft" / "index.html").is_file(), messages
