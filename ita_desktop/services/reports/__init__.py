"""Printed documents (A–D and the annual pack) laid out by the layouts in forms/layouts.

The public names are imported on first use, so that importing the Thai text layer
(``reports.text``) does not load the whole report engine.
"""

from importlib import import_module

_PUBLIC = {
    "DOCUMENT_KINDS": "documents",
    "build_document": "documents",
    "build_pack": "documents",
    "LayoutInfo": "layouts",
    "get_layout": "layouts",
    "list_layouts": "layouts",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str):
    if name in _PUBLIC:
        return getattr(import_module(f"{__name__}.{_PUBLIC[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
