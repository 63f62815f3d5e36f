"""Copy the images a project's Markdown shows from its own folder into the site,
beside the project's page (``projects/<id>/images/<path in the project folder>``).

Each image is read again through the same checks as when the project was
loaded (:func:`qisite.load.images.project_images`: confined to the project
folder, size-limited, a raster image whose content matches its name or an SVG
that only draws), so a file swapped after loading is still refused: it is not
copied, and the refusal is a located error of the build.
"""

from __future__ import annotations

from qisite.load.images import IMAGES_FOLDER
from qisite.site import urls


def images_folder(project_id: str) -> str:
    """The site path of the folder holding a project's copied images."""
    return urls.project_file(project_id, IMAGES_FOLDER)
