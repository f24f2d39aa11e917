-- pgbench: the SQL core of one record-exam (产检) transaction, as RecordExam.Handler does it, for a random pregnancy
-- of the same pre-selected set the HTTP run uses (bench_targets, made by run.sh):
-- lock the pregnancy row, read it with the woman, read its exams, insert the exam, update her review row (the review
-- date as FollowUpSchedule.PlanReview works it out: the next morning for a woman who was overdue or lost, else the day
-- after 14 days and 7 days' grace) and the pregnancy's grade and schedule columns, and insert a grade-history row for :gc_permille per mille of the exams (the share the HTTP run
-- produced). Run with -M extended (Npgsql's protocol, unprepared) and -D ntargets=… -D gc_permille=….
\set n random(1, :ntargets)
\set r random(1, 1000)
SELECT id AS pid FROM bench_targets WHERE n = :n \gset
BEGIN;
SELECT 1 FROM pregnancies WHERE id = :pid FOR UPDATE;
SELECT p.id, p.lmp, p.edd, p.booking_date, p.history, p.findings, p.raises, p.grade, p.purple, p.factors, p.catalogue_version,
       p.status, p.height_cm, p.weight_kg, p.next_due_date, p.care_due_date, p.last_contact_date, p.follow_up_state,
       w.id AS woman_id, w.birth_date, w.full_name_masked
FROM pregnancies p JOIN women w ON w.id = p.woman_id WHERE p.id = :pid;
SELECT id, exam_date, measurements, findings, resolved, recorded_at FROM exams WHERE pregnancy_id = :pid ORDER BY pregnancy_id;
INSERT INTO exams (id, pregnancy_id, exam_date, facility_code, examiner, measurements, findings, resolved, note,
                   next_appointment, recorded_at, grade_after, purple_after)
VALUES (gen_random_uuid(), :pid, current_date, '430304-MCH', '压测医生',
        '{"platelets": 210, "hemoglobin": 121, "systolicBp": 118, "diastolicBp": 76, "fundalHeight": 24, "fetalHeartRate": 142}',
        '{}', '[]', NULL, current_date + 14, now(), 'Green', false);
UPDATE follow_up_reviews AS f SET revision = f.revision + 1,
       review_on = CASE WHEN f.review_on <= (now() AT TIME ZONE 'Asia/Shanghai')::date THEN f.review_on
           WHEN p.follow_up_state IN ('Overdue', 'Lost') THEN (now() AT TIME ZONE 'Asia/Shanghai')::date ELSE current_date + 22 END
FROM pregnancies AS p WHERE p.id = :pid AND f.pregnancy_id = p.id;
UPDATE pregnancies SET graded_at = now(), factors = factors, last_contact_date = current_date, care_due_date = current_date + 14,
       care_due_kind = 'Antenatal', next_due_date = current_date + 14, next_due_kind = 'Antenatal', follow_up_state = 'OnTrack'
WHERE id = :pid;
\if :r <= :gc_permille
INSERT INTO grade_changes (id, pregnancy_id, from_colour, to_colour, from_purple, to_purple, factors, exam_id, cause,
                           catalogue_version, changed_by, changed_at)
VALUES (gen_random_uuid(), :pid, 'Green', 'Yellow', false, false, '[]', NULL, 'Exam', 'cn-nhfpc-2017@2017.2', '压测医生', now());
\endif
COMMIT;
