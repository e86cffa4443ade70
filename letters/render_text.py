"""A `Letter` as plain text, for the body of an email.

The same content as the .docx, laid out for a mail client that may show
no formatting at all: headings underlined with dashes, a blank line
between paragraphs, lines kept as the letter gives them.
"""

from __future__ import annotations

from register.letters import Letter


def render_text(letter: Letter) -> str:
    """The whole letter as text, ending with a newline."""
    blocks: list[str] = [
        letter.council,
        "\n".join(letter.addressee),
        letter.date_line,
        letter.salutation,
        letter.subject.upper(),
    ]
    for section in letter.sections:
        blocks.append(f"{section.heading}\n{'-' * len(section.heading)}")
        blocks.extend(section.paragraphs)
    blocks += ["Yours sincerely", f"{letter.signer.name}\n{letter.signer.job_title}"]
    return "\n\n".join(blocks) + "\n"
