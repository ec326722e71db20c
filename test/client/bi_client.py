#!/usr/bin/python3
"""bi_client.py — read aibiz the way a BI tool (Metabase, Superset) does.

Connects with psycopg2 to the server named by the libpq environment
(PGHOST, PGPORT, ...), creates the extension and a small sample, then:
introspects the catalog for the extension's views and set-returning
functions as a BI tool's schema browser does, fetches every view and the
row outputs of a stored projection and simulation, and checks that every
column arrives as a Python number, text or parsed JSON (never as an opaque
string of an aibiz type).  Prints one line per check and "N passed, N failed".
"""
import datetime
import numbers
import sys

import psycopg2

checks = {"passed": 0, "failed": 0}


def check(ok, what):
    """count and print one check"""
    checks["passed" if ok else "failed"] += 1
    print(("ok     " if ok else "FAILED ") + what)


def plain(value):
    """a value a BI tool can chart or filter: number, text, time, dict/list, None"""
    return value is None or isinstance(
        value, (numbers.Number, str, dict, list, bool, datetime.date))


def main():
    conn = psycopg2.connect("")
    conn.autocommit = True
    cur = conn.cursor()
    cur.execute("CREATE EXTENSION IF NOT EXISTS aibiz")
    cur.execute("""INSERT INTO aibiz.companies (name, market_id, revenue, risk, plan)
                   SELECT name, market_id, revenue, risk, plan
                   FROM aibiz.sample_companies(24, 3)""")

    # the schema browser: relations and their column types
    cur.execute("""SELECT c.relname, c.relkind FROM pg_class c
                   JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname = 'aibiz' AND c.relkind IN ('r', 'v')
                   ORDER BY 1""")
    relations = cur.fetchall()
    views = [name for name, kind in relations if kind == "v"]
    check({"company_kpis", "company_months", "case_ranking"} <= set(views),
          "the schema browser lists the BI views: " + ", ".join(views))
    for name, kind in relations:
        cur.execute(f"SELECT * FROM aibiz.{name} LIMIT 200")
        rows = cur.fetchall()
        cols = [d.name for d in cur.description]
        bad = [(c, type(v).__name__) for r in rows for c, v in zip(cols, r)
               if not plain(v)]
        check(not bad and len(set(cols)) == len(cols),
              f"{name}: {len(rows)} rows, {len(cols)} columns, all plain{'' if not bad else ' but ' + str(bad[:3])}")

    # numbers come back as numbers
    cur.execute("SELECT npv, breakeven_month, ltv_to_cac FROM aibiz.company_kpis LIMIT 1")
    npv, breakeven, ratio = cur.fetchone()
    check(isinstance(npv, float) and (breakeven is None or isinstance(breakeven, int)),
          "company_kpis: npv is float, breakeven_month int or NULL")

    # set-returning functions over stored values
    cur.execute("""CREATE TEMP TABLE stored AS
                   SELECT c.id, aibiz.project(c, m) AS p,
                          aibiz.simulate(c, m, trials => 500, seed => c.id) AS s
                   FROM aibiz.companies c JOIN aibiz.markets m ON m.id = c.market_id
                   LIMIT 3""")
    for sql, what in [
        ("SELECT r.* FROM stored, aibiz.rows(p) r", "rows(projection)"),
        ("SELECT f.* FROM stored, aibiz.fan(s) f", "fan(simulation)"),
        ("SELECT f.* FROM stored, aibiz.survival_curve(s) f", "survival_curve(simulation)"),
        ("SELECT f.* FROM stored, aibiz.npv_histogram(s) f", "npv_histogram(simulation)"),
        ("SELECT f.* FROM stored, aibiz.risk_attribution(s) f", "risk_attribution(simulation)"),
        ("SELECT f.* FROM stored, aibiz.loss_exceedance(s) f", "loss_exceedance(simulation)"),
    ]:
        cur.execute(sql)
        rows = cur.fetchall()
        bad = [v for r in rows for v in r if not plain(v)]
        check(rows and not bad, f"{what}: {len(rows)} rows of numbers and text")
    cur.execute("SELECT aibiz.summary(s), aibiz.summary(p) FROM stored LIMIT 1")
    sim_summary, proj_summary = cur.fetchone()
    check(isinstance(sim_summary, dict) and isinstance(sim_summary.get("trials"), int)
          and isinstance(proj_summary, dict) and isinstance(proj_summary.get("npv"), float),
          "summary() arrives as parsed JSON with numbers")
    cur.execute("SELECT aibiz.npv_mean(s), aibiz.survival(s, 60) FROM stored")
    check(all(isinstance(a, float) and 0 <= b <= 1 for a, b in cur.fetchall()),
          "scalar accessors of a stored simulation are floats")
    cur.execute("DELETE FROM aibiz.companies")
    conn.close()


if __name__ == "__main__":
    try:
        main()
    except Exception as exc:  # any error is a failure of the stage
        check(False, f"client stopped: {exc}")
    print(f"{checks['passed']} passed, {checks['failed']} failed")
    sys.exit(1 if checks["failed"] else 0)
