"""Command line: the same services as the window, for automation and tests."""

import argparse
import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ita_desktop import __version__, paths
from ita_desktop.errors import UserError
from ita_desktop.i18n.cli_messages import VERSION_HELP, thai_argparse
from ita_desktop.storage import faults

log = logging.getLogger("ita_desktop")


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", type=Path, default=argparse.SUPPRESS, help="ไฟล์ข้อมูล (ค่าเริ่มต้น: ในโฟลเดอร์ผู้ใช้)"
    )
    parser = argparse.ArgumentParser(
        prog="ita-desktop", description="ITA Desktop — วิเคราะห์ผล ITA วางมาตรการ ติดตามผล พิมพ์รายงาน"
    )
    parser.add_argument("--db", type=Path, default=None, help="ไฟล์ข้อมูล")
    parser.add_argument(
        "--version", action="version", version=f"ITA Desktop {__version__}", help=VERSION_HELP
    )
    # `ita-desktop --self-test` and `ita-desktop gui --self-test` (the frozen program's smoke test)
    self_test_help = "ตรวจว่าโปรแกรมทำงานได้: เปิดหน่วยงานตัวอย่างในไฟล์ชั่วคราว สร้างตัวอย่างรายงาน แล้วปิด"
    parser.add_argument("--self-test", action="store_true", help=self_test_help)
    self_test = argparse.ArgumentParser(add_help=False)
    self_test.add_argument(
        "--self-test", action="store_true", default=argparse.SUPPRESS, help=self_test_help
    )
    sub = parser.add_subparsers(dest="command", metavar="คำสั่ง")

    sub.add_parser("gui", parents=[common, self_test], help="เปิดหน้าต่างโปรแกรม")
    sub.add_parser("demo", parents=[common], help="สร้างหน่วยงานตัวอย่าง")

    imp = sub.add_parser("import", parents=[common], help="นำเข้าไฟล์สำหรับแบ่งปัน")
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="แสดงสิ่งที่จะเปลี่ยน โดยไม่บันทึก")

    exp = sub.add_parser("export", parents=[common], help="ส่งออกไฟล์สำหรับแบ่งปัน")
    exp.add_argument("-o", "--output", type=Path, required=True)
    exp.add_argument("--org", help="ชื่อหรือรหัสหน่วยงาน")
    exp.add_argument("--years", help="ปีงบประมาณ พ.ศ. คั่นด้วยจุลภาค เช่น 2567,2568")

    summ = sub.add_parser("summary", parents=[common], help="สรุปผลการประเมินของปี")
    summ.add_argument("--org", help="ชื่อหรือรหัสหน่วยงาน")
    summ.add_argument("--year", type=int, required=True, help="ปีงบประมาณ พ.ศ. เช่น 2568")
    summ.add_argument("--json", action="store_true")

    crit = sub.add_parser("criteria", parents=[common], help="เกณฑ์การประเมินรายปี")
    crit_sub = crit.add_subparsers(dest="criteria_command", metavar="คำสั่งย่อย", required=True)
    crit_sub.add_parser("list", parents=[common], help="ปีที่มีเกณฑ์ (ที่มากับโปรแกรมและที่แก้ไขไว้)")
    show = crit_sub.add_parser("show", parents=[common], help="แสดงเกณฑ์ของปีหนึ่ง")
    show.add_argument("year", type=int, metavar="ปี", help="ปีงบประมาณ พ.ศ. เช่น 2568")

    from ita_desktop.cli_reports import add_report_commands

    add_report_commands(sub, common)
    return parser


def _data_path(args) -> Path:
    return args.db or paths.default_data_file()


def _open(args):
    from ita_desktop.storage.database import open_database

    return open_database(_data_path(args))


@contextmanager
def _editing(args) -> Iterator:
    """The data file opened for writing while holding its lock, as the window does: a file open
    in the window (here or on another computer) is refused with FileInUse's message."""
    from ita_desktop.storage import lock
    from ita_desktop.storage.database import open_database

    path = _data_path(args)
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            raise UserError(f"สร้างโฟลเดอร์ {path.parent} ไม่ได้ กรุณาเลือกที่เก็บไฟล์อื่น") from None
    with lock.acquire(path):
        db = open_database(path)
        try:
            yield db
        finally:
            db.close()


