"""Does a small learned model, layered on the triage rules, help on a writer it never saw?

The study behind `mailbox/triage/second_opinion.py`, kept so it can be re-run.
It needs scikit-learn (see bench/train_second_opinion.py for the venv). From
the repository root:
    .venv/bin/python bench/study_learned_triage.py            # today's rules, LOWO
    .venv/bin/python bench/study_learned_triage.py --blind    # the rules as they were

Two models are measured, each fitted on 19 writers and scored on the 20th:
- a filing arbiter: a logistic regression over the rules' own reading of an
  escalated email (how many sentences were judged new and on what evidence,
  how much of the new wording the case file already holds, length, quoting)
  that files it when very confident it repeats. Statutory, safeguarding,
  handling and forwarded-text routes are never touched. Its threshold is the
  lowest at which, leave-one-writer-out within the 19, it would file at most
  BUDGET of their new issues. Not adopted: see the README's triage section.
- the abuse second opinion of bench/train_second_opinion.py (measured here too
  for the blind replay).

Today's rules were tuned on all twenty corpora, so a held-out writer is not
unseen by the rules. `--blind` replays the honest case: the rules as they
were when a corpus was measured blind (`git archive` of that commit), the
models fitted on the corpora seen by then, scored on the blind one.
The case-file shape (how many earlier emails and known issues) and the abuse
flag are left out of the filing arbiter on purpose: the corpora's briefs make
the first reply to a short history almost always a repeat, which no real
mailbox promises. `--all-features` puts them back to show what they are worth.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import train_second_opinion as abuse  # noqa: E402

BUDGET = 0.005
GUARDED = {"handling-complaint", "points-to-forwarded-text"}
SHAPE = {"history", "known", "flagged"}
# Commit whose rules were measured blind on a corpus, and the first corpus not yet seen then.
BLIND = [("55ad35f", "holdout13", "holdout13"), ("55ad35f", "holdout14", "holdout13"),
         ("55ad35f", "holdout15", "holdout13"), ("1371740", "holdout16", "holdout16"),
         ("609b2f5", "holdout17", "holdout17"), ("254aaa2", "holdout18", "holdout18"),
         ("254aaa2", "holdout19", "holdout19")]
ORDER = ["dev", "holdout"] + [f"holdout{i}" for i in range(2, 20)]

# Run in a child interpreter with an old commit's mailbox/ first on the path. The reading
# is caught where every version hands it to `explain`, so no version needs a hook.
EXTRACT = r'''
import dataclasses, json, sys
from dataclasses import replace
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import mailbox.triage.classify as C
from mailbox.triage.clean import clean_body
from mailbox.triage.corpus import read_corpus
from mailbox.triage.model import Correspondence
from mailbox.triage.table import FLAGS
caught = {}
explain = C.explain
def spy(category, hits, reading):
    caught["r"] = reading
    return explain(category, hits, reading)
C.explain = spy
flag_rules = {r.name for r in FLAGS}
out = open(sys.argv[2], "w", encoding="utf-8")
for path in sys.argv[3:]:
    for case in read_corpus(Path(path)):
        context = case.context
        for item in case.incoming:
            d = C.triage(item.message, context)
            r = caught.pop("r")
            m = item.message
            out.write(json.dumps(dict(
                corpus=Path(path).stem, id=m.message_id, label=item.label, abusive=item.abusive,
                action=d.action, category=d.category, flagged=d.abusive,
                hits=[h.rule for h in d.hits if h.rule not in flag_rules],
                subject=m.subject, body=m.body, cleaned=clean_body(m.body),
                sentences=list(r.sentences),
                findings=[{f.name: getattr(x, f.name) if not isinstance(getattr(x, f.name), tuple)
                           else len(getattr(x, f.name)) for f in dataclasses.fields(x)}
                          for x in r.findings],
                history=[h.subject + ". " + h.body for h in context.history],
                known=[k.summary + ". " + k.outcome for k in context.known_issues],
            ), default=str) + "\n")
            context = replace(context, history=(*context.history,
                              Correspondence(m.date, m.sender, m.subject, m.body)))
'''


def extract(root: Path, out: Path) -> list[dict[str, Any]]:
    paths = [str(p) for p in abuse.corpora()]
    subprocess.run([sys.executable, "-c", EXTRACT, str(root), str(out), *paths], check=True)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def features(r: dict[str, Any]) -> dict[str, float]:
    """The rules' reading of one email, as numbers."""
    from mailbox.triage.words import all_stems, content_stems

    found = r["findings"]
    new = [f for f in found if f["verdict"] == "new"]
    n = len(found)
    x = {"route_new_matter": float("new-matter" in r["hits"]), "route_unsure": float(not r["hits"]),
         "sentences": math.log1p(n), "new": math.log1p(len(new)),
         "new_share": len(new) / n if n else 0.0}
    for key in ("novel_dates", "novel_codes", "novel_amounts", "novel_places", "novel_topics",
                "novel_asks", "new_request", "recent_event", "request", "circumstance",
                "recent_day"):
        x["new_" + key] = float(sum(bool(f.get(key)) for f in new))
    for key in ("restated", "lawful_step", "thanks", "background", "threat_to_escalate",
                "evidence"):
        x["all_" + key] = sum(bool(f.get(key)) for f in found) / n if n else 0.0
    words = [f["novel_words"] for f in new] or [0]
    x["new_words_max"], x["new_words_sum"] = math.log1p(max(words)), math.log1p(sum(words))
    x["cleaned"] = math.log1p(len(r["cleaned"]))
    x["quoted_share"] = 1 - len(r["cleaned"]) / max(1, len(r["body"]))
    x["headline_new"] = float(bool(found) and found[0]["verdict"] == "new"
                              and found[0]["sentence"] in r["subject"])
    earlier = [s for t in r["known"] + r["history"] for s in t.replace("\n", ". ").split(". ")
               if len(s) > 3]
    alike = [process.extractOne(f["sentence"], earlier, scorer=fuzz.token_set_ratio)[1] / 100
             if earlier else 0.0 for f in new]
    x["alike_min"] = min(alike) if alike else 1.0
    x["alike_mean"] = sum(alike) / len(alike) if alike else 1.0
    stems = set().union(*(all_stems(t) for t in r["known"] + r["history"]))

    def seen(text: str) -> float:
        c = content_stems(text)
        return sum(s in stems for s in c) / len(c) if c else 1.0
    x["new_seen_min"] = min((seen(f["sentence"]) for f in new), default=1.0)
    x["all_seen"] = seen(" ".join(f["sentence"] for f in found))
    x["new_questions"] = float(sum(f["sentence"].rstrip().endswith("?") for f in new))
    x["history"] = math.log1p(len(r["history"]))
    x["known"] = math.log1p(len(r["known"]))
    x["flagged"] = float(r["flagged"])
    return x


