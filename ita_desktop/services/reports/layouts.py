"""Report layouts as data (forms/layouts/*.toml), parsed strictly: unknown keys are errors."""

import dataclasses
import string
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal

from ita_desktop import paths
from ita_desktop.domain.strict import DefinitionError, parse
from ita_desktop.errors import UserError
from ita_desktop.services.reports.fields import GLOBAL_NAMES, GROUP_FIELDS, SOURCES

Kind = Literal["analysis", "measures", "progress", "development"]
KINDS: tuple[str, ...] = ("analysis", "measures", "progress", "development")
Orientation = Literal["portrait", "landscape"]
Numbering = Literal["thai", "arabic", "dash", "none"]
Align = Literal["left", "center", "right"]
BlockKind = Literal[
    "title",
    "heading",
    "paragraph",
    "text",
    "list",
    "chart",
    "table",
    "signoff",
    "page_break",
    "recommendations",
    "comments",
    "poll",
    "below_target",
    "plan_intro",
]


@dataclass(frozen=True)
class SubColumn:
    """A column under a parent header (the three status columns of seed 000)."""

    header: str
    field: str = ""
    lead: str = ""
    tail: str = ""
    width: Decimal = Decimal(1)
    align: Align = "left"
    numbering: Literal["", "thai", "arabic", "dash", "none"] = ""


@dataclass(frozen=True)
class Column:
    """One column: its header, what its cells hold, its share of the table's width.

    ``field`` names a row field; ``group_field`` a field of the row's group, printed once in a
    cell spanning the group's rows; ``lead``/``tail`` are templates for the group's first and
    last extra rows (``{label}``, ``{score}`` …).
    """

    header: str
    field: str = ""
    group_field: str = ""
    lead: str = ""
    tail: str = ""
    width: Decimal = Decimal(1)
    align: Align = "left"
    numbering: Literal["", "thai", "arabic", "dash", "none"] = ""
    sub: tuple[SubColumn, ...] = ()


@dataclass(frozen=True)
class Block:
    """One piece of a document, in order; which keys a kind takes is in ``_ALLOWED``."""

    kind: BlockKind
    text: str = ""
    lines: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()
    each: Literal["", "instrument"] = ""
    draft: bool = True
    items: tuple[str, ...] = ()
    numbering: Literal["", "thai", "arabic", "dash", "none"] = ""
    chart: Literal["", "overall", "instruments", "indicators"] = ""
    caption: str = ""
    source: str = ""
    columns: tuple[Column, ...] = ()
    group_by: tuple[Literal["instrument", "indicator", "item", "measure"], ...] = ()
    headings: tuple[str, ...] = ()
    group_caption: str = ""
    group_style: Literal["rows", "tables"] = "rows"
    all_groups: bool = False
    empty: str = ""
    total_row: bool = False
    roles: tuple[str, ...] = ()
    orientation: Literal["", "portrait", "landscape"] = ""
    font_size: Decimal = Decimal(0)
    align: Align = "left"
    indent: bool = False
    bold: bool = False


_COMMON = {"kind", "orientation"}
_ALLOWED = {
    "title": {"lines"},
    "heading": {"text", "align"},
    "paragraph": {"text", "align", "indent", "bold"},
    "text": {"keys", "each", "draft", "indent", "text"},
    "list": {"items", "numbering"},
    "chart": {"chart", "caption"},
    "table": {
        "source",
        "columns",
        "group_by",
        "headings",
        "group_caption",
        "group_style",
        "all_groups",
        "empty",
        "total_row",
        "caption",
        "font_size",
    },
    "signoff": {"roles", "text"},
    "page_break": set(),
    "recommendations": {"text"},
    "comments": {"text"},
    "poll": {"text"},
    "below_target": {"text", "numbering"},
    "plan_intro": {"text", "indent"},
}
_REQUIRED = {
    "chart": ("chart",),
    "table": ("source", "columns"),
    "text": ("keys",),
    "list": ("items",),
    "heading": ("text",),
    "paragraph": ("text",),
}
_TEMPLATES = ("text", "caption", "group_caption", "empty")


@dataclass(frozen=True)
class Page:
    orientation: Orientation = "portrait"
    size: Literal["A4"] = "A4"