def _cmd_demo(args) -> int:
    from ita_desktop.services.demo import create_demo

    with _editing(args) as db:
        _, created = create_demo(db)
    print("สร้างหน่วยงานตัวอย่างแล้ว" if created else "มีหน่วยงานตัวอย่างอยู่แล้วในไฟล์นี้")
    return 0


def _cmd_import(args) -> int:
    from ita_desktop.services.share import apply_import, preview_import, read_share_file

    content = read_share_file(args.file)
    if args.dry_run:
        preview = preview_import(_open(args), content)
        print("\n".join(preview.lines()))
        print("(ทดลองเท่านั้น: ยังไม่ได้บันทึกสิ่งใด)")
        return 0
    with _editing(args) as db:
        preview = preview_import(db, content)
        print("\n".join(preview.lines()))
        written = apply_import(db, preview)
    print(f"นำเข้าแล้ว {len(written)} รายการ" if written else "ไม่มีอะไรต้องนำเข้า ข้อมูลเหมือนเดิม")
    return 0


def _years(text: str | None) -> list[int] | None:
    if not text:
        return None
    try:
        return [int(y) for y in text.replace(" ", "").split(",") if y]
    except ValueError:
        raise UserError(f"ปีงบประมาณ “{text}” ไม่ถูกต้อง ตัวอย่าง: 2567,2568") from None


def _cmd_export(args) -> int:
    from ita_desktop.services.offices import find_office
    from ita_desktop.services.share import export_file

    db = _open(args)
    office = find_office(db, args.org)
    size = export_file(db, office_id=office.id, path=args.output, years=_years(args.years))
    print(f"ส่งออก {office.name} ไปที่ {args.output} แล้ว ({size:,} ไบต์)")
    return 0


def _cmd_summary(args) -> int:
    from ita_desktop.services.offices import find_office
    from ita_desktop.services.summary import summary, summary_lines

    db = _open(args)
    office = find_office(db, args.org)
    data = summary(db, office_id=office.id, year=args.year)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        print("\n".join(summary_lines(data)))
    return 0


def _cmd_criteria(args) -> int:
    from ita_desktop.services.criteria import available_years, criteria_for_year

    db = _open(args)
    if args.criteria_command == "list":
        for year in available_years(db):
            c = criteria_for_year(db, year)
            mark = " (ฉบับร่าง: ยังไม่ยืนยัน)" if c.provisional else ""
            print(f"{year}\t{len(c.items)} ข้อ\t{c.title}{mark}")
        return 0
    c = criteria_for_year(db, args.year)
    print(c.title + (" (ฉบับร่าง: ยังไม่ยืนยัน)" if c.provisional else ""))
    for inst in c.instruments:
        print(f"{inst.code} น้ำหนัก {inst.weight}%: {inst.name}")
        for ind in c.indicators_of(inst.code):
            print(f"  ตัวชี้วัดที่ {ind.number} {ind.name}")
            for item in c.items_of(ind.number):
                print(f"    {item.code}\t{item.text}")
    return 0


def _cmd_gui(args) -> int:
    from ita_desktop.app import run_gui

    return run_gui(args.db, self_test=args.self_test)


COMMANDS = {
    "demo": _cmd_demo,
    "import": _cmd_import,
    "export": _cmd_export,
    "summary": _cmd_summary,
    "criteria": _cmd_criteria,
    "gui": _cmd_gui,
}


def main(argv: list[str] | None = None) -> int:
    with thai_argparse():
        args = _parser().parse_args(argv)
    from ita_desktop.cli_reports import REPORT_COMMANDS

    command = COMMANDS.get(args.command or "gui") or REPORT_COMMANDS[args.command]
    try:
        with faults.translated(_data_path(args)):  # disk faults: a Thai message, not a traceback
            return command(args)
    except UserError as error:
        print(error.message, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception:
        where = paths.log_file()
        logging.basicConfig(filename=where, level=logging.INFO)
        log.exception("unexpected error in %s", args.command)
        print(
            f"เกิดข้อผิดพลาดภายในโปรแกรม ข้อมูลที่บันทึกแล้วไม่สูญหาย — รายละเอียดอยู่ที่ {where}",
            file=sys.stderr,
        )
        return 70
