"""Fallback mail written to the folder mailbox's outbox, one .eml file per message.

When a notice cannot reach anyone in Teams it goes by email (bot/notifier.py's
`FallbackMail` port). This writes a complete RFC 5322 message into
`<mail folder>/outbox/new/` with the folder backend's atomic tmp-then-rename
delivery, so nothing is half-written. It does not send: the outbox is the
durable queue, and writing into it needs only the disk, so the notifier's
call stays fast and never waits for (or fails with) the mail relay.

mailbox/relay.py sends the queue, through the council's SMTP relay
(smtp_send.py, when FOREWARN_SMTP_HOST is set) or Microsoft Graph's sendMail
(graph_send.py, FOREWARN_OUTBOX_TRANSPORT=graph); `serve` runs it and
`app.py outbox --send` runs it once, moving each message to `outbox-sent/`,
or to `outbox-failed/` when it is refused for good. Without a relay the messages stay queued, and
an operator can see and send exactly what Forewarn meant to send.
"""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path

from mailbox.backends.folder import FolderBackend

OUTBOX = "outbox"


class OutboxMail:
    """Implements `FallbackMail` by writing into the outbox folder (see the module docstring)."""

    def __init__(self, mail_root: Path, sender: str) -> None:
        self._backend = FolderBackend(mail_root)
        self._sender = sender

    def send(self, to: str, subject: str, text: str) -> None:
        """Write the message into outbox/new; raises MailboxUnavailable if the disk refuses."""
        message = EmailMessage()
        message["From"] = self._sender
        message["To"] = to
        message["Subject"] = subject
        message["Date"] = formatdate(usegmt=True)
        message["Message-ID"] = make_msgid(domain=_domain(self._sender))
        message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies to this
        message.set_content(text)
        self._backend.deliver(message.as_bytes(), OUTBOX)


def _domain(sender: str) -> str | None:
    """The sender address's domain, for Message-IDs; None lets Python use the host name."""
    return parseaddr(sender)[1].rpartition("@")[2] or None
