"""Independent check of `dialogue-kit tally`: every figure of results.json recomputed twice from
the data package it writes, once with pandas and once with DuckDB SQL.

For each run, `dialogue-kit sample` writes a sample day (participants and table records, with
free texts full of markup and formulas), `dialogue-kit tally` counts it into a temporary folder,
and this script reads `data/*.csv` unchanged (`pd.read_csv`, DuckDB `read_csv`, with the column
types `datapackage.json` gives) and recomputes, for the records the run's filter keeps:

- the participants and tables counted, per event and in all;
- every participant question (`questions`), by kind: N (valid answers), count and % of N per
  option, "no clear opinion" on its own, the point-index summary of scales and grid items (n,
  mean, median, sample sd; the numbers themselves for scales of numbers), multiple choice % of
  respondents, grids item by item, numeric n / mean / median / sd and % per value, orderings'
  first places, % first and mean rank (a top-k order leaves the unranked options sharing the
  positions left: r ranked of k options puts each unranked one at (r + 1 + k) / 2, as in
  docs/ranking.md), countries and the five UN regional groups, texts' N;
- the same for each regional group (`regional_groups`: N per group, respondents, every tally);
  the group of a participant is the `regional_group` column of participants_wide.csv;
- before / after pairs (`changes`): paired N, shares moving towards the first / last point or
  staying, mean change of the point index;
- every table worksheet (`worksheets`) from worksheets.csv: groups, % of groups placing each option
  first, mean ranks, the 0-8 grids, lists' groups and entries. Not recomputed: the Kemeny-Young
  consensus of the ordering worksheets (tests/crosscheck/pref_voting_check.py checks the ranking
  engine), and `other_questionnaire`.

Filters are applied here from records.csv and participants_wide.csv, because the data package
holds every record whatever the filter: `--event` keeps the event's records; `--regional-group`
keeps participants whose country is in the group and tables at least one of whose participants
gave a country and all of whose participants who did are in the group.

Every recomputed number is compared with results.json (relative tolerance 1e-9, and 1e-12
absolute for values that should be 0; counts, far below 1e9, must so be equal; null only with
null). A number results.json has and a source
did not recompute, or the other way round, is a mismatch too.

The package itself is checked as well: datapackage.json names every CSV column in order, pandas
and DuckDB read the same rows, respondent ids stay strings (leading zeros kept), no cell starts
with = + - @ (or tab, CR) unless it is a number, free text with <script> and =SUM( comes back
as text, and data.zip holds the same bytes as data/.

Finally a self-test corrupts numbers in a copy of results.json and checks that the comparison
reports them (also on its own: --self-test).

Run: .venv/bin/python tests/crosscheck/tally_check.py [--cli target/release/dialogue-kit]
     [--definition assets/day.json] [--keep DIR] [--self-test]
Exits 1 on any mismatch or failed package check.
"""

import argparse
import copy
import csv
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field

import duckdb
import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REL_TOL = 1e-9
ABS_TOL = 1e-12
NCO = "no_clear_opinion"
# RegionalGroup::ALL order (src/core/countries.rs); `dialogue-kit tally --help` lists the ids.
REGIONAL_GROUPS = ["african", "asia_pacific", "eastern_european", "grulac", "weog"]
# The sample day's free texts that must come back as text (src/core/sample.rs), as written by
# the export: a text starting with = + - @ gets a leading ' (safe_cell, OWASP's rule).
MARKUP = "<script>alert('x')</script>"
FORMULA = "'=SUM(A1:A9)"
MULTILINE = "Less hate,\nmore facts"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")


# --- the definition ------------------------------------------------------------------------


@dataclass
class Q:
    id: str
    kind: str
    record: str  # "participant" or "table"
    options: list = field(default_factory=list)  # options, scale points, ["yes", "no"]
    nco: bool = False
    points: bool = False  # scale or grid: summarise the point index
    numbers: list = None  # the points' numbers when every point id is a whole number
    items: list = field(default_factory=list)
    max: int = None  # numeric
    top: int = None  # ordering
    repeats: str = None


def load_definition(path):
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    scales = d.get("scales", {})
    qs = []
    for s in d["sessions"]:
        for key, record in (("questions", "participant"), ("worksheets", "table")):
            for raw in s.get(key, []):
                q = Q(raw["id"], raw["kind"], record, repeats=raw.get("repeats"))
                k = q.kind
                if k in ("single_choice", "multiple_choice", "ordering"):
                    q.options = [o["id"] for o in raw["options"]]
                    q.nco = k == "single_choice" and "no_clear_opinion" in raw
                    q.top = raw.get("top") if k == "ordering" else None
                elif k == "yes_no":
                    q.options, q.nco = ["yes", "no"], "no_clear_opinion" in raw
                elif k in ("scale", "grid"):
                    sc = raw["scale"]
                    sc = scales[sc] if isinstance(sc, str) else sc
                    q.options = [p["id"] for p in sc["points"]]
                    q.nco, q.points = "no_clear_opinion" in sc, True
                    if all(p.isdigit() for p in q.options):
                        q.numbers = [int(p) for p in q.options]
                    q.items = [i["id"] for i in raw["items"]] if k == "grid" else []
                elif k == "numeric":
                    q.max = raw["max"]
                elif k not in ("country", "text", "list"):
                    raise SystemExit(f"tally_check: unknown question kind {k} ({q.id})")
                qs.append(q)
    ids = [q.id for q in qs]
    assert len(ids) == len(set(ids)), "question ids are not unique across the day"
    return d, qs


# --- results.json, flattened to {"path": number} ---------------------------------------------


def flat_summary(out, p, s):
    for k in ("n", "mean", "median", "sd"):
        out[f"{p}/{k}"] = s[k]


def flat_options(out, p, options, fields):
    for o in options:
        for f in fields:
            out[f"{p}/opt/{o['id']}/{f}"] = o[f]


def flat_choice(out, p, t):
    out[f"{p}/n"] = t["n"]
    flat_options(out, p, t["options"], ("count", "percent"))
    if t.get("no_clear_opinion") is not None:
        out[f"{p}/nco/count"] = t["no_clear_opinion"]["count"]
        out[f"{p}/nco/percent"] = t["no_clear_opinion"]["percent"]
    if t.get("points") is not None:
        flat_summary(out, f"{p}/points", t["points"])
    if t.get("numbers") is not None:
        flat_summary(out, f"{p}/numbers", t["numbers"])


