"""Sending a SPOC customer's email on to their SPOC mailbox when it arrived elsewhere.

Councils choose how (WatcherSettings.handoff): "move" files the message
into a folder of the same mailbox that the SPOC works from (the usual
shape of an Exchange shared mailbox); "forward" sends a copy to the SPOC
mailbox's address, with the original attached untouched, and files the
original in the Processed folder. Forwarding goes through this port; the
first implementation writes the forward into the folder mailbox's outbox,
as mailbox/outbox.py does for notices, for a relay to send.
"""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Protocol

from mailbox.backends.folder import FolderBackend

OUTBOX = "outbox"


class SpocHandoff(Protocol):
    def forward(self, raw: bytes, to: str, subject: str) -> None:
        """Send `raw` on to the SPOC mailbox `to`; raises MailboxError if it cannot."""


class OutboxForward:
    """Implements `SpocHandoff` by writing a forward into `<mail root>/outbox/new/`."""

    def __init__(self, mail_root: Path, sender: str) -> None:
        self._backend = FolderBackend(mail_root)
        self._sender = sender

    def forward(self, raw: bytes, to: str, subject: str) -> None:
        message = EmailMessage()
        message["From"] = self._sender
        message["To"] = to
        message["Subject"] = f"Fwd: {subject}" if subject else "Fwd: (no subject)"
        message["Date"] = formatdate(usegmt=True)
        message["Message-ID"] = make_msgid()
        message["Auto-Submitted"] = "auto-forwarded"  # RFC 5436: no auto-replies to this
        message["X-Forewarn-Loop"] = "forwarded to SPOC"
        message.set_content("This email reached the wrong mailbox; the original is attached.")
        # Attached as a file, byte for byte: message/rfc822 may not be base64-encoded.
        message.add_attachment(
            raw, maintype="application", subtype="octet-stream", filename="original.eml"
        )
        self._backend.deliver(message.as_bytes(), OUTBOX)
