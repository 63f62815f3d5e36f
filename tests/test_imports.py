"""What a command loads before it knows it has work: each in a fresh process (as ``qisite`` runs)."""

import json
import subprocess
import sys

import pytest

HEAVY = ("numpy", "jinja2", "markdown_it", "matplotlib", "qisite.site.making", "qisite.load.project")


def _loaded_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nimport json\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("code", ["import qisite.build", "import qisite.config", "import qisite.model",
                                  "from qisite.load.network import project_folders"])
def test_finding_out_whether_a_build_has_work_loads_no_site_making_code(code):
    """A build with nothing to do (qisite.build up to its check of the published site) reads site.yaml and
    the project folders' names only: the loader, the engine, the templates and the charts wait until
    there is something to make (a no-op at 1,000 projects took 0.6 s to import them all)."""
    loaded = _loaded_after(code)
    assert not [name for name in HEAVY if name in loaded]


def test_the_spc_package_gives_each_public_name_its_own_object_in_any_order():
    """qisite.spc loads its modules when a name is first asked for: every name is the object its module
    defines, whichever is asked first (a submodule named like a function once shadowed it)."""
    code = """
import importlib, sys
import qisite.spc as spc
order = sorted(spc.__all__, key=str.lower, reverse=sys.argv[1] == "reversed")
first = {name: getattr(spc, name) for name in order}
for name, (module, attribute) in spc._FROM.items():
    assert first[name] is getattr(importlib.import_module("qisite.spc." + module), attribute), name
    assert getattr(spc, name) is first[name], name
assert sorted(spc._FROM) == sorted(spc.__all__)
assert callable(spc.pareto) and callable(spc.aggregate)
"""
    for order in ("sorted", "reversed"):
        subprocess.run([sys.executable, "-c", code, order], check=True)
    with pytest.raises(AttributeError):
        import qisite.spc as spc
        spc.no_such_name  # noqa: B018