def flat_tally(out, p, tally):
    ((tag, t),) = tally.items()
    if tag == "choice":
        flat_choice(out, p, t)
    elif tag == "multiple":
        out[f"{p}/n"] = t["n"]
        flat_options(out, p, t["options"], ("count", "percent"))
    elif tag == "grid":
        out[f"{p}/n"] = t["n"]
        for it in t["items"]:
            flat_choice(out, f"{p}/item/{it['item']}", it)
    elif tag == "numeric":
        flat_summary(out, p, t)
        for v in t["values"]:
            out[f"{p}/value/{v['value']}/count"] = v["count"]
            out[f"{p}/value/{v['value']}/percent"] = v["percent"]
    elif tag == "text":
        out[f"{p}/n"] = t["n"]
    elif tag == "ordering":
        out[f"{p}/n"] = t["n"]
        flat_options(out, p, t["options"], ("first", "percent_first", "mean_rank"))
    elif tag == "country":
        out[f"{p}/n"] = t["n"]
        for c in t["countries"]:
            out[f"{p}/country/{c['code']}/count"] = c["count"]
            out[f"{p}/country/{c['code']}/percent"] = c["percent"]
        for g in t["groups"]:
            out[f"{p}/group/{g['group']}/count"] = g["count"]
            out[f"{p}/group/{g['group']}/percent"] = g["percent"]
    elif tag == "list":
        out[f"{p}/n"] = t["n"]
        out[f"{p}/entries"] = t["entries"]
    else:
        raise ValueError(f"unknown tally shape '{tag}' at {p}")


def numbers_in(x):
    """How many numbers (not booleans) a JSON value holds."""
    if isinstance(x, bool) or x is None or isinstance(x, str):
        return 0
    if isinstance(x, (int, float)):
        return 1
    if isinstance(x, list):
        return sum(numbers_in(v) for v in x)
    # A numeric question's `values[].value` names the value counted: an id, not a figure.
    return sum(numbers_in(v) for k, v in x.items() if k != "value")


def flatten_results(r):
    """results.json as {path: number or None}, and how many of its numbers are not compared."""
    out = {"participants": r["participants"], "tables": r["tables"]}
    for e in r["events"]:
        out[f"events/{e['event']}/participants"] = e["participants"]
        out[f"events/{e['event']}/tables"] = e["tables"]
    for q in r["questions"]:
        flat_tally(out, f"all/{q['question']}", q["tally"])
    for b in r["regional_groups"]:
        if b["by"] != "regional_group":
            raise ValueError(f"regional_groups breakdown by '{b['by']}'")
        for g in b["groups"]:
            scope = f"rg[{g['value'] or 'none'}]"
            out[f"{scope}/{b['question']}/respondents"] = g["respondents"]
            flat_tally(out, f"{scope}/{b['question']}", g["tally"])
    for c in r["changes"]:
        for it in c["items"]:
            p = f"chg/{c['before']}->{c['after']}/{it['item']}"
            out[f"{p}/paired"] = it["paired"]
            for k in ("towards_first", "same", "towards_last"):
                out[f"{p}/{k}/count"] = it[k]["count"]
                out[f"{p}/{k}/percent"] = it[k]["percent"]
            out[f"{p}/mean_change"] = it["mean_change"]
    unchecked = numbers_in(r.get("other_questionnaire"))
    for w in r["worksheets"]:
        p = f"ws/{w['worksheet']}"
        out[f"{p}/groups"] = w["groups"]
        res = dict(w["result"])
        if "ordering" in res:
            res = {"ordering": dict(res["ordering"])}
            unchecked += numbers_in(res["ordering"].pop("consensus", None))
        flat_tally(out, p, res)
    known = sum(1 for v in out.values() if v is not None and not isinstance(v, bool))
    total = numbers_in({k: v for k, v in r.items() if k not in ("format_version", "questionnaire", "filter")})
    return out, unchecked, total - known - unchecked


# --- comparing ---------------------------------------------------------------------------------


def same(a, b):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, float) and math.isnan(a) or isinstance(b, float) and math.isnan(b):
        return False
    return math.isclose(float(a), float(b), rel_tol=REL_TOL, abs_tol=ABS_TOL)


def compare(expected, computed):
    """The keys compared, and a list of (key, results.json value, recomputed value)."""
    bad = []
    for k in sorted(set(expected) | set(computed)):
        if k not in computed:
            bad.append((k, expected[k], "<not recomputed>"))
        elif k not in expected:
            bad.append((k, "<not in results.json>", computed[k]))
        elif not same(expected[k], computed[k]):
            bad.append((k, expected[k], computed[k]))
    return len(set(expected) | set(computed)), bad


# --- reading the package -------------------------------------------------------------------------

PANDAS_TYPES = {"string": str, "integer": "Int64", "number": "float64", "datetime": str, "boolean": str}
DUCKDB_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "datetime": "VARCHAR",
                "boolean": "VARCHAR"}


class Package:
    """The data package of one tally, read as its datapackage.json says."""

    def __init__(self, data_dir):
        self.dir = data_dir
        with open(os.path.join(data_dir, "datapackage.json"), encoding="utf-8") as f:
            self.descriptor = json.load(f)
        self.resources = {r["name"]: r for r in self.descriptor["resources"]}
        self.frames = {}
        # The tables' worksheets, tidy long (worksheets.csv; tables.csv in early builds).
        self.worksheets = "worksheets" if "worksheets" in self.resources else "tables"

    def path(self, name):
        return os.path.join(self.dir, self.resources[name]["path"])

    def fields(self, name):
        return self.resources[name]["schema"]["fields"]

    def missing(self, name):
        return self.resources[name]["schema"].get("missingValues", [""])

    def pandas(self, name):
        if name not in self.frames:
            dtype = {f["name"]: PANDAS_TYPES.get(f["type"], str) for f in self.fields(name)}
            self.frames[name] = pd.read_csv(
                self.path(name), dtype=dtype, keep_default_na=False, na_values=self.missing(name)
            )
        return self.frames[name]

    def duckdb_source(self, name):
        types = ", ".join(f"'{f['name']}': '{DUCKDB_TYPES.get(f['type'], 'VARCHAR')}'" for f in self.fields(name))
        path = self.path(name).replace("'", "''")
        return (
            f"read_csv('{path}', header = true, delim = ',', quote = '\"', escape = '\"', "
            f"auto_detect = false, columns = {{{types}}}, strict_mode = true)"
        )


# --- the pandas recomputation ----------------------------------------------------------------------


def pct(c, n):
    return None if n == 0 else 100.0 * c / n


def summary_pd(out, p, values):
    n = int(len(values))
    out[f"{p}/n"] = n
    out[f"{p}/mean"] = float(values.mean()) if n else None
    out[f"{p}/median"] = float(values.median()) if n else None
    out[f"{p}/sd"] = float(values.std(ddof=1)) if n > 1 else None


def choice_pd(out, p, q, g):
    """One value per respondent (single choice, yes / no, scale, a grid item)."""
    assert not g["respondent"].duplicated().any(), f"two answers of one respondent at {p}"
    vals = g["value"]
    n = len(vals)
    counts = vals.value_counts()
    out[f"{p}/n"] = n
    for o in q.options:
        c = int(counts.get(o, 0))
        out[f"{p}/opt/{o}/count"], out[f"{p}/opt/{o}/percent"] = c, pct(c, n)
    if q.nco:
        c = int(counts.get(NCO, 0))
        out[f"{p}/nco/count"], out[f"{p}/nco/percent"] = c, pct(c, n)
    if q.points:
        index = {o: i + 1 for i, o in enumerate(q.options)}
        summary_pd(out, f"{p}/points", vals.map(index).dropna())
        if q.numbers is not None:
            summary_pd(out, f"{p}/numbers", vals.map(dict(zip(q.options, q.numbers))).dropna())


