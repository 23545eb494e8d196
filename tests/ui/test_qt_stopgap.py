"""PYSIDE-3474: a long session of Qt calls must not exhaust None's reference count."""

import subprocess
import sys


def test_many_qt_calls_do_not_abort_the_program():
    # In a fresh process, so that no other test's import has pinned the singletons already.
    script = (
        "import ita_desktop.ui\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([])\n"
        "label = QLabel()\n"
        "for _ in range(60_000):\n"
        "    label.setText('x'); label.isVisible()\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "ok"
