"""Build the editable letter templates in letters/templates/ (run once; the .docx files are kept).

    .venv/bin/python -m letters.make_templates

Each template is a plain Word document. Paragraphs whose whole text is a
placeholder in braces are filled when a letter is rendered:

    {council}     the council's name (also in the footer)
    {addressee}   the customer's name and address, one line each
    {date}        the date of the letter
    {salutation}  "Dear ..."
    {subject}     the letter's subject line
    {body}        where the letter's headed sections go
    {signer}      the signing officer's name and job title

A council may restyle any paragraph style (those named "Letter ..."),
move placeholders, add a logo or its address, and change the text around
them; a placeholder must stay alone in its paragraph.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx.styles.style import ParagraphStyle

HERE = Path(__file__).resolve().parent / "templates"
KINDS = {
    "decision": "Decision letter",
    "review_outcome": "Review outcome letter",
    "appeal_outcome": "Appeal outcome letter",
}


def _style(
    document: DocxDocument, name: str, size: float, *, bold: bool = False, after: float = 6
) -> ParagraphStyle:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = document.styles["Normal"]
    style.font.size = Pt(size)
    style.font.bold = bold
    style.paragraph_format.space_after = Pt(after)
    return style


def _styles(document: DocxDocument) -> None:
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    _style(document, "Letter Council", 18, bold=True, after=18)
    _style(document, "Letter Address", 11, after=12)
    date = _style(document, "Letter Date", 11, after=12)
    date.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _style(document, "Letter Subject", 12, bold=True, after=12)
    heading = _style(document, "Letter Heading", 12, bold=True, after=4)
    heading.paragraph_format.space_before = Pt(10)
    heading.paragraph_format.keep_with_next = True
    _style(document, "Letter Body", 11, after=6)
    _style(document, "Letter Signature", 11, after=0)
    _style(document, "Letter Footer", 8, after=0)


def build(kind: str) -> Path:
    """Write one template and return its path."""
    document = Document()
    document.core_properties.title = KINDS[kind]
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(2.0)
    _styles(document)
    for text, style in [
        ("{council}", "Letter Council"),
        ("{addressee}", "Letter Address"),
        ("{date}", "Letter Date"),
        ("{salutation}", "Letter Body"),
        ("{subject}", "Letter Subject"),
        ("{body}", "Letter Body"),
        ("Yours sincerely", "Letter Body"),
        ("", "Letter Body"),
        ("{signer}", "Letter Signature"),
    ]:
        document.add_paragraph(text, style=style)
    footer = section.footer.paragraphs[0]
    footer.text, footer.style = "{council}", document.styles["Letter Footer"]
    path = HERE / f"{kind}.docx"
    document.save(str(path))
    return path


def main() -> None:
    HERE.mkdir(exist_ok=True)
    for kind in KINDS:
        print(build(kind))


if __name__ == "__main__":
    main()
