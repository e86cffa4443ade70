"""A crowd of SPOC customers and their email, for the crash test and the ingest benchmark.

Each customer writes on a few topics again and again, so triage sees both
new matters (escalated) and repeats (filed), as a real SPOC mailbox does.
"""

from __future__ import annotations

import imaplib
import random
from collections import Counter

from tests.mailbox.mail import raw_email
from tests.mailbox.spoc_cases import MANAGER, OFFICER, SpocCase, spoc_case

TOPICS = (
    ("Bin collection", "My bin was not collected again this week."),
    ("Damp in the bedroom", "The damp in the back bedroom is spreading and nobody has come."),
    ("Council tax bill", "My council tax bill is wrong and I want it corrected."),
    ("Parking permit", "I still have not received my parking permit for this year."),
    ("Noise from next door", "The noise from next door carries on every night after midnight."),
)
FOLDERS = ("INBOX", "Filed", "Escalated", "Automatic", "Processed", "Quarantine", "SPOC")


def customers(count: int) -> list[SpocCase]:
    return [spoc_case(f"Customer {n}", f"customer{n}@example.org") for n in range(count)]


def register_records(cases: list[SpocCase]) -> list[object]:
    return [OFFICER, MANAGER, *(record for case in cases for record in case.records())]


def messages(cases: list[SpocCase], count: int, seed: int = 7) -> list[tuple[str, bytes]]:
    """`count` emails (Message-ID, raw bytes), each from one of the customers."""
    pick = random.Random(seed)
    made = []
    for n in range(count):
        case = pick.choice(cases)
        subject, body = pick.choice(TOPICS)
        message_id = f"<crowd-{n}@example.org>"
        day, minute = 1 + n // 200, n % 60
        raw = raw_email(
            sender=f"{case.person.name} <{case.person.emails[0]}>",
            subject=subject,
            body=f"{body} This is my email number {n}.",
            message_id=message_id,
            date=f"Mon, {day:02d} Sep 2025 10:{minute:02d}:00 +0000",
        )
        made.append((message_id, raw))
    return made


def append_all(conn: imaplib.IMAP4, mail: list[tuple[str, bytes]]) -> None:
    for _, raw in mail:
        typ, data = conn.append("INBOX", "", None, raw)
        assert typ == "OK", data


def message_ids_by_folder(conn: imaplib.IMAP4) -> Counter[tuple[str, str]]:
    """(folder, Message-ID) for every message in the account's known folders."""
    found: Counter[tuple[str, str]] = Counter()
    for folder in FOLDERS:
        typ, _ = conn.select(f'"{folder}"', readonly=True)
        if typ != "OK":
            continue
        typ, data = conn.uid("FETCH", "1:*", "(BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
        for item in data:
            if isinstance(item, tuple):
                header = item[1].decode().strip()
                found[(folder, header.partition(":")[2].strip())] += 1
    return found
