"""Office profile rows: the office, its units and signatories."""

from sqlite_utils import Database

from ita_desktop.domain.records import Office, Signatory, Unit

OFFICE_FIELDS = ("name", "kind", "district", "province", "address", "phone", "logo", "logo_mime")


def insert_office(db: Database, office: Office) -> int:
    row = {f: getattr(office, f) for f in OFFICE_FIELDS}
    if office.id is not None:
        row["id"] = office.id
    office_id = db["office"].insert(row).last_pk
    replace_units(db, office_id, [u.name for u in office.units])
    replace_signatories(db, office_id, office.signatories)
    return office_id


def update_office(db: Database, office_id: int, **fields) -> None:
    unknown = set(fields) - set(OFFICE_FIELDS)
    if unknown:
        raise ValueError(f"not office fields: {sorted(unknown)}")
    db["office"].update(office_id, fields)


def replace_units(db: Database, office_id: int, names: list[str]) -> None:
    db.execute("DELETE FROM unit WHERE office_id = ?", [office_id])
    for position, name in enumerate(names):
        db["unit"].insert({"office_id": office_id, "position": position, "name": name})


def replace_signatories(db: Database, office_id: int, signatories: list[Signatory]) -> None:
    db.execute("DELETE FROM signatory WHERE office_id = ?", [office_id])
    for position, s in enumerate(signatories):
        db["signatory"].insert(
            {
                "office_id": office_id,
                "position": position,
                "name": s.name,
                "title": s.position,
                "role": s.role,
            }
        )


def list_offices(db: Database) -> list[tuple[int, str]]:
    return [(r["id"], r["name"]) for r in db.query("SELECT id, name FROM office ORDER BY id")]


def load_office(db: Database, office_id: int) -> Office | None:
    rows = list(db.query("SELECT * FROM office WHERE id = ?", [office_id]))
    if not rows:
        return None
    row = rows[0]
    units = [
        Unit(name=r["name"], id=r["id"])
        for r in db.query("SELECT * FROM unit WHERE office_id = ? ORDER BY position", [office_id])
    ]
    signatories = [
        Signatory(name=r["name"], position=r["title"], role=r["role"], id=r["id"])
        for r in db.query(
            "SELECT * FROM signatory WHERE office_id = ? ORDER BY position", [office_id]
        )
    ]
    return Office(
        **{f: row[f] for f in OFFICE_FIELDS if f not in ("logo",)},
        logo=row["logo"],
        units=units,
        signatories=signatories,
        id=row["id"],
    )


def delete_office(db: Database, office_id: int) -> None:
    db.execute("DELETE FROM office WHERE id = ?", [office_id])
