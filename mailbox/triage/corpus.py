"""Read a triage corpus (shared/triage-corpus/SCHEMA.md) into triage values.

Labels stay beside the messages: the eval command needs them, triage never
sees them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from mailbox.triage.model import CaseContext, Correspondence, Incoming, KnownIssue


@dataclass(frozen=True)
class Labelled:
    """An incoming message with the answer a careful officer gave."""

    message: Incoming
    label: str
    abusive: bool


@dataclass(frozen=True)
class Case:
    case_id: str
    context: CaseContext
    incoming: tuple[Labelled, ...]


def read_corpus(path: Path) -> Iterator[Case]:
    """One `Case` per non-blank JSON line, in file order."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield _case(json.loads(line))


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _case(raw: dict[str, Any]) -> Case:
    issues = tuple(
        KnownIssue(i["id"], i["summary"], i.get("status", ""), i.get("outcome", ""))
        for i in raw.get("known_issues", [])
    )
    history = tuple(
        Correspondence(_when(h["date"]), h.get("from", ""), h.get("subject", ""), h["body"])
        for h in raw.get("history", [])
    )
    incoming = tuple(
        Labelled(
            Incoming(m["id"], _when(m["date"]), m.get("from", ""), m.get("subject", ""), m["body"]),
            m.get("label", ""),
            bool(m.get("abusive", False)),
        )
        for m in raw.get("incoming", [])
    )
    context = CaseContext(raw.get("customer", {}).get("name", ""), issues, history)
    return Case(raw["case_id"], context, incoming)
