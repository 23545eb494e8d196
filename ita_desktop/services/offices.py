"""Office profile use cases: create, edit fields, units, signatories, logo."""

from dataclasses import dataclass

from sqlite_utils import Database

from ita_desktop.domain.records import OFFICE_KINDS, SIGNATORY_ROLES, Office, Signatory
from ita_desktop.errors import UserError
from ita_desktop.storage import offices as store

MAX_LOGO_BYTES = 2 * 1024 * 1024
LOGO_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}
MAX_TEXT = 20_000


@dataclass(frozen=True)
class OfficeChange:
    office_id: int
    old: dict
    new: dict


def check_office_fields(fields: dict) -> None:
    """UserError in Thai for what the clerk typed wrong; nothing is written."""
    if "name" in fields and not str(fields["name"]).strip():
        raise UserError("กรุณากรอกชื่อหน่วยงาน")
    if "kind" in fields and fields["kind"] not in OFFICE_KINDS:
        raise UserError(f"ประเภทหน่วยงานต้องเป็นหนึ่งใน: {', '.join(OFFICE_KINDS)}")
    for value in fields.values():
        if isinstance(value, str) and len(value) > MAX_TEXT:
            raise UserError("ข้อความยาวเกินไป (ไม่เกิน ๒๐,๐๐๐ ตัวอักษร)")
    if fields.get("logo") is not None:
        logo_mime(fields["logo"])


def logo_mime(data: bytes) -> str:
    if len(data) > MAX_LOGO_BYTES:
        raise UserError("ไฟล์ตราสัญลักษณ์ใหญ่เกินไป (ไม่เกิน ๒ MB) กรุณาย่อขนาดภาพก่อน")
    for magic, mime in LOGO_TYPES.items():
        if data.startswith(magic):
            return mime
    raise UserError("ตราสัญลักษณ์ต้องเป็นไฟล์ภาพ PNG หรือ JPEG")


def create_office(db: Database, *, office: Office) -> int:
    check_office_fields({"name": office.name, "kind": office.kind, "logo": office.logo})
    check_signatories(office.signatories)
    with db.atomic():
        return store.insert_office(db, office)


def update_office(db: Database, *, office_id: int, **fields) -> OfficeChange:
    """Change some profile fields; returns old and new values so the change can be undone."""
    check_office_fields(fields)
    if "logo" in fields:
        fields["logo_mime"] = logo_mime(fields["logo"]) if fields["logo"] else ""
    with db.atomic():
        current = store.load_office(db, office_id)
        if current is None:
            raise UserError("ไม่พบหน่วยงานนี้ในไฟล์ข้อมูล")
        old = {name: getattr(current, name) for name in fields}
        store.update_office(db, office_id, **fields)
    return OfficeChange(office_id, old, dict(fields))


def set_units(db: Database, *, office_id: int, names: list[str]) -> list[str]:
    """Replace the office's units (in order); returns the old list for undo."""
    cleaned = [n.strip() for n in names]
    if any(not n for n in cleaned):
        raise UserError("ชื่อส่วนราชการ/กอง ต้องไม่ว่าง")
    if len(set(cleaned)) != len(cleaned):
        raise UserError("มีชื่อส่วนราชการ/กอง ซ้ำกัน")
    with db.atomic():
        old = [u.name for u in store.load_office(db, office_id).units]
        store.replace_units(db, office_id, cleaned)
    return old


def check_signatories(signatories: list[Signatory]) -> None:
    for s in signatories:
        if not s.name.strip():
            raise UserError("กรุณากรอกชื่อผู้ลงนาม")
        if s.role and s.role not in SIGNATORY_ROLES:
            raise UserError(f"บทบาทผู้ลงนามต้องเป็นหนึ่งใน: {', '.join(SIGNATORY_ROLES)}")


def set_signatories(
    db: Database, *, office_id: int, signatories: list[Signatory]
) -> list[Signatory]:
    check_signatories(signatories)
    with db.atomic():
        old = store.load_office(db, office_id).signatories
        store.replace_signatories(db, office_id, signatories)
    return old


def get_office(db: Database, office_id: int) -> Office:
    office = store.load_office(db, office_id)
    if office is None:
        raise UserError("ไม่พบหน่วยงานนี้ในไฟล์ข้อมูล")
    return office


def find_office(db: Database, name_or_id: str | None) -> Office:
    """The office named (or numbered) ``name_or_id``; the only office when None."""
    offices = store.list_offices(db)
    if not offices:
        raise UserError("ไฟล์ข้อมูลนี้ยังไม่มีหน่วยงาน กรุณานำเข้าข้อมูลหรือสร้างหน่วยงานก่อน")
    if name_or_id is None:
        if len(offices) > 1:
            names = ", ".join(name for _, name in offices)
            raise UserError(f"ไฟล์นี้มีหลายหน่วยงาน กรุณาระบุ --org (มี: {names})")
        return get_office(db, offices[0][0])
    wanted = name_or_id.strip()
    for office_id, name in offices:
        if wanted == str(office_id) or wanted == name:
            return get_office(db, office_id)
    matches = [(i, n) for i, n in offices if wanted in n]
    if len(matches) == 1:
        return get_office(db, matches[0][0])
    raise UserError(f"ไม่พบหน่วยงาน “{wanted}” ในไฟล์ข้อมูล")
