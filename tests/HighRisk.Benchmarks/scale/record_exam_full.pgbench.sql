-- pgbench: every statement the service sends for one POST /api/pregnancies/{id}/exams (as RecordExamRoundTripTests
-- prints them: docs/benchmarks.md, "Issue 21 item 1"), in the same order and transaction, with the same parameters
-- where it matters: the plans' setting (PlansInTransactions, sent with the BEGIN), the row lock, one read of the
-- pregnancy, the woman and the exams, her reminder plan (the next due date moved), then one batch — the audit row, the
-- exam, the idempotency key with the response still to come, the pregnancy's schedule and follow-up state, and a
-- grade-history row for :gc_permille per mille — and the response stored on the key. The account and the facility come
-- from memory. Only the pooled connection's reset (DISCARD ALL) is left out. Run with -M extended -D ntargets=… -D
-- gc_permille=… -D user_id=….
\set n random(1, :ntargets)
\set r random(1, 1000)
\set k random(1, 9000000000000000000)
SELECT id AS pid FROM bench_targets WHERE n = :n \gset
BEGIN TRANSACTION ISOLATION LEVEL READ COMMITTED;
SET LOCAL plan_cache_mode = auto;
SELECT 1 FROM pregnancies WHERE id = :pid FOR UPDATE;
SELECT s.id, s.address, s.booked_at, s.booking_date, s.catalogue_version, s.closed_at, s.delivery_facility_code, s.delivery_mode,
       s.discharge_date, s.division_code, s.edd, s.facility_code, s.factors, s.findings, s.grade, s.graded_at, s.health_worker, s.height_cm,
       s.history, s.lmp, s.merged_into_id, s.number, s.outcome, s.outcome_date, s.purple, s.raises, s.receiving_facility,
       s.responsible_user_id, s.status, s.township_code, s.weight_kg, s.woman_id, s.care_due_date, s.care_due_kind, s.failed_attempts,
       s.first_failed_attempt, s.last_contact_date, s.last_failed_attempt, s.moved_away_on, s.next_due_date, s.next_due_kind,
       s.postpartum_visit_done, s.referral_due_date, s.follow_up_state, s.review_on, s.revision, s.id0, s.birth_date, s.created_at,
       s.full_name, s.full_name_masked, s.mobile_cipher, s.mobile_hash, s.mobile_masked, s.resident_id_cipher, s.resident_id_hash,
       s.resident_id_masked, e.id, e.exam_date, e.examiner, e.facility_code, e.findings, e.grade_after, e.measurements,
       e.next_appointment, e.note, e.pregnancy_id, e.purple_after, e.recorded_at, e.resolved
FROM (
    SELECT p.id, p.address, p.booked_at, p.booking_date, p.catalogue_version, p.closed_at, p.delivery_facility_code, p.delivery_mode,
           p.discharge_date, p.division_code, p.edd, p.facility_code, p.factors, p.findings, p.grade, p.graded_at, p.health_worker,
           p.height_cm, p.history, p.lmp, p.merged_into_id, p.number, p.outcome, p.outcome_date, p.purple, p.raises, p.receiving_facility,
           p.responsible_user_id, p.status, p.township_code, p.weight_kg, p.woman_id, p.care_due_date, p.care_due_kind, p.failed_attempts,
           p.first_failed_attempt, p.last_contact_date, p.last_failed_attempt, p.moved_away_on, p.next_due_date, p.next_due_kind,
           p.postpartum_visit_done, p.referral_due_date, p.follow_up_state, f.review_on, f.revision, w.id AS id0, w.birth_date,
           w.created_at, w.full_name, w.full_name_masked, w.mobile_cipher, w.mobile_hash, w.mobile_masked, w.resident_id_cipher,
           w.resident_id_hash, w.resident_id_masked
    FROM pregnancies AS p
    INNER JOIN follow_up_reviews AS f ON p.id = f.pregnancy_id
    INNER JOIN women AS w ON p.woman_id = w.id
    WHERE (false OR p.division_code LIKE '430304%' OR p.facility_code = '430304-MCH') AND p.id = :pid
    LIMIT 2
) AS s
LEFT JOIN exams AS e ON s.id = e.pregnancy_id
ORDER BY s.id, s.id0;
SELECT r1.pregnancy_id, r1.consent_date, r1.consent_given, r1.consent_history, r1.consent_note, r1.consent_recorded_at,
       r1.consent_recorded_by, r1.consent_source, r1.woman_id, r0.id, r0.cancelled_at, r0.cancelled_because, r0.due_date,
       r0.last_contact_when_queued, r0.moment, r0.not_before, r0.pregnancy_id, r0.queued_at, r0.send_on, r0.sms_message_id, r0.status,
       r0.woman_id