def tally_pd(out, p, q, g, wide_groups):
    n = int(g["respondent"].nunique())
    if q.kind in ("single_choice", "yes_no", "scale"):
        choice_pd(out, p, q, g)
    elif q.kind == "grid":
        out[f"{p}/n"] = n
        for item in q.items:
            choice_pd(out, f"{p}/item/{item}", q, g[g["item"] == item])
    elif q.kind == "multiple_choice":
        out[f"{p}/n"] = n
        chosen = g.loc[g["value"] == "1", "item"].value_counts()
        for o in q.options:
            c = int(chosen.get(o, 0))
            out[f"{p}/opt/{o}/count"], out[f"{p}/opt/{o}/percent"] = c, pct(c, n)
    elif q.kind == "numeric":
        values = g["value"].astype(int)
        summary_pd(out, p, values)
        counts = values.value_counts()
        for v in range(q.max + 1):
            c = int(counts.get(v, 0))
            out[f"{p}/value/{v}/count"], out[f"{p}/value/{v}/percent"] = c, pct(c, n)
    elif q.kind == "ordering":
        out[f"{p}/n"] = n
        k = len(q.options)
        full = None
        if n:
            ranks = g.pivot(index="respondent", columns="item", values="value").astype(float)
            ranks = ranks.reindex(columns=q.options)
            ranked = ranks.notna().sum(axis=1)
            shared = (ranked + 1 + k) / 2  # the unranked share positions r+1..k
            full = ranks.apply(lambda col: col.fillna(shared))
        firsts = g.loc[g["value"] == "1", "item"].value_counts()
        for o in q.options:
            c = int(firsts.get(o, 0))
            out[f"{p}/opt/{o}/first"], out[f"{p}/opt/{o}/percent_first"] = c, pct(c, n)
            out[f"{p}/opt/{o}/mean_rank"] = float(full[o].mean()) if n else None
    elif q.kind == "country":
        out[f"{p}/n"] = n
        for code, c in g["value"].value_counts().items():
            out[f"{p}/country/{code}/count"], out[f"{p}/country/{code}/percent"] = int(c), pct(int(c), n)
        groups = g["respondent"].map(wide_groups).value_counts()
        for rg in REGIONAL_GROUPS:
            c = int(groups.get(rg, 0))
            out[f"{p}/group/{rg}/count"], out[f"{p}/group/{rg}/percent"] = c, pct(c, n)
    elif q.kind == "text":
        out[f"{p}/n"] = n
    elif q.kind == "list":
        out[f"{p}/n"] = n
        out[f"{p}/entries"] = int(len(g))


def kept_pd(pkg, event, group):
    """The participant and table records a filter keeps (records.csv, participants_wide.csv)."""
    rec, wide = pkg.pandas("records"), pkg.pandas("participants_wide")
    parts = rec.loc[rec["kind"] == "participant", ["respondent", "event", "table"]]
    tabs = rec.loc[rec["kind"] == "table", ["respondent", "event", "table"]]
    if event is not None:
        parts, tabs = parts[parts["event"] == event], tabs[tabs["event"] == event]
    parts = parts.merge(wide[["respondent", "regional_group"]], on="respondent", how="left", validate="1:1")
    if group is not None:
        known = parts.dropna(subset=["regional_group"])
        only = known.groupby(["event", "table"])["regional_group"].agg(lambda s: set(s) == {group})
        keep = set(only[only].index)
        tabs = tabs[[(e, t) in keep for e, t in zip(tabs["event"], tabs["table"])]]
        parts = parts[parts["regional_group"] == group]
    return parts, tabs


def recompute_pandas(pkg, qs, event, group):
    out = {}
    parts, tabs = kept_pd(pkg, event, group)
    out["participants"], out["tables"] = len(parts), len(tabs)
    for e in sorted(set(parts["event"]) | set(tabs["event"])):
        out[f"events/{e}/participants"] = int((parts["event"] == e).sum())
        out[f"events/{e}/tables"] = int((tabs["event"] == e).sum())

    wide = pkg.pandas("participants_wide")
    wide_groups = dict(zip(wide["respondent"], wide["regional_group"]))
    parts = parts.assign(scope="rg[" + parts["regional_group"].fillna("none") + "]")
    scopes = ["all"] + [f"rg[{g}]" for g in REGIONAL_GROUPS]
    if parts["regional_group"].isna().any():
        scopes.append("rg[none]")
    respondents = parts["scope"].value_counts()

    long = pkg.pandas("participants").merge(parts[["respondent", "scope"]], on="respondent")
    scoped = pd.concat([long.assign(scope="all"), long], ignore_index=True)
    by_question = {qid: g for qid, g in scoped.groupby("question")}
    empty = scoped.iloc[0:0]
    for q in (q for q in qs if q.record == "participant"):
        sub = by_question.get(q.id, empty)
        by_scope = {s: g for s, g in sub.groupby("scope")}
        for s in scopes:
            if s != "all":
                out[f"{s}/{q.id}/respondents"] = int(respondents.get(s, 0))
            tally_pd(out, f"{s}/{q.id}", q, by_scope.get(s, empty), wide_groups)

    # Before / after: paired per respondent and item, a point on both sides.
    answers = scoped[scoped["scope"] == "all"]
    for after in (q for q in qs if q.repeats):
        index = {o: i + 1 for i, o in enumerate(after.options)}
        b = answers[answers["question"] == after.repeats][["respondent", "item", "value"]]
        a = answers[answers["question"] == after.id][["respondent", "item", "value"]]
        m = b.merge(a, on=["respondent", "item"], suffixes=("_b", "_a"))
        m = m[(m["value_b"] != NCO) & (m["value_a"] != NCO)]
        m = m.assign(d=m["value_a"].map(index) - m["value_b"].map(index))
        for item in after.items:
            d = m.loc[m["item"] == item, "d"]
            p = f"chg/{after.repeats}->{after.id}/{item}"
            n = len(d)
            out[f"{p}/paired"] = n
            for k, c in (("towards_first", (d < 0).sum()), ("same", (d == 0).sum()), ("towards_last", (d > 0).sum())):
                out[f"{p}/{k}/count"], out[f"{p}/{k}/percent"] = int(c), pct(int(c), n)
            out[f"{p}/mean_change"] = float(d.mean()) if n else None

    tables = pkg.pandas(pkg.worksheets).merge(tabs[["respondent"]], on="respondent")
    by_ws = {w: g for w, g in tables.groupby("question")}
    empty = tables.iloc[0:0]
    for q in (q for q in qs if q.record == "table"):
        g = by_ws.get(q.id, empty)
        out[f"ws/{q.id}/groups"] = int(g["respondent"].nunique())
        tally_pd(out, f"ws/{q.id}", q, g, wide_groups)
    return out