def candidate(r: dict[str, Any]) -> bool:
    """An escalation the filing arbiter may file: not a statutory or safeguarding route."""
    return (r["action"] == "escalate" and r["category"] not in ("statutory", "safeguarding")
            and not GUARDED & set(r["hits"]))


def filing_fit(rs: list[dict[str, Any]], keys: list[str]) -> Callable[[list[dict[str, Any]]],
                                                                       np.ndarray]:
    c = [r for r in rs if candidate(r)]
    model = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000))
    model.fit([[r["x"][k] for k in keys] for r in c], [r["label"] == "repeat" for r in c])
    return lambda q: model.predict_proba([[r["x"][k] for k in keys] for r in q])[:, 1]


def filing_threshold(rs: list[dict[str, Any]], keys: list[str]) -> float:
    """The lowest p(repeat) at which, leave-one-writer-out, at most BUDGET of the new issues
    would be filed."""
    scored: list[tuple[float, str]] = []
    for w in sorted({r["corpus"] for r in rs}):
        held = [r for r in rs if r["corpus"] == w and candidate(r)]
        if held:
            p = filing_fit([r for r in rs if r["corpus"] != w], keys)(held)
            scored += [(float(q), r["label"]) for q, r in zip(p, held, strict=True)]
    new = sum(r["label"] == "new_issue" for r in rs)
    chosen = 1.01
    for t in sorted({round(q, 4) for q, _ in scored}, reverse=True):
        if sum(q >= t and lab == "new_issue" for q, lab in scored) / new > BUDGET:
            break
        chosen = t
    return chosen


def filing_run(train: list[dict[str, Any]], test: list[dict[str, Any]],
               keys: list[str]) -> tuple[float, list[str]]:
    t = filing_threshold(train, keys)
    held = [r for r in test if candidate(r)]
    p: dict[str, float] = {}
    if held:
        p = dict(zip([r["id"] for r in held], filing_fit(train, keys)(held), strict=True))
    return t, ["file" if p.get(r["id"], 0.0) >= t else r["action"] for r in test]


def filing_figures(test: list[dict[str, Any]], actions: list[str]) -> tuple[float, float, int, int]:
    new = [a for r, a in zip(test, actions, strict=True) if r["label"] == "new_issue"]
    rep = [a for r, a in zip(test, actions, strict=True) if r["label"] == "repeat"]
    return (new.count("escalate") / len(new), rep.count("file") / len(rep),
            sum(a != r["action"] and r["label"] == "repeat"
                for r, a in zip(test, actions, strict=True)),
            sum(a != r["action"] and r["label"] == "new_issue"
                for r, a in zip(test, actions, strict=True)))


