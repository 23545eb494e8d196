"""Layouts are data: every shipped file loads, each document has a default and its seed
variants, and the parser is strict (unknown keys, fields and placeholders are errors)."""

import tomllib

import pytest

from ita_desktop.domain.strict import DefinitionError, parse
from ita_desktop.errors import UserError
from ita_desktop.services.reports.fields import SOURCES
from ita_desktop.services.reports.layouts import (
    KINDS,
    Layout,
    get_layout,
    list_layouts,
    load_layout_file,
    shipped_dir,
    user_dir,
)

SHIPPED = sorted(shipped_dir().glob("*.toml"))
SEED_VARIANTS = {
    "analysis-001": "001",
    "analysis-004": "004",
    "measures-001": "001",
    "measures-004": "004",
    "progress-000": "000",
    "progress-003": "003",
    "progress-12m": "12 เดือน",
    "development-001": "001",
}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_layout_loads(path):
    layout = load_layout_file(path)
    assert layout.name == path.stem
    assert layout.blocks and layout.title
    assert any(b.kind == "signoff" for b in layout.blocks)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_indicator_score_rows_are_labelled_alike(path):
    """Where an indicator's score heads its items, the ข้อคำถาม cell beside it names it."""
    for block in load_layout_file(path).blocks:
        if block.source == "indicator_items":
            (question,) = [c for c in block.columns if c.field == "item"]
            assert question.lead == "คะแนนของตัวชี้วัด", path.stem


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_numbered_headings_are_layout_headings(path):
    """A numbered heading (๓.๒ …) is a heading block, which says when it has nothing under it;
    the heading a comments block prints only with comments may not be numbered."""
    for block in load_layout_file(path).blocks:
        if block.kind == "comments" and block.text:
            assert not block.text[0].isdigit(), path.stem


def test_a_default_for_every_document_and_every_seed_variant():
    names = {info.name: info for info in list_layouts()}
    for kind in KINDS:
        assert names[kind].kind == kind
    for name, seed in SEED_VARIANTS.items():
        assert names[name].seed == seed
    assert {i.kind for i in list_layouts("progress")} == {"progress"}


def _minimal(**extra) -> dict:
    data = {
        "kind": "measures",
        "title": "มาตรการ {year}",
        "blocks": [
            {"kind": "title"},
            {
                "kind": "table",
                "source": "measures",
                "columns": [{"header": "มาตรการ", "field": "measure"}],
            },
        ],
    }
    data.update(extra)
    return data


def test_a_minimal_layout_parses():
    layout = parse(Layout, _minimal())
    assert layout.page.orientation == "portrait" and layout.numbering == "thai"


@pytest.mark.parametrize(
    "change, problem",
    [
        (lambda d: d.update(colour="red"), "unknown key"),
        (lambda d: d["blocks"][1].update(colour="red"), "unknown key"),
        (lambda d: d["blocks"][1]["columns"][0].update(colour="red"), "unknown key"),
        (lambda d: d.update(page={"orientation": "sideways"}), "must be one of"),
        (lambda d: d["blocks"][1]["columns"][0].update(field="nonsense"), "is not one of"),
        (lambda d: d["blocks"][1].update(source="nonsense"), "is not one of"),
        (lambda d: d["blocks"][0].update(chart="overall"), "do not apply"),
        (lambda d: d["blocks"].append({"kind": "chart"}), "needs 'chart'"),
        (lambda d: d.update(title="มาตรการ {yaer}"), "unknown placeholder"),
        (
            lambda d: d["blocks"][1].update(group_by=["indicator"], headings=["{colour}"]),
            "unknown placeholder",
        ),
        (
            lambda d: d["blocks"][1].update(group_by=["indicator"], headings=["ก", "ข"]),
            "headings needs",
        ),
        (lambda d: d["blocks"][1]["columns"][0].update(width=0), "more than 0"),
        (
            lambda d: d["blocks"][1]["columns"][0].update(
                sub=[{"header": "ย่อย", "field": "measure"}]
            ),
            "has no field itself",
        ),
    ],
)
def test_layouts_are_parsed_strictly(change, problem):
    data = _minimal()
    change(data)
    with pytest.raises(DefinitionError, match=problem):
        parse(Layout, data)


def test_every_field_a_shipped_layout_names_exists():
    for path in SHIPPED:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for block in data["blocks"]:
            for column in block.get("columns", ()):
                for cell in column.get("sub", [column]):
                    if cell.get("field"):
                        assert cell["field"] in SOURCES[block["source"]].rows


def test_a_file_with_a_name_key_or_bad_toml_is_refused(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "x"\n', encoding="utf-8")
    with pytest.raises(DefinitionError, match="file name"):
        load_layout_file(bad)
    bad.write_text("kind = \n", encoding="utf-8")
    with pytest.raises(DefinitionError, match="TOML"):
        load_layout_file(bad)


def test_the_clerks_folder_wins_and_a_broken_copy_is_a_thai_error():
    folder = user_dir()
    folder.mkdir(parents=True)
    (folder / "analysis.toml").write_text(
        (shipped_dir() / "analysis-004.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert get_layout(None, "analysis").seed == "004"
    (folder / "พัง.toml").write_text(
        'kind = "analysis"\ntitle = "x"\nblocks = []\nสี = 1\n', encoding="utf-8"
    )
    assert "พัง" not in {i.name for i in list_layouts()}
    with pytest.raises(UserError, match="ไม่ถูกต้อง"):
        get_layout("พัง", "analysis")


def test_a_layout_can_be_given_as_a_path(tmp_path):
    path = tmp_path / "ของฉัน.toml"
    path.write_text(
        (shipped_dir() / "progress-12m.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert get_layout(str(path), "progress").name == "ของฉัน"
    with pytest.raises(UserError, match="ไม่พบไฟล์"):
        get_layout(str(tmp_path / "ไม่มี.toml"), "progress")


def test_docs_name_every_source_field_and_placeholder():
    from pathlib import Path

    from ita_desktop.services.reports.fields import GLOBAL_NAMES, GROUP_FIELDS

    text = (Path(__file__).resolve().parents[2] / "docs" / "layouts.md").read_text("utf-8")
    names = set(GLOBAL_NAMES)
    for name, source in SOURCES.items():
        names |= {name, *source.rows, *(source.groups or {})}
    for fields in GROUP_FIELDS.values():
        names |= set(fields)
    assert [n for n in sorted(names) if n not in text] == []
