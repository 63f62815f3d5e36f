"""What makes a folder a project folder, and the names of the files in it, declared once.

Light on purpose: finding the project folders (``qisite build`` does it first, every
time) needs only this, not the loader.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_FILE = "project.yaml"
STORY_FILE = "story.md"


def is_project_folder(folder: Path | str) -> bool:
    return os.path.isfile(os.path.join(folder, PROJECT_FILE))