@dataclass(frozen=True)
class Layout:
    """A document layout; ``name`` is the file's name without .toml."""

    kind: Kind
    title: str
    blocks: tuple[Block, ...]
    description: str = ""
    seed: str = ""
    page: Page = Page()
    numbering: Literal["thai", "arabic", "dash"] = "thai"
    font_size: Decimal = Decimal(16)
    table_font_size: Decimal = Decimal(14)
    cover: tuple[str, ...] = ()
    name: str = dataclasses.field(default="", compare=False)

    def __post_init__(self):
        problems = check_layout(self)
        if problems:
            raise ValueError("; ".join(problems))


def _names(template: str) -> set[str]:
    try:
        return {
            name.split(".")[0].split("[")[0]
            for _, name, _, _ in string.Formatter().parse(template)
            if name
        }
    except ValueError as error:
        raise ValueError(f"template {template!r}: {error}") from None


def _unknown(template: str, allowed) -> list[str]:
    return sorted(_names(template) - set(allowed) - set(GLOBAL_NAMES))


def check_layout(layout: Layout) -> list[str]:
    """Problems (English, for the layout's author); an empty list is good."""
    problems = []
    for i, block in enumerate(layout.blocks):
        where = f"blocks[{i}] ({block.kind})"
        defaults = Block(kind=block.kind)
        extra = [
            f.name
            for f in dataclasses.fields(Block)
            if getattr(block, f.name) != getattr(defaults, f.name)
            and f.name not in _ALLOWED[block.kind] | _COMMON
        ]
        if extra:
            problems.append(f"{where}: key(s) {extra} do not apply to this kind")
        for key in _REQUIRED.get(block.kind, ()):
            if not getattr(block, key):
                problems.append(f"{where}: needs {key!r}")
        per_instrument = block.each or block.kind == "recommendations"
        group_names = GROUP_FIELDS["instrument"] if per_instrument else {}
        if block.kind == "table":
            problems += [f"{where}: {p}" for p in _check_table(block)]
        for name in _TEMPLATES:
            bad = _unknown(getattr(block, name), group_names) if block.kind != "table" else []
            if bad:
                problems.append(f"{where}.{name}: unknown placeholder(s) {bad}")
        for template in (*block.lines, *block.items, *block.keys):
            bad = _unknown(template, group_names)
            if bad:
                problems.append(f"{where}: unknown placeholder(s) {bad} in {template!r}")
    for line in (*layout.cover,):
        if _unknown(line, ()):
            problems.append(f"cover: unknown placeholder(s) {_unknown(line, ())}")
    if _unknown(layout.title, ()):
        problems.append(f"title: unknown placeholder(s) {_unknown(layout.title, ())}")
    return problems


def _check_table(block: Block) -> list[str]:
    source = SOURCES.get(block.source)
    if source is None:
        return [f"source {block.source!r} is not one of {sorted(SOURCES)}"]
    problems = []
    if block.group_by and not source.group_by:
        problems.append(f"source {block.source!r} has no group_by")
    bad_levels = [g for g in block.group_by if g not in source.group_by]
    if bad_levels or len(set(block.group_by)) != len(block.group_by):
        problems.append(f"group_by {list(block.group_by)} is not a list of {source.group_by}")
    if len(block.group_by) > 2:
        problems.append("group_by has at most two levels")
    # an inner group also knows its outer group's fields
    levels = [GROUP_FIELDS[g] for g in block.group_by if g in GROUP_FIELDS]
    if source.groups:
        levels = [source.groups]
    if block.headings and len(block.headings) != len(levels):
        problems.append(f"headings needs {len(levels)} template(s), one per group level")
    groups = source.groups or {k: v for level in levels for k, v in level.items()}
    outer = levels[0] if levels else groups
    for level, template in enumerate(block.headings):
        allowed = {k: v for fields in levels[: level + 1] for k, v in fields.items()}
        if _unknown(template, allowed):
            problems.append(
                f"headings[{level}]: unknown placeholder(s) {_unknown(template, allowed)}"
            )
    for name, allowed in (("group_caption", groups), ("empty", groups), ("caption", outer)):
        if _unknown(getattr(block, name), allowed):
            problems.append(
                f"{name}: unknown placeholder(s) {_unknown(getattr(block, name), allowed)}"
            )
    for c, column in enumerate(block.columns):
        cells = column.sub or (column,)
        if column.sub and (column.field or column.group_field):
            problems.append(f"columns[{c}]: a column with sub-columns has no field itself")
        for cell in cells:
            where = f"columns[{c}] {cell.header!r}"
            if cell.field and cell.field not in source.rows:
                problems.append(
                    f"{where}: field {cell.field!r} is not one of {sorted(source.rows)}"
                )
            group_field = getattr(cell, "group_field", "")
            if group_field and group_field not in groups:
                problems.append(
                    f"{where}: group_field {group_field!r} is not one of {sorted(groups)}"
                )
            for template in (cell.lead, cell.tail):
                if _unknown(template, groups):
                    problems.append(
                        f"{where}: unknown placeholder(s) "
                        f"{_unknown(template, groups)} in {template!r}"
                    )
            if cell.width <= 0:
                problems.append(f"{where}: width must be more than 0")
    return problems


