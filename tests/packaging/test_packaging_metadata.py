"""Desktop integration files and icons, checked without building anything: the .desktop entry
and AppStream metainfo are valid, the icon exists at every hicolor size in every format, and the
release recipes name the same app id and version source."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET

import pytest
from packaging_support import APP_ID, ROOT, VERSION
from PySide6.QtGui import QImage

RESOURCES = ROOT / "resources"
ICONS = RESOURCES / "icons"
HICOLOR = (16, 24, 32, 48, 64, 128, 256, 512)


def test_desktop_entry_has_what_menus_need():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(RESOURCES / f"{APP_ID}.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Name"] == "Recount"
    assert section["Icon"] == APP_ID
    assert section["Exec"].split()[0] == "recount"
    assert section["Categories"].endswith(";")
    if shutil.which("desktop-file-validate"):
        out = subprocess.run(["desktop-file-validate", str(RESOURCES / f"{APP_ID}.desktop")],
                             capture_output=True, text=True)
        assert out.returncode == 0, out.stdout + out.stderr


def test_metainfo_names_the_app_and_its_launcher():
    path = RESOURCES / f"{APP_ID}.metainfo.xml"
    root = ET.parse(path).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    assert VERSION in {r.get("version") for r in root.iter("release")}, "add a <release> for the version"
    if shutil.which("appstreamcli"):
        out = subprocess.run(["appstreamcli", "validate", "--no-net", str(path)],
                             capture_output=True, text=True)
        assert out.returncode == 0, out.stdout + out.stderr


@pytest.mark.parametrize("size", HICOLOR)
def test_hicolor_png_has_its_size(qapp, size: int):
    image = QImage(str(ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
    assert not image.isNull()
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()


def test_windows_icon_lists_sizes_up_to_256(qapp):
    data = (ICONS / f"{APP_ID}.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        width, _h, _c, _r, _planes, _bpp, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        assert data[offset:offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(data)
        sizes.add(width or 256)
    assert {16, 32, 48, 256} <= sizes
    assert not QImage(str(ICONS / f"{APP_ID}.ico")).isNull()


def test_macos_icon_is_a_well_formed_icns():
    data = (ICONS / f"{APP_ID}.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    kinds, pos = set(), 8
    while pos < len(data):
        kind, length = data[pos:pos + 4], struct.unpack_from(">I", data, pos + 4)[0]
        assert length > 8 and data[pos + 8:pos + 12] == b"\x89PNG"
        kinds.add(kind)
        pos += length
    assert pos == len(data)
    assert {b"ic07", b"ic08", b"ic09", b"ic10"} <= kinds  # 128, 256, 512, 512@2x


def test_release_recipes_agree_on_the_app():
    spec = (ROOT / "packaging" / "recount.spec").read_text()
    iss = (ROOT / "packaging" / "windows" / "recount.iss").read_text()
    dmg = (ROOT / "packaging" / "macos" / "build-dmg.sh").read_text()
    workflow = (ROOT / ".github" / "workflows" / "release.yml").read_text()
    assert APP_ID in spec and "pyproject.toml" in spec
    assert f"{APP_ID}.ico" in iss
    assert "hdiutil create" in dmg and "Recount.app" in dmg
    for runner in ("ubuntu-", "windows-", "macos-"):
        assert runner in workflow
    assert "packaging/build.py" in workflow and "recount.iss" in workflow and "build-dmg.sh" in workflow


def test_generated_icons_match_the_svg(qapp):
    """Regenerating from the SVG gives the committed PNGs (so nobody edits one and not the other)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "packaging" / "make_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICONS / f"{APP_ID}.svg"))
    assert renderer.isValid()
    fresh = QImage.fromData(module.render_png(renderer, 48)).convertToFormat(QImage.Format.Format_ARGB32)
    committed = QImage(str(ICONS / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png")).convertToFormat(
        QImage.Format.Format_ARGB32)
    assert fresh.size() == committed.size()
    # Another Qt release may antialias edges a little differently: compare with a tolerance
    # that an edited SVG (moved shapes, new colours) would exceed.
    differing = 0
    for y in range(48):
        for x in range(48):
            a, b = fresh.pixel(x, y), committed.pixel(x, y)
            if max(abs(((a >> s) & 0xFF) - ((b >> s) & 0xFF)) for s in (0, 8, 16, 24)) > 24:
                differing += 1
    assert differing <= 48, f"{differing} of 2304 pixels differ: run packaging/make_icons.py"
