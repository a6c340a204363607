"""Cross-check of dialogue-kit's ranking engine against an independent implementation.

Random profiles (seeded, so every run checks the same ones) are written as PrefLib files, ranked
with `dialogue-kit rank`, and ranked again with the `pref_voting` Python package. The co-winners
of every method must be the same sets, and the Condorcet winner the same option:

- complete strict orders: plurality, Borda, Copeland, Schulze (beat path), ranked pairs (all
  tie-break orders), Kemeny-Young, instant runoff (all tied-for-last removed together), Condorcet;
- truncated orders (top k), where our convention is "ranked above unranked, unranked tied":
  Copeland, Schulze, ranked pairs and the Condorcet winner, against pref_voting's
  ProfileWithTies with extended strict preference (the same convention).

Run: .venv/bin/python tests/crosscheck/pref_voting_check.py [CLI] (scripts/test.sh does).
Exits 1 and lists every disagreement if there is one.
"""

import json
import os
import random
import subprocess
import sys
import tempfile

from pref_voting.profiles import Profile
from pref_voting.profiles_with_ties import ProfileWithTies
from pref_voting import scoring_methods as sm
from pref_voting import c1_methods as c1
from pref_voting import margin_based_methods as mb
from pref_voting import other_methods as om
from pref_voting import iterative_methods as im

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "debug", "dialogue-kit")
COMPLETE = 250
TRUNCATED = 150


def rank(path):
    out = subprocess.run([CLI, "rank", path], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"dialogue-kit rank {path} failed: {out.stderr}")
    return json.loads(out.stdout)


def write_preflib(path, n, ballots, ext):
    lines = [f"# DATA TYPE: {ext}", f"# NUMBER ALTERNATIVES: {n}"]
    lines += [f"# ALTERNATIVE NAME {i + 1}: option {i + 1}" for i in range(n)]
    lines += [f"1: {','.join(str(o + 1) for o in b)}" for b in ballots]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def ours(report, method):
    # The file numbers options from 1; pref_voting's candidates are 0..n-1.
    return sorted(int(w) - 1 for w in report[method]["winners"])


def ranked_pairs(p):
    # pref_voting's "basic" algorithm tries every order of equal-margin pairs (minutes for some
    # small profiles); "from_stacks" finds the same co-winners through Zavist and Tideman's
    # characterisation by stacks.
    return mb.ranked_pairs(p, algorithm="from_stacks")


def check(name, got, want, problems, where):
    if sorted(got) != sorted(want):
        problems.append(f"{where}: {name}: dialogue-kit says {sorted(got)}, pref_voting says {sorted(want)}")


def main():
    rng = random.Random(2020)
    problems = []
    checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        for case in range(COMPLETE):
            n = rng.randint(3, 6)
            voters = rng.randint(3, 25)
            # Noisy copies of a few "factions" make ties and cycles frequent enough to matter.
            factions = [rng.sample(range(n), n) for _ in range(rng.randint(1, 3))]
            ballots = []
            for _ in range(voters):
                b = list(rng.choice(factions))
                for _ in range(rng.randint(0, 2)):
                    i = rng.randrange(n - 1)
                    b[i], b[i + 1] = b[i + 1], b[i]
                ballots.append(b)
            path = os.path.join(tmp, f"c{case}.soc")
            write_preflib(path, n, ballots, "soc")
            r = rank(path)
            p = Profile(ballots)
            where = f"complete profile {case} ({n} options, {voters} ballots)"
            check("plurality", ours(r, "plurality"), sm.plurality(p), problems, where)
            check("borda", ours(r, "borda"), sm.borda(p), problems, where)
            check("copeland", ours(r, "copeland"), c1.copeland(p), problems, where)
            check("schulze", ours(r, "schulze"), mb.beat_path(p), problems, where)
            check("ranked pairs", ours(r, "ranked_pairs"), ranked_pairs(p), problems, where)
            check("kemeny", ours(r, "kemeny"), om.kemeny_young(p), problems, where)
            check("instant runoff", ours(r, "irv"), im.instant_runoff(p), problems, where)
            cw = p.condorcet_winner()
            got = [] if r["condorcet_winner"] is None else [int(r["condorcet_winner"]) - 1]
            check("condorcet winner", got, [] if cw is None else [cw], problems, where)
            checked += 1

        for case in range(TRUNCATED):
            n = rng.randint(3, 6)
            voters = rng.randint(3, 25)
            ballots = []
            for _ in range(voters):
                k = rng.randint(1, n)
                ballots.append(rng.sample(range(n), k))
            path = os.path.join(tmp, f"t{case}.soi")
            write_preflib(path, n, ballots, "soi")
            r = rank(path)
            p = ProfileWithTies([{c: i + 1 for i, c in enumerate(b)} for b in ballots], candidates=list(range(n)))
            p.use_extended_strict_preference()
            where = f"truncated profile {case} ({n} options, {voters} ballots)"
            check("copeland", ours(r, "copeland"), c1.copeland(p), problems, where)
            check("schulze", ours(r, "schulze"), mb.beat_path(p), problems, where)
            check("ranked pairs", ours(r, "ranked_pairs"), ranked_pairs(p), problems, where)
            cw = p.condorcet_winner()
            got = [] if r["condorcet_winner"] is None else [int(r["condorcet_winner"]) - 1]
            check("condorcet winner", got, [] if cw is None else [cw], problems, where)
            checked += 1

    if problems:
        print(f"{len(problems)} disagreement(s) with pref_voting:")
        for p in problems[:50]:
            print("  " + p)
        sys.exit(1)
    print(f"pref_voting agrees on all {checked} random profiles ({COMPLETE} complete, {TRUNCATED} truncated).")


if __name__ == "__main__":
    main()
