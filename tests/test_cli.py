"""The command line on real files: import the seed fixtures, summarise, export, refuse bad input."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ita_desktop.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def summary_json(capsys, db_path, year, org=None) -> dict:
    args = ["summary", "--db", db_path, "--year", year, "--json"]
    code, out, err = run(capsys, *args, *(["--org", org] if org else []))
    assert code == 0, err
    return json.loads(out)


def test_seed_001_summary_gives_the_printed_figures(capsys, db_path):
    assert run(capsys, "import", "--db", db_path, FIXTURES / "seed001.itashare")[0] == 0
    data = summary_json(capsys, db_path, 2568)
    assert data["overall"] == {
        "score": 93.96,
        "level": "ผ่านดี",
        "previous": 99.76,
        "previous_level": "ผ่านดีเยี่ยม",
        "diff": -5.8,
        "computed": 93.96,
    }
    parts = {p["code"]: (p["previous"], p["score"], p["diff"]) for p in data["instruments"]}
    assert parts == {
        "IIT": (99.45, 99.89, 0.44),
        "EIT1": (99.5, 99.97, 0.47),
        "EIT2": (100.0, 100.0, 0.0),
        "OIT": (100.0, 85.0, -15.0),
    }
    assert data["up"] == [2, 3, 4, 6, 7, 8]
    assert data["down"] == [9, 10]
    assert data["unchanged"] == [1, 5]
    assert data["lowest"] == [10]
    assert data["warnings"] == []


def test_seed_004_summary_gives_the_printed_figures(capsys, db_path):
    assert run(capsys, "import", "--db", db_path, FIXTURES / "seed004.itashare")[0] == 0
    data = summary_json(capsys, db_path, 2564)
    assert data["overall"]["score"] == 75.36
    assert data["overall"]["level"] == "B"
    assert data["overall"]["computed"] == 75.36
    assert {p["code"]: p["score"] for p in data["instruments"]} == {
        "IIT": 87.98,
        "EIT": 82.18,
        "OIT": 60.78,
    }
    ranking = sorted(data["indicators"], key=lambda i: (i["rank"], i["number"]))
    assert [i["number"] for i in ranking] == [1, 3, 5, 4, 7, 9, 2, 8, 6, 10]
    assert ranking[-1]["score"] == 37.5


def test_org_is_required_when_the_file_holds_several(capsys, db_path):
    for name in ("seed001", "seed004"):
        run(capsys, "import", "--db", db_path, FIXTURES / f"{name}.itashare")
    code, _, err = run(capsys, "summary", "--db", db_path, "--year", 2568)
    assert code == 2 and "--org" in err
    assert summary_json(capsys, db_path, 2568, org="ต้นหยงมัส")["overall"]["score"] == 93.96


def test_dry_run_changes_nothing_and_export_round_trips(capsys, db_path, tmp_path):
    code, out, _ = run(
        capsys, "import", "--db", db_path, FIXTURES / "seed003.itashare", "--dry-run"
    )
    assert code == 0 and "ใหม่" in out and "ทดลอง" in out
    code, out, _ = run(capsys, "export", "--db", db_path, "-o", tmp_path / "x.itashare")
    assert code == 2  # nothing imported yet
    run(capsys, "import", "--db", db_path, FIXTURES / "seed003.itashare")
    assert run(capsys, "export", "--db", db_path, "-o", tmp_path / "x.itashare")[0] == 0
    other = tmp_path / "other.sqlite"
    run(capsys, "import", "--db", other, tmp_path / "x.itashare")
    run(capsys, "export", "--db", other, "-o", tmp_path / "y.itashare")
    assert (tmp_path / "x.itashare").read_bytes() == (tmp_path / "y.itashare").read_bytes()


@pytest.mark.parametrize(
    "args, message",
    [
        (["summary", "--year", "2568"], "ยังไม่มีหน่วยงาน"),
        (["import", "/nonexistent/file.itashare"], "เปิดไฟล์"),
        (["criteria", "show", "2400"], "ยังไม่มีเกณฑ์"),
    ],
)
def test_user_errors_are_thai_messages_with_exit_2(capsys, db_path, args, message):
    code, _, err = run(capsys, *args[:1], "--db", db_path, *args[1:])
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_demo_then_criteria_listing(capsys, db_path):
    assert "ตัวอย่าง" in run(capsys, "demo", "--db", db_path)[1]
    assert "อยู่แล้ว" in run(capsys, "demo", "--db", db_path)[1]
    code, out, _ = run(capsys, "criteria", "list", "--db", db_path)
    assert code == 0 and "2568" in out and "ฉบับร่าง" in out


def test_python_dash_m_runs_the_cli(db_path):
    result = subprocess.run(
        [sys.executable, "-m", "ita_desktop", "criteria", "show", "2568", "--db", str(db_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "o27" in result.stdout


@pytest.mark.parametrize(
    ("args", "thai"),
    [
        (["summary"], "ผิดพลาด: ยังไม่ได้ระบุ --year"),
        (["summary", "--year", "2568", "--bogus"], "ผิดพลาด: ไม่รู้จัก --bogus"),
        (["summary", "--year"], "--year: ต้องตามด้วยค่าหนึ่งค่า"),
        (["frobnicate"], "คำสั่ง: ไม่มีตัวเลือก 'frobnicate'"),
        (["criteria"], "ผิดพลาด: ยังไม่ได้ระบุ คำสั่งย่อย"),
        (["criteria", "show", "สองพัน"], "ปี: ค่า 'สองพัน' ใช้ไม่ได้"),
    ],
)
def test_a_mistyped_command_is_explained_in_thai(capsys, args, thai):
    import argparse

    with pytest.raises(SystemExit) as exit_:
        main(args)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("วิธีใช้: ita-desktop") and thai in err
    assert argparse._("usage: ") == "usage: "  # English again for everything else


def test_help_is_in_thai(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "ตัวเลือก:" in out and "แสดงวิธีใช้นี้แล้วจบ" in out and "แสดงรุ่นของโปรแกรมแล้วจบ" in out
    assert "show this help" not in out and "options:" not in out
