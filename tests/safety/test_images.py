"""Images from a project's own folder: copied beside the page only when they are
what they claim, inside the folder, and (for SVG) can do nothing but draw."""

from __future__ import annotations

import pytest

from qisite.build import build
from qisite.commands.new import write_scaffold
from qisite.load import images as load_images
from qisite.load.images import ImageRefusedError, local_path, read_image, svg_refusal
from qisite.site.markdown import render_markdown

SVG = 'xmlns="http://www.w3.org/2000/svg"'
XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"'
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
RED_DOT = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="

# An SVG as Inkscape saves it: editors' metadata in their own namespaces, a gradient used by url(#id),
# an embedded raster picture, a style sheet with local references only.
INKSCAPE = f"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->
<svg {SVG} {XLINK} xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
     xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
     xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:cc="http://creativecommons.org/ns#"
     xmlns:dc="http://purl.org/dc/elements/1.1/" width="210mm" height="297mm" viewBox="0 0 210 297"
     inkscape:version="1.3" sodipodi:docname="ward.svg">
  <sodipodi:namedview id="base" pagecolor="#ffffff" inkscape:zoom="0.5"/>
  <metadata><rdf:RDF><cc:Work rdf:about=""><dc:format>image/svg+xml</dc:format></cc:Work></rdf:RDF></metadata>
  <defs><linearGradient id="g"><stop offset="0" style="stop-color:#005eb8"/></linearGradient>
    <filter id="f"><feGaussianBlur stdDeviation="2"/></filter></defs>
  <style>.bed {{ fill: url(#g); }}</style>
  <g inkscape:label="Layer 1" inkscape:groupmode="layer"><rect class="bed" width="40" height="20" filter="url(#f)"/>
    <use xlink:href="#g"/><image width="1" height="1" xlink:href="{RED_DOT}"/>
    <text x="5" y="50"><tspan>Bay 3 &amp; 4</tspan></text></g>
</svg>
"""


def test_a_drawing_as_editors_save_it_is_accepted():
    assert svg_refusal(INKSCAPE.encode()) is None


@pytest.mark.parametrize("svg, reason", [
    (f"<svg {SVG}><script>alert(1)</script></svg>", "holds a <script> element"),
    (f'<svg {SVG} onload="alert(1)"/>', "has an event handler (onload)"),
    (f'<svg {SVG}><rect ONCLICK="alert(1)"/></svg>', "has an event handler (ONCLICK)"),
    (f'<svg {SVG}><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>',
     "holds a <foreignObject> element"),
    (f'<svg {SVG}><h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script></svg>',
     "holds a <script> element from outside SVG"),
    (f'<svg {SVG}><a href="javascript:alert(1)"><text>x</text></a></svg>', "holds a <a> element"),
    (f'<svg {SVG}><use href="https://evil.example/sprite.svg#i"/></svg>', "links to 'https://evil.example/sprite.svg#i'"),
    (f'<svg {SVG} {XLINK}><image xlink:href="https://evil.example/t.png"/></svg>', "links to 'https://evil.example/t.png'"),
    (f'<svg {SVG}><image href="data:image/svg+xml;base64,PHN2Zz4="/></svg>', "links to 'data:image/svg+xml"),
    (f'<svg {SVG}><rect style="fill:url(https://evil.example/t.png)"/></svg>', "loads a resource from elsewhere in 'style'"),
    (f'<svg {SVG}><rect fill="url(//evil.example/t#g)"/></svg>', "loads a resource from elsewhere in 'fill'"),
    (f'<svg {SVG}><style>@import url("https://evil.example/x.css");</style></svg>', "has a style sheet that loads"),
    (f'<svg {SVG}><style>rect {{ background: url(https://evil.example/t.png) }}</style></svg>', "has a style sheet that loads"),
    (f'<svg {SVG}><set attributeName="href" to="javascript:alert(1)"/></svg>', "holds a <set> element"),
    (f'<svg {SVG}><animate attributeName="href" values="https://evil.example"/></svg>', "holds a <animate> element"),
    (f'<svg {SVG}><rect class="java\tscript:x"/></svg>', "has a script link in 'class'"),
    (f'<?xml-stylesheet href="https://evil.example/s.css"?><svg {SVG}/>', "holds a processing instruction"),
    (f'<!DOCTYPE svg [<!ENTITY a "lol">]><svg {SVG}><text>&a;</text></svg>', "declares a DOCTYPE or entities"),
    ("<svg><script>alert(1)</script></svg>", "is not an SVG drawing"),
    ("<html><script>alert(1)</script></html>", "is not an SVG drawing"),
    (f"<svg {SVG}><g></svg>", "is not well-formed XML"),
])
def test_an_svg_that_could_do_more_than_draw_is_refused(svg, reason):
    assert reason in (svg_refusal(svg.encode()) or "")


@pytest.mark.parametrize("source, path", [
    ("images/ward.png", "images/ward.png"),
    ("./images/../ward.png", "ward.png"),
    ("images/ward%201.png", "images/ward 1.png"),
    ("images/ward.png?v=2#top", "images/ward.png"),
    ("../good/ward.png", None),
    ("images/../../ward.png", None),
    ("/etc/passwd", None),
    ("%2Fetc%2Fpasswd", None),
    ("..%2F..%2Fsite.yaml", None),
    ("images\\..\\..\\site.yaml", None),
    ("https://evil.example/p.png", None),
    ("//evil.example/p.png", None),
    ("data:image/png;base64,AAAA", None),
    ("file:///etc/passwd", None),
    ("", None),
])
def test_only_paths_inside_the_project_folder_name_a_local_image(source, path):
    assert local_path(source) == path


def test_an_image_is_read_only_when_its_content_is_what_its_name_says(tmp_path):
    (tmp_path / "ward.png").write_bytes(PNG)
    (tmp_path / "page.png").write_bytes(b"<html><script>alert(1)</script>")
    (tmp_path / "photo.jpg").write_bytes(PNG)
    (tmp_path / "anim.gif").write_bytes(b"GIF89a\x01\x00")
    (tmp_path / "pic.webp").write_bytes(b"RIFF\x10\x00\x00\x00WEBPVP8 ")
    (tmp_path / "page.html").write_text("<script>alert(1)</script>")
    assert read_image(tmp_path, "ward.png") == PNG
    assert read_image(tmp_path, "anim.gif").startswith(b"GIF89a")
    assert read_image(tmp_path, "pic.webp").startswith(b"RIFF")
    for name, message in [("page.png", "'page.png' is not a PNG image"), ("photo.jpg", "'photo.jpg' is not a JPG image"),
                          ("page.html", "'page.html' is not an image a page can show"),
                          ("gone.png", "the image 'gone.png' is not in the project folder")]:
        with pytest.raises(ImageRefusedError, match=message):
            read_image(tmp_path, name)


def test_an_image_linked_out_of_the_folder_or_too_large_is_refused(tmp_path, monkeypatch):
    (tmp_path / "passwd.png").symlink_to("/etc/passwd")
    with pytest.raises(ImageRefusedError, match="links to a file outside its folder"):
        read_image(tmp_path, "passwd.png")
    (tmp_path / "big.png").write_bytes(PNG + b"\x00" * (2 * 1024 * 1024))
    monkeypatch.setenv("QISITE_MAX_FILE_MB", "1")
    with pytest.raises(ImageRefusedError, match="larger than the limit of 1 MB"):
        read_image(tmp_path, "big.png")


def test_markdown_shows_local_images_from_the_folder_it_is_told():
    html = render_markdown("![ward](images/ward%201.png) ![far](https://evil.example/p.png) ![up](../x.png)",
                           images="../../projects/a/images")
    assert '<img src="../../projects/a/images/images/ward%201.png" alt="ward" loading="lazy">' in html
    assert '<a class="image-not-shown" href="https://evil.example/p.png" rel="external">[image: far]</a>' in html
    assert '<span class="image-not-shown">[image: up]</span>' in html
    assert html.count("<img") == 1


def network_with_image(root):
    (root / "site.yaml").write_text("title: Images\n", encoding="utf-8")
    project = root / "projects" / "ward"
    write_scaffold(project)
    (project / "images").mkdir()
    (project / "images" / "leaflet.png").write_bytes(PNG)
    drivers = project / "drivers.yaml"
    drivers.write_text(drivers.read_text(encoding="utf-8").replace(
        "description: Co-designed with service users; handed out at first contact.",
        'description: "Co-designed with service users: ![the leaflet](images/leaflet.png)"'), encoding="utf-8")
    return project


def test_images_are_copied_beside_the_page_and_shown_on_the_idea_page_too(tmp_path):
    network_with_image(tmp_path)
    report = build(tmp_path, workers=1)
    assert not report.problems.errors
    site = tmp_path / "_site"
    assert (site / "projects" / "ward" / "images" / "images" / "leaflet.png").read_bytes() == PNG
    idea = (site / "ideas" / "translated-leaflets" / "index.html").read_text(encoding="utf-8")
    assert '<img src="../../projects/ward/images/images/leaflet.png" alt="the leaflet" loading="lazy">' in idea


def test_an_image_swapped_after_loading_is_not_copied(tmp_path, monkeypatch):
    """A race: the image is checked when the project loads, then replaced by a link to /etc/passwd
    before it is copied. The copy reads it again through the same checks."""
    project = network_with_image(tmp_path)
    real = load_images.project_images

    def swap_then_read(loaded, problems):
        (project / "images" / "leaflet.png").unlink()
        (project / "images" / "leaflet.png").symlink_to("/etc/passwd")
        return real(loaded, problems)

    monkeypatch.setattr("qisite.site.making.project_images", swap_then_read)
    report = build(tmp_path, workers=1)
    assert [str(p.where.file.name) for p in report.problems.errors] == ["drivers.yaml"]
    assert "links to a file outside its folder" in report.problems.errors[0].message
    assert not (tmp_path / "_site" / "projects" / "ward" / "images" / "images" / "leaflet.png").exists()
