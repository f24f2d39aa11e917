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
# The overdue list's read, written after EF Core's query for OverdueRows (the spells of the day's lists, with names).
overdue_sql() { # prefix
  cat <<SQL
SELECT o.id, o.colour, o.delivered_on, o.due_date, o.due_kind, o.facility_code, o.failed_attempts, o.from_date, o.health_worker, o.last_contact_date, o.lmp, o.pregnancy_id, o.purple, o.state, o.township_code, o.until_date, o.village_code, w.full_name_masked, w.mobile_cipher, w.mobile_masked
FROM overdue_spells AS o
INNER JOIN pregnancies AS p ON o.pregnancy_id = p.id INNER JOIN women AS w ON p.woman_id = w.id
WHERE o.from_date <= DATE '$TODAY' AND o.until_date > DATE '$TODAY' AND EXISTS (
    SELECT 1 FROM overdue_lists AS o0 WHERE o0.business_date = DATE '$TODAY' AND o0.township_code = o.township_code AND o0.township_code LIKE '$1%')
  AND o.village_code LIKE '$1%'
SQL
}

for prefix in "$TOWNSHIP" "$COUNTY"; do
  echo "=== GET /api/pregnancies?division=$prefix&limit=50: the page query"
  q -c "EXPLAIN (ANALYZE, BUFFERS) $(list_sql "$prefix")"
  echo "=== GET /api/overdue?division=$prefix: the entries query"
  q -c "EXPLAIN (ANALYZE, BUFFERS) $(overdue_sql "$prefix")"
done

# The daily job's statements are written by DailyOverdueJob from the policy; their times during the measured run are in
# out/statements-job.tsv (pg_stat_statements).
