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


def median(values):
    values = sorted(v for v in values if v is not None)
    return values[len(values) // 2] if values else None


def per_round(key_of, among=rounds, digits=1):
    """The values of a figure over the rounds, shown "a / b" and judged on their median."""
    values = [num(key_of(r)) for r in among]
    shown = " / ".join(fmt(v, digits) for v in values) if values else "—"
    return median(values), shown


def pct(a, b):
    return a / b * 100 if a is not None and b else None


def row(measure, target, shown, ok):
    """One line of the issue's table; ok: None when the figure has no target or was not measured."""
    verdict = "" if ok is None else mark(ok)
    print(f"| {measure} | {target} | {shown} | {verdict} |")


def list_row(name, label, target_ms):
    p99, shown = per_round(lambda r: f"list_{name}_p99_{r}", list_rounds)
    rows, size = f.get(f"list_{name}_rows"), num(f"list_{name}_bytes")
    svc, _ = per_round(lambda r: f"cpu_list_{name}_{r}_service_ms_per_request", list_rounds)
    detail = f"p99 {shown} ms ({rows} rows, {fmt(size / 1000 if size else None)} KB; service CPU {fmt(svc, 2)} ms/request)" if p99 is not None else "not measured"
    row(label, f"p99 ≤ {target_ms} ms", detail, None if p99 is None else p99 <= target_ms)


def summary():
    """Issue 21's table ("Where it stands"): every figure against its target, judged on the median of the rounds."""
    print("## Issue 21: where it stands\n")
    print("| measure | target | measured | |")
    print("|---|---|---|---|")
    rps, rps_shown = per_round(lambda r: f"exam_http_rps_{r}", digits=0)
    tps, tps_shown = per_round(lambda r: f"exam_pgbench_tps_{r}", digits=0)
    full, full_shown = per_round(lambda r: f"exam_pgbench_full_tps_{r}", digits=0)
    core = pct(rps, tps)
    row("record-exam over HTTP / pgbench of its SQL core, same run", "≥ 40 %",
        f"{rps_shown} req/s / {tps_shown} tps = {fmt(core)} %", None if core is None else core >= 40)
    work = pct(full, tps)
    row("pgbench of every statement the request sends / of the core", "≥ 77 % (≤ 1.3× the core's work)",
        f"{full_shown} / {tps_shown} tps = {fmt(work)} %" + (f": {100 / work:.1f}× the core's work" if work else ""), None if work is None else work >= 77)
    svc, svc_shown = per_round(lambda r: f"cpu_exam_http_{r}_service_ms_per_request", digits=2)
    pg, pg_shown = per_round(lambda r: f"cpu_exam_http_{r}_pg_ms_per_request", digits=2)
    row("CPU per request: service / PostgreSQL", "service ≤ 1.0 ms", f"{svc_shown} / {pg_shown} ms", None if svc is None else svc <= 1.0)
    p99, p99_shown = per_round(lambda r: f"exam_http_p99_{r}")
    row(f"record-exam p99 at {f.get('exam_connections', '16')} connections", "≤ 50 ms", f"{p99_shown} ms", None if p99 is None else p99 <= 50)
    list_row("pregnancies_township", "township pregnancy list, first 50 (4 connections)", 20)
    list_row("overdue_township", "township overdue list (the whole list, limit=500)", 20)
    list_row("overdue_county", "county overdue list, first page (keyset, default limit 100; township lines on every page)", 50)
    list_row("pregnancies_county", "county pregnancy list, first 50", 50)
    for name, label, target in (
            ("cases_city", "case board, city, first page", 50), ("cases_county", "case board, county, first page", 50),
            ("cases_township", "case board, township, first page", 20), ("referrals_city", "referral inbox, city, first page", 50),
            ("referrals_facility", "referral inbox, facility (county MCH), first page", 20), ("transfers_city", "transfer inbox, city, first page", 50),
            ("transfers_township", "transfer inbox, township, first page", 20)):
        list_row(name, label, target)
    job_run, again = num("job_ms"), num("job_again_ms")
    row("daily job, normal morning: its run, started → committed, in a worker that has run one before (the first morning after the worker starts)", "≤ 2 s",
        f"{fmt(again / 1000 if again else None, 2)} s ({fmt(job_run / 1000 if job_run else None, 2)} s)", None if again is None else again <= 2000)
    fulls = [num(f"job_full_{n}_wall_ms") for n in ("read", "stale")]
    worst = max((v for v in fulls if v is not None), default=None)
    row("daily job, full run after a policy change (every pregnancy read / also written)", "≤ 60 s",
        " / ".join(f"{fmt(v / 1000, 1)} s" if v is not None else "—" for v in fulls), None if worst is None else worst <= 60000)
    hwms = [num(k) for k in ("job_rss_hwm_mib", "job_full_read_rss_hwm_mib", "job_full_stale_rss_hwm_mib")]
    peak = max((v for v in hwms if v is not None), default=None)
    where = "the worker process (api and worker split, as deployed)" if f.get("roles", "all") == "split" else "the service (one process: api and worker)"
    row(f"peak memory of the process running the daily job, {where} (VmHWM: normal morning / full runs)", "≤ 300 MB",
        " / ".join(f"{fmt(v * 1.048576)} MB" if v is not None else "—" for v in hwms), None if peak is None else peak * 1.048576 <= 300)
    print()


print(f"# Scale benchmark: {(out / 'machine.txt').read_text().splitlines()[0].removeprefix('date: ')}\n")
print((out / "machine.txt").read_text().splitlines()[1] + "\n")
summary()
print("## Details\n")
print("| measure | target | measured | |")
print("|---|---|---|---|")
print(f"| bulk load (SQL) / VACUUM ANALYZE | — | {fmt(num('load_seconds'))} s / {fmt(num('vacuum_seconds'))} s | |")
ready = num("ready_ms")
print(f"| start-up to GET /health/ready 200 | ≤ 5 s | {fmt(ready / 1000 if ready else None, 2)} s | {mark(ready is not None and ready <= 5000)} |")
print(f"| processes | — | {'api + worker (HR_BENCH_ROLES=split)' if f.get('roles', 'all') == 'split' else 'one (HR_BENCH_ROLES=all)'} | |")
print(f"| RSS at rest (10 s after ready): api / worker | — | {fmt(num('rss_rest_mib'))} / {f.get('rss_rest_worker_mib', '—')} MiB | |")
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
    print(f"| the same two, prepared as the service sends them (-M prepared): core / every statement | — | "
          f"{fmt(num(f'exam_pgbench_core_prepared_tps_{r}'))} / {fmt(num(f'exam_pgbench_full_prepared_tps_{r}'))} tps | |")
    print(f"| RSS under record-exam load: peak (VmRSS every 100 ms) / VmHWM | — | {f.get(f'rss_load_peak_mib_{r}')} / {f.get(f'rss_load_hwm_mib_{r}')} MiB | |")
    svc, pg = num(f"cpu_exam_http_{r}_service_ms_per_request"), num(f"cpu_exam_http_{r}_pg_ms_per_request")
    print(f"| CPU per request: service / PostgreSQL | — | {fmt(svc, 2)} / {fmt(pg, 2)} ms | |")
    print(f"| CPU in the 60 s: service / PostgreSQL / wrk / other work on the machine / idle | 120 core-s | "
          f"{f.get(f'cpu_exam_http_{r}_service_s')} / {f.get(f'cpu_exam_http_{r}_pg_s')} / {f.get(f'cpu_exam_http_{r}_client_s')} / "
          f"{f.get(f'cpu_exam_http_{r}_others_s')} / {f.get(f'cpu_exam_http_{r}_idle_s')} s | |")
job, wall, sql = num("job_ms"), num("job_wall_ms"), num("sql_median_before_ms")
print(f"| daily overdue job, the first morning in a worker that has just started: completed_at − started_at (POST → committed row) | — | {fmt(job / 1000 if job else None, 2)} s ({fmt(wall / 1000 if wall else None, 2)} s) | |")
print(f"| … states reviewed / changed; lists / entries; spells opened / closed | — | {f.get('job_states_reviewed')} / {f.get('job_states_changed')}; {f.get('job_lists')} / {f.get('job_entries')}; {f.get('job_spells_opened')} / {f.get('job_spells_closed')} | |")
print(f"| … RSS of the job's process before the job / peak during it (VmRSS every 100 ms) / VmHWM; the api's after it | ≤ 300 MB | {f.get('job_rss_before_mib')} / {f.get('job_rss_peak_mib')} / {f.get('job_rss_hwm_mib')} MiB; {f.get('job_api_rss_mib', '—')} MiB | {mark((num('job_rss_hwm_mib') or 1e9) * 1.048576 <= 300)} |")
print(f"| … CPU: service / PostgreSQL / other work on the machine | — | {f.get('cpu_job_service_s')} / {f.get('cpu_job_pg_s')} / {f.get('cpu_job_others_s')} s | |")
again, again_wall = num("job_again_ms"), num("job_again_wall_ms")
print(f"| the same morning again, undone and made again in the worker that has now run one: completed_at − started_at (POST → committed row) | ≤ 2 s | {fmt(again / 1000 if again else None, 2)} s ({fmt(again_wall / 1000 if again_wall else None, 2)} s) | {mark(again is not None and again <= 2000)} |")
print(f"| … states reviewed / changed; RSS peak / VmHWM; CPU: service / PostgreSQL / other work | — | {f.get('job_again_states_reviewed')} / {f.get('job_again_states_changed')}; {f.get('job_again_rss_peak_mib')} / {f.get('job_again_rss_hwm_mib')} MiB; {f.get('cpu_job_again_service_s')} / {f.get('cpu_job_again_pg_s')} / {f.get('cpu_job_again_others_s')} s | |")
for name, label in (("read", "every pregnancy read and reviewed"), ("stale", "every review date stale: every pregnancy read, reviewed and written")):
    full, full_wall = num(f"job_full_{name}_ms"), num(f"job_full_{name}_wall_ms")
    print(f"| daily overdue job, full run after a policy change ({label}; load {f.get(f'load_job_full_{name}', '?')}): completed_at − started_at (POST → committed row) | ≤ 60 s | {fmt(full / 1000 if full else None, 2)} s ({fmt(full_wall / 1000 if full_wall else None, 2)} s) | {mark(full_wall is not None and full_wall <= 60000)} |")
    print(f"| … states reviewed / changed; entries | — | {f.get(f'job_full_{name}_states_reviewed')} / {f.get(f'job_full_{name}_states_changed')}; {f.get(f'job_full_{name}_entries')} | |")
    print(f"| … RSS peak of the job's process during it (VmRSS every 100 ms) / VmHWM | ≤ 300 MB | {f.get(f'job_full_{name}_rss_peak_mib')} / {f.get(f'job_full_{name}_rss_hwm_mib')} MiB | {mark((num(f'job_full_{name}_rss_hwm_mib') or 1e9) * 1.048576 <= 300)} |")
    print(f"| … CPU: service / PostgreSQL / other work on the machine | — | {f.get(f'cpu_job_full_{name}_service_s')} / {f.get(f'cpu_job_full_{name}_pg_s')} / {f.get(f'cpu_job_full_{name}_others_s')} s | |")
print(f"| hand-written statement, same overdue set, for reference (first / median of 3; after the job) | — | {f.get('sql_first_before_ms')} / {f.get('sql_median_before_ms')} ms; {f.get('sql_median_after_ms')} ms ({f.get('sql_overdue_count')} overdue or lost) | |")
if wall and sql:
    print(f"| job / statement (POST → commit / median), for reference | — (retired) | {wall / sql:.1f}× | |")
names = {
    "pregnancies_township": ("GET /api/pregnancies, township, first 50", "p99 ≤ 20 ms"),
    "pregnancies_county": ("GET /api/pregnancies, county, first 50", "p99 ≤ 50 ms"),
    "overdue_township": ("GET /api/overdue, township (whole list, limit=500)", "p99 ≤ 20 ms"),
    "overdue_county": ("GET /api/overdue, county, first page (default limit 100)", "p99 ≤ 50 ms"),
    "cases_city": ("GET /api/cases, the case board of a city, first 50", "p99 ≤ 50 ms"),
    "cases_county": ("GET /api/cases, the case board of a county, first 50", "p99 ≤ 50 ms"),
    "cases_township": ("GET /api/cases, the case board of a township, first 50", "p99 ≤ 20 ms"),
    "referrals_city": ("GET /api/referrals, a city's inbox, first 50", "p99 ≤ 50 ms"),
    "referrals_facility": ("GET /api/referrals, a facility's inbox (county MCH), first 50", "p99 ≤ 20 ms"),
    "transfers_city": ("GET /api/transfers, a city's inbox, first 50", "p99 ≤ 50 ms"),
    "transfers_township": ("GET /api/transfers, a township's inbox, first 50", "p99 ≤ 20 ms"),
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
print(f"| RSS at the end: api / worker | — | {f.get('rss_end_mib')} / {f.get('rss_end_worker_mib', '—')} MiB | |")
print(f"\nLoad average (1/5/15 min) at the start: {f.get('load_start')}; at the end: {f.get('load_end')}.")
