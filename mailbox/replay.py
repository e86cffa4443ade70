"""Put quarantined email back in the inbox, so the watcher handles it again (`mail-replay`).

GNU Mailman's shunt queue is emptied by a command, never by deletion; this
is that command. Each message in the Quarantine folder is matched to its
claim by Message-ID and content hash, its claim is reset (attempts to
zero, state back to claimed, the old decision kept in `last_error` for the
record), and only then is the message moved back to the inbox: a crash in
between leaves a reset claim and the message still in quarantine, and
running the command again finishes the job. Messages can be chosen by
claim id; by default every quarantined message goes back.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from mailbox.backends import FolderNames, FolderRole, MailBackend
from mailbox.claims import State
from mailbox.parse import parse_message
from mailbox.steps import UNPARSED_DOMAIN

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Replayed:
    """What `replay` did: claim ids put back, and messages it found no claim for."""

    claims: list[str] = field(default_factory=list)
    unclaimed: int = 0


def replay(
    store: Any,
    backend: MailBackend,
    mailbox: str,
    *,
    folders: FolderNames | None = None,
    claim_ids: Collection[str] | None = None,
) -> Replayed:
    """Move quarantined messages of `mailbox` back to its inbox; see the module docstring."""
    names = folders or FolderNames()
    quarantine, inbox = names[FolderRole.QUARANTINE], names[FolderRole.INBOX]
    done = Replayed()
    backend.ensure_folder(quarantine)
    for key in backend.list_keys(quarantine):
        raw = backend.fetch(quarantine, key)
        if raw is None:
            continue
        parsed = parse_message(raw)
        message_id = getattr(parsed, "message_id", None) or (
            f"<{parsed.content_sha256}@{UNPARSED_DOMAIN}>"
        )
        with store.transaction() as session:
            claim = session.claim_by_content(mailbox, message_id, parsed.content_sha256)
            if claim is None:
                done.unclaimed += 1  # put in quarantine by hand: it goes back all the same
            elif claim_ids is not None and claim.id not in claim_ids:
                continue
            else:
                earlier = claim.decision.get("reason", "")
                session.update_claim(
                    claim.id,
                    state=State.CLAIMED,
                    attempts=0,
                    action="",
                    destination="",
                    decided_at=None,
                    notified_at=None,
                    finished_at=None,
                    last_error=f"replayed from quarantine; earlier: {earlier}"[:2000],
                )
                done.claims.append(claim.id)
        backend.move(quarantine, key, inbox)
        log.warning("replayed %s from quarantine in %s", message_id, mailbox)
    return done
