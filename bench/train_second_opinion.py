"""Rebuild the learned second opinion on abuse (mailbox/triage/second_opinion.json).

Training needs scikit-learn, which Forewarn does not need at run time; it is
pinned in requirements-dev.txt, so the .venv that `python3 dev.py test` builds
has it. From the repository root:
    .venv/bin/python bench/train_second_opinion.py           # refit, write the weights
    .venv/bin/python bench/train_second_opinion.py --table   # and the honest table
    .venv/bin/python bench/train_second_opinion.py --check   # the file matches a refit?

Every labelled corpus in tests/mailbox/corpus is one writer. The model is
fitted on all of them (only those, so that a clone can refit it: the dev corpus
outside the repository is left out); its one tuned number, the threshold, is chosen by
leave-one-writer-out: each writer is scored by a model fitted on the others,
and the threshold is the lowest at which the emails the model would add to
the rules' flags are abusive at least three times in four. `--table` measures
the whole procedure the same way, nested: for each writer, threshold and
model come from the other writers only, and the held-out writer is scored
with the rules alone and with the rules and the second opinion.
The vectoriser and model settings below were fixed before any measurement.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mailbox.triage.classify import triage_by_rules  # noqa: E402
from mailbox.triage.corpus import read_corpus  # noqa: E402
from mailbox.triage.model import Correspondence  # noqa: E402
from mailbox.triage.second_opinion import WEIGHTS  # noqa: E402

NGRAM_MAX = 2
MIN_DF = 2
C = 4.0
# The emails the model adds to the rules' flags must be abusive this often (leave-one-out).
ADDED_PRECISION = 0.75
GRID = [round(0.99 - 0.01 * i, 2) for i in range(69)]  # 0.99 down to 0.31
CHECKS = 40


@dataclass(frozen=True)
class Email:
    """One labelled email as the rules read it."""

    corpus: str
    message_id: str
    text: str
    abusive: bool
    label: str
    rules_flagged: bool
    rules_action: str


def corpora() -> list[Path]:
    return sorted((ROOT / "tests/mailbox/corpus").glob("*.jsonl"))


def read(path: Path) -> list[Email]:
    """Triage a corpus with the rules alone, each email joining the history before the next."""
    emails = []
    for case in read_corpus(path):
        context = case.context
        for item in case.incoming:
            decision, sentences = triage_by_rules(item.message, context)
            m = item.message
            emails.append(Email(path.stem, m.message_id, "\n".join(sentences), item.abusive,
                                item.label, decision.abusive, decision.action))
            seen = Correspondence(m.date, m.sender, m.subject, m.body)
            context = replace(context, history=(*context.history, seen))
    return emails


def fit(emails: list[Email]) -> tuple[TfidfVectorizer, LogisticRegression]:
    vectoriser = TfidfVectorizer(analyzer="word", ngram_range=(1, NGRAM_MAX), min_df=MIN_DF,
                                 sublinear_tf=True)
    x = vectoriser.fit_transform([e.text for e in emails])
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    model.fit(x, [e.abusive for e in emails])
    return vectoriser, model


def predict(fitted: tuple[TfidfVectorizer, LogisticRegression], emails: list[Email]) -> np.ndarray:
    vectoriser, model = fitted
    return np.asarray(model.predict_proba(vectoriser.transform([e.text for e in emails]))[:, 1])


def threshold(emails: list[Email], held_out: dict[str, float]) -> float:
    """The lowest threshold whose additions to the rules' flags keep ADDED_PRECISION."""
    extra = [(held_out[e.message_id], e.abusive) for e in emails if not e.rules_flagged]
    chosen = 1.01
    for t in GRID:
        added = [abusive for p, abusive in extra if p >= t]
        if added and sum(added) / len(added) >= ADDED_PRECISION:
            chosen = t
    return chosen


def leave_one_out(by_corpus: dict[str, list[Email]], writers: list[str]) -> dict[str, float]:
    """Each writer's emails scored by a model fitted on the other writers."""
    scores: dict[str, float] = {}
    for w in writers:
        rest = [e for v in writers if v != w for e in by_corpus[v]]
        scores.update(zip([e.message_id for e in by_corpus[w]],
                          predict(fit(rest), by_corpus[w]), strict=True))
    return scores


