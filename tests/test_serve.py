"""`qisite serve` over loopback HTTP: serves the site, rebuilds on change, tells the page to reload.

The in-process tests follow MkDocs' livereload tests (mkdocs/tests/livereload_tests.py: a change
detected while building, a deleted file, a renamed folder, several changes rebuilt once), with the
real build and the real watcher. Builds are counted and checked for overlap by the builder itself
(a lock taken without waiting), not by timing.
"""

import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from qisite.config import load_config
from qisite.problems import Problems
from qisite.serve import Preview, preview_builder

from support import fill_in, run_qisite

SETTLE = 0.3   # seconds of quiet before a build, in these tests


def get(url: str, timeout: float = 30) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


def fetch(url: str, timeout: float = 60) -> tuple[int, str]:
    """Status and text, for a 404 as for a 200."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


@pytest.fixture
def server(tmp_path):
    (tmp_path / "site.yaml").write_text("title: Serve test network\n", encoding="utf-8")
    assert run_qisite("new", tmp_path / "projects" / "clinic-access").returncode == 0
    fill_in(tmp_path / "projects" / "clinic-access")
    process = subprocess.Popen([sys.executable, "-m", "qisite", "serve", "--port", "0", str(tmp_path)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 120
        for line in process.stdout:
            if line.startswith("serving "):
                yield tmp_path, line.split(" at ")[1].split()[0]
                break
            assert time.monotonic() < deadline, "the server did not start"
        else:
            pytest.fail("qisite serve exited before serving")
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serves_pages_with_the_reload_script(server):
    root, base = server
    page = get(base + "projects/clinic-access/index.html")
    assert "Clinic access" in page and "/__qisite/epoch" in page
    assert get(base + "assets/site.css").startswith("/*")


def test_a_change_rebuilds_and_moves_the_epoch(server):
    root, base = server
    epoch = int(get(base + "__qisite/epoch?since=-1"))
    project = root / "projects" / "clinic-access" / "project.yaml"
    project.write_text(project.read_text(encoding="utf-8").replace("title: Clinic access", "title: Clinic access for all"),
                       encoding="utf-8")
    assert int(get(base + f"__qisite/epoch?since={epoch}")) > epoch  # long-poll answers once rebuilt
    assert "Clinic access for all" in get(base + "projects/clinic-access/index.html")


# -- in process: the build loop, problems in the browser, deletions and renames -----------------


class CountedBuild:
    """The preview's real build, counted; a second build starting while one runs is recorded
    (the lock is taken without waiting), and a build can be held at its start by ``hold``."""

    def __init__(self, build_site):
        self.build_site = build_site
        self.running = threading.Lock()
        self.count = 0
        self.overlaps = 0
        self.hold: threading.Event | None = None
        self.held = threading.Event()

    def __call__(self, changes=None):
        if not self.running.acquire(blocking=False):
            self.overlaps += 1
            raise AssertionError("two builds at once")
        try:
            self.count += 1
            if self.hold is not None:
                hold, self.hold = self.hold, None
                self.held.set()
                assert hold.wait(60), "the test never released the held build"
            return self.build_site(changes)
        finally:
            self.running.release()

    def close(self) -> None:   # the preview stops the build's process
        self.build_site.close()


class Running:
    """A preview served on a free loopback port, its builds counted, its watcher's notices recorded."""

    def __init__(self, root: Path):
        self.root = root
        self.output = root / "_site"
        self.messages: list[str] = []
        self.build = CountedBuild(preview_builder(root, self.output))
        watched = (root / "site.yaml", load_config(root, Problems()).projects_dir, root / "templates")
        self.preview = Preview(root, self.output, watched, port=0, report=self.messages.append,
                               build_site=self.build, settle=SETTLE)
        self.rebuilder = self.preview.rebuilder
        self.noticed: list[Path] = []
        notice = self.rebuilder.notice
        self.rebuilder.notice = lambda path: (notice(path), self.noticed.append(path))  # type: ignore[method-assign]
        self.preview.start()
        threading.Thread(target=self.preview.serve_forever, daemon=True).start()
        self.url = self.preview.url

    def page(self, path: str) -> tuple[int, str]:
        return fetch(self.url + path)

    def after(self, change) -> None:
        """Make a change, then wait until the browser is told to reload and the builds are done."""
        epoch = self.rebuilder.epoch
        change()
        moved = int(get(self.url + f"__qisite/epoch?since={epoch}", timeout=60))
        assert moved > epoch, f"no rebuild changed the site: {self.messages}"
        assert self.rebuilder.wait_until_idle(60)

    def wait_noticed(self, path: Path, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while path.resolve() not in self.noticed:
            assert time.monotonic() < deadline, f"the watcher never reported {path}"
            time.sleep(0.02)


@pytest.fixture(scope="module")
def network_template(tmp_path_factory):
    root = tmp_path_factory.mktemp("network")
    (root / "site.yaml").write_text("title: Serve test network\n", encoding="utf-8")
    for name in ("clinic-access", "ward-flow"):
        assert run_qisite("new", root / "projects" / name).returncode == 0
        fill_in(root / "projects" / name)
    return root


@pytest.fixture
def running(tmp_path, network_template):
    root = tmp_path / "network"
    shutil.copytree(network_template, root)
    (root / "templates").mkdir()
    preview = Running(root)
    yield preview
    preview.preview.stop()
    assert preview.build.overlaps == 0


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_an_edit_shows_on_the_page_and_an_unchanged_save_does_not_reload(running):
    project = running.root / "projects" / "ward-flow" / "project.yaml"
    running.after(lambda: edit(project, "title: Ward flow", "title: Ward flow at night"))
    status, page = running.page("projects/ward-flow/index.html")
    assert status == 200 and "Ward flow at night" in page and "/__qisite/epoch" in page
    builds, epoch = running.build.count, running.rebuilder.epoch
    running.noticed.clear()
    project.write_text(project.read_text(encoding="utf-8"), encoding="utf-8")  # saved, not changed
    running.wait_noticed(project)
    assert running.rebuilder.wait_until_idle(60)
    assert running.build.count == builds + 1 and running.rebuilder.epoch == epoch  # built, but nothing to reload


def test_a_broken_file_is_shown_where_the_page_was_and_bannered_elsewhere_until_fixed(running):
    project = running.root / "projects" / "ward-flow" / "project.yaml"
    good = project.read_text(encoding="utf-8")
    line = next(n for n, text in enumerate(good.splitlines(), 1) if text.startswith("title:"))
    running.after(lambda: edit(project, "title: Ward flow", "title: [Ward flow"))

    status, page = running.page("projects/ward-flow/index.html")  # not a 404: the problems, located
    assert status == 200
    assert f"projects/ward-flow/project.yaml:{line}:" in page and "YAML syntax" in page and "Hint:" in page
    assert "Left out of the site" in page
    for other in ("index.html", "projects/clinic-access/index.html", "projects/", "search.html"):
        status, page = running.page(other)
        assert status == 200 and "1 error in the network's files" in page and 'href="/problems.html"' in page, other
    status, listing = running.page("problems.html")
    assert status == 200 and f"projects/ward-flow/project.yaml:{line}:" in listing
    assert 'href="projects/ward-flow/index.html"' in listing
    assert any(f"projects/ward-flow/project.yaml:{line}:" in message and "hint:" in message
               for message in running.messages)  # the terminal says the same

    running.after(lambda: project.write_text(good, encoding="utf-8"))
    status, page = running.page("projects/ward-flow/index.html")
    assert status == 200 and "this project has errors" not in page and "Ward flow" in page
    assert "in the network's files" not in running.page("index.html")[1]
    assert running.page("problems.html")[0] == 404  # nothing left to list


def test_a_deleted_project_gets_the_sites_404_page(running):
    assert running.page("projects/ward-flow/index.html")[0] == 200
    running.after(lambda: shutil.rmtree(running.root / "projects" / "ward-flow"))
    for gone in ("projects/ward-flow/index.html", "projects/ward-flow/", "projects/ward-flow/run-chart.svg"):
        status, page = running.page(gone)
        assert status == 404 and "<h1>Page not found</h1>" in page and '<base href="/">' in page, gone
        assert "/__qisite/epoch" in page  # reloads when the page comes back
    assert "ward-flow" not in running.page("projects/index.html")[1]


def test_a_renamed_project_moves_its_page(running):
    projects = running.root / "projects"
    running.after(lambda: (projects / "ward-flow").rename(projects / "ward-flow-north"))
    assert running.page("projects/ward-flow/index.html")[0] == 404
    status, page = running.page("projects/ward-flow-north/index.html")
    assert status == 200 and "Ward flow" in page


def test_a_burst_of_200_changes_builds_at_most_twice_and_never_twice_at_once(running):
    before = running.build.count
    scratch = running.root / "projects" / "_pulled"  # a folder qisite skips: changes, but no new page
    scratch.mkdir()
    for number in range(200):
        (scratch / f"file-{number:03}.txt").write_text(f"{number}\n", encoding="utf-8")
    last = running.root / "projects" / "ward-flow" / "project.yaml"
    edit(last, "title: Ward flow", "title: Ward flow pulled")
    running.wait_noticed(last)
    assert running.rebuilder.wait_until_idle(60)
    assert len(set(running.noticed)) >= 201
    assert 1 <= running.build.count - before <= 2 and running.build.overlaps == 0
    assert "Ward flow pulled" in running.page("projects/ward-flow/index.html")[1]


def test_a_change_during_a_build_causes_exactly_one_more_build_and_pages_wait_for_it(running):
    project = running.root / "projects" / "ward-flow" / "project.yaml"
    story = running.root / "projects" / "clinic-access" / "project.yaml"
    before = running.build.count
    release = threading.Event()
    running.build.hold = release
    edit(project, "title: Ward flow", "title: Ward flow B")
    assert running.build.held.wait(30), "the change did not start a build"
    running.noticed.clear()

    answered: list[tuple[int, str]] = []
    waiting = threading.Thread(target=lambda: answered.append(running.page("projects/ward-flow/index.html")))
    waiting.start()
    edit(project, "title: Ward flow B", "title: Ward flow C")  # arrives while the first build is held
    edit(story, "title: Clinic access", "title: Clinic access C")
    running.wait_noticed(project)
    running.wait_noticed(story)
    waiting.join(0.5)
    assert not answered, "a page was answered while a build was running"
    release.set()
    waiting.join(60)
    assert answered and answered[0][0] == 200 and "Ward flow" in answered[0][1]

    assert running.rebuilder.wait_until_idle(60)
    assert running.build.count == before + 2 and running.build.overlaps == 0
    assert "Ward flow C" in running.page("projects/ward-flow/index.html")[1]
    assert "Clinic access C" in running.page("projects/clinic-access/index.html")[1]


def test_a_failed_build_is_said_on_every_page_until_a_build_succeeds(running):
    broken = running.root / "templates" / "home.html"
    running.after(lambda: broken.write_text("{% if %}broken{% endif %}", encoding="utf-8"))
    status, page = running.page("projects/clinic-access/index.html")
    assert status == 200 and "The last build failed:" in page and "TemplateSyntaxError" in page
    assert "Clinic access" in page  # the site as it was before
    assert any(message.startswith("build failed: ") for message in running.messages)
    running.after(broken.unlink)
    assert "The last build failed" not in running.page("index.html")[1]


def test_a_templates_folder_made_while_serving_is_watched(running):
    folder = running.root / "templates"
    shutil.rmtree(folder)
    running.wait_noticed(folder)
    assert running.rebuilder.wait_until_idle(60)
    running.noticed.clear()
    folder.mkdir()
    running.wait_noticed(folder)
    assert running.rebuilder.wait_until_idle(60)
    running.after(lambda: (folder / "404.html").write_text(
        '{% extends "base.html" %}{% block title %}Lost{% endblock %}{% block body %}<h1>Lost here</h1>{% endblock %}',
        encoding="utf-8"))
    assert "<h1>Lost here</h1>" in running.page("nowhere.html")[1]


def test_the_reload_script_and_the_note_go_where_they_belong():
    from qisite.serve import with_preview_parts

    page = b'<html><body class="x"><main id="main">hello</main></body></html>'
    served = with_preview_parts(page, 7, '<p class="notice">note</p>')
    assert re.fullmatch(rb'<html><body class="x"><main id="main">\n<p class="notice">note</p>hello</main><script>.*'
                        rb'var epoch = 7;.*</script>\n</body></html>', served, re.DOTALL)
    assert with_preview_parts(b"<p>no body", 1, "").startswith(b"<p>no body<script>")
    assert os.fsdecode(with_preview_parts(b"", 1, "")).startswith("<script>")
