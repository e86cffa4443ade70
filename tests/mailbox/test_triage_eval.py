"""The triage-eval command, run on a tiny corpus in the SCHEMA.md format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mailbox.triage.eval import main

CASE = {
    "case_id": "C-9001",
    "customer": {"name": "Avery Quill", "emails": ["avery.quill@example.net"]},
    "known_issues": [
        {
            "id": "I1",
            "summary": "Leaking kitchen tap at 7 Example Row",
            "status": "closed",
            "outcome": "Washer replaced 02/03/2026",
        }
    ],
    "history": [
        {
            "date": "2026-04-01T09:00:00Z",
            "from": "avery.quill@example.net",
            "subject": "Tap",
            "body": "The kitchen tap still drips.",
        }
    ],
    "incoming": [
        {
            "id": "C-9001-M1",
            "date": "2026-06-01T09:00:00Z",
            "subject": "Tap",
            "body": "The kitchen tap still drips, you useless liars.",
            "label": "repeat",
            "new_issues": [],
            "abusive": True,
        },
        {
            "id": "C-9001-M2",
            "date": "2026-06-08T09:00:00Z",
            "subject": "Ceiling",
            "body": "Yesterday (7 June) the bathroom ceiling collapsed onto the bath.",
            "label": "new_issue",
            "new_issues": ["ceiling collapse"],
            "abusive": False,
        },
        {
            "id": "C-9001-M3",
            "date": "2026-06-09T09:00:00Z",
            "subject": "RE: Ceiling",
            "body": "When is someone coming about the bathroom ceiling that collapsed?",
            "label": "repeat",
            "new_issues": [],
            "abusive": False,
        },
    ],
}


def test_prints_one_line_per_message_then_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps(CASE) + "\n", encoding="utf-8")
    assert main([str(corpus)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(x["id"], x["decision"], x["abusive"]) for x in lines[:3]] == [
        ("C-9001-M1", "file", True),
        ("C-9001-M2", "escalate", False),
        ("C-9001-M3", "file", False),  # the ceiling joined the history with M2
    ]
    assert lines[1]["reasons"][0].startswith("Escalated: raises something new")
    summary = lines[3]
    assert summary["new_issue_recall"] == 1.0
    assert summary["repeat_filed_share"] == 1.0
    assert (summary["abusive_precision"], summary["abusive_recall"]) == (1.0, 1.0)


def test_a_missing_corpus_is_reported_not_raised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path / "absent.jsonl")]) == 2
    assert "no such corpus file" in capsys.readouterr().err
