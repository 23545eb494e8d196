"""Report commands of the command line: `report …` prints a document to PDF, `layouts list`."""

import re
import sys
from pathlib import Path

from ita_desktop.errors import UserError

KINDS = ("analysis", "measures", "progress", "development", "pack")
_KIND_NAMES = {
    "analysis": "การวิเคราะห์ผลการประเมิน (A)",
    "measures": "มาตรการส่งเสริมคุณธรรมและความโปร่งใส (B)",
    "progress": "รายงานผลการดำเนินการ (C)",
    "development": "การนำผลการประเมินไปสู่การพัฒนา (D)",
}


def add_report_commands(sub, common) -> None:
    """`report` and `layouts`; options are checked here so that mistakes get Thai messages."""
    report = sub.add_parser(
        "report",
        parents=[common],
        help="พิมพ์เอกสารเป็นไฟล์ PDF",
        description="พิมพ์เอกสาร analysis (A), measures (B), progress (C), development (D) "
        "หรือ pack (ชุดเอกสารประจำปี A–D) เป็นไฟล์ PDF",
    )
    report.add_argument("kind", metavar="เอกสาร", help=" | ".join(KINDS))
    report.add_argument("--org", help="ชื่อหรือรหัสหน่วยงาน")
    report.add_argument(
        "--year",
        help="ปีงบประมาณ พ.ศ. ที่พิมพ์ในชื่อเอกสาร: ปีของผลการประเมิน "
        "(analysis) หรือปีของแผนมาตรการ (measures, progress, development, pack)",
    )
    report.add_argument("--round", help="รอบการรายงาน 6 หรือ 12 (เดือน) สำหรับ progress และ pack")
    report.add_argument(
        "--layout",
        help="ชื่อรูปแบบเอกสาร (ดู layouts list) หรือไฟล์ .toml; "
        "สำหรับ pack เช่น analysis=analysis-004,progress=progress-000",
    )
    report.add_argument("--digits", default="thai", help="thai (ค่าเริ่มต้น) หรือ arabic")
    report.add_argument("--cover", action="store_true", help="มีหน้าปกพร้อมตราสัญลักษณ์")
    report.add_argument("-o", "--output", help="ไฟล์ PDF ที่จะบันทึก")

    layouts = sub.add_parser("layouts", parents=[common], help="รูปแบบเอกสารที่มี")
    layouts_sub = layouts.add_subparsers(dest="layouts_command", metavar="คำสั่งย่อย", required=True)
    listing = layouts_sub.add_parser("list", parents=[common], help="แสดงรูปแบบเอกสารทั้งหมด")
    listing.add_argument("--kind", help="เฉพาะเอกสารประเภทนี้")


def _year(text: str | None) -> int:
    if not text:
        raise UserError("กรุณาระบุ --year เป็นปีงบประมาณ พ.ศ. เช่น --year 2568")
    from ita_desktop.i18n.thai import to_arabic_digits

    value = to_arabic_digits(text.strip())
    if not re.fullmatch(r"\d{4}", value) or not 2500 <= int(value) <= 2700:
        raise UserError(f"ปีงบประมาณ “{text}” ไม่ถูกต้อง ต้องเป็นปี พ.ศ. เช่น 2568")
    return int(value)


def _round(text: str | None) -> int | None:
    if text is None:
        return None
    if text.strip() not in ("6", "12", "๖", "๑๒"):
        raise UserError(f"รอบการรายงาน “{text}” ไม่ถูกต้อง ต้องเป็น 6 หรือ 12 (เดือน)")
    return 6 if text.strip() in ("6", "๖") else 12


def _layout(kind: str, text: str | None):
    if not text or kind != "pack":
        return text
    chosen = {}
    for part in text.split(","):
        name, sep, value = part.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise UserError(
                "รูปแบบของชุดเอกสารต้องเขียนเป็น เอกสาร=รูปแบบ เช่น "
                "analysis=analysis-004,progress=progress-000"
            )
        chosen[name.strip()] = value.strip()
    return chosen


def _cmd_report(args) -> int:
    from ita_desktop import paths
    from ita_desktop.services.offices import find_office
    from ita_desktop.services.reports import build_document
    from ita_desktop.storage.database import open_database

    if args.kind not in KINDS:
        raise UserError(f"ไม่รู้จักเอกสาร “{args.kind}” เลือกได้: {', '.join(KINDS)}")
    if args.digits not in ("thai", "arabic"):
        raise UserError(f"--digits “{args.digits}” ไม่ถูกต้อง เลือกได้: thai หรือ arabic")
    if not args.output:
        raise UserError("กรุณาระบุไฟล์ที่จะบันทึกด้วย -o เช่น -o รายงาน.pdf")
    year, round_ = _year(args.year), _round(args.round)
    if round_ is not None and args.kind not in ("progress", "pack"):
        raise UserError("--round ใช้กับเอกสาร progress และ pack เท่านั้น")
    output = Path(args.output)
    if output.suffix.lower() != ".pdf":
        raise UserError(f"ไฟล์ที่จะบันทึกต้องลงท้ายด้วย .pdf ({output.name})")
    db = open_database(args.db or paths.default_data_file())
    office = find_office(db, args.org)
    pdf = build_document(
        db,
        kind=args.kind,
        office_id=office.id,
        year=year,
        round=round_,
        layout=_layout(args.kind, args.layout),
        digits=args.digits,
        cover=args.cover,
    )
    try:
        output.write_bytes(pdf)
    except OSError as error:
        raise UserError(f"บันทึกไฟล์ {output} ไม่ได้ ({error.strerror})") from None
    pages = len(re.findall(rb"/Type /Page[^s]", pdf))
    print(f"บันทึก {output} แล้ว ({pages} หน้า, {len(pdf):,} ไบต์)")
    return 0


def _cmd_layouts(args) -> int:
    from ita_desktop.services.reports import list_layouts

    if args.kind and args.kind not in _KIND_NAMES:
        raise UserError(f"ไม่รู้จักเอกสาร “{args.kind}” เลือกได้: {', '.join(_KIND_NAMES)}")
    infos = list_layouts(args.kind)
    kind = None
    for info in infos:
        if info.kind != kind:
            kind = info.kind
            print(f"{kind}: {_KIND_NAMES[kind]}")
        default = " (ค่าเริ่มต้น)" if info.name == info.kind else ""
        seed = f" แบบ {info.seed}" if info.seed else ""
        where = " [ของผู้ใช้]" if info.user else ""
        orientation = "แนวนอน" if info.orientation == "landscape" else "แนวตั้ง"
        print(f"  {info.name}{default}{seed}{where} — {orientation}")
        if info.description:
            print(f"      {info.description}")
    if not infos:
        print("ไม่มีรูปแบบเอกสาร", file=sys.stderr)
    return 0


REPORT_COMMANDS = {"report": _cmd_report, "layouts": _cmd_layouts}