def report(name: str, rows: list[tuple[str, tuple[float, ...], tuple[float, ...]]]) -> None:
    print(f"\n{name}\nwriter       recall rules -> +model | filed rules -> +model"
          " | filed/lost by model")
    for w, a, b in rows:
        print(f"{w:11s}  {a[0]:.3f} -> {b[0]:.3f}       | {a[1]:.3f} -> {b[1]:.3f}      "
              f" | +{b[2]} / -{b[3]}  {' '.join(b[4]) if len(b) > 4 else ''}")
    for label, pick in (("mean", np.mean), ("min", np.min)):
        print(f"{label:11s}  {pick([a[0] for _, a, _ in rows]):.3f} -> "
              f"{pick([b[0] for _, _, b in rows]):.3f}       | "
              f"{pick([a[1] for _, a, _ in rows]):.3f} -> {pick([b[1] for _, _, b in rows]):.3f}")
    print(f"total: +{sum(b[2] for _, _, b in rows)} repeats filed, "
          f"-{sum(b[3] for _, _, b in rows)} new issues filed")


def filing_row(train: list[dict[str, Any]], test: list[dict[str, Any]], keys: list[str],
               writer: str) -> tuple[str, tuple[float, ...], tuple[Any, ...]]:
    _, actions = filing_run(train, test, keys)
    rules = filing_figures(test, [r["action"] for r in test])
    lost = [r["id"] for r, a in zip(test, actions, strict=True)
            if a != r["action"] and r["label"] == "new_issue"]
    return writer, rules, (*filing_figures(test, actions), lost)


def abuse_row(train: list[dict[str, Any]], test: list[dict[str, Any]]) -> str:
    """The second opinion's figures on a blind corpus, rules as they were."""
    def emails(rs: list[dict[str, Any]]) -> list[abuse.Email]:
        return [abuse.Email(r["corpus"], r["id"], "\n".join(r["sentences"]), r["abusive"],
                            r["label"], r["flagged"], r["action"]) for r in rs]
    tr, te = emails(train), emails(test)
    by: dict[str, list[abuse.Email]] = {}
    for e in tr:
        by.setdefault(e.corpus, []).append(e)
    t = abuse.threshold(tr, abuse.leave_one_out(by, sorted(by)))
    p = abuse.predict(abuse.fit(tr), te)
    rules = {e.message_id: e.rules_flagged for e in te}
    both = {e.message_id: e.rules_flagged or bool(q >= t) for e, q in zip(te, p, strict=True)}
    a, b = abuse.figures(te, rules), abuse.figures(te, both)
    return (f"t={t:.2f} abuse P {a[2]:.3f} -> {b[2]:.3f}  R {a[3]:.3f} -> {b[3]:.3f}"
            f"  (added {sum(both.values()) - sum(rules.values())}, of them abusive "
            f"{sum(e.abusive for e in te if both[e.message_id] and not rules[e.message_id])})")


def with_features(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for r in rs:
        r["x"] = features(r)
    return rs


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--blind", action="store_true", help="replay the blind measurements")
    parser.add_argument("--all-features", action="store_true",
                        help="let the filing arbiter see the case-file shape and the abuse flag")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        today = with_features(extract(ROOT, Path(tmp) / "today.jsonl"))
        keys = [k for k in today[0]["x"] if args.all_features or k not in SHAPE]
        if not args.blind:
            writers = sorted({r["corpus"] for r in today})
            report("filing arbiter, leave one writer out, today's rules", [
                filing_row([r for r in today if r["corpus"] != w],
                           [r for r in today if r["corpus"] == w], keys, w) for w in writers])
            return 0
        rows, notes = [], []
        for commit, corpus, first_unseen in BLIND:
            old = Path(tmp) / commit
            if not old.exists():
                old.mkdir()
                archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "mailbox"],
                                         check=True, capture_output=True).stdout
                subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
                extract(old, old / "records.jsonl")
            recs = with_features([json.loads(x) for x in
                                  (old / "records.jsonl").read_text().splitlines()])
            seen = set(ORDER[: ORDER.index(first_unseen)])
            train = [r for r in recs if r["corpus"] in seen]
            test = [r for r in recs if r["corpus"] == corpus]
            rows.append(filing_row(train, test, keys, f"{corpus}@{commit}"))
            notes.append(f"{corpus}@{commit}: {abuse_row(train, test)}")
        report("filing arbiter, blind replay", rows)
        print("\nabuse second opinion, blind replay")
        print("\n".join(notes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
