"""Rendering letters: a register `Letter` as a .docx from an editable template, or as plain text.

The content comes from `register.letters`; this package only lays it out.
Templates live in `letters/templates/` (one per kind of letter) and are
ordinary Word documents: a council can change fonts, add its logo and
address, and reword the fixed text around the placeholders.
"""

from letters.render_docx import TEMPLATES, render_docx, write_docx
from letters.render_text import render_text

__all__ = ["TEMPLATES", "render_docx", "render_text", "write_docx"]