# --- the DuckDB recomputation -----------------------------------------------------------------------

DUCK_SETUP = """
CREATE TABLE kp0 AS
  SELECT r.respondent, r.event, r."table", w.regional_group AS grp
  FROM rec r LEFT JOIN wide w USING (respondent)
  WHERE r.kind = 'participant' AND ($event IS NULL OR r.event = $event);
CREATE TABLE kt AS
  SELECT r.respondent, r.event, r."table" FROM rec r
  WHERE r.kind = 'table' AND ($event IS NULL OR r.event = $event)
    AND ($grp IS NULL OR (
      SELECT count(p.grp) > 0 AND count(p.grp) FILTER (WHERE p.grp <> $grp) = 0
      FROM kp0 p WHERE p.event = r.event AND p."table" = r."table"));
CREATE TABLE kp AS SELECT * FROM kp0 WHERE $grp IS NULL OR grp = $grp;
CREATE TABLE scopes AS
  SELECT 'all' AS scope, (SELECT count(*) FROM kp) AS respondents
  UNION ALL
  SELECT 'rg[' || g.grp || ']', count(kp.respondent) FROM rgs g LEFT JOIN kp ON kp.grp = g.grp GROUP BY g.grp
  UNION ALL
  SELECT 'rg[none]', count(*) FROM kp WHERE grp IS NULL HAVING count(*) > 0;
CREATE TABLE x AS
  SELECT 'all' AS scope, p.respondent, p.question, coalesce(p.item, '') AS item, p.value
  FROM part p JOIN kp USING (respondent)
  UNION ALL
  SELECT 'rg[' || coalesce(kp.grp, 'none') || ']', p.respondent, p.question, coalesce(p.item, ''), p.value
  FROM part p JOIN kp USING (respondent)
  UNION ALL
  SELECT 'ws', t.respondent, t.question, coalesce(t.item, ''), t.value FROM tab t JOIN kt USING (respondent);
CREATE TABLE sq AS
  SELECT s.scope, q.* FROM scopes s JOIN qdef q ON q.record = 'participant'
  UNION ALL
  SELECT 'ws', q.* FROM qdef q WHERE q.record = 'table';
CREATE TABLE nq AS
  SELECT sq.scope, sq.question, sq.kind, count(DISTINCT x.respondent) AS n, count(x.respondent) AS nrows
  FROM sq LEFT JOIN x ON x.scope = sq.scope AND x.question = sq.question
  GROUP BY sq.scope, sq.question, sq.kind;
"""

PCT = "CASE WHEN {n} = 0 THEN NULL ELSE 100.0::DOUBLE * {c} / {n} END"

