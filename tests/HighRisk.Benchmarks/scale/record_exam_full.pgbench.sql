-- pgbench: every statement the service sends for one POST /api/pregnancies/{id}/exams (read from
-- pg_stat_statements during the HTTP run), in the same order and transaction, with the same parameters where it
-- matters: the account look-up (SecurityMiddleware), the idempotency key claimed first and its response stored last
-- (IdempotencyMiddleware), the facility check (validator), the row lock, the pregnancy + woman and the exams
-- (split query), the exam insert and the pregnancy update inside EF's savepoint, the audit row, and a grade-history row
-- for :gc_permille per mille. Only the two connection resets (DISCARD ALL) are left out.
-- Run with -M extended -D ntargets=… -D gc_permille=… -D user_id=….
\set n random(1, :ntargets)
\set r random(1, 1000)
\set k random(1, 2000000000)
SELECT id AS pid FROM bench_targets WHERE n = :n \gset
SELECT s.id, s.access_failed_count, s.concurrency_stamp, s.created_at, s.disabled, s.display_name, s.division_code, s.email,
       s.email_confirmed, s.facility_code, s.lockout_enabled, s.lockout_end, s.normalized_email, s.normalized_user_name,
       s.password_hash, s.phone_number, s.phone_number_confirmed, s.role, s.security_stamp, s.two_factor_enabled, s.user_name
FROM staff_users AS s WHERE s.id = :user_id AND NOT (s.disabled) LIMIT 2;
BEGIN TRANSACTION ISOLATION LEVEL READ COMMITTED;
INSERT INTO idempotency_records (key, request_hash, status_code, created_at)
VALUES (CAST(:user_id AS text) || chr(58) || 'pgbench-' || CAST(:k AS text) || '-' || CAST(:client_id AS text), 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855', 0, now())
ON CONFLICT (key) DO NOTHING;
SELECT EXISTS (SELECT 1 FROM facilities AS f WHERE f.code = '430304-MCH');
SELECT 1 FROM pregnancies WHERE id = :pid FOR UPDATE;
SELECT p.id, p.address, p.booked_at, p.booking_date, p.catalogue_version, p.closed_at, p.delivery_mode, p.discharge_date, p.division_code,
       p.edd, p.facility_code, p.factors, p.findings, p.grade, p.graded_at, p.health_worker, p.height_cm, p.history, p.lmp, p.number,
       p.outcome, p.outcome_date, p.purple, p.raises, p.responsible_user_id, p.status, p.township_code, p.weight_kg, p.woman_id,
       p.care_due_date, p.care_due_kind, p.failed_attempts, p.first_failed_attempt, p.last_contact_date,
       p.last_failed_attempt, p.next_due_date, p.next_due_kind, p.postpartum_visit_done, p.referral_due_date, s.follow_up_state,
       w.id, w.birth_date, w.created_at, w.full_name, w.full_name_masked, w.mobile_cipher, w.mobile_hash, w.mobile_masked,
       w.resident_id_cipher, w.resident_id_hash, w.resident_id_masked
FROM pregnancies AS p INNER JOIN follow_up_states AS s ON p.id = s.pregnancy_id INNER JOIN women AS w ON p.woman_id = w.id
WHERE (false OR p.division_code LIKE '430304%' OR p.facility_code = '430304-MCH') AND p.id = :pid
ORDER BY p.id, w.id LIMIT 2;
SELECT e.id, e.exam_date, e.examiner, e.facility_code, e.findings, e.grade_after, e.measurements, e.next_appointment, e.note,
       e.pregnancy_id, e.purple_after, e.recorded_at, e.resolved, s.id, s.id0
FROM (SELECT p.id, w.id AS id0 FROM pregnancies AS p INNER JOIN women AS w ON p.woman_id = w.id
      WHERE (false OR p.division_code LIKE '430304%' OR p.facility_code = '430304-MCH') AND p.id = :pid
      ORDER BY p.id, w.id LIMIT 1) AS s
INNER JOIN exams AS e ON s.id = e.pregnancy_id
ORDER BY s.id, s.id0;
SAVEPOINT "__EFSavePoint";
INSERT INTO exams (id, exam_date, examiner, facility_code, findings, grade_after, measurements, next_appointment, note, pregnancy_id,
                   purple_after, recorded_at, resolved)
VALUES (gen_random_uuid(), current_date, '压测医生', '430304-MCH', '{}', 'Green',
        '{"platelets": 210, "hemoglobin": 121, "systolicBp": 118, "diastolicBp": 76, "fundalHeight": 24, "fetalHeartRate": 142}',
        current_date + 14, NULL, :pid, false, now(), '[]');
UPDATE pregnancies SET graded_at = now(), care_due_date = current_date + 14, last_contact_date = current_date, next_due_date = current_date + 14
WHERE id = :pid;
UPDATE follow_up_states SET follow_up_state = 'OnTrack', follow_up_review_on = CASE WHEN follow_up_review_on <= (now() AT TIME ZONE 'Asia/Shanghai')::date THEN follow_up_review_on
           WHEN follow_up_state IN ('Overdue', 'Lost') THEN (now() AT TIME ZONE 'Asia/Shanghai')::date ELSE current_date + 22 END
WHERE pregnancy_id = :pid;
\if :r <= :gc_permille
INSERT INTO grade_changes (id, catalogue_version, cause, changed_at, changed_by, exam_id, factors, from_colour, from_purple, pregnancy_id,
                           to_colour, to_purple)
VALUES (gen_random_uuid(), 'cn-nhfpc-2017@2017.2', 'Exam', now(), '压测医生', NULL, '[]', 'Green', false, :pid, 'Yellow', false) RETURNING sequence;
\endif
RELEASE SAVEPOINT "__EFSavePoint";
SAVEPOINT "__EFSavePoint";
INSERT INTO audit_events (action, at, detail, entity, entity_id, remote_address, role, user_name)
VALUES ('Create', now(), 'RecordExam 00000000-0000-0000-0000-000000000000', 'pregnancy', :pid, '127.0.0.1', 'HealthWorker', 'bench-worker') RETURNING id;
RELEASE SAVEPOINT "__EFSavePoint";
UPDATE idempotency_records SET status_code = 201, content_type = 'application/json; charset=utf-8',
       location = '/api/pregnancies/' || CAST(:pid AS text) || '/exams/00000000-0000-0000-0000-000000000000',
       body = repeat('x', 1200)
WHERE key = CAST(:user_id AS text) || chr(58) || 'pgbench-' || CAST(:k AS text) || '-' || CAST(:client_id AS text);
COMMIT;