def weights_file(emails: list[Email], fitted: tuple[TfidfVectorizer, LogisticRegression],
                 t: float, paths: list[Path]) -> dict[str, Any]:
    vectoriser, model = fitted
    names = vectoriser.get_feature_names_out()
    terms = {str(n): [round(float(i), 6), round(float(c), 6)]
             for n, i, c in zip(names, vectoriser.idf_, model.coef_[0], strict=True)}
    in_repo = emails
    p = predict(fitted, in_repo)
    # The highest-scoring emails and an even spread of the rest, with the probabilities
    # scikit-learn gives them, for the runtime to reproduce (tests/mailbox/test_second_opinion).
    order = sorted(range(len(in_repo)), key=lambda i: -p[i])
    picks = sorted(set(order[: CHECKS // 2] + order[:: max(1, len(order) // (CHECKS // 2))]))
    checks = [{"text": in_repo[i].text, "p": float(p[i])} for i in picks]
    checks += [{"text": x, "p": float(predict(fitted, [replace(emails[0], text=x)])[0])}
               for x in ("", "zzzz qqqq", "useless useless useless USELESS", "Ça va? naïve café")]
    return {
        "about": "Learned second opinion on abuse; rebuilt by bench/train_second_opinion.py.",
        "trained_on": [{"corpus": q.stem, "sha256": hashlib.sha256(q.read_bytes()).hexdigest()}
                       for q in paths],
        "vectoriser": {"analyzer": "word", "ngram_max": NGRAM_MAX, "min_df": MIN_DF,
                       "sublinear_tf": True, "norm": "l2", "token_pattern": r"(?u)\b\w\w+\b"},
        "model": {"C": C, "class_weight": "balanced"},
        "added_precision": ADDED_PRECISION,
        "threshold": t,
        "intercept": round(float(model.intercept_[0]), 6),
        "checks": checks,
        "terms": terms,
    }


def figures(emails: list[Email], flagged: dict[str, bool]) -> tuple[float, ...]:
    new = [e for e in emails if e.label == "new_issue"]
    repeats = [e for e in emails if e.label == "repeat"]
    marked = [e for e in emails if flagged[e.message_id]]
    abusive = [e for e in emails if e.abusive]
    return (sum(e.rules_action == "escalate" for e in new) / len(new),
            sum(e.rules_action == "file" for e in repeats) / len(repeats),
            sum(e.abusive for e in marked) / len(marked) if marked else float("nan"),
            sum(flagged[e.message_id] for e in abusive) / len(abusive))


def table(by_corpus: dict[str, list[Email]]) -> None:
    """Nested leave-one-writer-out: rules alone and rules with the second opinion."""
    writers = sorted(by_corpus)
    # A model fitted without writers a and b scores b when a is held out, and a when b is.
    pair: dict[tuple[str, str], float] = {}
    for a, b in itertools.combinations(writers, 2):
        rest = [e for w in writers if w not in (a, b) for e in by_corpus[w]]
        fitted = fit(rest)
        for held, other in ((a, b), (b, a)):
            for e, p in zip(by_corpus[other], predict(fitted, by_corpus[other]), strict=True):
                pair[(held, e.message_id)] = float(p)
    print("writer       t     recall filed | abuse P rules -> +model | abuse R rules -> +model")
    rows = []
    for h in writers:
        inner = [e for w in writers if w != h for e in by_corpus[w]]
        t = threshold(inner, {e.message_id: pair[(h, e.message_id)] for e in inner})
        p = predict(fit(inner), by_corpus[h])
        emails = by_corpus[h]
        rules = {e.message_id: e.rules_flagged for e in emails}
        both = {e.message_id: e.rules_flagged or bool(q >= t)
                for e, q in zip(emails, p, strict=True)}
        a, b = figures(emails, rules), figures(emails, both)
        rows.append((a, b))
        print(f"{h:11s} {t:.2f}   {a[0]:.3f}  {a[1]:.3f} | {a[2]:.3f} -> {b[2]:.3f}"
              f"         | {a[3]:.3f} -> {b[3]:.3f}")
    for name, pick in (("mean", np.mean), ("min", np.min)):
        print(f"{name:11s}        {pick([r[0][0] for r in rows]):.3f}  "
              f"{pick([r[0][1] for r in rows]):.3f} | {pick([r[0][2] for r in rows]):.3f} -> "
              f"{pick([r[1][2] for r in rows]):.3f}         | "
              f"{pick([r[0][3] for r in rows]):.3f} -> {pick([r[1][3] for r in rows]):.3f}")


def same(shipped: dict[str, Any], fresh: dict[str, Any]) -> list[str]:
    """What differs between the shipped weights and a refit, beyond rounding."""
    problems = [k for k in ("trained_on", "vectoriser", "model", "threshold")
                if shipped[k] != fresh[k]]
    if set(shipped["terms"]) != set(fresh["terms"]):
        problems.append("vocabulary")
    elif any(abs(a - b) > 1e-4 for t in fresh["terms"]
             for a, b in zip(shipped["terms"][t], fresh["terms"][t], strict=True)):
        problems.append("coefficients")
    if abs(shipped["intercept"] - fresh["intercept"]) > 1e-4:
        problems.append("intercept")
    return problems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--table", action="store_true", help="print the nested LOWO table")
    parser.add_argument("--check", action="store_true", help="compare a refit with the file")
    args = parser.parse_args(argv)
    paths = corpora()
    by_corpus = {q.stem: read(q) for q in paths}
    emails = [e for q in paths for e in by_corpus[q.stem]]
    writers = sorted(by_corpus)
    t = threshold(emails, leave_one_out(by_corpus, writers))
    fresh = weights_file(emails, fit(emails), t, paths)
    print(f"{len(writers)} writers, {len(emails)} emails, {len(fresh['terms'])} terms, "
          f"threshold {t:.2f}")
    if args.check:
        problems = same(json.loads(WEIGHTS.read_text(encoding="utf-8")), fresh)
        print("matches a refit" if not problems else f"differs from a refit: {problems}")
        return 1 if problems else 0
    WEIGHTS.write_text(json.dumps(fresh, ensure_ascii=False, separators=(",", ":")) + "\n",
                       encoding="utf-8")
    print(f"wrote {WEIGHTS.relative_to(ROOT)}")
    if args.table:
        table(by_corpus)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
