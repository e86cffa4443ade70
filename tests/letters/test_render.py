"""Rendered letters: valid .docx files, read back, containing every part their policy requires."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument

from letters import TEMPLATES, render_docx, render_text
from letters.samples import SAMPLES, sample_decision_letter
from register.decision_records import LetterKind
from register.letters import Letter, required_parts
from register.policy import load_preset


def _reopen(letter: Letter) -> DocxDocument:
    return Document(BytesIO(render_docx(letter)))


def _letter(name: str) -> Letter:
    return sample_decision_letter(name, load_preset(name))


@pytest.mark.parametrize("kind", list(LetterKind))
def test_every_kind_of_letter_has_an_editable_template(kind: LetterKind) -> None:
    document = Document(str(TEMPLATES / f"{kind.value}.docx"))
    texts = [p.text for p in document.paragraphs]
    assert {"{council}", "{addressee}", "{date}", "{subject}", "{body}", "{signer}"} <= set(texts)
    assert "Letter Heading" in [style.name for style in document.styles]


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_the_decision_letter_is_a_docx_with_every_required_part(name: str) -> None:
    preset, letter = load_preset(name), _letter(name)
    document = _reopen(letter)
    headings = [
        p.text
        for p in document.paragraphs
        if p.style is not None and p.style.name == "Letter Heading"
    ]
    sample = SAMPLES[name]
    needed = required_parts(
        preset, LetterKind.DECISION, step=sample.stage, skipped=bool(sample.skip_reason)
    )
    for part in needed:
        section = letter.section(next(p for p in letter.parts if str(p) == part))
        assert section is not None and section.heading in headings, part
    body = "\n".join(p.text for p in document.paragraphs)
    for section in letter.sections:
        for paragraph in section.paragraphs:
            assert paragraph in body
    assert "{" not in body
    assert preset.council in document.paragraphs[0].text
    assert document.sections[0].footer.paragraphs[0].text == preset.council


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_the_plain_text_letter_says_the_same(name: str) -> None:
    letter = _letter(name)
    text = render_text(letter)
    assert text.startswith(letter.council)
    for section in letter.sections:
        assert section.heading in text
        assert all(paragraph in text for paragraph in section.paragraphs)
    assert letter.signer.name in text


def test_a_council_template_folder_is_used_when_it_has_the_kind(tmp_path: Path) -> None:
    template = Document(str(TEMPLATES / "decision.docx"))
    template.add_paragraph("Our office is open 9am to 5pm.", style="Letter Body")
    template.save(str(tmp_path / "decision.docx"))
    letter = _letter("oxfordshire-cc")
    text = [p.text for p in Document(BytesIO(render_docx(letter, tmp_path))).paragraphs]
    assert text[-1] == "Our office is open 9am to 5pm."
