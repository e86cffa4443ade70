"""The triage-eval command: run triage over a labelled corpus and score it.

Each case's incoming emails are triaged oldest first, and each one joins the
history before the next, exactly as in the live mailbox. One JSON line per
message goes to stdout, then a summary line; a short table goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from mailbox.triage.classify import triage
from mailbox.triage.corpus import Case, read_corpus
from mailbox.triage.model import Correspondence
from mailbox.triage.score import Score


def main(argv: list[str]) -> int:
    """Entry point: `triage-eval CORPUS.jsonl [--cases C-0001..C-0010]`."""
    parser = argparse.ArgumentParser(prog="triage-eval", description=__doc__)
    parser.add_argument("corpus", type=Path, help="a JSON Lines corpus in SCHEMA.md format")
    parser.add_argument("--cases", help="only cases FIRST..LAST (inclusive, by case_id)")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"triage-eval: no such corpus file: {args.corpus}", file=sys.stderr)
        return 2
    score = Score()
    for case in read_corpus(args.corpus):
        if _wanted(case.case_id, args.cases):
            _run_case(case, score)
    print(json.dumps(score.summary()))
    print(score.table(), file=sys.stderr)
    return 0


def _wanted(case_id: str, window: str | None) -> bool:
    if not window:
        return True
    first, _, last = window.partition("..")
    return first <= case_id <= (last or first)


def _run_case(case: Case, score: Score) -> None:
    context = case.context
    for item in case.incoming:
        decision = triage(item.message, context)
        score.add(item.label, item.abusive, decision)
        reasons = [decision.reason] + [f"{h.rule}: {h.evidence}" for h in decision.hits]
        print(json.dumps({
            "id": item.message.message_id,
            "decision": decision.action,
            "abusive": decision.abusive,
            "reasons": reasons,
        }))
        m = item.message
        seen = Correspondence(m.date, m.sender, m.subject, m.body)
        context = replace(context, history=(*context.history, seen))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
