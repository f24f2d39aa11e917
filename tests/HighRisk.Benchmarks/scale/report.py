#!/usr/bin/env python3
"""Prints the scale benchmark's figures (OUT/figures.env, written by run.sh) as Markdown tables against the targets."""
import sys
from pathlib import Path

out = Path(sys.argv[1])
f = {}
for line in (out / "figures.env").read_text().splitlines():
    if "=" in line:
        key, value = line.split("=", 1)
        f[key] = value


def num(key, default=None):
    try:
        return float(f[key])
    except (KeyError, ValueError):
        return default


rounds = sorted({int(k.rsplit("_", 1)[1]) for k in f if k.startswith("exam_http_rps_")})
list_rounds = sorted({int(k.rsplit("_", 1)[1]) for k in f if k.startswith("list_") and "_p99_" in k})


def mark(ok):
    return "met" if ok else "**missed**"


def fmt(v, digits=0):
    if v is None:
        return "—"
    return f"{v:,.{digits}f}"


print(f"# Scale benchmark: {(out / 'machine.txt').read_text().splitlines()[0].removeprefix('date: ')}\n")
print((out / "machine.txt").read_text().splitlines()[1] + "\n")
print("| measure | target | measured | |")
print("|---|---|---|---|")
print(f"| bulk load (SQL) / VACUUM ANALYZE | — | {fmt(num('load_seconds'))} s / {fmt(num('vacuum_seconds'))} s | |")
ready = num("ready_ms")
print(f"| start-up to GET /health/ready 200 | ≤ 5 s | {fmt(ready / 1000 if ready else None, 2)} s | {mark(ready is not None and ready <= 5000)} |")
print(f"| RSS at rest (10 s after ready) | — | {fmt(num('rss_rest_mib'))} MiB | |")
for r in rounds:
    rps, p50, p99 = num(f"exam_http_rps_{r}"), num(f"exam_http_p50_{r}"), num(f"exam_http_p99_{r}")
    tps, ratio = num(f"exam_pgbench_tps_{r}"), num(f"exam_ratio_pct_{r}")
    full_tps, full_ratio = num(f"exam_pgbench_full_tps_{r}"), num(f"exam_ratio_full_pct_{r}")
    print(f"| record-exam over HTTP, round {r} (load {f.get(f'load_exam_http_{r}', '?')}) | ≥ 1,000 req/s | {fmt(rps)} req/s | {mark(rps is not None and rps >= 1000)} |")
    print(f"| … p50 / p99 | p99 ≤ 50 ms | {fmt(p50, 1)} / {fmt(p99, 1)} ms | {mark(p99 is not None and p99 <= 50)} |")
    print(f"| … non-2xx / exams written | 0 | {f.get(f'exam_http_non2xx_{r}')} / {f.get(f'exam_http_exams_{r}')} "
          f"(grade changes {f.get(f'exam_http_grade_changes_permille_{r}')}‰, alerts {f.get(f'exam_http_alerts_{r}')}) | |")
    print(f"| pgbench, the SQL core of one record-exam | — | {fmt(tps)} tps | |")
    print(f"| HTTP / pgbench (core) | ≥ 40 % | {fmt(ratio)} % | {mark(ratio is not None and ratio >= 40)} |")
    print(f"| pgbench, every statement the request sends | — | {fmt(full_tps)} tps | |")
    print(f"| HTTP / pgbench (every statement) | — | {fmt(full_ratio)} % | |")
    print(f"| RSS under record-exam load: peak (VmRSS every 100 ms) / VmHWM | — | {f.get(f'rss_load_peak_mib_{r}')} / {f.get(f'rss_load_hwm_mib_{r}')} MiB | |")
    svc, pg = num(f"cpu_exam_http_{r}_service_ms_per_request"), num(f"cpu_exam_http_{r}_pg_ms_per_request")
    print(f"| CPU per request: service / PostgreSQL | — | {fmt(svc, 2)} / {fmt(pg, 2)} ms | |")
    print(f"| CPU in the 60 s: service / PostgreSQL / wrk / other work on the machine / idle | 120 core-s | "
          f"{f.get(f'cpu_exam_http_{r}_service_s')} / {f.get(f'cpu_exam_http_{r}_pg_s')} / {f.get(f'cpu_exam_http_{r}_client_s')} / "
          f"{f.get(f'cpu_exam_http_{r}_others_s')} / {f.get(f'cpu_exam_http_{r}_idle_s')} s | |")
