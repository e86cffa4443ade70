"""The `letters` command: list the letters decisions produced, make them, record what happened.

    app.py letters list [--pending]
    app.py letters render LETTER_ID --out DIR
    app.py letters sent LETTER_ID --on 2026-03-05 --actor AAD_ID
    app.py letters not-sent LETTER_ID --reason "Customer has moved; no address" --actor AAD_ID

An approval opens a decision letter; reviews and appeals open outcome
letters. Someone then makes the letter (a .docx from the council's editable
template, and the same words as plain text for an email), sends it, and
records the day it went, or why it did not go: a customer who was never
told cannot be expected to keep to an arrangement. A letter may be named by
its full id or by the first few characters of it, as long as only one
letter starts that way. No botbuilder here; `app.py` wires it in.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TextIO

from letters.render_docx import write_docx
from letters.render_text import render_text
from register.access import Refusal, may_decide
from register.correspondence import letter_content, record_letter_not_sent, record_letter_sent
from register.decision_ports import DecisionSession, DecisionStore
from register.decision_records import LetterRecord
from register.letter_wording import long_date
from register.policy import Preset
from register.restrictions import Restriction
from register.staff import StaffMember

SHORTEST_PREFIX = 6
ACTOR_HELP = "Entra ID object id of the member of staff recording this (kept in the audit trail)"


def add_letters_arguments(parser: argparse.ArgumentParser) -> None:
    """The `letters` subcommands, for app.py's parser."""
    sub = parser.add_subparsers(dest="letters_command", required=True, metavar="ACTION")
    listing = sub.add_parser("list", help="letters made, sent or not sent")
    listing.add_argument("--pending", action="store_true", help="only letters not yet settled")
    render = sub.add_parser("render", help="write a letter as .docx and .txt")
    render.add_argument("letter_id", metavar="LETTER_ID")
    render.add_argument("--out", type=Path, required=True, help="folder to write the files to")
    render.add_argument("--templates", type=Path, help="the council's own letter templates")
    sent = sub.add_parser("sent", help="record the day a letter was sent")
    sent.add_argument("letter_id", metavar="LETTER_ID")
    sent.add_argument(
        "--on", required=True, metavar="DATE", help="the day it was sent (YYYY-MM-DD)"
    )
    sent.add_argument("--actor", required=True, help=ACTOR_HELP)
    not_sent = sub.add_parser("not-sent", help="record why a letter will not be sent")
    not_sent.add_argument("letter_id", metavar="LETTER_ID")
    not_sent.add_argument("--reason", required=True, help="why it is not being sent")
    not_sent.add_argument("--actor", required=True, help=ACTOR_HELP)


def run_letters_command(
    store: DecisionStore, preset: Preset, args: argparse.Namespace, out: TextIO | None = None
) -> int:
    """Run one `letters` action; 0 when done, 1 when refused (the reason is printed)."""
    shown = out or sys.stdout
    action = args.letters_command
    if action == "list":
        return _list(store, shown, pending=bool(getattr(args, "pending", False)))
    found = _resolve(store, str(args.letter_id))
    if isinstance(found, Refusal):
        return _refused(found, shown)
    if action == "render":
        return _render(store, preset, found, args, shown)
    if action == "sent":
        return _sent(store, found, args, shown)
    if action == "not-sent":
        return _not_sent(store, found, args, shown)
    raise ValueError(f"unknown letters action {action!r}")


def _refused(refusal: Refusal, out: TextIO) -> int:
    print(refusal.reason, file=out)
    return 1


# ---- Finding letters ----------------------------------------------------------------


def _all_letters(session: DecisionSession) -> Iterator[tuple[LetterRecord, Restriction]]:
    """Every letter with its restriction; letters hang off restrictions, so walk those."""
    for restriction in list(session.all_restrictions()):
        for letter in session.letters_for(restriction.id):
            yield letter, restriction


