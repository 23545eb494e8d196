"""UI test fixtures: screenshots go to the test's tmp_path unless ITA_GALLERY asks for docs/."""

import pytest

from tests.ui import gallery


@pytest.fixture(autouse=True)
def _gallery_scratch(tmp_path):
    gallery.use_scratch(tmp_path)
