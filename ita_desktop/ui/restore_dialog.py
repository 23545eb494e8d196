"""ไฟล์ → กู้คืนจากไฟล์สำรอง…: the backups with their dates (พ.ศ.), one restored after asking."""

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.i18n.thai import format_number
from ita_desktop.services.backups import Backup, backup_folder, list_backups

INTRO = (
    "เลือกไฟล์สำรองที่ต้องการใช้ ข้อมูลในไฟล์จะกลับไปเป็นเหมือนวันเวลานั้น"
    " ก่อนกู้คืน โปรแกรมจะสำรองข้อมูลปัจจุบันไว้ให้ จึงย้อนกลับได้เสมอ"
)
NONE_YET = "ยังไม่มีไฟล์สำรองของไฟล์ข้อมูลนี้ (โปรแกรมสำรองให้ทุกครั้งที่เปิดไฟล์ และวันละครั้งระหว่างใช้งาน)"


def _size(backup: Backup) -> str:
    return f"{format_number(backup.size / 1024 / 1024, places=1)} MB"


class RestoreDialog(QDialog):
    """Lists the backups of ``data_path``; ``backup_chosen(Backup)`` once the clerk confirms.

    ``problem``: why the dialog is offered (the data file is damaged), shown at the top.
    """

    backup_chosen = Signal(object)

    def __init__(self, data_path: Path, parent: QWidget | None = None, *, problem: str = ""):
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle("กู้คืนจากไฟล์สำรอง")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.data_path = Path(data_path)
        self.backups = list_backups(self.data_path)
        self.confirm: QMessageBox | None = None

        layout = QVBoxLayout(self)
        if problem:
            # The colours on a frame around a plain label: a styled QLabel wraps Thai past
            # its own padding.
            frame = QFrame()
            frame.setObjectName("restoreProblemFrame")
            frame.setStyleSheet(
                "QFrame#restoreProblemFrame { background: #fdecea; border: 1px solid #e6a39b;"
                " border-radius: 3px; }"
            )
            trouble = QLabel(problem)
            trouble.setObjectName("restoreProblem")
            trouble.setWordWrap(True)
            trouble.setStyleSheet("color: #8a1c12;")
            inside = QVBoxLayout(frame)
            inside.setContentsMargins(10, 8, 10, 8)
            inside.addWidget(trouble)
            layout.addWidget(frame)
        intro = QLabel(INTRO if self.backups else NONE_YET)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setObjectName("backupList")
        self.list.setAccessibleName("ไฟล์สำรอง")
        self.list.setStyleSheet("QListWidget::item { padding: 4px 6px; }")
        for backup in self.backups:
            item = QListWidgetItem(backup.label)
            item.setData(Qt.ItemDataRole.UserRole, backup)
            item.setToolTip(f"{backup.path}\n{_size(backup)}")
            self.list.addItem(item)
        if self.backups:
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.ask())
        layout.addWidget(self.list, 1)
        folder = backup_folder(self.data_path)
        where = QLabel(f"ไฟล์สำรองเก็บไว้ในโฟลเดอร์ {folder.name} ข้างไฟล์ข้อมูล")
        where.setObjectName("backupFolder")
        where.setWordWrap(True)
        where.setToolTip(str(folder))
        where.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(where)

        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton("กู้คืน…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(bool(self.backups))
        buttons.addButton("ยกเลิก", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.ask)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 380)

    def selected(self) -> Backup | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def ask(self) -> QMessageBox | None:
        """Confirm before restoring the selected backup (the box is ``self.confirm``)."""
        backup = self.selected()
        if backup is None:
            return None
        self.confirm = QMessageBox(
            QMessageBox.Icon.Question,
            "กู้คืนจากไฟล์สำรอง",
            f"กู้คืนข้อมูลเป็นของ {backup.label} หรือไม่",
            QMessageBox.StandardButton.NoButton,
            self,
        )
        self.confirm.setObjectName("confirmRestoreBox")
        self.confirm.setInformativeText(
            "การแก้ไขหลังจากเวลานั้นจะไม่อยู่ในไฟล์ข้อมูล แต่โปรแกรมจะสำรองข้อมูลปัจจุบันไว้ก่อน จึงกู้คืนกลับมาได้"
        )
        yes = self.confirm.addButton("กู้คืน", QMessageBox.ButtonRole.AcceptRole)
        yes.setObjectName("confirmRestoreButton")
        keep = self.confirm.addButton("ไม่กู้คืน", QMessageBox.ButtonRole.RejectRole)
        self.confirm.setDefaultButton(keep)
        self.confirm.finished.connect(lambda _r, b=backup: self._on_confirm_finished(b))
        self.confirm.open()
        return self.confirm

    def _on_confirm_finished(self, backup: Backup) -> None:
        box, self.confirm = self.confirm, None
        if box is None or box.buttonRole(box.clickedButton()) != QMessageBox.ButtonRole.AcceptRole:
            return
        # Close first (accepted, not rejected): the window reopens the file under this dialog.
        self.done(QDialog.DialogCode.Accepted)
        self.backup_chosen.emit(backup)


def show_restored(window: QMainWindow, backup: Backup, before: Backup | None) -> QMessageBox:
    """Tell the clerk the restore is done, and where the data from before it is kept."""
    if before is None:
        kept = ""
    elif before.reason == "damaged":
        kept = f"\n\nไฟล์เดิมที่เสียหายเก็บไว้ที่ {before.path}"
    else:
        kept = f"\n\nข้อมูลก่อนกู้คืนสำรองไว้ที่ {before.path} (เลือกได้ในรายการไฟล์สำรอง หากต้องการย้อนกลับ)"
    box = QMessageBox(
        QMessageBox.Icon.Information,
        "กู้คืนจากไฟล์สำรอง",
        f"กู้คืนข้อมูลจากไฟล์สำรอง {backup.label} แล้ว{kept}",
        parent=window,
    )
    box.setObjectName("restoredBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