def _resolve(store: DecisionStore, ref: str) -> LetterRecord | Refusal:
    """The letter with this id, or the one letter whose id starts with it."""
    ref = ref.strip().lower()
    with store.transaction() as session:
        exact = session.letter(ref)
        if exact is not None:
            return exact
        if len(ref) < SHORTEST_PREFIX:
            return Refusal(
                f"No letter has the id {ref!r}. Give at least {SHORTEST_PREFIX} characters "
                "of it, or run `letters list`."
            )
        matches = [letter for letter, _ in _all_letters(session) if letter.id.startswith(ref)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        return Refusal(f"No letter's id starts with {ref!r}. Run `letters list` to see them.")
    return Refusal(f"{len(matches)} letters' ids start with {ref!r}. Give more of the id.")


def _customer(session: DecisionSession, restriction: Restriction) -> str:
    person = session.person(restriction.person_id) if restriction.person_id else None
    return person.name if person is not None else "a property (no letter is written)"


def _state(letter: LetterRecord) -> str:
    if letter.sent_on is not None:
        return f"sent {letter.sent_on}" + (" (late)" if letter.late else "")
    if letter.not_sent_reason:
        return f"not sent: {letter.not_sent_reason}"
    return "waiting to be sent" + (f", by {letter.send_by}" if letter.send_by else "")


# ---- The actions ------------------------------------------------------------------


def _list(store: DecisionStore, out: TextIO, *, pending: bool) -> int:
    with store.transaction() as session:
        rows = [
            (letter, _customer(session, restriction))
            for letter, restriction in _all_letters(session)
            if not (pending and letter.settled)
        ]
    rows.sort(key=lambda row: (row[0].generated_on, row[0].id))
    if not rows:
        print("No letters are waiting to be sent." if pending else "No letters yet.", file=out)
        return 0
    for letter, customer in rows:
        print(
            f"{letter.id}  {letter.kind.label} letter  {customer}  "
            f"made {letter.generated_on}  {_state(letter)}",
            file=out,
        )
    return 0


def _render(
    store: DecisionStore,
    preset: Preset,
    letter: LetterRecord,
    args: argparse.Namespace,
    out: TextIO,
) -> int:
    content = letter_content(store, preset, letter.id)
    if isinstance(content, Refusal):
        return _refused(content, out)
    folder: Path = args.out
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{letter.kind.value.replace('_', '-')}-letter-{letter.id}"
    docx = write_docx(content, folder / f"{stem}.docx", getattr(args, "templates", None))
    text = folder / f"{stem}.txt"
    text.write_text(render_text(content), encoding="utf-8")
    print(f"Wrote {docx}\nWrote {text}", file=out)
    if not letter.settled:
        print(
            f"When it has gone, record it: letters sent {letter.id} --on YYYY-MM-DD --actor ...",
            file=out,
        )
    return 0


def _recorder(store: DecisionStore, actor: str) -> StaffMember | Refusal:
    """The member of staff recording a letter's fate: a manager or an administrator."""
    with store.transaction() as session:
        staff = session.staff_member(actor.strip())
    if staff is None:
        return Refusal(
            f"No member of staff has the Entra ID object id {actor!r}. Add them with "
            "`app.py staff` first."
        )
    if not may_decide(staff):
        return Refusal("Only managers and register administrators record letters.")
    return staff


def _day(value: object) -> date | Refusal:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        return Refusal(f"{value!r} is not a date. Give it as YYYY-MM-DD, like 2026-03-05.")


def _sent(store: DecisionStore, letter: LetterRecord, args: argparse.Namespace, out: TextIO) -> int:
    staff = _recorder(store, str(args.actor))
    if isinstance(staff, Refusal):
        return _refused(staff, out)
    on = _day(args.on)
    if isinstance(on, Refusal):
        return _refused(on, out)
    result = record_letter_sent(store, letter.id, on, staff)
    if isinstance(result, Refusal):
        return _refused(result, out)
    print(f"Recorded: the {result.kind.label} letter was sent on {long_date(on)}.", file=out)
    if result.late and result.send_by:
        print(f"That is after the policy's deadline, {long_date(result.send_by)}.", file=out)
    return 0


def _not_sent(
    store: DecisionStore, letter: LetterRecord, args: argparse.Namespace, out: TextIO
) -> int:
    staff = _recorder(store, str(args.actor))
    if isinstance(staff, Refusal):
        return _refused(staff, out)
    result = record_letter_not_sent(store, letter.id, str(args.reason), staff)
    if isinstance(result, Refusal):
        return _refused(result, out)
    print(f"Recorded: the {result.kind.label} letter will not be sent, and why.", file=out)
    return 0
