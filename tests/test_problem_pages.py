"""The preview's pages for problems (qisite.site.problem_pages): only in the preview, located,
hostile text shown as text, a page only at an address a project could have."""

import shutil

import pytest

from qisite.build import build
from qisite.site.problem_pages import PROBLEMS_PAGE, banner

from support import fill_in, run_qisite

HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def network(tmp_path_factory):
    root = tmp_path_factory.mktemp("problems")
    (root / "site.yaml").write_text("title: Problems\n", encoding="utf-8")
    for name in ("clinic-access", "ward-flow", "odd"):
        assert run_qisite("new", root / "projects" / name).returncode == 0
        fill_in(root / "projects" / name)
    ward = root / "projects" / "ward-flow" / "project.yaml"
    ward.write_text(ward.read_text(encoding="utf-8").replace("title: Ward flow", "title: [Ward flow"), encoding="utf-8")
    odd = root / "projects" / "odd"
    (odd / "project.yaml").write_text(f"title: {HOSTILE}\nfrobnicate: 1\n", encoding="utf-8")
    odd.rename(root / "projects" / HOSTILE)  # a folder name no project id could be
    return root


def test_the_preview_shows_each_broken_projects_problems_and_the_list(network, tmp_path):
    output = tmp_path / "preview"
    report = build(network, output, problem_pages=True)
    assert report.written and len(report.problems.errors) >= 2
    page = (output / "projects" / "ward-flow" / "index.html").read_text(encoding="utf-8")
    line = next(n for n, text in enumerate((network / "projects" / "ward-flow" / "project.yaml")
                                           .read_text(encoding="utf-8").splitlines(), 1) if text.startswith("title:"))
    assert "<h1>ward-flow: this project has errors</h1>" in page
    assert f"<code>projects/ward-flow/project.yaml:{line}:" in page and "Hint:" in page
    assert "clinic-access" not in page.split("<main", 1)[1]  # only this project's problems
    listing = (output / PROBLEMS_PAGE).read_text(encoding="utf-8")
    assert "projects/ward-flow/project.yaml" in listing and "frobnicate" in listing
    assert HOSTILE not in listing and "&lt;img src=x onerror=alert(1)&gt;" in listing
    assert not (output / "projects" / HOSTILE).exists()  # listed, but given no page of its own
    assert (output / "projects" / "clinic-access" / "index.html").is_file()


def test_a_published_site_never_has_them(network, tmp_path):
    output = tmp_path / "site"
    build(network, output)
    assert not (output / PROBLEMS_PAGE).exists() and not (output / "projects" / "ward-flow").exists()


def test_a_network_without_problems_has_no_problem_pages(network, tmp_path):
    root = tmp_path / "clean"
    (root / "projects").mkdir(parents=True)
    shutil.copy(network / "site.yaml", root / "site.yaml")
    shutil.copytree(network / "projects" / "clinic-access", root / "projects" / "clinic-access")
    report = build(root, root / "_site", problem_pages=True)
    assert not report.problems.errors and not (root / "_site" / PROBLEMS_PAGE).exists()


def test_the_banner_counts_errors_names_a_failure_and_escapes_it():
    assert banner(0, None) == ""
    one = banner(1, None)
    assert "1 error in the network's files" in one and 'href="/problems.html"' in one
    assert "3 errors in" in banner(3, None)
    failed = banner(0, f"TemplateSyntaxError: {HOSTILE}")
    assert "The last build failed:" in failed and HOSTILE not in failed and "&lt;img" in failed
    assert "in the network's files" not in failed  # no count of errors when there are none
