"""A notice as a plain-text email, for when nobody could be reached in Teams.

The mail goes to a shared service mailbox, read by someone who may not know
the recipient, so it says whom the notice was for and why it came by email
before what it says, and names the record so it can be found in Forewarn.
Plain text only: it must read the same in every mail client.
"""

from __future__ import annotations

from collections.abc import Sequence

from register.notices import Notice


def notice_mail(notice: Notice, reasons: Sequence[str]) -> tuple[str, str]:
    """(subject, body) for a notice that could not be delivered in Teams."""
    prefix = "URGENT: " if notice.urgent else ""
    subject = f"{prefix}Forewarn: {notice.title}"
    why = "\n".join(f"- {reason}." for reason in reasons)
    body = [
        notice.title,
        "",
        *notice.lines,
        "",
        f"Record: {notice.record_type.replace('_', ' ')} {notice.record_id}",
        "",
        "This came by email because nobody could be reached in Teams:",
        why,
        "",
        "Forewarn sent this automatically; replies to it are not read.",
    ]
    return subject, "\n".join(body) + "\n"
