"""Thai for Qt's own texts (standard buttons, edit menus, file and print dialogs): Qt ships none."""

from PySide6.QtCore import QCoreApplication, QTranslator

OBJECT_NAME = "itaQtThai"

# Texts that several Qt contexts share; a context's own table below wins where it differs.
# Keys are Qt's source texts without their '&' accelerators (see without_accelerator).
COMMON = {
    "OK": "ตกลง",
    "Cancel": "ยกเลิก",
    "Save": "บันทึก",
    "Save All": "บันทึกทั้งหมด",
    "Open": "เปิด",
    "Close": "ปิด",
    "Yes": "ใช่",
    "No": "ไม่ใช่",
    "Yes to All": "ใช่ทั้งหมด",
    "No to All": "ไม่ใช่ทั้งหมด",
    "Abort": "ยุติ",
    "Retry": "ลองอีกครั้ง",
    "Ignore": "ข้าม",
    "Discard": "ไม่บันทึก",
    "Close without Saving": "ปิดโดยไม่บันทึก",
    "Help": "ช่วยเหลือ",
    "Apply": "นำไปใช้",
    "Reset": "คืนค่า",
    "Restore Defaults": "คืนค่าเริ่มต้น",
    "Undo": "เลิกทำ",
    "Redo": "ทำซ้ำ",
    "Cut": "ตัด",
    "Copy": "คัดลอก",
    "Paste": "วาง",
    "Delete": "ลบ",
    "Select All": "เลือกทั้งหมด",
    "Copy Link Location": "คัดลอกที่อยู่ลิงก์",
    "Print": "พิมพ์",
    "Portrait": "แนวตั้ง",
    "Landscape": "แนวนอน",
    "Page Setup": "ตั้งค่าหน้ากระดาษ",
    "Page setup": "ตั้งค่าหน้ากระดาษ",
    "Custom": "กำหนดเอง",
}