DUCK_QUERIES = {
    # Single choice, yes / no, scale: count and % of N per option and no clear opinion.
    "choice": f"""
      SELECT nq.scope, nq.question, o.option, o.is_nco, count(x.respondent) AS c,
             {PCT.format(n="nq.n", c="count(x.respondent)")} AS pct
      FROM nq JOIN qopt o ON o.question = nq.question
      LEFT JOIN x ON x.scope = nq.scope AND x.question = nq.question AND x.item = '' AND x.value = o.option
      WHERE nq.kind IN ('single_choice', 'yes_no', 'scale')
      GROUP BY nq.scope, nq.question, o.option, o.is_nco, nq.n""",
    # Grid items: N per item, then count and % of the item's N per point.
    "grid_n": """
      SELECT sq.scope, sq.question, i.item, count(x.respondent) AS n
      FROM sq JOIN qitem i ON i.question = sq.question
      LEFT JOIN x ON x.scope = sq.scope AND x.question = sq.question AND x.item = i.item
      WHERE sq.kind = 'grid' GROUP BY ALL""",
    "grid": f"""
      WITH ni AS (
        SELECT sq.scope, sq.question, i.item, count(x.respondent) AS n
        FROM sq JOIN qitem i ON i.question = sq.question
        LEFT JOIN x ON x.scope = sq.scope AND x.question = sq.question AND x.item = i.item
        WHERE sq.kind = 'grid' GROUP BY ALL)
      SELECT ni.scope, ni.question, ni.item, o.option, o.is_nco, count(x.respondent) AS c,
             {PCT.format(n="ni.n", c="count(x.respondent)")} AS pct
      FROM ni JOIN qopt o ON o.question = ni.question
      LEFT JOIN x ON x.scope = ni.scope AND x.question = ni.question AND x.item = ni.item AND x.value = o.option
      GROUP BY ni.scope, ni.question, ni.item, o.option, o.is_nco, ni.n""",
    # Scales and grid items: the point index (1..k) and the points' numbers, no clear opinion out.
    "points": """
      SELECT sq.scope, sq.question, i.item,
             count(v.idx), avg(v.idx::DOUBLE), median(v.idx::DOUBLE), stddev_samp(v.idx::DOUBLE),
             count(v.number), avg(v.number::DOUBLE), median(v.number::DOUBLE), stddev_samp(v.number::DOUBLE)
      FROM sq JOIN qitem i ON i.question = sq.question
      LEFT JOIN (
        SELECT x.scope, x.question, x.item, o.idx, o.number
        FROM x JOIN qopt o ON o.question = x.question AND o.option = x.value AND NOT o.is_nco
      ) v ON v.scope = sq.scope AND v.question = sq.question AND v.item = i.item
      WHERE sq.points GROUP BY ALL""",
    # Multiple choice: % of respondents choosing each option.
    "multiple": f"""
      SELECT nq.scope, nq.question, o.option, count(x.respondent) AS c,
             {PCT.format(n="nq.n", c="count(x.respondent)")} AS pct
      FROM nq JOIN qopt o ON o.question = nq.question
      LEFT JOIN x ON x.scope = nq.scope AND x.question = nq.question AND x.item = o.option AND x.value = '1'
      WHERE nq.kind = 'multiple_choice'
      GROUP BY nq.scope, nq.question, o.option, nq.n""",
    "numeric": """
      SELECT sq.scope, sq.question, count(v.v), avg(v.v::DOUBLE), median(v.v::DOUBLE), stddev_samp(v.v::DOUBLE),
             count(v.respondent) - count(v.v) AS not_numbers
      FROM sq LEFT JOIN (
        SELECT x.scope, x.question, x.respondent, TRY_CAST(x.value AS INTEGER) AS v
        FROM x JOIN qdef q ON q.question = x.question WHERE q.kind = 'numeric'
      ) v ON v.scope = sq.scope AND v.question = sq.question
      WHERE sq.kind = 'numeric' GROUP BY ALL""",
    "numeric_values": f"""
      SELECT nq.scope, nq.question, qv.value, count(x.respondent) AS c,
             {PCT.format(n="nq.n", c="count(x.respondent)")} AS pct
      FROM nq JOIN qval qv ON qv.question = nq.question
      LEFT JOIN x ON x.scope = nq.scope AND x.question = nq.question AND x.value = CAST(qv.value AS VARCHAR)
      GROUP BY nq.scope, nq.question, qv.value, nq.n""",
    # Orderings: first places, and mean positions with the unranked sharing r+1..k.
    "ordering": f"""
      WITH ord AS (
        SELECT x.scope, x.question, x.respondent, x.item AS option, TRY_CAST(x.value AS INTEGER) AS rnk
        FROM x JOIN qdef q ON q.question = x.question WHERE q.kind = 'ordering'),
      r AS (SELECT scope, question, respondent, count(*) AS r FROM ord GROUP BY ALL),
      filled AS (
        SELECT r.scope, r.question, o.option,
               coalesce(ord.rnk::DOUBLE, (r.r + 1 + q.k)::DOUBLE / 2) AS pos,
               coalesce(ord.rnk = 1, false) AS is_first
        FROM r JOIN qdef q ON q.question = r.question JOIN qopt o ON o.question = r.question
        LEFT JOIN ord ON ord.scope = r.scope AND ord.question = r.question
                     AND ord.respondent = r.respondent AND ord.option = o.option)
      SELECT nq.scope, nq.question, o.option, count(f.option) FILTER (WHERE f.is_first) AS first,
             {PCT.format(n="nq.n", c="count(f.option) FILTER (WHERE f.is_first)")} AS pct,
             avg(f.pos) AS mean_rank
      FROM nq JOIN qopt o ON o.question = nq.question
      LEFT JOIN filled f ON f.scope = nq.scope AND f.question = nq.question AND f.option = o.option
      WHERE nq.kind = 'ordering'
      GROUP BY nq.scope, nq.question, o.option, nq.n""",
    "countries": f"""
      SELECT nq.scope, nq.question, x.value, count(*) AS c, {PCT.format(n="nq.n", c="count(*)")} AS pct
      FROM nq JOIN x ON x.scope = nq.scope AND x.question = nq.question
      WHERE nq.kind = 'country' GROUP BY nq.scope, nq.question, x.value, nq.n""",
    "country_groups": f"""
      SELECT nq.scope, nq.question, g.grp, count(v.respondent) AS c,
             {PCT.format(n="nq.n", c="count(v.respondent)")} AS pct
      FROM nq CROSS JOIN rgs g
      LEFT JOIN (SELECT x.scope, x.question, x.respondent, w.regional_group
                 FROM x JOIN wide w USING (respondent)) v
        ON v.scope = nq.scope AND v.question = nq.question AND v.regional_group = g.grp
      WHERE nq.kind = 'country' GROUP BY nq.scope, nq.question, g.grp, nq.n""",
    "changes": f"""
      WITH pts AS (
        SELECT x.respondent, x.question, x.item, o.idx
        FROM x JOIN qopt o ON o.question = x.question AND o.option = x.value AND NOT o.is_nco
        WHERE x.scope = 'all'),
      d AS (
        SELECT p.before, p.after, b.item, a.idx - b.idx AS d
        FROM pairs p JOIN pts b ON b.question = p.before
        JOIN pts a ON a.question = p.after AND a.respondent = b.respondent AND a.item = b.item)
      SELECT p.before, p.after, i.item, count(d.d) AS paired,
             count(d.d) FILTER (WHERE d.d < 0), {PCT.format(n="count(d.d)", c="count(d.d) FILTER (WHERE d.d < 0)")},
             count(d.d) FILTER (WHERE d.d = 0), {PCT.format(n="count(d.d)", c="count(d.d) FILTER (WHERE d.d = 0)")},
             count(d.d) FILTER (WHERE d.d > 0), {PCT.format(n="count(d.d)", c="count(d.d) FILTER (WHERE d.d > 0)")},
             avg(d.d::DOUBLE)
      FROM pairs p JOIN qitem i ON i.question = p.after
      LEFT JOIN d ON d.before = p.before AND d.after = p.after AND d.item = i.item
      GROUP BY p.before, p.after, i.item""",
    "events": """
      SELECT event, count(*) FILTER (WHERE k = 'p'), count(*) FILTER (WHERE k = 't')
      FROM (SELECT event, 'p' AS k FROM kp UNION ALL SELECT event, 't' FROM kt)
      GROUP BY event""",
}


def duck_definition(con, qs):
    con.execute("""CREATE TABLE qdef (question VARCHAR, record VARCHAR, kind VARCHAR, k INTEGER,
                   points BOOLEAN)""")
    con.execute("""CREATE TABLE qopt (question VARCHAR, option VARCHAR, idx INTEGER, number INTEGER,
                   is_nco BOOLEAN)""")
    con.execute("CREATE TABLE qitem (question VARCHAR, item VARCHAR)")
    con.execute("CREATE TABLE qval (question VARCHAR, value INTEGER)")
    con.execute("CREATE TABLE pairs (before VARCHAR, after VARCHAR)")
    con.execute("CREATE TABLE rgs (grp VARCHAR)")
    qdef, qopt, qitem, qval = [], [], [], []
    for q in qs:
        qdef.append((q.id, q.record, q.kind, len(q.options), q.points))
        for i, o in enumerate(q.options):
            qopt.append((q.id, o, i + 1, q.numbers[i] if q.numbers else None, False))
        if q.nco:
            qopt.append((q.id, NCO, None, None, True))
        qitem += [(q.id, it) for it in q.items]
        if q.kind == "scale":
            qitem.append((q.id, ""))
        if q.kind == "numeric":
            qval += [(q.id, v) for v in range(q.max + 1)]
    for table, rows in (("qdef", qdef), ("qopt", qopt), ("qitem", qitem), ("qval", qval)):
        if rows:
            con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(rows[0]))})", rows)
    pairs = [(q.repeats, q.id) for q in qs if q.repeats]
    if pairs:
        con.executemany("INSERT INTO pairs VALUES (?, ?)", pairs)
    con.executemany("INSERT INTO rgs VALUES (?)", [(g,) for g in REGIONAL_GROUPS])


