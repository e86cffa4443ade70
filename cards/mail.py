"""The card an escalation's "Open record" shows: one email and why the watcher decided as it did.

The SPOC officer must be able to answer "why was this escalated?" from
the card alone (GNU Mailman's habit: every decision says which rules hit
and why). So it shows the email's subject and sender, when it arrived, the
watcher's reason, the sentences triage found new, and every rule that
fired with what it saw; a filed email reopened from the digest says who
reopened it and when, beside what the watcher did. It is opened from a
notice, often on a phone, so it keeps to 1.2-era elements and
Action.Submit; its one button acknowledges the email, as the notice's own
button does.
"""

from __future__ import annotations

from datetime import tzinfo

from cards.actions import CardAction
from cards.elements import Json, banner, bullets, card, facts, heading, submit, text, title
from cards.validation import Field, FormSchema, Kind
from cards.wording import LONDON, capitalised, moment
from register.decided_mail import DecidedMail, FiredRule

RECORD = "mail_claim"  # mailbox.telling.RECORD_TYPE: what an escalation's buttons send
EVIDENCE_SHOWN = 300  # characters of one rule's evidence; the full text is on the claim
NOT_KEPT = "Not kept (the email is not on a customer's case)"
OUTCOMES = {
    "escalate": "Escalated to the SPOC officer",
    "file": "Filed as a repeat, no reply",
    "to_spoc": "Sent on to the SPOC mailbox",
    "automatic": "Moved to the automatic-mail folder",
    "quarantine": "Quarantined",
    "leave": "Left where it was",
}


def mail_action_schema(action: CardAction) -> FormSchema:
    """What an escalation's Acknowledge, Open record or Propose sends for one email."""
    return FormSchema(
        action,
        (
            Field("record", "Record type", Kind.CHOICE, True, frozenset({RECORD})),
            Field("id", "Email", required=True, max_length=64),
        ),
    )


def decided_mail_card(
    mail: DecidedMail, customer: str | None, officer: str | None, tz: tzinfo = LONDON
) -> Json:
    """The email, what the watcher did with it and why, and the sentences that were new."""
    body = [title(f"Email from {customer or 'a customer'}")]
    if mail.category == "safeguarding":
        body.append(banner(["Safeguarding", "Triage read a safeguarding concern in this email."]))
    body += [
        facts(
            [
                ("Subject", (mail.subject or "(no subject)") if mail.sender else NOT_KEPT),
                ("From", mail.sender),
                ("Received", moment(mail.received_at, tz)),
                ("Sent", moment(mail.sent_at, tz) if mail.sent_at else ""),
                ("Customer", customer or ""),
                ("SPOC officer", officer or ""),
                ("What was done", OUTCOMES.get(mail.action, capitalised(mail.action))),
                ("Reopened", _reopened(mail, tz)),
                ("Message-ID", mail.message_id),
            ]
        ),
        heading("Why"),
        text(mail.reason or "No reason was recorded."),
    ]
    if mail.new_sentences:
        body += [heading("What is new in it"), *bullets(mail.new_sentences)]
    if mail.rules:
        body += [heading("Rules that fired"), *bullets(_rule(r) for r in mail.rules)]
    ids = {"action": CardAction.ACKNOWLEDGE, "record": RECORD, "id": mail.claim_id}
    return card(body, [submit("Acknowledge", ids, style="positive")])


def _reopened(mail: DecidedMail, tz: tzinfo) -> str:
    """Who reopened a filed email from the digest, and when; empty if nobody did."""
    if mail.reopened_at is None:
        return ""
    return f"As a new issue by {mail.reopened_by or 'someone'}, {moment(mail.reopened_at, tz)}"


def _rule(fired: FiredRule) -> str:
    said = fired.description or fired.rule
    evidence = fired.evidence.strip()
    if len(evidence) > EVIDENCE_SHOWN:
        evidence = evidence[: EVIDENCE_SHOWN - 1].rstrip() + "…"
    return f"{said}: {evidence}" if evidence else said