BY_CONTEXT: dict[str, dict[str, str]] = {
    "QPlatformTheme": {},
    "QGnomeTheme": {},
    "QDialogButtonBox": {},
    "QMessageBox": {
        "Show Details...": "แสดงรายละเอียด…",
        "Hide Details...": "ซ่อนรายละเอียด…",
    },
    "QLineEdit": {},
    "QWidgetTextControl": {},
    "QAbstractSpinBox": {
        "Step up": "เพิ่มขึ้นหนึ่งขั้น",
        "Step down": "ลดลงหนึ่งขั้น",
    },
    "QScrollBar": {
        "Scroll here": "เลื่อนมาที่นี่",
        "Left edge": "ซ้ายสุด",
        "Right edge": "ขวาสุด",
        "Top": "บนสุด",
        "Bottom": "ล่างสุด",
        "Page left": "ไปทางซ้ายหนึ่งหน้า",
        "Page right": "ไปทางขวาหนึ่งหน้า",
        "Page up": "ขึ้นหนึ่งหน้า",
        "Page down": "ลงหนึ่งหน้า",
        "Scroll left": "เลื่อนไปทางซ้าย",
        "Scroll right": "เลื่อนไปทางขวา",
        "Scroll up": "เลื่อนขึ้น",
        "Scroll down": "เลื่อนลง",
    },
    "QTabBar": {"Scroll Left": "เลื่อนไปทางซ้าย", "Scroll Right": "เลื่อนไปทางขวา"},
    "QWizard": {
        "< Back": "< ย้อนกลับ",
        "Go Back": "ย้อนกลับ",
        "Next >": "ถัดไป >",
        "Continue": "ถัดไป",
        "Commit": "ยืนยัน",
        "Finish": "เสร็จสิ้น",
        "Done": "เสร็จสิ้น",
    },
    "QInputDialog": {"Enter a value:": "กรุณากรอกค่า:"},
    "QFileDialog": {
        "Save As": "บันทึกเป็น",
        "Find Directory": "เลือกโฟลเดอร์",
        "Choose": "เลือก",
        "Look in:": "ตำแหน่ง:",
        "File name:": "ชื่อไฟล์:",
        "Files of type:": "ชนิดไฟล์:",
        "Directory:": "โฟลเดอร์:",
        "Directories": "โฟลเดอร์",
        "Files": "ไฟล์",
        "All Files (*)": "ไฟล์ทั้งหมด (*)",
        "All files (*)": "ไฟล์ทั้งหมด (*)",
        "Back": "ย้อนกลับ",
        "Go back": "ย้อนกลับ",
        "Forward": "ไปข้างหน้า",
        "Go forward": "ไปข้างหน้า",
        "Parent Directory": "โฟลเดอร์ระดับบน",
        "Go to the parent directory": "ไปที่โฟลเดอร์ระดับบน",
        "New Folder": "โฟลเดอร์ใหม่",
        "Create New Folder": "สร้างโฟลเดอร์ใหม่",
        "Create a New Folder": "สร้างโฟลเดอร์ใหม่",
        "List View": "แสดงเป็นรายการ",
        "Change to list view mode": "แสดงเป็นรายการ",
        "Detail View": "แสดงรายละเอียด",
        "Change to detail view mode": "แสดงรายละเอียด",
        "Sidebar": "แถบด้านข้าง",
        "List of places and bookmarks": "ตำแหน่งที่ใช้บ่อย",
        "Recent Places": "ตำแหน่งล่าสุด",
        "Rename": "เปลี่ยนชื่อ",
        "Remove": "นำออก",
        "Show hidden files": "แสดงไฟล์ที่ซ่อนไว้",
        "Show ": "แสดง ",
        "Could not delete directory.": "ลบโฟลเดอร์ไม่ได้",
        "Are you sure you want to delete '%1'?": "ต้องการลบ '%1' หรือไม่",
        "%1 already exists.\nDo you want to replace it?": "มี %1 อยู่แล้ว\nต้องการแทนที่หรือไม่",
        "'%1' is write protected.\nDo you want to delete it anyway?": (
            "'%1' ถูกป้องกันการเขียน\nต้องการลบหรือไม่"
        ),
        "%1\nFile not found.\nPlease verify the correct file name was given.": (
            "%1\nไม่พบไฟล์\nกรุณาตรวจสอบชื่อไฟล์"
        ),
        "%1\nDirectory not found.\nPlease verify the correct directory name was given.": (
            "%1\nไม่พบโฟลเดอร์\nกรุณาตรวจสอบชื่อโฟลเดอร์"
        ),
    },
    "QFileSystemModel": {
        "Name": "ชื่อ",
        "Size": "ขนาด",
        "Type": "ชนิด",
        "Kind": "ชนิด",
        "Date Modified": "วันที่แก้ไข",
        "Computer": "คอมพิวเตอร์",
        "My Computer": "คอมพิวเตอร์",
    },
    "QAbstractFileIconProvider": {
        "Drive": "ไดรฟ์",
        "Folder": "โฟลเดอร์",
        "File Folder": "โฟลเดอร์",
        "File": "ไฟล์",
        "%1 File": "ไฟล์ %1",
        "Unknown": "ไม่ทราบชนิด",
    },
    "QPrintDialog": {
        "Options >>": "ตัวเลือก >>",
        "Options <<": "ตัวเลือก <<",
        "Local file": "ไฟล์ในเครื่อง",
        "Write PDF file": "บันทึกเป็นไฟล์ PDF",
        "Print to File (PDF)": "พิมพ์เป็นไฟล์ (PDF)",
        "Print To File ...": "พิมพ์เป็นไฟล์…",
        "All Pages": "ทุกหน้า",
        "Odd Pages": "หน้าคี่",
        "Even Pages": "หน้าคู่",
        "Printer Properties": "คุณสมบัติเครื่องพิมพ์",
        "Job Options": "ตัวเลือกงานพิมพ์",
        "Advanced": "ขั้นสูง",
        "Invalid Pages Definition": "ระบุหน้าไม่ถูกต้อง",
        "%1 is a directory.\nPlease choose a different file name.": (
            "%1 เป็นโฟลเดอร์\nกรุณาเลือกชื่อไฟล์อื่น"
        ),
        "File %1 is not writable.\nPlease choose a different file name.": (
            "บันทึกไฟล์ %1 ไม่ได้\nกรุณาเลือกชื่อไฟล์อื่น"
        ),
        "%1 already exists.\nDo you want to overwrite it?": "มี %1 อยู่แล้ว\nต้องการบันทึกทับหรือไม่",
    },
    "QPrintSettingsOutput": {
        "Copies": "สำเนา",
        "Copies:": "จำนวนสำเนา:",
        "Collate": "เรียงชุด",
        "Reverse": "เรียงจากหน้าสุดท้าย",
        "Options": "ตัวเลือก",
        "Output Settings": "การพิมพ์",
        "Print range": "ช่วงที่พิมพ์",
        "Print all": "พิมพ์ทุกหน้า",
        "Pages from": "หน้าที่",
        "to": "ถึง",
        "Pages": "หน้า",
        "Current Page": "หน้าปัจจุบัน",
        "Selection": "ส่วนที่เลือก",
        "Page Set:": "ชุดหน้า:",
        "Color Mode": "สี",
        "Color": "พิมพ์สี",
        "Grayscale": "ขาวดำ",
        "Double Sided Printing": "พิมพ์สองหน้า",
        "Off": "ไม่ใช้",
        "Long side binding": "พลิกด้านยาว",
        "Short side binding": "พลิกด้านสั้น",
        "Specify pages or ranges separated by commas. Ranges are specified by two numbers "
        "separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.": (
            "ระบุหน้าหรือช่วงหน้า คั่นด้วยจุลภาค ช่วงหน้าใช้ขีดคั่น เช่น 3,5-7,9 พิมพ์หน้า 3, 5, 6, 7 และ 9"
        ),
    },
    "QPrintWidget": {
        "Printer": "เครื่องพิมพ์",
        "Name:": "ชื่อ:",
        "Properties": "คุณสมบัติ",
        "Location:": "ตำแหน่ง:",
        "Type:": "ชนิด:",
        "Output file:": "ไฟล์ที่บันทึก:",
        "Preview": "ตัวอย่าง",
    },
    "QPageSetupWidget": {
        "Paper": "กระดาษ",
        "Page size:": "ขนาดกระดาษ:",
        "Width:": "กว้าง:",
        "Height:": "สูง:",
        "Paper source:": "ถาดกระดาษ:",
        "Orientation": "แนวกระดาษ",
        "Reverse landscape": "แนวนอน (กลับด้าน)",
        "Reverse portrait": "แนวตั้ง (กลับด้าน)",
        "Margins": "ระยะขอบ",
        "top margin": "ขอบบน",
        "bottom margin": "ขอบล่าง",
        "left margin": "ขอบซ้าย",
        "right margin": "ขอบขวา",
        "Page Layout": "การจัดหน้า",
        "Page order:": "ลำดับหน้า:",
        "Pages per sheet:": "จำนวนหน้าต่อแผ่น:",
        "Millimeters (mm)": "มิลลิเมตร (mm)",
        "Inches (in)": "นิ้ว (in)",
        "Points (pt)": "พอยต์ (pt)",
    },
    "QPrintPreviewDialog": {
        "Print Preview": "ตัวอย่างก่อนพิมพ์",
        "Next page": "หน้าถัดไป",
        "Previous page": "หน้าก่อน",
        "First page": "หน้าแรก",
        "Last page": "หน้าสุดท้าย",
        "Fit width": "พอดีความกว้าง",
        "Fit page": "พอดีหน้า",
        "Zoom in": "ขยาย",
        "Zoom out": "ย่อ",
        "Show single page": "แสดงทีละหน้า",
        "Show facing pages": "แสดงสองหน้าคู่กัน",
        "Show overview of all pages": "แสดงทุกหน้า",
    },
}


