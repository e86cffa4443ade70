"""Triage throughput on one core: the dev corpus, repeated.

Prints messages per second; a benchmark reports figures, it asserts nothing.
The first pass is reported on its own: later passes find each earlier
email's features already folded (`reference._fold` caches them, as a live
mailbox does when a case's history is read again for its next email).
Run from the repository root:
    .venv/bin/python bench/bench_triage.py [CORPUS.jsonl] [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mailbox.triage.classify import triage
from mailbox.triage.corpus import read_corpus
from mailbox.triage.model import Correspondence

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared/triage-corpus/dev.jsonl"


def run(corpus: Path, repeat: int) -> tuple[int, float]:
    """Triage every message `repeat` times; return (messages, seconds)."""
    cases = list(read_corpus(corpus))
    count = 0
    start = time.perf_counter()
    for _ in range(repeat):
        for case in cases:
            context = case.context
            for item in case.incoming:
                triage(item.message, context)
                m = item.message
                seen = Correspondence(m.date, m.sender, m.subject, m.body)
                context = replace(context, history=(*context.history, seen))
                count += 1
    return count, time.perf_counter() - start


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    cold, cold_seconds = run(args.corpus, 1)
    print(f"first pass (cold caches): {cold / cold_seconds:.0f} messages/second")
    messages, seconds = run(args.corpus, args.repeat)
    print(
        f"triaged {messages} messages in {seconds:.2f} s on one core: "
        f"{messages / seconds:.0f} messages/second ({1000 * seconds / messages:.2f} ms each)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