def recompute_duckdb(pkg, qs, event, group):
    con = duckdb.connect()
    duck_definition(con, qs)
    for table, name in (("rec", "records"), ("wide", "participants_wide"), ("part", "participants"),
                        ("tab", pkg.worksheets)):
        con.execute(f"CREATE TABLE {table} AS SELECT * FROM {pkg.duckdb_source(name)}")
    for stmt in DUCK_SETUP.split(";"):
        if stmt.strip():
            params = {k: v for k, v in (("event", event), ("grp", group)) if f"${k}" in stmt}
            con.execute(stmt, params)
    by_id = {q.id: q for q in qs}

    def rows(name):
        return con.execute(DUCK_QUERIES[name]).fetchall()

    def prefix(scope, question):
        return f"{scope}/{question}"

    out = {}
    out["participants"] = con.execute("SELECT count(*) FROM kp").fetchone()[0]
    out["tables"] = con.execute("SELECT count(*) FROM kt").fetchone()[0]
    for e, np_, nt in rows("events"):
        out[f"events/{e}/participants"], out[f"events/{e}/tables"] = np_, nt
    for scope, respondents in con.execute("SELECT scope, respondents FROM scopes WHERE scope <> 'all'").fetchall():
        for q in qs:
            if q.record == "participant":
                out[f"{scope}/{q.id}/respondents"] = respondents
    for scope, question, kind, n, nrows in con.execute("SELECT * FROM nq").fetchall():
        p = prefix(scope, question)
        if scope == "ws":
            out[f"{p}/groups"] = n
        if kind != "numeric":  # a numeric N is its summary's n
            out[f"{p}/n"] = n
        if kind == "list":
            out[f"{p}/entries"] = nrows
    for scope, question, option, is_nco, c, pc in rows("choice"):
        key = f"{prefix(scope, question)}/" + ("nco" if is_nco else f"opt/{option}")
        out[f"{key}/count"], out[f"{key}/percent"] = c, pc
    for scope, question, item, n in rows("grid_n"):
        out[f"{prefix(scope, question)}/item/{item}/n"] = n
    for scope, question, item, option, is_nco, c, pc in rows("grid"):
        key = f"{prefix(scope, question)}/item/{item}/" + ("nco" if is_nco else f"opt/{option}")
        out[f"{key}/count"], out[f"{key}/percent"] = c, pc
    for scope, question, item, *stats in rows("points"):
        p = prefix(scope, question) + (f"/item/{item}" if item else "")
        for k, v in zip(("n", "mean", "median", "sd"), stats[:4]):
            out[f"{p}/points/{k}"] = v
        if by_id[question].numbers is not None:
            for k, v in zip(("n", "mean", "median", "sd"), stats[4:]):
                out[f"{p}/numbers/{k}"] = v
    for scope, question, option, c, pc in rows("multiple"):
        out[f"{prefix(scope, question)}/opt/{option}/count"] = c
        out[f"{prefix(scope, question)}/opt/{option}/percent"] = pc
    for scope, question, n, mean, median, sd, not_numbers in rows("numeric"):
        p = prefix(scope, question)
        out[f"{p}/n"], out[f"{p}/mean"], out[f"{p}/median"], out[f"{p}/sd"] = n, mean, median, sd
        if not_numbers:
            out[f"{p}/values that are not whole numbers"] = not_numbers
    for scope, question, value, c, pc in rows("numeric_values"):
        out[f"{prefix(scope, question)}/value/{value}/count"] = c
        out[f"{prefix(scope, question)}/value/{value}/percent"] = pc
    for scope, question, option, first, pc, mean_rank in rows("ordering"):
        p = f"{prefix(scope, question)}/opt/{option}"
        out[f"{p}/first"], out[f"{p}/percent_first"], out[f"{p}/mean_rank"] = first, pc, mean_rank
    for scope, question, code, c, pc in rows("countries"):
        out[f"{prefix(scope, question)}/country/{code}/count"] = c
        out[f"{prefix(scope, question)}/country/{code}/percent"] = pc
    for scope, question, g, c, pc in rows("country_groups"):
        out[f"{prefix(scope, question)}/group/{g}/count"] = c
        out[f"{prefix(scope, question)}/group/{g}/percent"] = pc
    for before, after, item, paired, tf, tfp, sm, smp, tl, tlp, mean in rows("changes"):
        p = f"chg/{before}->{after}/{item}"
        out[f"{p}/paired"] = paired
        out[f"{p}/towards_first/count"], out[f"{p}/towards_first/percent"] = tf, tfp
        out[f"{p}/same/count"], out[f"{p}/same/percent"] = sm, smp
        out[f"{p}/towards_last/count"], out[f"{p}/towards_last/percent"] = tl, tlp
        out[f"{p}/mean_change"] = mean
    con.close()
    return out


# --- the package checks -----------------------------------------------------------------------------


