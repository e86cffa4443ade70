"""The review, appeal and restrictions commands, for app.py's command line.

    app.py restrictions [--person PERSON_ID] [--all] --actor AAD_ID
    app.py review RESTRICTION_ID --outcome continue|vary|lift --on 2026-03-05 \\
        --considerations "No incidents since March." --actor AAD_ID [--param officer=Jo Bell ...]
        [--end 2026-12-31]
    app.py appeal receive RESTRICTION_ID --on 2026-03-05 --grounds "..." --actor AAD_ID
    app.py appeal decide APPEAL_ID --outcome upheld|not_upheld|withdrawn --on 2026-03-20 \\
        --actor AAD_ID

Each command turns its arguments into one use case call (`reviewing`,
`appealing`) and prints what happened in words, or the refusal and exit
code 1. Restrictions and appeals may be named by their full id or by a
unique first part of it (six characters or more), as staff quote them from
a notice. The store and settings are built only when a command runs, by the
functions app.py passes in, so nothing happens at import time and the core
never imports the store.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import Protocol, TextIO, TypeVar

from register.access import Refusal, may_decide, may_see_full_record
from register.appealing import SHORTEST_PREFIX, AppealDecided, decide_appeal, receive_appeal
from register.audit import AuditAction, AuditEntry
from register.decision_ports import DecisionSession, DecisionStore
from register.policy import Preset, load_preset
from register.restrictions import Restriction, Status
from register.reviewing import ReviewRecorded, record_review
from register.reviews import AppealOutcome, ReviewOutcome
from register.staff import StaffMember

ACTOR_HELP = "Entra ID object id of the member of staff doing this (kept in the audit trail)"
ENDED = frozenset({Status.CLOSED, Status.REFUSED, Status.LIFTED})


class PresetSettings(Protocol):
    """What these commands need of app.py's settings: the preset's name or file."""

    @property
    def preset(self) -> str: ...


S = TypeVar("S", bound=PresetSettings)
Runner = Callable[[DecisionStore, Preset, argparse.Namespace, TextIO], int]


# ---- Parsing ----------------------------------------------------------------------------


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None


def _param(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is not NAME=VALUE")
    return name.strip(), value.strip()


def add_lifecycle_commands(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    build_store: Callable[[S], DecisionStore],
    build_settings: Callable[[], S],
) -> None:
    """Add `restrictions`, `review` and `appeal` to app.py's subcommands."""

    def handler(run: Runner) -> Callable[[argparse.Namespace], int]:
        def handle(args: argparse.Namespace) -> int:
            settings = build_settings()
            return run(build_store(settings), load_preset(settings.preset), args, sys.stdout)

        return handle

    def command(name: str, run: Runner, text: str) -> argparse.ArgumentParser:
        parser = subparsers.add_parser(name, help=text, description=text)
        parser.set_defaults(handler=handler(run))
        return parser

    p = command("restrictions", run_restrictions, "list restrictions: id, status, next review")
    p.add_argument("--person", help="only this person's restrictions (their id)")
    p.add_argument("--all", action="store_true", help="include lifted, refused and closed ones")
    p.add_argument("--actor", required=True, help=ACTOR_HELP)
    p = command("review", run_review, "record a review: continue, vary or lift a restriction")
    p.add_argument("restriction_id", metavar="RESTRICTION_ID")
    p.add_argument("--outcome", required=True, choices=[o.value for o in ReviewOutcome])
    p.add_argument("--on", required=True, type=_day, metavar="DATE", help="day held (YYYY-MM-DD)")
    p.add_argument("--considerations", required=True, help="what the review considered, and why")
    p.add_argument(
        "--param",
        action="append",
        type=_param,
        default=[],
        metavar="NAME=VALUE",
        help="vary: a new value (NAME= removes it); repeatable",
    )
    p.add_argument("--end", type=_day, metavar="DATE", help="vary: a new provisional end date")
    p.add_argument("--actor", required=True, help=ACTOR_HELP)
    p = command("appeal", run_appeal, "record an appeal received, or decide one")
    sub = p.add_subparsers(dest="appeal_command", required=True, metavar="ACTION")
    receive = sub.add_parser("receive", help="record an appeal the customer made")
    receive.add_argument("restriction_id", metavar="RESTRICTION_ID")
    receive.add_argument("--on", required=True, type=_day, metavar="DATE", help="day received")
    receive.add_argument("--grounds", required=True, help="the customer's grounds, in summary")
    receive.add_argument(
        "--health-and-safety-exclusion",
        action="store_true",
        help="the restriction is an exclusion made for health and safety",
    )
    receive.add_argument("--actor", required=True, help=ACTOR_HELP)
    decide = sub.add_parser("decide", help="record the hearing officer's decision")
    decide.add_argument("appeal_id", metavar="APPEAL_ID")
    decide.add_argument("--outcome", required=True, choices=[o.value for o in AppealOutcome])
    decide.add_argument("--on", required=True, type=_day, metavar="DATE", help="day decided")
    decide.add_argument("--actor", required=True, help=ACTOR_HELP + "; they hear the appeal")