def shipped_dir() -> Path:
    return paths.forms_dir() / "layouts"


def user_dir() -> Path:
    """The clerk's own layouts (copies of shipped ones): they win over shipped ones by name."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("ITA Desktop", appauthor=False)) / "layouts"


def load_layout_file(path: Path) -> Layout:
    """Parse one layout file strictly; DefinitionError says which key is wrong."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise DefinitionError(path.name, f"not valid TOML: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise DefinitionError(path.name, f"cannot be read: {error}") from None
    if not isinstance(data, dict) or "name" in data:
        raise DefinitionError(path.name, "the layout's name is its file name; remove 'name'")
    layout = parse(Layout, data, path.name)
    return dataclasses.replace(layout, name=path.stem)


@dataclass(frozen=True)
class LayoutInfo:
    """A row of the layouts list: what the GUI's chooser and `layouts list` show."""

    name: str
    kind: str
    title: str
    description: str
    seed: str
    orientation: str
    path: Path
    user: bool


def layout_files() -> dict[str, Path]:
    """Layout name → file, the clerk's own folder winning over the shipped one."""
    files = {}
    for folder in (shipped_dir(), user_dir()):
        if folder.is_dir():
            files.update({p.stem: p for p in sorted(folder.glob("*.toml"))})
    return files


def list_layouts(kind: str | None = None) -> list[LayoutInfo]:
    """Every layout that loads (a broken copy of the clerk's is left out), by kind and name."""
    infos = []
    user = user_dir()
    for name, path in layout_files().items():
        try:
            layout = load_layout_file(path)
        except DefinitionError:
            continue
        if kind is None or layout.kind == kind:
            infos.append(
                LayoutInfo(
                    name,
                    layout.kind,
                    layout.title,
                    layout.description,
                    layout.seed,
                    layout.page.orientation,
                    path,
                    path.parent == user,
                )
            )
    order = {k: i for i, k in enumerate(KINDS)}
    return sorted(infos, key=lambda i: (order[i.kind], i.name != i.kind, i.name))


def get_layout(name: str | None, kind: str) -> Layout:
    """The layout ``name`` (or a .toml path) for a document of ``kind``; None: the default."""
    name = (name or kind).strip()
    path = Path(name)
    if path.suffix.lower() != ".toml":
        path = layout_files().get(name)
        if path is None:
            known = ", ".join(i.name for i in list_layouts(kind)) or "-"
            raise UserError(f"ไม่พบรูปแบบเอกสาร “{name}” (รูปแบบของเอกสารนี้: {known})")
    elif not path.is_file():
        raise UserError(f"ไม่พบไฟล์รูปแบบเอกสาร {path}")
    try:
        layout = load_layout_file(path)
    except DefinitionError as error:
        raise UserError(
            f"ไฟล์รูปแบบเอกสาร {path.name} ไม่ถูกต้อง: {error.problem} (ที่ {error.path})"
        ) from None
    if layout.kind != kind:
        raise UserError(f"รูปแบบ “{layout.name}” ใช้กับเอกสารประเภท {layout.kind} ไม่ใช่ {kind}")
    return layout
