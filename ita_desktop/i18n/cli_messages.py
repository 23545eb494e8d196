"""argparse's own words (usage, headings, mistakes on the command line) in Thai.

Only what a person typing a command can cause is translated; messages that mean a bug in our
parser definitions stay in English, as bugs do.
"""

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

THAI = {
    "usage: ": "วิธีใช้: ",
    "positional arguments": "คำสั่งและค่าที่ต้องระบุ",
    "options": "ตัวเลือก",
    "show this help message and exit": "แสดงวิธีใช้นี้แล้วจบ",
    "%(prog)s: error: %(message)s\n": "%(prog)s: ผิดพลาด: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "the following arguments are required: %s": "ยังไม่ได้ระบุ %s",
    "unrecognized arguments: %s": "ไม่รู้จัก %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ไม่มีตัวเลือก %(value)r (เลือกได้: %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "ค่า %(value)r ใช้ไม่ได้",
    "expected one argument": "ต้องตามด้วยค่าหนึ่งค่า",
    "expected at most one argument": "ตามด้วยค่าได้ไม่เกินหนึ่งค่า",
    "expected at least one argument": "ต้องตามด้วยค่าอย่างน้อยหนึ่งค่า",
    "ambiguous option: %(option)s could match %(matches)s": (
        "ตัวเลือก %(option)s ไม่ชัดเจน อาจหมายถึง %(matches)s"
    ),
    "not allowed with argument %s": "ใช้ร่วมกับ %s ไม่ได้",
    "one of the arguments %s is required": "ต้องระบุอย่างใดอย่างหนึ่งใน %s",
    "can't open '%(filename)s': %(error)s": "เปิด '%(filename)s' ไม่ได้: %(error)s",
    "ignored explicit argument %r": "ตัวเลือกนี้ไม่รับค่า %r",
}
VERSION_HELP = "แสดงรุ่นของโปรแกรมแล้วจบ"


def thai(message: str) -> str:
    return THAI.get(message, message)


@contextmanager
def thai_argparse() -> Iterator[None]:
    """argparse speaks Thai inside the block (parsing, help, errors), and English again after,
    so nothing else in the process (a test runner, say) is changed."""
    saved = argparse._
    argparse._ = thai
    try:
        yield
    finally:
        argparse._ = saved
