"""The site's pure pieces: links, Markdown, atomic output, search index, feed."""


import pytest

from qisite.problems import QisiteError
from qisite.site import urls
from qisite.site.markdown import render_markdown
from qisite.site.output import MARKER, SiteWriter


@pytest.mark.parametrize("page, target, link", [
    ("index.html", "projects/a/index.html", "projects/a/index.html"),
    ("projects/a/index.html", "areas/age/index.html", "../../areas/age/index.html"),
    ("projects/a/index.html", "projects/a/index.html#pdsa-1", "index.html#pdsa-1"),
    ("projects/a/index.html", "#measures", "#measures"),
    ("ideas/x/index.html", "index.html", "../../index.html"),
])
def test_links_are_relative_and_name_a_file(page, target, link):
    assert urls.relative(page, target) == link


def test_markdown_never_passes_html_or_script_links():
    html = render_markdown("# Title\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>")
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert "<h3>Title</h3>" in html  # headings move down under the page's own h1/h2


def test_output_is_swapped_in_whole(tmp_path):
    out = tmp_path / "_site"
    first = SiteWriter(out)
    first.write_text("index.html", "one")
    first.commit()
    second = SiteWriter(out)
    second.write_text("index.html", "two")
    assert (out / "index.html").read_text() == "one"  # nothing changes until commit
    second.commit()
    assert (out / "index.html").read_text() == "two" and (out / MARKER).exists()
    # no staging or old folders left; the site before last kept as the spare, the next build's staging folder
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".qisite-cache") == ["._site.spare", "_site"]


def test_a_build_that_wrote_most_files_leaves_a_spare_holding_the_published_files(tmp_path):
    """After a first build (or a changed template) the next build recycles a spare that holds every
    published file already (hard links, the same inodes), so it keeps each with one stat; a build
    that wrote a few files leaves the site it replaced as the spare, as before."""
    import os

    from qisite.site.output import SPARE_AGAIN_FROM, file_stamp, spare_path

    out = tmp_path / "_site"
    paths = [f"projects/p{n % 17}/file-{n}.svg" for n in range(SPARE_AGAIN_FROM + 4)]
    first = SiteWriter(out)
    for path in paths:
        first.write_text(path, f"<svg>{path}</svg>")
    first.commit()
    first.spare_again()   # (a build does so once its answer is out)
    spare = spare_path(out)
    assert all(os.lstat(spare / path).st_ino == os.lstat(out / path).st_ino for path in paths)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".qisite-cache") == ["._site.spare", "_site"]
    second = SiteWriter(out)
    assert second.recycled == set(paths)   # the spare, vouched for and taken as the staging folder
    assert all(second.keep(path, file_stamp(out / path)) for path in paths[1:])
    second.write_text(paths[0], "<svg>changed</svg>")
    second.commit()
    assert (out / paths[0]).read_text() == "<svg>changed</svg>" and (out / paths[1]).read_text() == f"<svg>{paths[1]}</svg>"
    # one file written anew: the site replaced is the spare, its one stale file put right by the next build
    assert (spare / paths[0]).read_text() == f"<svg>{paths[0]}</svg>"
    third = SiteWriter(out)
    assert all(third.keep(path, file_stamp(out / path)) for path in paths)
    third.commit()
    assert [(out / path).read_text() for path in paths] == ["<svg>changed</svg>"] + [f"<svg>{p}</svg>" for p in paths[1:]]


def test_a_failed_build_leaves_the_old_site(tmp_path):
    out = tmp_path / "_site"
    ok = SiteWriter(out)
    ok.write_text("index.html", "old")
    ok.commit()
    failed = SiteWriter(out)
    failed.write_text("index.html", "half")
    failed.abandon()
    assert (out / "index.html").read_text() == "old" and len([p for p in tmp_path.iterdir() if p.name != ".qisite-cache"]) == 1


def test_never_replaces_a_folder_qisite_did_not_write(tmp_path):
    out = tmp_path / "docs"
    out.mkdir()
    (out / "thesis.docx").write_text("precious")
    with pytest.raises(QisiteError, match="not written by qisite"):
        SiteWriter(out)
    assert (out / "thesis.docx").read_text() == "precious"


def test_gaps_read_as_points_and_direction():
    from qisite.model import Measure
    from qisite.site.context import GapHeadline
    from qisite.site.render import describe_gap

    percent = Measure(id="m", title="t", type="outcome", definition="d", data="d.csv", x="x", y="y", chart="p", multiply=100)
    rate = Measure(id="r", title="t", type="outcome", definition="d", data="d.csv", x="x", y="y", chart="u", unit="per 1,000")
    # Bedford (Aurelio et al. 2024): 62 − 54 = 8 points at baseline, 71 − 68 = 3 at the end
    # a bare GapHeadline (no gap chart behind it) gives the size alone: never "narrowed" without a verdict
    assert describe_gap(GapHeadline("24-49", "50-64", -8.1, -2.7), percent) == "8 → 3 points"
    assert describe_gap(GapHeadline("a", "b", 5.0, 7.5), rate) == "5.0 → 7.5 per 1,000"
    assert describe_gap(GapHeadline("a", "b", 4.8, 4.8), rate) == "4.8 per 1,000"