def check_package(out_dir, problems):
    """Checks data/ and data.zip; appends a line to `problems` per failure; returns a summary."""
    data = os.path.join(out_dir, "data")
    pkg = Package(data)
    notes = []

    def fail(msg):
        problems.append(f"package: {msg}")

    csvs = sorted(f for f in os.listdir(data) if f.endswith(".csv"))
    described = sorted(r["path"] for r in pkg.resources.values())
    if csvs != described:
        fail(f"datapackage.json describes {described}, data/ holds {csvs}")

    con = duckdb.connect()
    for name, res in pkg.resources.items():
        path = pkg.path(name)
        names = [f["name"] for f in res["schema"]["fields"]]
        with open(path, newline="", encoding="utf-8") as f:
            raw = list(csv.reader(f))
        if raw[0] != names:
            fail(f"{res['path']}: header {raw[0]} but datapackage.json names {names}")
        df = pkg.pandas(name)
        if list(df.columns) != names:
            fail(f"{res['path']}: pandas reads columns {list(df.columns)}, datapackage.json names {names}")
        duck_cols = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM read_csv('{path}', header = true)").fetchall()]
        if duck_cols != names:
            fail(f"{res['path']}: DuckDB detects columns {duck_cols}, datapackage.json names {names}")
        con.execute(f'CREATE TABLE "r_{name}" AS SELECT * FROM {pkg.duckdb_source(name)}')
        n_duck = con.execute(f'SELECT count(*) FROM "r_{name}"').fetchone()[0]
        n_duck_auto = con.execute(f"SELECT count(*) FROM read_csv('{path}', header = true)").fetchone()[0]
        if not (len(df) == n_duck == n_duck_auto == len(raw) - 1):
            fail(f"{res['path']}: rows: pandas {len(df)}, DuckDB {n_duck} (sniffed: {n_duck_auto}), csv module {len(raw) - 1}")
        notes.append(f"{res['path']} {len(df)} rows")

        # Required fields and the respondent id: a string of 16 hex digits, leading zeros kept.
        for f_ in res["schema"]["fields"]:
            col = df[f_["name"]]
            cons = f_.get("constraints", {})
            if cons.get("required") and col.isna().any():
                fail(f"{res['path']}: {int(col.isna().sum())} empty cells in required column {f_['name']}")
            if "pattern" in cons:
                bad = col.dropna()[~col.dropna().astype(str).str.fullmatch(cons["pattern"])]
                if len(bad):
                    fail(f"{res['path']}: {len(bad)} values of {f_['name']} do not match {cons['pattern']}: {list(bad[:3])}")
            if "enum" in cons:
                bad = set(col.dropna()) - set(cons["enum"])
                if bad:
                    fail(f"{res['path']}: {f_['name']} outside its enum: {sorted(bad)[:5]}")
        if "respondent" in names:
            raw_ids = [row[names.index("respondent")] for row in raw[1:]]
            duck_ids = [r[0] for r in con.execute(f'SELECT respondent FROM "r_{name}"').fetchall()]
            duck_type = con.execute(f'SELECT DISTINCT typeof(respondent) FROM "r_{name}"').fetchall()
            if list(df["respondent"]) != raw_ids or duck_ids != raw_ids:
                fail(f"{res['path']}: respondent ids read by pandas / DuckDB differ from the file's text")
            if duck_type and duck_type != [("VARCHAR",)]:
                fail(f"{res['path']}: DuckDB reads respondent as {duck_type}")
            if df["respondent"].map(type).ne(str).any():
                fail(f"{res['path']}: pandas reads some respondent ids as non-strings")
            zeros = sum(1 for i in raw_ids if i.startswith("0"))
            if sum(1 for i in df["respondent"] if i.startswith("0")) != zeros:
                fail(f"{res['path']}: leading zeros of respondent ids lost")

        # Formula injection: no cell starts with = + - @ tab CR unless it is a number.
        for r_i, row in enumerate(raw[1:], start=2):
            for c_i, cell in enumerate(row):
                if cell.startswith(FORMULA_START) and not NUMBER.fullmatch(cell):
                    fail(f"{res['path']} record {r_i} column {names[c_i]}: cell {cell[:40]!r} a spreadsheet would run")
        # The same with DuckDB, over every text column in one query.
        texts = [f_["name"] for f_ in res["schema"]["fields"] if DUCKDB_TYPES.get(f_["type"]) == "VARCHAR"]
        checks = ", ".join(
            f"""count(*) FILTER (WHERE regexp_matches("{c}", '^[=+\\-@\\t\\r]')
                  AND NOT regexp_full_match("{c}", '[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?'))"""
            for c in texts
        )
        for c, n_bad in zip(texts, con.execute(f'SELECT {checks} FROM "r_{name}"').fetchone()):
            if n_bad:
                fail(f"{res['path']}: DuckDB finds {n_bad} cells of {c} starting like a formula")

    # Free text survives as text, in pandas and in DuckDB, in the long and wide tables.
    for name, column in (("participants", "value"), (pkg.worksheets, "value")):
        df = pkg.pandas(name)
        texts = df[column].dropna()
        duck = [r[0] for r in con.execute(f'SELECT {column} FROM "r_{name}" WHERE {column} IS NOT NULL').fetchall()]
        for needle, whole in (("<script>", MARKUP), ("=SUM(", FORMULA), ("more facts", MULTILINE)):
            hits = texts[texts.str.contains(needle, regex=False)]
            dhits = [t for t in duck if needle in t]
            if len(hits) == 0:
                fail(f"{name}.csv: no text containing {needle!r} (the sample day writes some)")
            elif set(hits) != {whole} or set(dhits) != {whole} or len(dhits) != len(hits):
                fail(f"{name}.csv: texts with {needle!r} come back as {sorted(set(hits))[:3]} (pandas), "
                     f"{sorted(set(dhits))[:3]} (DuckDB); expected {whole!r}")
    wide = pkg.pandas("participants_wide")
    text_cols = [c for c in wide.columns if wide[c].astype(str).str.contains("<script>", regex=False).any()]
    if not text_cols:
        fail("participants_wide.csv: the <script> text is missing")
    elif not all(set(wide[c][wide[c].astype(str).str.contains("<script>", regex=False)]) == {MARKUP} for c in text_cols):
        fail("participants_wide.csv: the <script> text changed")

    # The regional group is the country's: one group per country, empty exactly when the
    # country is.
    if "country" in wide.columns and "regional_group" in wide.columns:
        if (wide["country"].isna() != wide["regional_group"].isna()).any():
            fail("participants_wide.csv: regional_group empty where country is not, or the other way round")
        groups_per_country = wide.dropna(subset=["country"]).groupby("country")["regional_group"].nunique()
        if (groups_per_country > 1).any():
            fail(f"participants_wide.csv: countries in several regional groups: "
                 f"{list(groups_per_country[groups_per_country > 1].index)}")
    else:
        fail("participants_wide.csv: no country or regional_group column")

    # Other result CSVs (tables/*.csv): no formula either.
    tables_dir = os.path.join(out_dir, "tables")
    for f in sorted(os.listdir(tables_dir)) if os.path.isdir(tables_dir) else []:
        with open(os.path.join(tables_dir, f), newline="", encoding="utf-8") as fh:
            for r_i, row in enumerate(csv.reader(fh), start=1):
                for cell in row:
                    if cell.startswith(FORMULA_START) and not NUMBER.fullmatch(cell):
                        fail(f"tables/{f} row {r_i}: cell {cell[:40]!r} a spreadsheet would run")

    # data.zip holds the same files as data/.
    with zipfile.ZipFile(os.path.join(out_dir, "data.zip")) as z:
        names = sorted(z.namelist())
        on_disk = sorted(os.listdir(data))
        if names != on_disk:
            fail(f"data.zip holds {names}, data/ holds {on_disk}")
        for n in names:
            if n in on_disk:
                with open(os.path.join(data, n), "rb") as fh:
                    if z.read(n) != fh.read():
                        fail(f"data.zip: {n} differs from data/{n}")
    con.close()
    return ", ".join(notes)


# --- runs ---------------------------------------------------------------------------------------


def run(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"tally_check: {' '.join(cmd)} failed ({out.returncode}):\n{out.stdout}{out.stderr}")
    return out.stdout


@dataclass
class Run:
    name: str
    bundle: str
    event: str = None
    group: str = None


def tally(cli, definition, r, work):
    out_dir = os.path.join(work, f"out-{r.name}")
    cmd = [cli, "tally", r.bundle, "--out", out_dir, "--definition", definition]
    if r.event:
        cmd += ["--event", r.event]
    if r.group:
        cmd += ["--regional-group", r.group]
    run(cmd)
    return out_dir


def sample(cli, definition, work, name, participants, events, seed):
    path = os.path.join(work, f"{name}.json")
    run([cli, "sample", "--out", path, "--participants", str(participants), "--events", str(events),
         "--seed", str(seed), "--definition", definition])
    return path


def largest_group(results_path):
    with open(results_path, encoding="utf-8") as f:
        r = json.load(f)
    country = next(q for q in r["questions"] if q["kind"] == "country")
    return max(country["tally"]["country"]["groups"], key=lambda g: g["count"])["group"]


def check_run(out_dir, qs, r):
    """Compares results.json with both recomputations; returns (lines, mismatches, problems)."""
    with open(os.path.join(out_dir, "results.json"), encoding="utf-8") as f:
        results = json.load(f)
    problems = []
    if results["filter"] != {"event": r.event, "regional_group": r.group}:
        problems.append(f"results.json filter is {results['filter']}, asked for event={r.event} group={r.group}")
    expected, unchecked, unknown = flatten_results(results)
    pkg = Package(os.path.join(out_dir, "data"))
    lines, mismatches, counts = [], [], {}
    for source, fn in (("pandas", recompute_pandas), ("duckdb", recompute_duckdb)):
        n, bad = compare(expected, fn(pkg, qs, r.event, r.group))
        lines.append(f"  {source:<6} {n:>7} numbers compared, {len(bad)} mismatches")
        mismatches += [(r.name, source) + b for b in bad]
        counts[source] = n
    lines.append(f"  results.json: {results['participants']} participants, {results['tables']} tables; "
                 f"{unchecked} numbers not recomputed (Kemeny consensus, other_questionnaire)")
    if unknown:
        problems.append(f"results.json holds {unknown} numbers this check does not know (update the check)")
    return lines, mismatches, problems, counts, expected, pkg


