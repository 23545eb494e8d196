"""Crash test: a writer killed with SIGKILL at random moments loses no edit it reported saved."""

from pathlib import Path

from bench.crash_soak import Figures, _compare, soak


def test_fifteen_kills_leave_a_whole_file_with_every_saved_edit(tmp_path: Path):
    figures = soak(15, tmp_path, seed=7)
    assert figures.clean, figures.problems
    assert figures.kills == 15
    assert figures.corrupt_files == 0 and figures.lost_edits == 0
    assert figures.saved_edits > 0
    assert figures.locks_taken_over > 0  # each writer took over its killed predecessor's lock


def test_the_checker_notices_a_lost_edit_and_allows_only_the_edit_under_way():
    saved = {("text", "k1"): "บันทึกแล้ว"}
    edit = {"op": "text", "key": "k2", "tag": "ม-1-1", "length": 10}
    figures = Figures()
    assert _compare(saved, saved, None, figures, 0) == saved
    _compare({}, saved, None, figures, 1)  # the saved text is missing
    assert figures.lost_edits == 1
    from tests.crash_writer import apply_edit

    after = apply_edit(saved, edit)
    _compare(after, saved, edit, figures, 2)  # the edit under way made it: fine
    assert (figures.lost_edits, figures.in_flight_found_saved) == (1, 1)
    _compare(after, saved, None, figures, 3)  # a change nobody reported: counted
    assert (figures.lost_edits, figures.unexpected_changes) == (1, 1)
