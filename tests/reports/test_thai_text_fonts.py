"""The Thai font family: system TH Sarabun found, bundled Sarabun sized to match, refusals."""

import shutil

import pytest

from ita_desktop.errors import UserError
from ita_desktop.paths import resources_dir
from ita_desktop.services.reports.text import find_system_family, shaping, thai_fonts, warm_up
from ita_desktop.services.reports.text import fonts as fonts_module


def fake_fonts(folder, names):
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(resources_dir() / "fonts" / "Sarabun-Regular.ttf", folder / name)


def test_th_sarabun_new_is_preferred_to_psk(tmp_path):
    fake_fonts(tmp_path / "Windows" / "Fonts", ["THSarabun.ttf", "THSarabun Bold.ttf"])
    fake_fonts(
        tmp_path / "user",
        [
            "THSarabunNew.ttf",
            "THSarabunNew Bold.ttf",
            "THSarabunNew Italic.ttf",
            "THSarabunNew BoldItalic.ttf",
        ],
    )
    name, files = find_system_family([tmp_path / "Windows" / "Fonts", tmp_path / "user"])
    assert name == "TH Sarabun New"
    assert files["bold_italic"].name == "THSarabunNew BoldItalic.ttf"


def test_psk_without_italics_borrows_upright_faces(tmp_path):
    fake_fonts(tmp_path, ["THSarabunPSK.ttf", "THSarabunPSK-Bold.ttf", "notes.txt"])
    name, files = find_system_family([tmp_path])
    assert name == "TH SarabunPSK"
    assert files["italic"] == files["regular"]
    assert files["bold_italic"] == files["bold"]


def test_a_family_without_bold_is_not_used(tmp_path):
    fake_fonts(tmp_path, ["THSarabunNew.ttf"])
    assert find_system_family([tmp_path]) is None
    assert find_system_family([tmp_path / "missing"]) is None


def test_bundled_sarabun_is_sized_as_th_sarabun_new():
    fonts = thai_fonts()
    # The test machine has no TH Sarabun: the bundled font, 11 pt for a "16 pt" document.
    assert fonts.source.startswith("Sarabun")
    assert fonts.size(16) == pytest.approx(11)
    assert fonts.leading(16) == pytest.approx(16.5)
    assert fonts.name(bold=True) == fonts.bold
    assert fonts.name(bold=True, italic=True) == fonts.bold_italic


def test_printing_is_refused_in_thai_without_harfbuzz(monkeypatch):
    monkeypatch.setattr(shaping, "hb", None)
    with pytest.raises(UserError) as caught:
        fonts_module._register(use_system=False)
    assert "uharfbuzz" in caught.value.message
    assert "ภาษาไทย" in caught.value.message


def test_warm_up_is_repeatable():
    warm_up()
    warm_up()
