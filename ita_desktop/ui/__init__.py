"""The window: the only layer that imports PySide6."""

import ctypes
import sys


def _pin_singletons() -> None:
    """Work around PYSIDE-3474 before any Qt call is made.

    PySide6 6.12.0's abi3 wheels drop one reference to None (and True/False) on ordinary Qt
    calls that return them, under Python < 3.12; after some tens of thousands of calls the
    program aborts with "Fatal Python error: none_dealloc" — a clerk's long session would crash.
    Python 3.12 makes these objects immortal; on 3.11 we give them a reference count no session
    can exhaust. Remove when PySide6 ships the fix or the project requires Python 3.12.
    """
    if sys.version_info >= (3, 12) or getattr(sys, "_ita_singletons_pinned", False):
        return
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40
    sys._ita_singletons_pinned = True


_pin_singletons()