def self_test(out_dir, qs, r, expected, pkg, work):
    """Corrupts numbers in a copy of results.json: the comparison must report each."""
    with open(os.path.join(out_dir, "results.json"), encoding="utf-8") as f:
        results = json.load(f)
    computed = {"pandas": recompute_pandas(pkg, qs, r.event, r.group),
                "duckdb": recompute_duckdb(pkg, qs, r.event, r.group)}

    def first_choice(res):
        return next(q for q in res["questions"] if "choice" in q["tally"])["tally"]["choice"]

    def ordering(res):
        return next(q for q in res["questions"] if "ordering" in q["tally"])["tally"]["ordering"]

    corruptions = [
        ("a count + 1", lambda res: first_choice(res)["options"][0].__setitem__(
            "count", first_choice(res)["options"][0]["count"] + 1)),
        ("a percentage x (1 + 1e-7)", lambda res: first_choice(res)["options"][1].__setitem__(
            "percent", first_choice(res)["options"][1]["percent"] * (1 + 1e-7))),
        ("a mean rank + 0.5", lambda res: ordering(res)["options"][0].__setitem__(
            "mean_rank", ordering(res)["options"][0]["mean_rank"] + 0.5)),
        ("an option removed", lambda res: first_choice(res)["options"].pop()),
    ]
    failures, lines = [], []
    for what, corrupt in corruptions:
        bad_copy = copy.deepcopy(results)
        corrupt(bad_copy)
        path = os.path.join(work, "results-corrupted.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(bad_copy, f)
        with open(path, encoding="utf-8") as f:
            flat, _, _ = flatten_results(json.load(f))
        for source, values in computed.items():
            _, bad = compare(flat, values)
            if len(bad) == 0:
                failures.append(f"self-test: {what} went unnoticed by the {source} comparison")
            else:
                lines.append(f"  {what}: {source} reports {bad[0][0]} ({bad[0][1]} vs {bad[0][2]})")
    # A formula written into a copy of the package: both readers must catch it.
    copy_dir = os.path.join(work, "self-test-package")
    shutil.rmtree(copy_dir, ignore_errors=True)
    shutil.copytree(os.path.join(out_dir, "data"), os.path.join(copy_dir, "data"))
    shutil.copy(os.path.join(out_dir, "data.zip"), copy_dir)
    target = os.path.join(copy_dir, "data", "participants.csv")
    with open(target, encoding="utf-8") as f:
        text = f.read()
    if FORMULA not in text:
        failures.append(f"self-test: participants.csv has no {FORMULA!r} to corrupt")
    else:
        with open(target, "w", encoding="utf-8") as f:
            f.write(text.replace(FORMULA, FORMULA[1:], 1))
        found = []
        check_package(copy_dir, found)
        for what in ("a spreadsheet would run", "DuckDB finds", "data.zip: participants.csv differs"):
            hit = [p for p in found if what in p]
            if hit:
                lines.append(f"  a formula in participants.csv: {hit[0]}")
            else:
                failures.append(f"self-test: a formula in participants.csv went unnoticed ({what})")
    # The untouched copy compares clean (the tolerance does not flag rounding).
    for source, values in computed.items():
        _, bad = compare(expected, values)
        if bad:
            failures.append(f"self-test: the untouched results.json has {len(bad)} mismatches with {source}")
    return lines, failures


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cli", default=os.path.join(ROOT, "target", "release", "dialogue-kit"))
    ap.add_argument("--definition", default=os.path.join(ROOT, "assets", "day.json"))
    ap.add_argument("--keep", help="keep the bundles and tally outputs in this folder")
    ap.add_argument("--self-test", action="store_true", help="only run the self-test")
    args = ap.parse_args()
    if not os.access(args.cli, os.X_OK):
        raise SystemExit(f"tally_check: no CLI at {args.cli} (cargo build --release --bin dialogue-kit)")
    _, qs = load_definition(args.definition)
    work = args.keep or tempfile.mkdtemp(prefix="tally-check-")
    os.makedirs(work, exist_ok=True)
    print(f"tally_check: pandas {pd.__version__}, duckdb {duckdb.__version__}, CLI {args.cli}, "
          f"definition {os.path.relpath(args.definition, ROOT)} ({len(qs)} questions and worksheets)")
    try:
        a = sample(args.cli, args.definition, work, "a", 500, 4, 11)
        if args.self_test:
            runs = [Run("a", a)]
        else:
            b = sample(args.cli, args.definition, work, "b", 2000, 12, 22)
            c = sample(args.cli, args.definition, work, "c", 900, 3, 33)
            # "?": the regional group with most participants in the run before (the same records
            # without the group filter), so that the filter keeps tables too.
            runs = [Run("a", a), Run("b", b), Run("b-group", b, group="?"), Run("c-event", c, event="sample-02"),
                    Run("c-event-group", c, event="sample-02", group="?")]
        mismatches, problems, totals = [], [], {"pandas": 0, "duckdb": 0}
        first = out_dir = None
        for r in runs:
            if r.group == "?":
                r.group = largest_group(os.path.join(out_dir, "results.json"))
            out_dir = tally(args.cli, args.definition, r, work)
            desc = ", ".join(x for x in (os.path.basename(r.bundle), r.event and f"--event {r.event}",
                                         r.group and f"--regional-group {r.group}") if x)
            print(f"run {r.name} ({desc}):")
            lines, bad, probs, counts, expected, pkg = check_run(out_dir, qs, r)
            print("\n".join(lines))
            for source, n in counts.items():
                totals[source] += n
            if not args.self_test:
                print(f"  package: {check_package(out_dir, probs)}")
            mismatches += bad
            problems += probs
            if first is None:
                first = (out_dir, r, expected, pkg)
        print("self-test (corrupted copies of results.json of run a):")
        lines, failures = self_test(first[0], qs, first[1], first[2], first[3], work)
        for line in lines:
            print(line)
        problems += failures

        print()
        print(f"compared: {totals['pandas']} numbers with pandas, {totals['duckdb']} with DuckDB, "
              f"over {len(runs)} tallies")
        for name, source, key, ours, theirs in mismatches:
            print(f"MISMATCH run {name} [{source}] {key}: results.json {ours!r}, {source} {theirs!r}")
        for p in problems:
            print(f"PROBLEM {p}")
        if mismatches or problems:
            print(f"FAILED: {len(mismatches)} mismatches, {len(problems)} problems")
            return 1
        print("ok: every recomputed number agrees with results.json; the package loads unchanged")
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
