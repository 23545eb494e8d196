"""Python's cycle collector, run only on the UI thread.

CPython collects reference cycles in whichever thread happens to allocate when a generation
fills up — often the database worker or the print thread. A cycle that holds the last
reference to a Qt object made on the UI thread (a closed dialog, a rebuilt form, a whole
window) is then destroyed from the wrong thread, and Qt crashes the program (a segmentation
fault seen in CI inside ``_Worker.run``). So automatic collection is switched off while a Qt
application runs, and a timer on the UI thread collects with the same thresholds instead.
"""

import gc
import time

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

INTERVAL_MS = 250
# A full collection walks every object (about 0.1 s with the program loaded): CPython itself
# postpones it until many new long-lived objects pile up; here it waits at least a minute.
FULL_EVERY_S = 60.0

_installed: "MainThreadCollector | None" = None


class MainThreadCollector(QObject):
    """Owned by the application; collects on its timer, on the thread the application runs."""

    def __init__(self, app: QCoreApplication):
        super().__init__(app)
        self._threshold = gc.get_threshold()
        self._last_full = time.monotonic()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(INTERVAL_MS)
        app.aboutToQuit.connect(self.check)

    def check(self) -> None:
        """Collect the generations that filled up since the last check, youngest first."""
        young, middle, old = gc.get_count()
        if young <= self._threshold[0]:
            return
        gc.collect(0)
        if middle <= self._threshold[1]:
            return
        gc.collect(1)
        now = time.monotonic()
        if old > self._threshold[2] and now - self._last_full >= FULL_EVERY_S:
            gc.collect(2)
            self._last_full = now


def install() -> None:
    """Once per application, on its thread, before any other thread runs Python.

    Without an application there is no widget to protect and no event loop to collect from;
    called from another thread (a worker warming up the segmenter) it leaves things as they
    are: the collector must live, and collect, on the application's thread.
    """
    global _installed
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return
    if _installed is not None and _installed.parent() is app:
        return
    _installed = MainThreadCollector(app)
