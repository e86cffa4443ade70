"""The Teams app's two icons, drawn in a few lines of Python as PNG files.

Teams wants a 192x192 full-colour icon and a 32x32 outline icon (white on a
transparent background). Drawing them here, with zlib and struct only,
means the package command needs no image library and no binary files in
the repository, and a council can change the colour in one constant.
The picture is a shield with an exclamation mark: a warning that protects.
"""

from __future__ import annotations

import math
import struct
import zlib
from collections.abc import Callable

RGBA = tuple[int, int, int, int]
ACCENT = (0x00, 0x5A, 0x70)  # a deep teal, legible behind white on every Teams theme
WHITE = (0xFF, 0xFF, 0xFF)
SAMPLES = 4  # per axis, per pixel: smooth edges without an image library


def png(width: int, height: int, pixel: Callable[[int, int], RGBA]) -> bytes:
    """An 8-bit RGBA PNG; `pixel(x, y)` gives each pixel's colour."""
    rows = (
        b"\x00" + bytes(channel for x in range(width) for channel in pixel(x, y))
        for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + _chunk(b"IEND", b"")
    )


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height read back from a PNG's header (for tests and sanity checks)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def colour_icon(size: int = 192) -> bytes:
    """White shield with a teal exclamation mark, on a teal square."""

    def pixel(x: int, y: int) -> RGBA:
        white = _coverage(x, y, size, lambda u, v: _shield(u, v) and not _mark(u, v))
        return (*_mix(ACCENT, WHITE, white), 255)

    return png(size, size, pixel)


def outline_icon(size: int = 32) -> bytes:
    """The shield's outline and the mark, white on transparent, as Teams asks."""

    def pixel(x: int, y: int) -> RGBA:
        drawn = _coverage(x, y, size, lambda u, v: _shield_edge(u, v) or _mark(u, v))
        return (*WHITE, round(255 * drawn))

    return png(size, size, pixel)


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def _coverage(x: int, y: int, size: int, inside: Callable[[float, float], bool]) -> float:
    """How much of pixel (x, y) lies inside a shape drawn on the square [-1, 1] x [-1, 1]."""
    hits = 0
    for i in range(SAMPLES):
        for j in range(SAMPLES):
            u = 2 * (x + (i + 0.5) / SAMPLES) / size - 1
            v = 2 * (y + (j + 0.5) / SAMPLES) / size - 1
            hits += inside(u, v)
    return hits / SAMPLES**2


def _mix(a: tuple[int, ...], b: tuple[int, ...], amount: float) -> tuple[int, int, int]:
    r, g, bl = (round(p + (q - p) * amount) for p, q in zip(a, b, strict=True))
    return r, g, bl


def _shield(u: float, v: float, scale: float = 1.0) -> bool:
    """A shield: straight sides from the top, a rounded point at the bottom."""
    u, v = u / scale, (v + 0.05) / scale
    if v < -0.75 or v > 0.8:
        return False
    if v <= 0.05:
        return abs(u) <= 0.62
    return abs(u) <= 0.62 * math.sqrt(1 - ((v - 0.05) / 0.75) ** 2)


def _shield_edge(u: float, v: float) -> bool:
    return _shield(u, v) and not _shield(u, v, scale=0.78)


def _mark(u: float, v: float) -> bool:
    """An exclamation mark in the middle of the shield."""
    bar = abs(u) <= 0.09 and -0.5 <= v <= 0.18
    dot = u * u + (v - 0.38) ** 2 <= 0.1**2
    return bar or dot
