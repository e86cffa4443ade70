"""Small builders of raw test emails, so each test shows only what it is about."""

from __future__ import annotations


def raw_email(
    *,
    sender: str = "Jane Customer <jane@example.org>",
    subject: str = "Bin collection",
    body: str = "My bin was not collected again.",
    message_id: str | None = "<m1@example.org>",
    date: str | None = "Mon, 03 Feb 2025 10:00:00 +0000",
    extra: str = "",
) -> bytes:
    lines = [f"From: {sender}", "To: spoc@council.gov.uk", f"Subject: {subject}"]
    if message_id is not None:
        lines.append(f"Message-ID: {message_id}")
    if date is not None:
        lines.append(f"Date: {date}")
    lines.extend(line for line in extra.splitlines() if line)
    lines.append("Content-Type: text/plain; charset=utf-8")
    return ("\r\n".join(lines) + "\r\n\r\n" + body + "\r\n").encode("utf-8")
