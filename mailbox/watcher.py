"""The mailbox watcher: poll, claim, decide, record, tell, move; and never lose a message.

One pass lists the inbox and takes each message through mailbox/steps.py:
claim it (committed), decide and record the decision with its contact-log
entry (committed), tell the SPOC officer or manager, then move it and
record that (committed). Blocking IMAP and database calls run in worker
threads (`asyncio.to_thread`), so the watcher shares an event loop with the
bot. A message whose handling raises is left in the inbox with the error on
its claim and retried on the next pass; on its `max_attempts`th try it goes
to the Quarantine folder with an alert instead (GNU Mailman's shunt queue),
and `mail-replay` puts it back.

After the inbox, each pass moves emails the SPOC officer reopened from the
digest back to where escalated email is kept (mailbox/reopening.py): the
bot only records the request, since only this watcher may touch the mailbox.
A return that fails is tried again next pass, by the same rule as a
message: after `max_attempts` failures (outages not counted) it is given
up with an alert, the email left where it is, and `mail-return-retry`
asks for another try.

When the mailbox or the database cannot be reached (a dropped connection,
a refused login or token), the pass stops, the operator is alerted once
per outage, and the watcher backs off, doubling the wait up to a cap, and
tries again: loudly, never quietly giving up. Only the process holding the
mailbox's lock (mailbox/lock.py) works on it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from typing import Any

from mailbox.backends import MailBackend, MailboxError
from mailbox.claims import FINAL, ReturnState, State
from mailbox.handoff import SpocHandoff
from mailbox.lock import WatcherLock
from mailbox.reopening import Returns
from mailbox.steps import Step, Steps, WatcherSettings
from mailbox.telling import alert, from_json
from register.errors import StoreUnavailable
from register.notices import Notifier

log = logging.getLogger(__name__)

OUTAGE = (MailboxError, StoreUnavailable)

__all__ = ["PassSummary", "Watcher", "WatcherSettings", "build_watcher"]


@dataclass(slots=True)
class PassSummary:
    """What one pass did, for logs, tests and the benchmark."""

    listed: int = 0
    handled: int = 0
    left: int = 0
    failed: int = 0
    quarantined: int = 0
    recovered: int = 0
    returned: int = 0
    missing: int = 0
    return_failed: int = 0  # reopened emails given up on this pass
    locked_out: bool = False


class Watcher:
    """Watches one mailbox; see the module docstring."""

    def __init__(
        self,
        settings: WatcherSettings,
        store: Any,
        notifier: Notifier,
        backend: MailBackend,
        lock: WatcherLock,
        handoff: SpocHandoff | None = None,
    ) -> None:
        self.settings, self.notifier, self.backend, self.lock = settings, notifier, backend, lock
        self.steps = Steps(settings, store, backend)
        self.returns = Returns(settings, store, backend)
        self.handoff = handoff
        self._outage = False

    async def run(self, stop: asyncio.Event) -> None:
        """Pass after pass until `stop` is set; outages back off and alert, never end the loop."""
        backoff = 0.0
        try:
            while not stop.is_set():
                try:
                    summary = await self.run_once()
                    await self._recovered()
                    backoff = 0.0
                    wait = 0.0 if summary.handled else self.settings.poll_seconds
                    if summary.locked_out:
                        wait = self.settings.poll_seconds
                except OUTAGE as error:
                    backoff = min(self.settings.max_backoff_seconds, max(1.0, backoff * 2))
                    await self._outage_alert(error, backoff)
                    wait = backoff
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), wait)
        finally:
            await asyncio.to_thread(self._shut)

    async def run_once(self) -> PassSummary:
        """One pass over the inbox; does nothing if another watcher holds the mailbox."""
        summary = PassSummary()
        if not await asyncio.to_thread(self.lock.acquire):
            log.info("another watcher is working on %s; waiting", self.settings.mailbox)
            summary.locked_out = True
            return summary
        await asyncio.to_thread(self.backend.ensure_folder, self.steps.inbox)
        keys, left = await asyncio.to_thread(self.steps.listing)
        summary.listed = len(keys)
        for key in keys:
            if key in left:
                summary.left += 1
                continue
            if not self.lock.held:
                log.error("lost the lock on %s; stopping this pass", self.settings.mailbox)
                break
            await self._handle(key, summary)
        summary.recovered = await asyncio.to_thread(self.steps.recover, set(keys))
        await self._return_reopened(summary)
        return summary

    async def _return_reopened(self, summary: PassSummary) -> None:
        """Move emails reopened from the digest back; one that fails is tried again next pass,
        up to `max_attempts` times. An outage stops the pass and counts against no email."""
        for claim in await asyncio.to_thread(self.returns.pending):
            if not self.lock.held:
                log.error("lost the lock on %s; stopping this pass", self.settings.mailbox)
                return
            try:
                returned = await asyncio.to_thread(self.returns.carry_out, claim)
            except OUTAGE:
                raise
            except Exception as error:
                log.exception("moving reopened %s back failed", claim.message_id)
                summary.failed += 1
                words = f"{type(error).__name__}: {error}"
                given_up = await asyncio.to_thread(self.returns.failed, claim, words)
                if given_up is not None:
                    summary.return_failed += 1
                    await self._tell_operator(self.returns.operator_alert(given_up))
                continue
            if returned.state is ReturnState.MISSING:
                summary.missing += 1
                await self._tell_operator(self.returns.operator_alert(returned))
            else:
                summary.returned += 1

    async def _handle(self, key: str, summary: PassSummary) -> None:
        try:
            step = await asyncio.to_thread(self.steps.claim, key)
        except OUTAGE:
            raise
        except Exception:
            log.exception("could not claim %s in %s; it stays there", key, self.settings.mailbox)
            summary.failed += 1
            return
        if step is None:
            return
        try:
            step = await self._decided(step)
            if step.claim.state == State.LEFT:
                summary.left += 1
                return
            await self._tell(step)
            await asyncio.to_thread(self.steps.finish, step)
        except OUTAGE:
            raise
        except Exception as error:  # one bad message must not stop the mailbox
            log.exception("handling %s in %s failed", key, self.settings.mailbox)
            summary.failed += 1
            words = f"{type(error).__name__}: {error}"
            await asyncio.to_thread(self.steps.failed, step.claim.id, words)
            return
        summary.handled += 1
        if step.claim.action == "quarantine":
            summary.quarantined += 1

    async def _decided(self, step: Step) -> Step:
        """The message with its decision: made now, or as saved before a restart."""
        state = step.claim.state
        if state == State.CLAIMED and step.claim.attempts > self.settings.max_attempts:
            return await asyncio.to_thread(self.steps.quarantine, step)
        if state == State.CLAIMED:
            return await asyncio.to_thread(self.steps.decide, step)
        if state in FINAL and state != State.LEFT:
            log.info("%s is another copy of a finished email; it follows the first", step.key)
        return step

    async def _tell(self, step: Step) -> None:
        """Send the decision's notices and any forward, once; then record that it was done."""
        if step.claim.notified_at is not None or step.claim.state in FINAL:
            return
        give_up = step.claim.attempts > self.settings.max_attempts
        for data in step.decision.get("notices", []):
            notice = from_json(data)
            if not notice.recipient:
                log.error(
                    "nobody to tell about %s (%s): set an alert recipient",
                    notice.title,
                    notice.record_id,
                )
                continue
            try:
                delivery = await self.notifier.notify(notice)
            except Exception:
                if not give_up:
                    raise
                log.exception("could not send %r; moving the email on regardless", notice.title)
                continue
            if not delivery.delivered:
                log.error("notice %r reached no one: %s", notice.title, delivery.detail)
        forward_to = step.decision.get("forward_to")
        if forward_to and self.handoff is not None:
            subject = getattr(step.parsed, "subject", "")
            await asyncio.to_thread(self.handoff.forward, step.raw, forward_to, subject)
        await asyncio.to_thread(self.steps.notified, step)

    async def _outage_alert(self, error: Exception, backoff: float) -> None:
        log.error("mailbox %s: %s; trying again in %.0fs", self.settings.mailbox, error, backoff)
        if self._outage:
            return
        self._outage = True
        await asyncio.to_thread(self._shut)
        notice = alert(
            self.settings.alert_recipient,
            f"The mailbox watcher cannot work on {self.settings.mailbox}",
            str(error),
            "No email is lost: the watcher keeps trying and picks up where it stopped.",
        )
        await self._tell_operator(notice)

    async def _recovered(self) -> None:
        if self._outage:
            self._outage = False
            log.warning("mailbox %s is reachable again", self.settings.mailbox)

    async def _tell_operator(self, notice: Any) -> None:
        if not notice.recipient:
            log.error("no alert recipient is configured; the alert above went nowhere")
            return
        try:
            await self.notifier.notify(notice)
        except Exception:
            log.exception("could not send the alert %r", notice.title)

    def _shut(self) -> None:
        """Close connections (they reopen on the next pass) and let another watcher in."""
        with contextlib.suppress(Exception):
            self.backend.close()
        with contextlib.suppress(Exception):
            self.lock.release()


def build_watcher(
    settings: WatcherSettings,
    store: Any,
    notifier: Notifier,
    backend: MailBackend,
    handoff: SpocHandoff | None = None,
) -> Watcher:
    """The watcher for app.py: `store` is a store.mail_repo.SqlMailStore (it makes the lock)."""
    lock = store.watcher_lock(settings.mailbox)
    return Watcher(settings, store, notifier, backend, lock, handoff)