# ---- Shared look-ups --------------------------------------------------------------------


def _refused(refusal: Refusal, out: TextIO) -> int:
    print(refusal.reason, file=out)
    return 1


def _actor(store: DecisionStore, aad_id: str) -> StaffMember | Refusal:
    with store.transaction() as session:
        member = session.staff_member(aad_id.strip())
    if member is None:
        return Refusal(f"No member of staff has the id {aad_id}; add them with `app.py staff`.")
    return member


def _restriction_id(store: DecisionStore, ref: str) -> str | Refusal:
    """The id of the restriction named exactly, or the only one whose id starts with `ref`."""
    ref = ref.strip().lower()
    with store.transaction() as session:
        if session.restriction(ref) is not None:
            return ref
        if len(ref) < SHORTEST_PREFIX:
            return Refusal(f"Give at least {SHORTEST_PREFIX} characters of the restriction's id.")
        found = [r.id for r in session.all_restrictions() if r.id.startswith(ref)]
    if len(found) == 1:
        return found[0]
    if found:
        return Refusal(f"{len(found)} restrictions start with {ref!r}; give more of the id.")
    return Refusal("That restriction is not in the register.")


def _actor_and_restriction(
    store: DecisionStore, args: argparse.Namespace
) -> tuple[StaffMember, str] | Refusal:
    actor = _actor(store, str(args.actor))
    if isinstance(actor, Refusal):
        return actor
    restriction_id = _restriction_id(store, str(args.restriction_id))
    if isinstance(restriction_id, Refusal):
        return restriction_id
    return actor, restriction_id


# ---- restrictions -----------------------------------------------------------------------


def _listed(session: DecisionSession, args: argparse.Namespace) -> Sequence[Restriction]:
    if args.person:
        return session.restrictions_for_person(str(args.person))
    return list(session.all_restrictions())


def _line(restriction: Restriction) -> str:
    review = restriction.next_review.isoformat() if restriction.next_review else "-"
    return (
        f"{restriction.id}  {restriction.status.value:12}  next review {review:10}  "
        f"{restriction.stage}  {restriction.kind.label} ({restriction.scope_label})"
    )


def run_restrictions(
    store: DecisionStore, preset: Preset, args: argparse.Namespace, out: TextIO
) -> int:
    """List restrictions a manager may see (their service and council-wide ones; admins all)."""
    actor = _actor(store, str(args.actor))
    if isinstance(actor, Refusal):
        return _refused(actor, out)
    if not may_decide(actor):
        return _refused(
            Refusal("Only managers and register administrators list restrictions."), out
        )
    with store.transaction() as session:
        shown = [
            r
            for r in _listed(session, args)
            if may_see_full_record(actor, r) and (args.all or r.status not in ENDED)
        ]
        subject = ("person", str(args.person)) if args.person else ("register", "restrictions")
        session.audit(
            AuditEntry(
                actor.id, AuditAction.LOOKUP, *subject, "restrictions listed", f"{len(shown)} shown"
            )
        )
    for restriction in shown:
        print(_line(restriction), file=out)
    print(f"{len(shown)} restriction(s) under the {preset.council} policy.", file=out)
    return 0


