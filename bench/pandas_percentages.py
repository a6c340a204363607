"""The pandas half of bench/results.sh: times pandas computing the per-question percentages of
valid answers (count / N per question, item and option) from the tidy participants.csv that
`dialogue-kit tally` exports, the read_csv and the groupby timed separately, and prints them
next to the tally's wall clock.

    .venv/bin/python bench/pandas_percentages.py TALLY_DIR [--tally-seconds S]
        [--sample-seconds S] [--participants N]

TALLY_DIR is a `dialogue-kit tally --out` folder (data/participants.csv, results.json). The
percentages are then checked against results.json (single choice, yes / no, scales, grid items,
multiple choice, numeric values), outside the timings.
"""

import argparse
import json
import math
import os
import sys
import time

import pandas as pd


def percentages(df):
    """count / N for every (question, item, value); N = the valid answers to the question (one
    per respondent; per item for grids; every option of a multiple choice answer is a row)."""
    counts = df.groupby(["question", "item", "value"], dropna=False, sort=False).size().rename("count")
    counts = counts.reset_index()
    counts["n"] = counts.groupby(["question", "item"], dropna=False, sort=False)["count"].transform("sum")
    counts["percent"] = 100.0 * counts["count"] / counts["n"]
    return counts


def check(table, results):
    """How many percentages of results.json the pandas table reproduces, out of how many."""
    pct = {(q, "" if pd.isna(i) else i, v): p for q, i, v, p in
           zip(table["question"], table["item"], table["value"], table["percent"])}
    ok = total = 0

    def same(key, expected):
        nonlocal ok, total
        total += 1
        got = pct.get(key, 0.0 if expected is not None else None)
        ok += expected is not None and got is not None and math.isclose(got, expected, rel_tol=1e-9)

    for q in results["questions"]:
        ((tag, t),) = q["tally"].items()
        qid = q["question"]
        if tag == "choice":
            for o in t["options"]:
                same((qid, "", o["id"]), o["percent"])
        elif tag == "grid":
            for it in t["items"]:
                for o in it["options"]:
                    same((qid, it["item"], o["id"]), o["percent"])
        elif tag == "multiple":
            for o in t["options"]:
                same((qid, o["id"], "1"), o["percent"])
        elif tag == "numeric":
            for v in t["values"]:
                same((qid, "", str(v["value"])), v["percent"])
    return ok, total


def peak_memory_mb():
    try:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024  # KiB on Linux
    except (ImportError, AttributeError):
        return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tally_dir")
    ap.add_argument("--tally-seconds", type=float)
    ap.add_argument("--sample-seconds", type=float)
    ap.add_argument("--tally-cpu-seconds", type=float)
    ap.add_argument("--tally-peak-mb", type=int)
    ap.add_argument("--participants", type=int)
    ap.add_argument("--ours-seconds", type=float, help="dialogue-kit: import the bundle + every result")
    ap.add_argument("--ours-tally-seconds", type=float, help="dialogue-kit: every result, after the import")
    a = ap.parse_args()
    path = os.path.join(a.tally_dir, "data", "participants.csv")

    c0, t0 = time.process_time(), time.perf_counter()
    # As datapackage.json says: every column a string, only the empty cell missing.
    df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    c1, t1 = time.process_time(), time.perf_counter()
    table = percentages(df)
    c2, t2 = time.process_time(), time.perf_counter()
    read_s, group_s = t1 - t0, t2 - t1
    peak_mb = peak_memory_mb()

    with open(os.path.join(a.tally_dir, "results.json"), encoding="utf-8") as f:
        ok, total = check(table, json.load(f))

    size_mb = os.path.getsize(path) / 1e6
    tally_note = "import + every figure + CSV/zip + charts + report"
    if a.tally_cpu_seconds is not None:
        tally_note += f"; CPU {a.tally_cpu_seconds:.2f} s, peak {a.tally_peak_mb:,} MB"
    rows = [
        ("dialogue-kit sample (bundle of the day)", a.sample_seconds, ""),
        ("dialogue-kit tally, wall clock", a.tally_seconds, tally_note),
        ("dialogue-kit import + every result", a.ours_seconds, "the same bundle, native, best of 3 (no exports)"),
        ("  of which every result", a.ours_tally_seconds, ""),
        ("pandas read_csv participants.csv", read_s, f"{len(df):,} rows, {size_mb:,.0f} MB; CPU {c1 - c0:.2f} s"),
        ("pandas groupby percentages", group_s, f"{len(table):,} (question, item, value) cells; CPU {c2 - c1:.2f} s"),
        ("pandas read_csv + groupby", read_s + group_s, f"peak {peak_mb:,} MB" if peak_mb else ""),
    ]
    who = f"{a.participants:,} participants" if a.participants else a.tally_dir
    print(f"\nresults benchmark, {who} (wall clock)")
    print(f"{'':<42}{'seconds':>10}")
    for name, secs, note in rows:
        if secs is not None:
            print(f"{name:<42}{secs:>10.2f}  {note}")
    if a.ours_seconds:
        print(f"{'ratio (pandas read + groupby) / (ours import + results)':<42}{(read_s + group_s) / a.ours_seconds:>10.1f}")
    if a.ours_tally_seconds:
        print(f"{'ratio pandas groupby / ours results':<42}{group_s / a.ours_tally_seconds:>10.1f}")
    if a.tally_seconds:
        print(f"{'ratio (pandas read + groupby) / tally':<42}{(read_s + group_s) / a.tally_seconds:>10.2f}")
        print(f"{'ratio pandas groupby alone / tally':<42}{group_s / a.tally_seconds:>10.2f}")
    print(f"pandas percentages equal to results.json: {ok} of {total}")
    return 0 if ok == total else 1


if __name__ == "__main__":
    sys.exit(main())
