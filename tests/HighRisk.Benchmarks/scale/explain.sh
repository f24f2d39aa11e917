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
overdue_sql() { # prefix
  cat <<SQL
SELECT o.list_id, o.rank, o.colour, o.days_overdue, o.due_date, o.due_kind, o.facility_code, o.failed_attempts, o.gestational_weeks, o.postpartum_day, o.health_worker, o.last_contact_date, o.pregnancy_id, o.purple, o.state, o.village_code, o1.township_code AS "TownshipCode", w.full_name_masked, w.mobile_cipher, w.mobile_masked
FROM overdue_list_entries AS o INNER JOIN overdue_lists AS o1 ON o.list_id = o1.id
INNER JOIN pregnancies AS p ON o.pregnancy_id = p.id INNER JOIN women AS w ON p.woman_id = w.id
WHERE EXISTS (SELECT 1 FROM overdue_lists AS o0 WHERE o0.id = o.list_id AND o0.business_date = DATE '$TODAY' AND o0.township_code LIKE '$1%') AND o.village_code LIKE '$1%'
ORDER BY o1.township_code, o.rank
SQL
}

for prefix in "$TOWNSHIP" "$COUNTY"; do
  echo "=== GET /api/pregnancies?division=$prefix&limit=50: the page query"
  q -c "EXPLAIN (ANALYZE, BUFFERS) $(list_sql "$prefix")"
  echo "=== GET /api/overdue?division=$prefix: the entries query"
  q -c "EXPLAIN (ANALYZE, BUFFERS) $(overdue_sql "$prefix")"
done

# The job's state expression (DailyOverdueJob.UpdateStatesAsync) with the seeded policy's day counts.
STATE="CASE
        WHEN next_due_date IS NULL THEN 'None'
        WHEN moved_away_on IS NOT NULL THEN 'Lost'
        WHEN DATE '$TOMORROW' - next_due_date >= 28 AND (last_contact_date IS NULL OR last_contact_date < next_due_date) THEN 'Lost'
        WHEN failed_attempts >= 2 AND last_failed_attempt - first_failed_attempt >= 14 THEN 'Lost'
        WHEN DATE '$TOMORROW' > next_due_date + CASE WHEN next_due_kind = 'RedContact' THEN 0 WHEN purple THEN least(CASE grade WHEN 'Red' THEN 1 WHEN 'Orange' THEN 3 WHEN 'Yellow' THEN 7 ELSE 7 END, 3) ELSE CASE grade WHEN 'Red' THEN 1 WHEN 'Orange' THEN 3 WHEN 'Yellow' THEN 7 ELSE 7 END END THEN 'Overdue'
        ELSE 'OnTrack'
    END"
echo "=== the daily job's state update and snapshot for $TOMORROW (inside a transaction that is rolled back)"
q <<SQL
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, WAL)
UPDATE pregnancies SET follow_up_state = $STATE
WHERE (status = 'Open' OR (outcome = 'Delivery' AND next_due_date IS NOT NULL)) AND follow_up_state <> $STATE;
EXPLAIN (ANALYZE, BUFFERS, WAL)
WITH due AS (
    SELECT id, township_code, division_code, facility_code, grade, purple, greatest(0, (DATE '$TOMORROW' - lmp) / 7) AS weeks,
        CASE WHEN outcome = 'Delivery' THEN greatest(0, DATE '$TOMORROW' - outcome_date) END AS postpartum_day,
        next_due_date, next_due_kind, greatest(0, DATE '$TOMORROW' - next_due_date) AS days_overdue, follow_up_state,
        last_contact_date, failed_attempts, health_worker,
        CASE WHEN grade = 'Red' THEN 0 WHEN grade = 'Orange' THEN 1 WHEN purple THEN 2 WHEN grade = 'Yellow' THEN 3 ELSE 4 END AS urgency
    FROM pregnancies
    WHERE follow_up_state IN ('Overdue', 'Lost') AND (status = 'Open' OR outcome = 'Delivery')
), lists AS (
    INSERT INTO overdue_lists (id, business_date, township_code, created_at, red, orange, purple, yellow, green, lost, total)
    SELECT gen_random_uuid(), DATE '$TOMORROW', township_code, now(),
        count(*) FILTER (WHERE urgency = 0), count(*) FILTER (WHERE urgency = 1), count(*) FILTER (WHERE urgency = 2),
        count(*) FILTER (WHERE urgency = 3), count(*) FILTER (WHERE urgency = 4),
        count(*) FILTER (WHERE follow_up_state = 'Lost'), count(*)
    FROM due GROUP BY township_code
    ON CONFLICT (business_date, township_code) DO NOTHING
    RETURNING id, township_code
)
INSERT INTO overdue_list_entries (list_id, rank, pregnancy_id, village_code, facility_code,
    colour, purple, gestational_weeks, postpartum_day, due_date, due_kind, days_overdue, state, last_contact_date, failed_attempts, health_worker)
SELECT l.id, row_number() OVER (PARTITION BY d.township_code ORDER BY d.urgency, d.days_overdue DESC, d.next_due_date, d.id),
    d.id, d.division_code, d.facility_code, d.grade, d.purple, d.weeks, d.postpartum_day,
    d.next_due_date, d.next_due_kind, d.days_overdue, d.follow_up_state, d.last_contact_date, d.failed_attempts, d.health_worker
FROM due d JOIN lists l ON l.township_code = d.township_code;
ROLLBACK;
SQL
