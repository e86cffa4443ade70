"""The official Adaptive Cards validator, driven from pytest.

Teams renders a bad card without complaint (an unknown element is simply
dropped), so every card the bot can send is checked with the official object
model by tests/js/validate-cards.js. One node process checks all the cards
at a target version: the cards go in as one JSON object on stdin and the
problems come back as JSON.

Without node or the npm package the validator tests skip with a reason on a
developer's machine, and fail under CI=true: a CI run that validated nothing
must not look green.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from cards.catalogue import examples

JS = Path(__file__).resolve().parents[1] / "js"
SCRIPT = JS / "validate-cards.js"


def _missing_tools() -> str | None:
    """Why the validator cannot run here, or None when it can."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not (JS / "node_modules" / "adaptivecards").is_dir():
        return "the adaptivecards npm package is missing: run `cd tests/js && npm ci`"
    return None


@dataclass
class CardValidator:
    """Runs validate-cards.js over many cards at once; `seconds` adds up the time spent."""

    node: str
    seconds: float = 0.0

    def problems(self, cards: Mapping[str, Any], target: str) -> dict[str, list[str]]:
        """Each card's name -> the validator's events as 'Event: message' ('' list when clean)."""
        started = time.perf_counter()
        result = subprocess.run(
            [self.node, str(SCRIPT), "--target", target, "--json"],
            input=json.dumps(dict(cards)),
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        self.seconds += time.perf_counter() - started
        if result.returncode not in (0, 1):
            raise AssertionError(f"validate-cards.js broke:\n{result.stderr}")
        report = json.loads(result.stdout)
        return {
            name: [f"{event['event']}: {event['message']}" for event in events]
            for name, events in report["cards"].items()
        }


@pytest.fixture(scope="session")
def card_validator() -> CardValidator:
    """The validator, or a skip (locally) / failure (CI=true) saying what is missing."""
    missing = _missing_tools()
    if missing is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the Adaptive Cards validator must run in CI: {missing}")
        pytest.skip(f"Adaptive Cards validator unavailable: {missing}")
    node = shutil.which("node")
    assert node is not None
    return CardValidator(node)


@pytest.fixture(scope="session")
def catalogue() -> dict[str, dict[str, Any]]:
    """Every card the bot can send, built from fictional sample data."""
    return examples()


@pytest.fixture(scope="session")
def catalogue_at_1_5(
    card_validator: CardValidator, catalogue: dict[str, dict[str, Any]]
) -> dict[str, list[str]]:
    """The whole catalogue checked once at Teams' ceiling, 1.5."""
    return card_validator.problems(catalogue, "1.5")


@pytest.fixture(scope="session")
def catalogue_at_1_2(
    card_validator: CardValidator, catalogue: dict[str, dict[str, Any]]
) -> dict[str, list[str]]:
    """The whole catalogue checked once at 1.2, what Teams mobile renders reliably."""
    return card_validator.problems(catalogue, "1.2")
