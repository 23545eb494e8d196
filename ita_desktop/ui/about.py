"""ช่วยเหลือ → เกี่ยวกับ ITA Desktop: version, purpose and which data file is open."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ita_desktop import __version__


def show_about(parent: QWidget, data_file: Path | None) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        "เกี่ยวกับ ITA Desktop",
        f"ITA Desktop รุ่น {__version__}\n\n"
        "วิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส (ITA) วางมาตรการ ติดตามผล "
        "และพิมพ์รายงาน สำหรับองค์กรปกครองส่วนท้องถิ่น — ทำงานได้โดยไม่ต้องต่ออินเทอร์เน็ต\n\n"
        f"ไฟล์ข้อมูล: {data_file or '-'}",
        parent=parent,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
