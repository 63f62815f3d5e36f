"""``qisite schema``: JSON Schema for each YAML file, for editors to autocomplete."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from qisite.config import load_config
from qisite.load.network import find_network_root
from qisite.load.records import FILES
from qisite.problems import Problems, QisiteError

log = logging.getLogger("qisite")

SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema"


def register(subparsers) -> None:
    parser = subparsers.add_parser("schema", help="write JSON Schema for the YAML files (editor autocomplete)",
                                   description="Write one JSON Schema per YAML file, with the equity areas and stages of site.yaml.")
    parser.add_argument("--out", type=Path, default=Path("schemas"), help="folder to write to (default: schemas)")
    parser.set_defaults(func=run)


def run(args) -> int:
    problems = Problems()
    root = find_network_root(Path.cwd())
    vocabulary = load_config(root, problems).vocabulary() if root else load_config(Path.cwd(), problems).vocabulary()
    if problems.errors:
        raise QisiteError("site.yaml has errors; run 'qisite check' first")
    written = write_schemas(args.out, vocabulary)
    for path in written:
        log.info(f"wrote {path}")
    log.info(_vscode_hint(args.out))
    return 0


def json_schemas(vocabulary: dict[str, tuple[str, ...]]) -> dict[str, dict]:
    """File name → JSON Schema document."""
    return {
        name: {"$schema": SCHEMA_DRAFT, "$id": f"qisite:{name}", **record.json_schema(vocabulary)}
        for name, record in FILES.items()
    }


def write_schemas(out: Path, vocabulary) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in json_schemas(vocabulary).items():
        path = out / name.replace(".yaml", ".schema.json")
        path.write_text(json.dumps(schema, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written


def _vscode_hint(out: Path) -> str:
    mapping = {f"./{(out / n.replace('.yaml', '.schema.json')).as_posix()}": (n if n == "site.yaml" else f"projects/*/{n}")
               for n in FILES}
    return "For VS Code's YAML extension, add to .vscode/settings.json:\n" + json.dumps({"yaml.schemas": mapping}, indent=2)
