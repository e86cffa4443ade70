"""The `letters` command over the real store (both databases): list, render, sent, not sent.

A proposal for Gary Rowe is approved by Wendy Marsh (Head of Customer
Services), which opens a decision letter; the tests then do what the
register administrator would, and read back what they would see.
"""

from __future__ import annotations

import argparse
import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from letters.commands import add_letters_arguments, run_letters_command
from register.decision_records import LetterRecord
from register.decisions import Approval, Draft, Proposal, approve, propose_restriction
from register.policy import Preset, load_preset
from register.restrictions import RestrictionType
from register.staff import Role, StaffMember
from store.repository import SqlRegisterStore
from tests.samples import SampleRegister

WENDY = StaffMember(
    "5f0c1e2a-0000-4000-8000-00000000aa09",
    "Wendy Marsh",
    "Head of Customer Services",
    Role.MANAGER,
)
APPROVED_ON = date(2026, 3, 4)


@pytest.fixture
def preset() -> Preset:
    return load_preset("managed-contact-register-council")


@pytest.fixture
def letter(
    store: SqlRegisterStore, sample_register: SampleRegister, preset: Preset
) -> LetterRecord:
    """The decision letter an approved single point of contact for Gary opened."""
    with store.transaction() as session:
        session.add(WENDY)
        session.update(replace(sample_register.manager, manager_aad_id=WENDY.aad_object_id))
    draft = Draft(
        RestrictionType.SPOC,
        "stage-1",
        "Repeated abusive calls to the repairs team.",
        APPROVED_ON,
        person_id=sample_register.gary.id,
        params={"officer": "Tom Hale"},
        service="Housing",
        equality_considerations="None identified.",
    )
    proposed = propose_restriction(store, preset, sample_register.manager, draft)
    assert isinstance(proposed, Proposal), proposed
    approved = approve(store, preset, proposed.restriction.id, WENDY, APPROVED_ON)
    assert isinstance(approved, Approval), approved
    return approved.letter


def letters(store: SqlRegisterStore, preset: Preset, *argv: str) -> tuple[int, str]:
    """Run `app.py letters ARGV` as the command line would; (exit code, what it printed)."""
    parser = argparse.ArgumentParser(prog="letters")
    add_letters_arguments(parser)
    shown = io.StringIO()
    code = run_letters_command(store, preset, parser.parse_args(list(argv)), shown)
    return code, shown.getvalue()


def test_list_shows_the_letter_waiting_then_sent(
    store: SqlRegisterStore, preset: Preset, letter: LetterRecord, sample_register: SampleRegister
) -> None:
    code, shown = letters(store, preset, "list", "--pending")
    assert code == 0
    assert (
        shown == f"{letter.id}  decision letter  Gary Rowe  made 2026-03-04  waiting to be sent\n"
    )
    admin = sample_register.admin.aad_object_id
    code, shown = letters(
        store, preset, "sent", letter.id[:8], "--on", "2026-03-05", "--actor", admin
    )
    assert (code, shown) == (0, "Recorded: the decision letter was sent on 5 March 2026.\n")
    assert letters(store, preset, "list", "--pending") == (
        0,
        "No letters are waiting to be sent.\n",
    )
    code, shown = letters(store, preset, "list")
    assert shown.endswith("made 2026-03-04  sent 2026-03-05\n")
    with store.transaction() as session:
        restriction = session.restriction(letter.restriction_id)
    assert restriction is not None and restriction.customer_told_on == date(2026, 3, 5)


def test_render_writes_a_docx_and_a_plain_text_version(
    store: SqlRegisterStore, preset: Preset, letter: LetterRecord, tmp_path: Path
) -> None:
    code, shown = letters(store, preset, "render", letter.id, "--out", str(tmp_path / "out"))
    assert code == 0
    docx = tmp_path / "out" / f"decision-letter-{letter.id}.docx"
    text = docx.with_suffix(".txt")
    assert f"Wrote {docx}\nWrote {text}\n" in shown
    assert "letters sent" in shown  # what to do once it has gone
    body = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "Dear Gary Rowe" in body and "Tom Hale" in body and "{" not in body
    words = text.read_text(encoding="utf-8")
    assert words.startswith(preset.council) and "Dear Gary Rowe" in words
    assert "Repeated abusive calls to the repairs team." in words


def test_not_sent_needs_a_reason_and_keeps_it(
    store: SqlRegisterStore, preset: Preset, letter: LetterRecord, sample_register: SampleRegister
) -> None:
    tom = sample_register.manager.aad_object_id
    blank = letters(store, preset, "not-sent", letter.id, "--reason", " ", "--actor", tom)
    assert blank == (1, "Give the reason the letter is not being sent.\n")
    reason = "Customer has moved away; no forwarding address."
    code, shown = letters(store, preset, "not-sent", letter.id, "--reason", reason, "--actor", tom)
    assert (code, shown) == (0, "Recorded: the decision letter will not be sent, and why.\n")
    assert letters(store, preset, "list")[1].endswith(f"not sent: {reason}\n")
    again = letters(store, preset, "sent", letter.id, "--on", "2026-03-05", "--actor", tom)
    assert again == (1, "That letter was already recorded as not sent.\n")


def test_mistakes_are_refused_in_plain_words(
    store: SqlRegisterStore, preset: Preset, letter: LetterRecord, sample_register: SampleRegister
) -> None:
    admin, priya = sample_register.admin.aad_object_id, sample_register.frontline.aad_object_id
    cases = {
        ("sent", letter.id, "--on", "2026-03-05", "--actor", "nobody"): (
            "No member of staff has the Entra ID object id 'nobody'. Add them with `app.py staff` "
            "first."
        ),
        ("sent", letter.id, "--on", "2026-03-05", "--actor", priya): (
            "Only managers and register administrators record letters."
        ),
        ("sent", letter.id, "--on", "5/3/26", "--actor", admin): (
            "'5/3/26' is not a date. Give it as YYYY-MM-DD, like 2026-03-05."
        ),
        ("sent", letter.id, "--on", "2026-03-01", "--actor", admin): (
            "A letter cannot be sent before the day it was written."
        ),
        ("render", "abc", "--out", "x"): (
            "No letter has the id 'abc'. Give at least 6 characters of it, or run `letters list`."
        ),
        ("render", "ffffffffff", "--out", "x"): (
            "No letter's id starts with 'ffffffffff'. Run `letters list` to see them."
        ),
    }
    for argv, said in cases.items():
        assert letters(store, preset, *argv) == (1, said + "\n"), argv


def test_an_empty_register_has_no_letters(
    store: SqlRegisterStore, preset: Preset, sample_register: SampleRegister
) -> None:
    assert letters(store, preset, "list") == (0, "No letters yet.\n")
