"""A horizontal bar chart as SVG, written by hand: no plotting library for one picture.

SVG is text, opens in any browser and in Word, scales for a committee
paper, and needs nothing installed. Sections ("stage", "service", ...)
are headed, and each bar carries its count, so the chart reads without
colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from xml.sax.saxutils import escape

from register.reporting import Figure

WIDTH, LABEL_WIDTH, ROW, BAR_MAX = 760, 300, 22, 380
BAR_COLOUR = "#1f5f8b"


def _text(x: int, y: int, words: str, *, bold: bool = False, anchor: str = "start") -> str:
    weight = ' font-weight="bold"' if bold else ""
    return f'<text x="{x}" y="{y}" text-anchor="{anchor}"{weight}>{escape(words)}</text>'


def bar_chart(title: str, figures: Sequence[Figure]) -> str:
    """The figures as one SVG document, grouped by section in the order given."""
    longest = max((f.count for f in figures), default=0) or 1
    lines = [_text(10, 24, title, bold=True)]
    y = 40
    for section, group in groupby(figures, key=lambda f: f.section):
        y += ROW
        lines.append(_text(10, y, section.capitalize(), bold=True))
        for figure in group:
            y += ROW
            width = round(BAR_MAX * figure.count / longest)
            lines.append(_text(LABEL_WIDTH - 8, y, figure.item, anchor="end"))
            lines.append(
                f'<rect x="{LABEL_WIDTH}" y="{y - 14}" width="{width}" height="16" '
                f'fill="{BAR_COLOUR}"/>'
            )
            lines.append(_text(LABEL_WIDTH + width + 6, y, str(figure.count)))
    height = y + ROW
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="Arial, sans-serif" font-size="13">'
    )
    background = f'<rect width="{WIDTH}" height="{height}" fill="white"/>'
    return "\n".join([head, background, *lines, "</svg>", ""])
