"""A `Letter` as a .docx, made by filling a council's editable Word template with python-docx.

The template is opened as a document and its placeholder paragraphs (see
`letters.make_templates`) are filled through python-docx's own objects,
never by editing the XML as text, so a template a council has restyled in
Word keeps its styles, logo and fixed wording.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from io import BytesIO
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.text.paragraph import Paragraph

from register.decision_records import LetterKind
from register.letters import Letter

TEMPLATES = Path(__file__).resolve().parent / "templates"
BODY = "{body}"


def _paragraphs(document: DocxDocument) -> Iterator[Paragraph]:
    """Every paragraph a placeholder may sit in: the body, headers and footers."""
    yield from document.paragraphs
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header):
            yield from part.paragraphs


def _set_lines(paragraph: Paragraph, lines: Sequence[str]) -> None:
    """Replace a paragraph's text with lines separated by line breaks, keeping its style."""
    paragraph.text = ""
    for number, line in enumerate(lines):
        run = paragraph.add_run(line)
        if number < len(lines) - 1:
            run.add_break()


def _insert_body(placeholder: Paragraph, letter: Letter) -> None:
    """Put each section's heading and paragraphs where the {body} placeholder is, then drop it."""
    for section in letter.sections:
        placeholder.insert_paragraph_before(section.heading, style="Letter Heading")
        for text in section.paragraphs:
            paragraph = placeholder.insert_paragraph_before("", style="Letter Body")
            _set_lines(paragraph, text.split("\n"))
    element = placeholder._element
    element.getparent().remove(element)


def _fills(letter: Letter) -> dict[str, Sequence[str]]:
    return {
        "{council}": [letter.council],
        "{addressee}": letter.addressee,
        "{date}": [letter.date_line],
        "{salutation}": [letter.salutation],
        "{subject}": [letter.subject],
        "{signer}": [letter.signer.name, letter.signer.job_title, letter.council],
    }


def template_for(kind: LetterKind, folder: Path | None = None) -> Path:
    """The template for a kind of letter: a council's own folder first, else the shipped one."""
    own = (folder or TEMPLATES) / f"{kind.value}.docx"
    return own if own.exists() else TEMPLATES / f"{kind.value}.docx"


def render_docx(letter: Letter, templates: Path | None = None) -> bytes:
    """The letter as .docx bytes, from the template for its kind."""
    document = Document(str(template_for(letter.kind, templates)))
    fills = _fills(letter)
    for paragraph in list(_paragraphs(document)):
        key = paragraph.text.strip()
        if key == BODY:
            _insert_body(paragraph, letter)
        elif key in fills:
            _set_lines(paragraph, fills[key])
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def write_docx(letter: Letter, path: Path, templates: Path | None = None) -> Path:
    """Render the letter to `path` (a .docx file) and return the path."""
    path.write_bytes(render_docx(letter, templates))
    return path
