"""Python's cycle collector, run only on the UI thread.

CPython collects reference cycles in whichever thread happens to allocate when a generation
fills up — often the database worker or the print thread. A cycle that holds the last
reference to a Qt object made on the UI thread (a closed dialog, a rebuilt form, a whole
window) is then destroyed from the wrong thread, and Qt crashes the program (a segmentation
fault seen in CI inside ``_Worker.run``). So automatic collection is switched off while a Qt
application runs, and a timer on the UI thread collects with the same thresholds instead.
"""

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 250

_installed: "MainThreadCollector | None" = None


class MainThreadCollector(QObject):
    """Owned by the application; collects on its timer, on the thread the application runs."""

    def __init__(self, app: QCoreApplication):
        super().__init__(app)
        self._threshold = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(INTERVAL_MS)
        app.aboutToQuit.connect(self.check)

    def check(self) -> None:
        """Collect the generations that filled up since the last check, youngest first."""
        young, middle, old = gc.get_count()
        if young > self._threshold[0]:
            gc.collect(0)
            if middle > self._threshold[1]:
                gc.collect(1)
                if old > self._threshold[2]:
                    gc.collect(2)


def install() -> None:
    """Once per application, from the UI thread, before any other thread runs Python.

    Without an application there is no widget to protect and no event loop to collect from.
    """
    global _installed
    app = QCoreApplication.instance()
    if app is None:
        return
    if _installed is not None and _installed.parent() is app:
        return
    _installed = MainThreadCollector(app)