job, wall, sql = num("job_ms"), num("job_wall_ms"), num("sql_median_before_ms")
print(f"| daily overdue job, a normal morning: completed_at − started_at (POST → committed row) | ≤ 2 s | {fmt(job / 1000 if job else None, 2)} s ({fmt(wall / 1000 if wall else None, 2)} s) | {mark(wall is not None and wall <= 2000)} |")
print(f"| … states reviewed / changed; lists / entries; spells opened / closed | — | {f.get('job_states_reviewed')} / {f.get('job_states_changed')}; {f.get('job_lists')} / {f.get('job_entries')}; {f.get('job_spells_opened')} / {f.get('job_spells_closed')} | |")
print(f"| … service RSS before the job / peak during it (VmRSS every 100 ms) / VmHWM | ≤ 300 MB | {f.get('job_rss_before_mib')} / {f.get('job_rss_peak_mib')} / {f.get('job_rss_hwm_mib')} MiB | {mark((num('job_rss_hwm_mib') or 1e9) * 1.048576 <= 300)} |")
print(f"| … CPU: service / PostgreSQL / other work on the machine | — | {f.get('cpu_job_service_s')} / {f.get('cpu_job_pg_s')} / {f.get('cpu_job_others_s')} s | |")
for name, label in (("read", "every pregnancy read and reviewed"), ("stale", "every review date stale: every pregnancy read, reviewed and written")):
    full, full_wall = num(f"job_full_{name}_ms"), num(f"job_full_{name}_wall_ms")
    print(f"| daily overdue job, full run after a policy change ({label}; load {f.get(f'load_job_full_{name}', '?')}): completed_at − started_at (POST → committed row) | ≤ 60 s | {fmt(full / 1000 if full else None, 2)} s ({fmt(full_wall / 1000 if full_wall else None, 2)} s) | {mark(full_wall is not None and full_wall <= 60000)} |")
    print(f"| … states reviewed / changed; entries | — | {f.get(f'job_full_{name}_states_reviewed')} / {f.get(f'job_full_{name}_states_changed')}; {f.get(f'job_full_{name}_entries')} | |")
    print(f"| … service RSS peak during it (VmRSS every 100 ms) / VmHWM | ≤ 300 MB | {f.get(f'job_full_{name}_rss_peak_mib')} / {f.get(f'job_full_{name}_rss_hwm_mib')} MiB | {mark((num(f'job_full_{name}_rss_hwm_mib') or 1e9) * 1.048576 <= 300)} |")
    print(f"| … CPU: service / PostgreSQL / other work on the machine | — | {f.get(f'cpu_job_full_{name}_service_s')} / {f.get(f'cpu_job_full_{name}_pg_s')} / {f.get(f'cpu_job_full_{name}_others_s')} s | |")
print(f"| hand-written statement, same overdue set, for reference (first / median of 3; after the job) | — | {f.get('sql_first_before_ms')} / {f.get('sql_median_before_ms')} ms; {f.get('sql_median_after_ms')} ms ({f.get('sql_overdue_count')} overdue or lost) | |")
if wall and sql:
    print(f"| job / statement (POST → commit / median), for reference | — (retired) | {wall / sql:.1f}× | |")
names = {
    "pregnancies_township": ("GET /api/pregnancies, township, first 50", "p99 ≤ 20 ms"),
    "pregnancies_county": ("GET /api/pregnancies, county, first 50", "p99 ≤ 50 ms"),
    "overdue_township": ("GET /api/overdue, township (whole list)", "p99 ≤ 20 ms"),
    "overdue_county": ("GET /api/overdue, county (whole list, no paging)", "—"),
    "cases_city": ("GET /api/cases, the case board of a city, first 50", "p99 ≤ 50 ms"),
    "cases_county": ("GET /api/cases, the case board of a county, first 50", "p99 ≤ 50 ms"),
}
for name, (label, target) in names.items():
    for r in list_rounds:
        if f.get(f"list_{name}_p99_{r}") is None:
            continue
        p50, p99 = num(f"list_{name}_p50_{r}"), num(f"list_{name}_p99_{r}")
        limit = 20 if "20" in target else 50 if "50" in target else None
        verdict = mark(p99 is not None and p99 <= limit) if limit else ""
        print(f"| {label}, round {r} ({f.get(f'list_{name}_rows')} rows, {fmt(num(f'list_{name}_bytes'))} B; load {f.get(f'load_list_{name}_{r}', '?')}) "
              f"| {target} | p50 {fmt(p50, 1)} / p99 {fmt(p99, 1)} ms, {fmt(num(f'list_{name}_rps_{r}'))} req/s; CPU/request service {f.get(f'cpu_list_{name}_{r}_service_ms_per_request')} ms, PostgreSQL {f.get(f'cpu_list_{name}_{r}_pg_ms_per_request')} ms | {verdict} |")
print(f"| RSS at the end | — | {f.get('rss_end_mib')} MiB | |")
print(f"\nLoad average (1/5/15 min) at the start: {f.get('load_start')}; at the end: {f.get('load_end')}.")