def without_accelerator(text: str) -> str:
    """Qt's text with its accelerator marks removed: 'Cu&t' → 'Cut', '&&' → '&'."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def thai_for(context: str, source_text: str) -> str | None:
    """The Thai of one of Qt's own texts, or None where this table has none."""
    table = BY_CONTEXT.get(context)
    if table is None:
        return None
    key = without_accelerator(source_text)
    return table.get(key) or COMMON.get(key)


class QtThaiTranslator(QTranslator):
    """Answers Qt's own contexts in Thai; every other text passes on unchanged.

    The Thai has no accelerator letters: a clerk typing on the Thai keyboard layout cannot type
    them, and the shortcuts Qt shows beside menu texts (Ctrl+Z…) are kept.
    """

    def translate(self, context, source_text, disambiguation=None, n=-1):
        if not context or not source_text:
            return None
        # None, not "": Qt takes an empty answer as the translation and would show nothing.
        return thai_for(context, source_text)

    def isEmpty(self) -> bool:
        return False


def install(app: QCoreApplication) -> QtThaiTranslator:
    """Install the translator once per application (configure_app may run more than once)."""
    existing = app.findChild(QtThaiTranslator, OBJECT_NAME)
    if existing is not None:
        return existing
    translator = QtThaiTranslator(app)
    translator.setObjectName(OBJECT_NAME)
    app.installTranslator(translator)
    return translator
