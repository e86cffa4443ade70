"""The review, appeal and restrictions commands, run as an operator would, on both databases."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

import pytest

from register.lifecycle_commands import add_lifecycle_commands
from register.restrictions import RestrictionType, Status
from register.reviews import ReviewOutcome
from store.repository import SqlRegisterStore
from tests.register.lifecycle_world import ADMIN, HEAD, HEARER, OFFICER, World, build_world


@dataclass(frozen=True)
class Settings:
    preset: str


@pytest.fixture
def world(store: SqlRegisterStore) -> World:
    return build_world(store)


def _run(
    world: World, capsys: pytest.CaptureFixture[str], preset: str, *argv: str
) -> tuple[int, str]:
    """Parse and run one command the way app.py does; its exit code and what it printed."""
    parser = argparse.ArgumentParser(prog="app.py")
    sub = parser.add_subparsers(dest="command", required=True)
    add_lifecycle_commands(sub, lambda _settings: world.store, lambda: Settings(preset))
    args = parser.parse_args(argv)
    code = int(args.handler(args))
    return code, capsys.readouterr().out


def test_a_manager_lists_restrictions_with_status_and_next_review(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    restriction = world.restriction("managed-contact-register-council", "stage-2")
    code, out = _run(
        world, capsys, "managed-contact-register-council", "restrictions", "--actor", HEAD.id
    )
    assert code == 0
    assert restriction.id in out and "active" in out and "next review 2026-10-01" in out
    assert "1 restriction(s)" in out


def test_frontline_staff_cannot_list_restrictions(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    world.restriction("managed-contact-register-council", "stage-2")
    code, out = _run(
        world, capsys, "managed-contact-register-council", "restrictions", "--actor", OFFICER.id
    )
    assert code == 1 and "Only managers" in out


def test_review_continue_prints_the_next_review_and_the_letter_send_by_date(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    restriction = world.restriction("managed-contact-register-council", "stage-2")
    code, out = _run(
        world,
        capsys,
        "managed-contact-register-council",
        "review",
        restriction.id[:8],
        "--outcome",
        "continue",
        "--on",
        "2026-10-01",
        "--considerations",
        "No incidents since April.",
        "--actor",
        HEAD.id,
    )
    assert code == 0, out
    assert "recorded: continue" in out
    assert "Next review: 2027-04-01" in out
    assert "to send by 2026-10-12" in out
    [review] = world.reviews(restriction.id)
    assert review.outcome is ReviewOutcome.CONTINUE


def test_review_vary_takes_parameters(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    restriction = world.restriction("managed-contact-register-council", "stage-2")
    code, out = _run(
        world,
        capsys,
        "managed-contact-register-council",
        "review",
        restriction.id,
        "--outcome",
        "vary",
        "--on",
        "2026-10-01",
        "--considerations",
        "Tom Hale has moved on; the team mailbox is the contact now.",
        "--param",
        "officer=",
        "--param",
        "mailbox=housing.spoc@council.example",
        "--actor",
        ADMIN.id,
    )
    assert code == 0, out
    assert world.saved(restriction.id).params == {"mailbox": "housing.spoc@council.example"}


def test_appeal_received_then_decided_by_its_short_id(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    restriction = world.restriction("west-oxfordshire-dc", "step-3")
    code, out = _run(
        world,
        capsys,
        "west-oxfordshire-dc",
        "appeal",
        "receive",
        restriction.id,
        "--on",
        "2026-04-20",
        "--grounds",
        "I was never abusive.",
        "--actor",
        HEAD.id,
    )
    assert code == 0, out
    assert "It is in time (deadline 2026-05-01)." in out
    assert "Status: under_appeal; the restriction stays in force." in out
    [appeal] = world.appeals(restriction.id)
    code, out = _run(
        world,
        capsys,
        "west-oxfordshire-dc",
        "appeal",
        "decide",
        appeal.id[:8],
        "--outcome",
        "upheld",
        "--on",
        "2026-05-11",
        "--actor",
        HEARER.id,
    )
    assert code == 0, out
    assert "upheld" in out and "Status: lifted." in out and "Outcome letter" in out
    assert world.saved(restriction.id).status is Status.LIFTED


def test_no_right_of_appeal_is_printed_with_exit_code_1(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    restriction = world.restriction(
        "welwyn-hatfield-bc", "step-1", RestrictionType.WARNING, params={}
    )
    code, out = _run(
        world,
        capsys,
        "welwyn-hatfield-bc",
        "appeal",
        "receive",
        restriction.id,
        "--on",
        "2026-04-20",
        "--grounds",
        "Unfair.",
        "--actor",
        HEAD.id,
    )
    assert code == 1
    assert "There is no right of appeal under this policy." in out


def test_an_unknown_actor_is_told_how_to_be_added(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    restriction = world.restriction("managed-contact-register-council", "stage-2")
    code, out = _run(
        world,
        capsys,
        "managed-contact-register-council",
        "review",
        restriction.id,
        "--outcome",
        "lift",
        "--on",
        "2026-10-01",
        "--considerations",
        "No longer needed.",
        "--actor",
        "nobody",
    )
    assert code == 1 and "app.py staff" in out
    assert world.saved(restriction.id).status is Status.ACTIVE


def test_a_malformed_date_or_parameter_stops_at_the_parser(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    for bad in (["--on", "1st October"], ["--on", "2026-10-01", "--param", "mailbox"]):
        with pytest.raises(SystemExit) as stopped:
            _run(
                world,
                capsys,
                "managed-contact-register-council",
                "review",
                "abcdef12",
                "--outcome",
                "vary",
                "--considerations",
                "x",
                "--actor",
                HEAD.id,
                *bad,
            )
        assert stopped.value.code == 2
    assert "is not" in capsys.readouterr().err
