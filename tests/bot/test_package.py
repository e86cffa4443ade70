"""The Teams app package is what a tenant administrator can upload: checked as Teams would.

No copy of Microsoft's manifest schema can be fetched here, so the checks
below hold the manifest to the schema's rules that matter for this app
(required fields, lengths, patterns, https addresses), and read the icons
back as PNG files of the sizes Teams insists on.
"""

from __future__ import annotations

import json
import re
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest

from bot.icons import png_size
from bot.package import build_teams_package
from register.errors import InvalidInput

APP_ID = "5f0c3a52-7a43-4c1e-9d0e-2a5b1c3d4e5f"
GUID = re.compile(r"^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$")
COUNCIL = {
    "name": "Forewarn",
    "developer": "Oxbridge City Council",
    "website": "https://www.oxbridge.example.gov.uk/",
    "privacy_url": "https://www.oxbridge.example.gov.uk/privacy",
    "terms_url": "https://www.oxbridge.example.gov.uk/terms",
    "version": "1.0.0",
}

# The v1.17 schema's required fields and limits that apply to a bot-only app.
REQUIRED = (
    "manifestVersion",
    "version",
    "id",
    "developer",
    "name",
    "description",
    "icons",
    "accentColor",
)
LIMITS = {("name", "short"): 30, ("name", "full"): 100, ("description", "short"): 80}
LIMITS |= {("description", "full"): 4000, ("developer", "name"): 32}


def build(tmp_path: Path, **changes: Any) -> tuple[Path, dict[str, Any], zipfile.ZipFile]:
    path = build_teams_package(APP_ID, tmp_path / "out", **(COUNCIL | changes))
    archive = zipfile.ZipFile(path)
    return path, json.loads(archive.read("manifest.json")), archive


def test_the_zip_holds_the_manifest_and_both_icons_at_the_sizes_teams_wants(
    tmp_path: Path,
) -> None:
    path, manifest, archive = build(tmp_path)
    assert path == tmp_path / "out" / "forewarn-teams-app.zip"
    assert sorted(archive.namelist()) == ["color.png", "manifest.json", "outline.png"]
    assert png_size(archive.read(manifest["icons"]["color"])) == (192, 192)
    assert png_size(archive.read(manifest["icons"]["outline"])) == (32, 32)


def test_the_outline_icon_is_white_on_transparent(tmp_path: Path) -> None:
    _, manifest, archive = build(tmp_path)
    pixels = decoded(archive.read(manifest["icons"]["outline"]))
    assert {a for _, _, _, a in pixels} >= {0, 255}
    assert {(r, g, b) for r, g, b, a in pixels if a} == {(255, 255, 255)}


def test_the_bot_is_the_registered_app_and_every_id_is_a_guid(tmp_path: Path) -> None:
    _, manifest, _ = build(tmp_path)
    (bot,) = manifest["bots"]
    assert bot["botId"] == APP_ID == manifest["id"]
    assert GUID.match(manifest["id"]) and GUID.match(bot["botId"])
    assert bot["scopes"] == ["personal"]


def test_the_manifest_has_what_the_schema_requires(tmp_path: Path) -> None:
    _, manifest, _ = build(tmp_path, team_scope=True)
    assert [field for field in REQUIRED if not manifest.get(field)] == []
    assert manifest["manifestVersion"] == "1.17"
    assert manifest["$schema"].endswith("/v1.17/MicrosoftTeams.schema.json")
    assert re.fullmatch(r"#[0-9A-Fa-f]{6}", manifest["accentColor"])
    for (outer, inner), limit in LIMITS.items():
        assert 0 < len(manifest[outer][inner]) <= limit, (outer, inner)
    for key in ("websiteUrl", "privacyUrl", "termsOfUseUrl"):
        assert manifest["developer"][key].startswith("https://")
    assert manifest["validDomains"] == ["www.oxbridge.example.gov.uk"]
    (bot,) = manifest["bots"]
    assert bot["scopes"] == ["personal", "team"]
    (commands,) = bot["commandLists"]
    assert commands["scopes"] == bot["scopes"]
    assert 0 < len(commands["commands"]) <= 10
    for command in commands["commands"]:
        assert 0 < len(command["title"]) <= 32 and 0 < len(command["description"]) <= 128
    titles = [command["title"] for command in commands["commands"]]
    assert {"help", "check", "incident", "ended call"} <= set(titles)


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first = build_teams_package(APP_ID, tmp_path / "a.zip", **COUNCIL).read_bytes()
    second = build_teams_package(APP_ID, tmp_path / "b.zip", **COUNCIL).read_bytes()
    assert first == second


def test_values_teams_would_refuse_are_all_named_before_anything_is_written(
    tmp_path: Path,
) -> None:
    bad = COUNCIL | {"website": "http://insecure.example", "version": "1.0", "name": "x" * 31}
    with pytest.raises(InvalidInput) as refused:
        build_teams_package("my-bot", tmp_path / "out", **bad)
    words = str(refused.value)
    assert "'my-bot' is not a GUID" in words
    assert "'http://insecure.example' is not an https:// address" in words
    assert "the version '1.0' must look like 1.0.0" in words
    assert "the app name must be 1 to 30 characters" in words
    assert not (tmp_path / "out").exists()


def decoded(data: bytes) -> list[tuple[int, int, int, int]]:
    """RGBA pixels of an 8-bit RGBA, non-interlaced PNG whose rows use filter 0 (as ours do)."""
    width, height = png_size(data)
    assert struct.unpack(">BBBBB", data[24:29]) == (8, 6, 0, 0, 0)
    position, idat = 8, b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        if kind == b"IDAT":
            idat += data[position + 8 : position + 8 + length]
        position += 12 + length
    raw = zlib.decompress(idat)
    stride = 1 + 4 * width
    pixels: list[tuple[int, int, int, int]] = []
    for y in range(height):
        row = raw[y * stride : (y + 1) * stride]
        assert row[0] == 0
        for x in range(width):
            r, g, b, a = row[1 + 4 * x : 5 + 4 * x]
            pixels.append((r, g, b, a))
    return pixels