# ---- review -----------------------------------------------------------------------------


def _review_words(done: ReviewRecorded) -> list[str]:
    restriction, letter = done.restriction, done.letter
    outcome = done.review.outcome.label if done.review.outcome else ""
    lines = [f"Review {done.review.id} recorded: {outcome}."]
    if restriction.status is Status.LIFTED:
        lines.append("The restriction is lifted.")
    else:
        lines.append(f"Status: {restriction.status.value}. Next review: {restriction.next_review}.")
    if letter is not None:
        send_by = f", to send by {letter.send_by}" if letter.send_by else ""
        lines.append(f"Outcome letter {letter.id} opened{send_by} (see `app.py letters`).")
    return lines


def run_review(store: DecisionStore, preset: Preset, args: argparse.Namespace, out: TextIO) -> int:
    """Record a review from the command line."""
    named = _actor_and_restriction(store, args)
    if isinstance(named, Refusal):
        return _refused(named, out)
    actor, restriction_id = named
    done = record_review(
        store,
        preset,
        restriction_id,
        actor,
        args.on,
        ReviewOutcome(args.outcome),
        str(args.considerations),
        varied_params=dict(args.param) or None,
        new_end=args.end,
    )
    if isinstance(done, Refusal):
        return _refused(done, out)
    for line in _review_words(done):
        print(line, file=out)
    return 0


# ---- appeal -----------------------------------------------------------------------------


def _receive(store: DecisionStore, preset: Preset, args: argparse.Namespace, out: TextIO) -> int:
    named = _actor_and_restriction(store, args)
    if isinstance(named, Refusal):
        return _refused(named, out)
    actor, restriction_id = named
    received = receive_appeal(
        store,
        preset,
        restriction_id,
        args.on,
        str(args.grounds),
        actor,
        health_and_safety_exclusion=bool(args.health_and_safety_exclusion),
    )
    if isinstance(received, Refusal):
        return _refused(received, out)
    appeal = received.appeal
    print(f"Appeal {appeal.id} recorded.", file=out)
    if appeal.deadline is None:
        print("The policy sets no time limit for this appeal.", file=out)
    elif received.late:
        print(f"It is late: the deadline was {appeal.deadline}. It is still heard.", file=out)
    else:
        print(f"It is in time (deadline {appeal.deadline}).", file=out)
    print(f"Status: {received.restriction.status.value}; the restriction stays in force.", file=out)
    print("It must be heard by an officer not involved in the original decision.", file=out)
    return 0


def _decided_words(done: AppealDecided) -> list[str]:
    lines = [
        f"Appeal {done.appeal.id}: {done.appeal.outcome.label if done.appeal.outcome else ''}.",
        f"Status: {done.restriction.status.value}.",
    ]
    if done.letter is not None:
        lines.append(f"Outcome letter {done.letter.id} opened (see `app.py letters`).")
    return lines


def _decide(store: DecisionStore, preset: Preset, args: argparse.Namespace, out: TextIO) -> int:
    actor = _actor(store, str(args.actor))
    if isinstance(actor, Refusal):
        return _refused(actor, out)
    done = decide_appeal(
        store, preset, str(args.appeal_id), actor, AppealOutcome(args.outcome), args.on
    )
    if isinstance(done, Refusal):
        return _refused(done, out)
    for line in _decided_words(done):
        print(line, file=out)
    return 0


def run_appeal(store: DecisionStore, preset: Preset, args: argparse.Namespace, out: TextIO) -> int:
    """Record an appeal received, or decide one, from the command line."""
    if args.appeal_command == "receive":
        return _receive(store, preset, args, out)
    return _decide(store, preset, args, out)