FROM (SELECT r.* FROM reminder_plans AS r WHERE r.pregnancy_id = :pid LIMIT 2) AS r1
LEFT JOIN reminders AS r0 ON r1.pregnancy_id = r0.pregnancy_id
ORDER BY r1.pregnancy_id;
INSERT INTO audit_events (action, at, detail, entity, entity_id, remote_address, role, user_name)
VALUES ('Create', now(), 'RecordExam 00000000-0000-0000-0000-000000000000', 'pregnancy', :pid, '127.0.0.1', 'HealthWorker', 'bench-worker') RETURNING id;
INSERT INTO exams (id, exam_date, examiner, facility_code, findings, grade_after, measurements, next_appointment, note, pregnancy_id,
                   purple_after, recorded_at, resolved)
VALUES (gen_random_uuid(), current_date, '压测医生', '430304-MCH', '{}', 'Green',
        '{"platelets": 210, "hemoglobin": 121, "systolicBp": 118, "diastolicBp": 76, "fundalHeight": 24, "fetalHeartRate": 142}',
        current_date + 14, NULL, :pid, false, now(), '[]');
INSERT INTO idempotency_records (key, body, content_type, created_at, location, request_hash, status_code)
VALUES (CAST(:user_id AS text) || chr(58) || 'pgbench-' || CAST(:k AS text) || '-' || CAST(:client_id AS text), NULL, NULL, now(), NULL,
        'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855', 0);
UPDATE follow_up_reviews AS f SET revision = f.revision + 1,
       review_on = CASE WHEN f.review_on <= (now() AT TIME ZONE 'Asia/Shanghai')::date THEN f.review_on
           WHEN p.follow_up_state IN ('Overdue', 'Lost') THEN (now() AT TIME ZONE 'Asia/Shanghai')::date ELSE current_date + 22 END
FROM pregnancies AS p WHERE p.id = :pid AND f.pregnancy_id = p.id;
UPDATE pregnancies SET graded_at = now(), care_due_date = current_date + 14, last_contact_date = current_date, next_due_date = current_date + 14,
       follow_up_state = 'OnTrack'
WHERE id = :pid;
\if :r <= :gc_permille
INSERT INTO grade_changes (id, catalogue_version, cause, changed_at, changed_by, exam_id, factors, from_colour, from_purple, pregnancy_id,
                           to_colour, to_purple)
VALUES (gen_random_uuid(), 'cn-nhfpc-2017@2017.2', 'Exam', now(), '压测医生', NULL, '[]', 'Green', false, :pid, 'Yellow', false) RETURNING sequence;
\endif
INSERT INTO idempotency_records AS r (key, request_hash, status_code, content_type, location, body, created_at)
VALUES (CAST(:user_id AS text) || chr(58) || 'pgbench-' || CAST(:k AS text) || '-' || CAST(:client_id AS text),
        'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855', 201, 'application/json; charset=utf-8',
        '/api/pregnancies/' || CAST(:pid AS text) || '/exams/00000000-0000-0000-0000-000000000000', repeat('x', 1200), now())
ON CONFLICT (key) DO UPDATE SET status_code = EXCLUDED.status_code, content_type = EXCLUDED.content_type,
    location = EXCLUDED.location, body = EXCLUDED.body
WHERE r.status_code = 0;
COMMIT;
