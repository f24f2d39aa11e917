#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of the statements behind the measured reads and the daily job, written as the service
# sends them (EF Core's SQL from pg_stat_statements) with the parameter values of the run in place, which is what
# PostgreSQL plans for Npgsql's unprepared statements (a custom plan per execution).
#   explain.sh SOCKET_DIR TODAY TOWNSHIP COUNTY
set -euo pipefail
SOCK=$1; TODAY=$2; TOWNSHIP=$3; COUNTY=$4
TOMORROW=$(date -d "$TODAY + 1 day" +%F)
q() { psql -h "$SOCK" -U postgres -d highrisk -X -v ON_ERROR_STOP=1 "$@"; }

list_sql() { # prefix
  cat <<SQL
SELECT p0.id AS "Id", p0.number AS "Number", w.full_name AS "FullName", w.resident_id_masked AS "ResidentIdMasked", w.mobile_cipher AS "MobileCipher", w.mobile_masked AS "MobileMasked", p0.division_code AS "DivisionCode", p0.lmp AS "Lmp", p0.edd AS "Edd", p0.grade AS "Grade", p0.purple AS "Purple", p0.status AS "Status", p0.health_worker AS "HealthWorker", p0.booking_date AS "BookingDate", p0.outcome_date AS "OutcomeDate", p0.next_due_date AS "NextDueDate", p0.follow_up_state AS "State"
FROM (
    SELECT p.id, p.booking_date, p.division_code, p.edd, p.grade, p.health_worker, p.lmp, p.number, p.outcome_date, p.purple, p.status, p.woman_id, p.next_due_date, p.follow_up_state
    FROM pregnancies AS p
    WHERE (false OR p.division_code LIKE '$1%') AND p.division_code LIKE '$1%'
    ORDER BY p.number DESC
    LIMIT 51
) AS p0
INNER JOIN women AS w ON p0.woman_id = w.id
ORDER BY p0.number DESC
SQL
}
# The overdue list's first page, written after EF Core's query for OverdueRows.PageAsync: the day's spells of the
# division's townships (a range of codes) in the list's order (ix_overdue_spells_list_order), 101 of them, with names.
overdue_sql() { # prefix upper-bound-of-the-prefix
  local township="o.township_code >= '$1' AND o.township_code < '$2'"
  [ ${#1} -ge 9 ] && township="o.township_code = '$1'"
  cat <<SQL
SELECT s.id, s.colour, s.delivered_on, s.due_date, s.due_kind, s.facility_code, s.failed_attempts, s.from_date, s.health_worker, s.last_contact_date, s.lmp, s.pregnancy_id, s.purple, s.state, s.township_code, s.until_date, s.urgency, s.village_code, w.full_name_masked, w.mobile_cipher, w.mobile_masked
FROM (
    SELECT o.* FROM overdue_spells AS o
    WHERE o.from_date <= DATE '$TODAY' AND o.until_date > DATE '$TODAY'
      AND EXISTS (SELECT 1 FROM overdue_lists AS o0 WHERE o0.business_date = DATE '$TODAY' AND o0.township_code = o.township_code)
      AND $township AND (o.village_code LIKE '$1%' OR o.facility_code IS NULL)
    ORDER BY o.township_code, o.urgency, o.due_date, o.pregnancy_id
    LIMIT 101
) AS s
INNER JOIN pregnancies AS p ON s.pregnancy_id = p.id INNER JOIN women AS w ON p.woman_id = w.id
ORDER BY s.township_code, s.urgency, s.due_date, s.pregnancy_id
SQL
}

for prefix in "$TOWNSHIP" "$COUNTY"; do
  echo "=== GET /api/pregnancies?division=$prefix&limit=50: the page query"
  q -c "EXPLAIN (ANALYZE, BUFFERS) $(list_sql "$prefix")"
  echo "=== GET /api/overdue?division=$prefix: the first page's entries query"
  q -c "EXPLAIN (ANALYZE, BUFFERS) $(overdue_sql "$prefix" "$(python3 -c "import sys; p = sys.argv[1]; print(str(int(p) + 1))" "$prefix")")"
done

# The daily job's statements are written by DailyOverdueJob from the policy; their times during the measured run are in
# out/statements-job.tsv (pg_stat_statements).
