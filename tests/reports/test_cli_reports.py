"""`ita-desktop report` and `layouts list`: PDFs written, user errors in Thai with exit 2."""

import re
import subprocess
import sys

import pytest

from ita_desktop.cli import main
from reports.test_documents_support import needs_poppler, seed_database

THAI = re.compile("[\u0e01-\u0e5b]")


@pytest.fixture
def seed001(tmp_path):
    db, _ = seed_database(tmp_path, "001")
    db.close()
    return tmp_path / "seed001.sqlite"


@needs_poppler
def test_report_writes_a_pdf(seed001, tmp_path, capsys):
    out = tmp_path / "วิเคราะห์.pdf"
    assert (
        main(
            [
                "report",
                "analysis",
                "--db",
                str(seed001),
                "--year",
                "๒๕๖๘",
                "--layout",
                "analysis-001",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    assert out.read_bytes().startswith(b"%PDF")
    assert "บันทึก" in capsys.readouterr().out


def test_pack_and_progress_with_options(seed001, tmp_path):
    out = tmp_path / "pack.pdf"
    assert (
        main(
            [
                "report",
                "pack",
                "--db",
                str(seed001),
                "--year",
                "2569",
                "--round",
                "12",
                "--digits",
                "arabic",
                "--cover",
                "--layout",
                "analysis=analysis-001",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    assert out.stat().st_size > 10_000


@pytest.mark.parametrize(
    "argv, message",
    [
        (
            ["report", "analysis", "--year", "2568", "-o", "x.pdf", "--org", "ไม่มีแน่นอน"],
            "ไม่พบหน่วยงาน",
        ),
        (["report", "analysis", "-o", "x.pdf"], "กรุณาระบุ --year"),
        (["report", "analysis", "--year", "68", "-o", "x.pdf"], "ไม่ถูกต้อง"),
        (["report", "summary", "--year", "2568", "-o", "x.pdf"], "ไม่รู้จักเอกสาร"),
        (["report", "analysis", "--year", "2568"], "-o"),
        (["report", "analysis", "--year", "2568", "-o", "x.txt"], ".pdf"),
        (["report", "analysis", "--year", "2568", "--digits", "roman", "-o", "x.pdf"], "thai"),
        (["report", "analysis", "--year", "2568", "--round", "6", "-o", "x.pdf"], "--round"),
        (["report", "progress", "--year", "2569", "--round", "3", "-o", "x.pdf"], "6 หรือ 12"),
        (["report", "analysis", "--year", "2567", "-o", "x.pdf"], "ยังไม่มีผลการประเมิน"),
        (["report", "measures", "--year", "2568", "-o", "x.pdf"], "ยังไม่มีแผนมาตรการ"),
        (
            ["report", "analysis", "--year", "2568", "--layout", "ไม่มี", "-o", "x.pdf"],
            "ไม่พบรูปแบบเอกสาร",
        ),
        (
            ["report", "pack", "--year", "2569", "--layout", "analysis-004", "-o", "x.pdf"],
            "เอกสาร=รูปแบบ",
        ),
        (["layouts", "list", "--kind", "เล่ม"], "ไม่รู้จักเอกสาร"),
    ],
)
def test_user_errors_exit_2_with_a_thai_message(
    seed001, tmp_path, monkeypatch, capsys, argv, message
):
    monkeypatch.chdir(tmp_path)
    assert main([*argv[:2], "--db", str(seed001), *argv[2:]]) == 2
    err = capsys.readouterr().err
    assert message in err and THAI.search(err) and "Traceback" not in err


def test_an_unwritable_output_is_a_thai_error(seed001, tmp_path, capsys):
    target = tmp_path / "no-such-folder" / "x.pdf"
    assert (
        main(["report", "analysis", "--db", str(seed001), "--year", "2568", "-o", str(target)]) == 2
    )
    assert "บันทึกไฟล์" in capsys.readouterr().err


def test_layouts_list(capsys):
    assert main(["layouts", "list"]) == 0
    out = capsys.readouterr().out
    for name in (
        "analysis",
        "analysis-004",
        "measures-001",
        "progress-000",
        "progress-003",
        "progress-12m",
        "development-001",
    ):
        assert f"  {name}" in out
    assert main(["layouts", "list", "--kind", "progress"]) == 0
    assert "analysis-004" not in capsys.readouterr().out


def test_no_traceback_from_the_console_script(seed001, tmp_path):
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "ita_desktop",
            "report",
            "analysis",
            "--db",
            str(seed001),
            "--year",
            "2599",
            "-o",
            str(tmp_path / "x.pdf"),
        ],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr and THAI.search(run.stderr)
