r"""The optional extras: how to install one that is missing, and where symbp's source checkout is.

symbp is installed from a checkout (``pip install .``), not from an index, so
a hint like ``pip install symbp[plot]`` cannot work. ``install_hint`` names a
command that does: the extra of the checkout symbp came from, when that is
known, and the plain package otherwise.

>>> hint = install_hint("plot", "matplotlib")
>>> "pip install" in hint and "matplotlib" in hint
True
"""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlparse


def source_checkout() -> "Path | None":
    """The folder symbp was installed from (it holds ``pyproject.toml``), or None when unknown or gone.

    An editable install runs from the checkout itself; a plain ``pip install .``
    records the folder in the installed metadata (``direct_url.json``).
    """
    here = Path(__file__).resolve().parents[2]  # symbp/display/extras.py → the checkout
    if _is_checkout(here):
        return here
    try:
        recorded = metadata.distribution("symbp").read_text("direct_url.json")
    except (metadata.PackageNotFoundError, OSError):
        return None
    try:
        url = json.loads(recorded or "{}").get("url", "")
    except ValueError:
        return None
    parsed = urlparse(url)
    if parsed.scheme != "file":
        return None
    folder = Path(unquote(parsed.path))
    return folder if _is_checkout(folder) else None


def _is_checkout(folder: Path) -> bool:
    project = folder / "pyproject.toml"
    try:
        return project.is_file() and 'name = "symbp"' in project.read_text(encoding="utf-8")
    except OSError:
        return False


def install_hint(extra: str, packages: str) -> str:
    """A command that installs the optional extra ``extra`` (the pip ``packages`` it stands for)."""
    checkout = source_checkout()
    if checkout is not None:
        return f'`pip install "{checkout}[{extra}]"` (the extra "{extra}" of your checkout), or `pip install {packages}`'
    return f'`pip install {packages}` (or, in a symbp checkout, `pip install ".[{extra}]"`)'
