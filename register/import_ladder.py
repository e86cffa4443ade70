"""Checking imported restrictions against the council's ladder of stages.

A proposal made in Forewarn must name a stage of the preset's ladder and
may go past an earlier stage only where the preset lets that stage be
skipped (register.decisions). A spreadsheet could otherwise bring in what
no proposal could: a stage the policy does not have (which every letter,
review date and approval would then trip over), or a Stage 2 with no
Stage 1 where the policy says Stage 1 always comes first.

So an imported restriction's stage must be one of the preset's, written as
its key (`stage-2`), its label, or the label's short name before the colon
(`Stage 2`), in any case; it is stored as the key. Its type must be one the
stage allows, as a proposal's must. And each stage the policy does not let
be skipped must be on the register for the same person (or property) below
it: already held, or on another row of the same file, whatever the dates.
A stage counts once it was given: a restriction still proposed, refused,
or lifted (an upheld appeal: it did not stand) does not. As in Forewarn, a
stage below one already given is not asked for again, a check-only step
(one that allows no restriction) is never "given", and a stage the policy
lets be skipped is accepted missing, since a spreadsheet cannot show the
grounds.

A council moving its old register in may hold Stage 2 entries whose Stage 1
was given on paper before Forewarn. Such a row says so in the
`earlier_stages_outside_forewarn` column (`yes`), one row at a time, so the
check stays on for every other row, where it catches real mistakes: a
misspelt name that split one person into two, or a stage typed wrongly.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from register.errors import InvalidInput
from register.policy import Preset, Step
from register.restrictions import Restriction, RestrictionType, Status

# The column a row uses to say its earlier stages were given outside Forewarn.
EARLIER_OUTSIDE = "earlier_stages_outside_forewarn"

# Statuses of a restriction whose stage was actually given to the customer.
GIVEN = frozenset({Status.ACTIVE, Status.UNDER_APPEAL, Status.LAPSED, Status.CLOSED})

Subject = tuple[str | None, str | None]  # (person id, property id)


def _spelling(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.casefold())


def step_name(step: Step) -> str:
    return f"{step.key} ({step.label})"


def stages_of(preset: Preset) -> str:
    """'stage-1 (Stage 1: ...), stage-2 (Stage 2: ...)': what a message lists."""
    return ", ".join(step_name(step) for step in preset.steps)


def step_key(preset: Preset, text: str) -> str:
    """The key of the step `text` names, by key, label or short name, in any case."""
    wanted = _spelling(text)
    for step in preset.steps:
        names = (step.key, step.label, step.label.split(":")[0])
        if wanted and wanted in {_spelling(name) for name in names}:
            return step.key
    raise InvalidInput(
        f"{text.strip()!r} is not a stage of {preset.council}'s policy; "
        f"its stages are {stages_of(preset)}"
    )


def type_problem(preset: Preset, stage: str, kind: RestrictionType) -> str | None:
    """Why a restriction of `kind` may not stand at `stage`, or None when the policy allows it.

    The check is the one a proposal meets (`Step.refusal_of`); the import
    adds the council and where the policy does allow the type, since the
    fix is usually the stage typed on the row, or the type.
    """
    wrong = preset.step(stage).refusal_of(kind)
    if wrong is None:
        return None
    fits = [step_name(step) for step in preset.steps if kind in step.allows]
    where = f"it is allowed at {' and '.join(fits)}" if fits else "no stage allows it"
    return f"under {preset.council}'s policy, {wrong}; {where}"


def missing_steps(preset: Preset, stage: str, present: Iterable[str]) -> tuple[Step, ...]:
    """The steps below `stage` that must have been given first and are not in `present`.

    Counting starts above the highest step present (or check-only step), as
    register.decisions counts a proposal's climb; of the steps between, only
    those the preset does not let be skipped are missing.
    """
    keys = preset.step_keys
    target = keys.index(stage)
    below = [keys.index(key) for key in present if key in keys and keys.index(key) < target]
    checks = [i for i in range(target) if not preset.steps[i].allows]
    start = max([-1, *below, *checks])
    return tuple(step for step in preset.steps[start + 1 : target] if not step.may_be_skipped)


@dataclass(frozen=True, slots=True)
class LadderRow:
    """An imported restriction placed on its subject, as the ladder check needs it."""

    line: int
    restriction: Restriction  # its stage already a step key
    subject_name: str  # the person's name or the property's address, for the message
    earlier_outside: bool = False

    @property
    def subject(self) -> Subject:
        return (self.restriction.person_id, self.restriction.property_id)


def ladder_problems(
    preset: Preset, rows: Sequence[LadderRow], held: Iterable[Restriction]
) -> dict[int, str]:
    """The problem of each row (by line) whose earlier stages are missing.

    Repeated until nothing changes: a Stage 2 refused here cannot be the
    Stage 2 a Stage 3 on another row relies on, since it is not imported.
    """
    given: dict[Subject, set[str]] = defaultdict(set)
    for restriction in held:
        if restriction.status in GIVEN:
            given[(restriction.person_id, restriction.property_id)].add(restriction.stage)
    refused: dict[int, str] = {}
    while True:
        kept = [row for row in rows if row.line not in refused]
        present = {subject: set(stages) for subject, stages in given.items()}
        for row in kept:
            if row.restriction.status in GIVEN:
                present.setdefault(row.subject, set()).add(row.restriction.stage)
        found: dict[int, str] = {}
        for row in kept:
            if row.earlier_outside:
                continue
            missing = missing_steps(preset, row.restriction.stage, present.get(row.subject, set()))
            if missing:
                found[row.line] = _problem(preset, row, missing)
        if not found:
            return refused
        refused.update(found)


def _problem(preset: Preset, row: LadderRow, missing: tuple[Step, ...]) -> str:
    step = preset.step(row.restriction.stage)
    names = " and ".join(step_name(earlier) for earlier in missing)
    which, given = ("that stage", "it was") if len(missing) == 1 else ("those stages", "they were")
    return (
        f"line {row.line}: stage: {step_name(step)} comes after {names}, which "
        f"{preset.council}'s policy does not let be skipped, and {row.subject_name} has no "
        f"restriction at {which} in the register or in this file; if {given} given outside "
        f"Forewarn, put yes in {EARLIER_OUTSIDE}"
    )
