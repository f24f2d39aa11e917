-- Bulk-loads the scale benchmark's register: :n open pregnancies (one woman each), about 3 exams each, one booking
-- grade-change row each, a case for each orange, red or purple one, referrals for 15 % of the cases and transfers for
-- 0.5 % of the women, set-based (INSERT … SELECT generate_series),
-- never through the API.
--
-- psql variables (set by run.sh):
--   today          business date of the run (Asia/Shanghai), e.g. 2026-11-24
--   n              open pregnancies to load (1000000)
--   xt_per_town    pregnancies per Xiangtan (4303) township (2000): 雨湖区 430302 then holds 12 × 2000 = 24,000
--   catalogue      the catalogue version the service grades with (cn-nhfpc-2017@2017.2), so no re-grade starts
--   policy         the SHA-256 of seeds/policy/follow-up-policy.json, the fingerprint yesterday's run kept
-- Tables made by run.sh beforehand from a few women booked through the API (real Data Protection payloads):
--   bench_ciphers(k, resident_id_cipher, resident_id_masked, mobile_cipher, mobile_masked)   k = 0 … count-1
--   bench_factors(grade, purple, factors)   the engine's factors JSON for each grade × purple
--
-- Grades: 55 % green, 33 % yellow (coded y_art), 10 % orange (o_asthma), 1.5 % red (r_thromboembolism), and 3 %
-- purple (p_infectious) beside the colour, coded at booking so that the engine re-grades them to the same colour.
-- Next due dates: 87.5 % not yet due, 4 % past due within the colour's grace, 7 % overdue, 1.5 % lost (≥ 28 days),
-- follow-up state and review date computed as of yesterday, and yesterday's lists stored (as the 07:00 job left
-- them), so today's run is a normal day-over-day run.
\set ON_ERROR_STOP on
\timing on
SET work_mem = '512MB';
SET maintenance_work_mem = '1GB';
-- The rows are consistent by construction: skip the per-row foreign-key triggers while loading.
SET session_replication_role = replica;

-- Townships: Xiangtan's first (pick 0 … 69), then every other township in Hunan (pick 70 …).
DROP TABLE IF EXISTS bench_townships;
CREATE UNLOGGED TABLE bench_townships AS
SELECT row_number() OVER (ORDER BY (d.code LIKE '4303%') DESC, d.code) - 1 AS pick,
       d.code,
       (d.code LIKE '4303%') AS xiangtan,
       (SELECT min(f.code) FROM facilities f WHERE f.division_code = d.code AND f.kind IN ('TownshipHealthCentre', 'CommunityHealthCentre')) AS facility,
       left(d.code, 6) || '-MCH' AS county_mch,
       coalesce((SELECT array_agg(v.code ORDER BY v.code) FROM divisions v WHERE v.parent_code = d.code AND v.level = 'Village'), ARRAY[]::varchar[]) AS villages
FROM divisions d
WHERE d.level = 'Township';
CREATE UNIQUE INDEX ON bench_townships (pick);
ANALYZE bench_townships;

SELECT count(*) FILTER (WHERE xiangtan) AS xiangtan_townships, count(*) AS townships,
       count(*) FILTER (WHERE facility IS NULL) AS without_facility
FROM bench_townships \gset
\echo townships: :townships (Xiangtan :xiangtan_townships), without a facility: :without_facility
SELECT count(*) AS cipher_rows FROM bench_ciphers \gset

-- One row per pregnancy with every random choice made once.
DROP TABLE IF EXISTS bench_p;
CREATE UNLOGGED TABLE bench_p AS
WITH base AS (
    SELECT g,
           CASE WHEN g <= :xt_per_town * :xiangtan_townships THEN g % :xiangtan_townships
                ELSE :xiangtan_townships + g % (:townships - :xiangtan_townships) END AS pick,
           random() AS r_grade, random() AS r_purple, random() AS r_ga, random() AS r_day, random() AS r_due,
           random() AS r_due2, random() AS r_book, random() AS r_ex, random() AS r_fac, random() AS r_vill, random() AS r_age
    FROM generate_series(1, :n) AS g
), graded AS (
    SELECT b.*,
           CASE WHEN r_grade < 0.55 THEN 'Green' WHEN r_grade < 0.88 THEN 'Yellow' WHEN r_grade < 0.985 THEN 'Orange' ELSE 'Red' END AS grade,
           (r_purple < 0.03) AS purple,
           8 + floor(r_ga * 34)::int AS weeks_today
    FROM base b
), scheduled AS (
    SELECT gr.*,
           (:'today'::date - weeks_today * 7 - floor(r_day * 7)::int) AS lmp,
           CASE WHEN grade = 'Red' THEN 7
                WHEN grade = 'Orange' OR purple THEN CASE WHEN weeks_today >= 37 THEN 7 ELSE 14 END
                ELSE CASE WHEN weeks_today >= 37 THEN 7 WHEN weeks_today >= 28 THEN 14 ELSE 28 END END AS interval_days,
           CASE WHEN grade = 'Red' THEN 1 WHEN grade = 'Orange' OR purple THEN 3 ELSE 7 END AS grace
    FROM graded gr
), due AS (
    SELECT s.*,
           CASE WHEN r_due < 0.875 THEN floor(r_due2 * interval_days)::int                       -- not yet due
                WHEN r_due < 0.915 THEN -(1 + floor(r_due2 * grace)::int)                         -- past due, within grace
                WHEN r_due < 0.985 THEN -(grace + 1 + floor(r_due2 * (27 - grace))::int)          -- overdue
                ELSE -(28 + floor(r_due2 * 40)::int) END AS due_offset                             -- lost to follow-up
    FROM scheduled s
), contact AS (
    SELECT d.*,
           greatest(:'today'::date + due_offset - interval_days, lmp + 42) AS last_contact
    FROM due d
)
SELECT c.g, c.pick, c.grade, c.purple, c.lmp, c.interval_days, c.last_contact,
       CASE WHEN c.last_contact = :'today'::date + c.due_offset - c.interval_days THEN :'today'::date + c.due_offset
            ELSE c.last_contact + c.interval_days END AS next_due,
       (c.lmp + 42 + floor(c.r_book * least(49, c.last_contact - (c.lmp + 42)))::int) AS booking_date,
       1 + floor(c.r_ex * 5)::int AS exams,
       CASE WHEN c.r_fac < 0.2 THEN t.county_mch ELSE t.facility END AS facility_code,
       t.code AS township_code,
       CASE WHEN cardinality(t.villages) > 0 THEN t.villages[1 + floor(c.r_vill * cardinality(t.villages))::int] ELSE t.code END AS division_code,
       -- 20–34 years old and a BMI of 19–23: no age or BMI factor, so that the engine re-grades to the stored colour.
       (:'today'::date - make_interval(years => 20 + floor(c.r_age * 15)::int, days => (c.g % 365)::int))::date AS birth_date,
       c.g % :cipher_rows AS k,
       gen_random_uuid() AS woman_id,
       gen_random_uuid() AS pregnancy_id
FROM contact c JOIN bench_townships t ON t.pick = c.pick;
ANALYZE bench_p;

INSERT INTO women (id, full_name, full_name_masked, birth_date, resident_id_hash, resident_id_cipher, resident_id_masked,
                   mobile_hash, mobile_cipher, mobile_masked, created_at)
SELECT p.woman_id, n.full_name,
       left(n.full_name, 1) || repeat('*', char_length(n.full_name) - 2) || right(n.full_name, 1),
       p.birth_date,
       upper(encode(sha256(convert_to('bench-resident-' || p.g, 'UTF8')), 'hex')),
       c.resident_id_cipher, c.resident_id_masked,
       upper(encode(sha256(convert_to('bench-mobile-' || p.g, 'UTF8')), 'hex')),
       c.mobile_cipher, c.mobile_masked,
       (p.booking_date + time '09:00') AT TIME ZONE 'Asia/Shanghai'
FROM bench_p p
JOIN bench_ciphers c ON c.k = p.k
CROSS JOIN LATERAL (SELECT (ARRAY['王','李','张','刘','陈','杨','黄','赵','周','吴','徐','孙','胡','朱','高','林','何','郭','马','罗'])[1 + p.g % 20]
                        || (ARRAY['梅','芳','娟','敏','静','丽','艳','婷','雪','琳','秀英','桂英','晓燕','春梅','海燕','丹丹','佳怡','雨欣','思雨','欣怡'])[1 + (p.g / 20) % 20]
                        || '（示例）' AS full_name) n;

-- Pregnancies in booking order, so that the case number follows the booking date as it does in the service. Their review
-- rows are written below: the trigger that writes one for a booking by the previous release is off for the load.
ALTER TABLE pregnancies DISABLE TRIGGER follow_up_review_of_a_booking_by_the_previous_release;
INSERT INTO pregnancies (id, woman_id, lmp, edd, division_code, township_code, address, facility_code, health_worker,
                         height_cm, weight_kg, history, findings, booking_date, booked_at, status, grade, purple, factors,
                         catalogue_version, graded_at, raises, care_due_date, care_due_kind, failed_attempts,
                         follow_up_state, last_contact_date, next_due_date, next_due_kind, postpartum_visit_done)
SELECT p.pregnancy_id, p.woman_id, p.lmp, p.lmp + 280, p.division_code, p.township_code,
       (1 + p.g % 12) || '组' || (1 + p.g % 60) || '号（示例地址）', p.facility_code, '示例医生',
       h.height_cm, round((19 + p.g % 5) * h.height_cm * h.height_cm / 10000.0, 1),
       '{"flags": [], "parity": 0, "abortions": 0, "cesareans": 0, "gravidity": 1, "uterineSurgeries": 0, "lastUterineSurgery": null}'::jsonb,
       (CASE p.grade WHEN 'Yellow' THEN ARRAY['y_art'] WHEN 'Orange' THEN ARRAY['o_asthma'] WHEN 'Red' THEN ARRAY['r_thromboembolism'] ELSE ARRAY[]::text[] END)
           || CASE WHEN p.purple THEN ARRAY['p_infectious'] ELSE ARRAY[]::text[] END,
       p.booking_date, (p.booking_date + time '09:00') AT TIME ZONE 'Asia/Shanghai', 'Open', p.grade, p.purple, f.factors,
       :'catalogue', (p.last_contact + time '10:00') AT TIME ZONE 'Asia/Shanghai', '[]'::jsonb,
       p.next_due, 'Antenatal',
       0,
       -- The daily job's state as of yesterday: no contact since the due date, no failed attempts, so lost on day 28,
       -- overdue after the grace.
       CASE WHEN (:'today'::date - 1) - p.next_due >= 28 THEN 'Lost'
            WHEN (:'today'::date - 1) > p.next_due + g.grace THEN 'Overdue'
            ELSE 'OnTrack' END,
       p.last_contact, p.next_due, 'Antenatal', false
FROM bench_p p
JOIN bench_factors f ON f.grade = p.grade AND f.purple = p.purple
CROSS JOIN LATERAL (SELECT 152 + p.g % 20 AS height_cm) h
CROSS JOIN LATERAL (SELECT CASE WHEN p.grade = 'Red' THEN 1 WHEN p.grade = 'Orange' OR p.purple THEN 3 ELSE 7 END AS grace) g
ORDER BY p.booking_date, p.g;
ALTER TABLE pregnancies ENABLE TRIGGER follow_up_review_of_a_booking_by_the_previous_release;

-- Her review row, written with her at booking: the date the job next looks at her, as of yesterday (day 28 once
-- overdue, the day after the grace while on track, none once lost).
INSERT INTO follow_up_reviews (pregnancy_id, review_on, revision)
SELECT p.id, CASE p.follow_up_state WHEN 'Lost' THEN NULL WHEN 'Overdue' THEN p.next_due_date + 28 ELSE p.next_due_date + g.grace + 1 END, 1
FROM bench_p b
JOIN pregnancies p ON p.id = b.pregnancy_id
CROSS JOIN LATERAL (SELECT CASE WHEN p.grade = 'Red' THEN 1 WHEN p.grade = 'Orange' OR p.purple THEN 3 ELSE 7 END AS grace) g
ORDER BY p.number;

-- The booking's grade-history row, as BookPregnancy writes it.
INSERT INTO grade_changes (id, pregnancy_id, from_colour, to_colour, from_purple, to_purple, factors, exam_id, cause,
                           catalogue_version, changed_by, changed_at)
SELECT gen_random_uuid(), p.pregnancy_id, NULL, p.grade, false, p.purple, f.factors, NULL, 'Booking', :'catalogue', '示例医生',
       (p.booking_date + time '09:00') AT TIME ZONE 'Asia/Shanghai'
FROM bench_p p
JOIN bench_factors f ON f.grade = p.grade AND f.purple = p.purple
ORDER BY p.booking_date, p.g;

-- 1 … 5 exams each (3 on average), evenly spaced from the booking to the last contact, written in date order.
INSERT INTO exams (id, pregnancy_id, exam_date, facility_code, examiner, measurements, findings, resolved, note,
                   next_appointment, recorded_at, grade_after, purple_after)
SELECT gen_random_uuid(), p.pregnancy_id, e.exam_date, p.facility_code, '示例医生',
       jsonb_build_object('systolicBp', 100 + (p.g * 7 + j) % 35, 'diastolicBp', 60 + (p.g * 5 + j) % 25,
                          'hemoglobin', 110 + (p.g * 3 + j) % 30, 'platelets', 150 + (p.g + j * 11) % 170)
           || CASE WHEN e.exam_date - p.lmp >= 84 THEN jsonb_build_object('fetalHeartRate', 120 + (p.g + j) % 40) ELSE '{}'::jsonb END,
       ARRAY[]::text[], '[]'::jsonb, NULL,
       e.exam_date + p.interval_days,
       (e.exam_date + time '10:00') AT TIME ZONE 'Asia/Shanghai', p.grade, p.purple
FROM bench_p p
CROSS JOIN LATERAL generate_series(1, p.exams) AS j
CROSS JOIN LATERAL (SELECT p.booking_date + ((p.last_contact - p.booking_date) * j) / p.exams AS exam_date) e
ORDER BY e.exam_date, p.g, j;

-- Yesterday's lists and run, as DailyOverdueJob left them: a spell from yesterday for each woman overdue or lost,
-- each township's counts, and the run with the policy's fingerprint (so today's run reads review dates, not everyone).
INSERT INTO overdue_spells (pregnancy_id, township_code, village_code, facility_code, colour, purple, lmp, delivered_on, due_date,
                            due_kind, state, last_contact_date, failed_attempts, health_worker, from_date, until_date)
SELECT id, township_code, division_code, facility_code, grade, purple, lmp, NULL, next_due_date, next_due_kind, follow_up_state,
       last_contact_date, failed_attempts, health_worker, :'today'::date - 1, 'infinity'
FROM pregnancies WHERE follow_up_state IN ('Overdue', 'Lost')
ORDER BY township_code;
INSERT INTO overdue_lists (id, business_date, township_code, created_at, red, orange, purple, yellow, green, lost, total)
SELECT gen_random_uuid(), :'today'::date - 1, township_code, now() - interval '1 day',
       count(*) FILTER (WHERE colour = 'Red'), count(*) FILTER (WHERE colour = 'Orange'), count(*) FILTER (WHERE purple AND colour NOT IN ('Red', 'Orange')),
       count(*) FILTER (WHERE colour = 'Yellow' AND NOT purple), count(*) FILTER (WHERE colour = 'Green' AND NOT purple),
       count(*) FILTER (WHERE state = 'Lost'), count(*)
FROM overdue_spells GROUP BY township_code;
INSERT INTO daily_overdue_runs (business_date, started_at, completed_at, states_changed, states_reviewed, lists, entries, spells_opened,
                                spells_closed, sms_queued, mail_queued, policy_fingerprint)
SELECT :'today'::date - 1, now() - interval '1 day', now() - interval '1 day', 0, 0, (SELECT count(*) FROM overdue_lists),
       (SELECT count(*) FROM overdue_spells), (SELECT count(*) FROM overdue_spells), 0, 0, 0, :'policy';

-- Cases (专案): one for every orange, red or purple pregnancy, opened at her booking as OpenCase opens them. 90 % of the
-- reports acknowledged six hours after the booking, the rest late (escalated); 80 % with a plan two days after the booking,
-- reviewed within the next four weeks, cared for at the county MCH institution and delivering there (a level mismatch for
-- orange and red: a county MCH institution is 二级) or at the city's (三级); the others without a plan, late once the
-- first plan's days (3 red, 7 otherwise) have passed. The flags are what Case.Review would leave.
INSERT INTO cases (id, pregnancy_id, division_code, township_code, facility_code, opened_at, opened_on, opened_as, colour, purple,
                   report_due_at, report_acknowledged_at, report_acknowledged_by, report_late, report_escalated_at, manager_id, manager_assigned_at,
                   plan_due_on, plan_count, planned_at, plan_review_on, care_facility_code, delivery_facility_code, assessment_facility_code,
                   no_plan, plan_overdue, level_mismatches, level_mismatch, review_at, status, near_miss_count,
                   edd, city_code, county_code, follow_up_overdue, board_rank)
SELECT gen_random_uuid(), p.id, p.division_code, p.township_code, p.facility_code, p.booked_at, p.booking_date,
       c.opened_as, p.grade, p.purple,
       c.due, CASE WHEN c.acked THEN p.booked_at + interval '6 hours' END, CASE WHEN c.acked THEN 'bench-county' END,
       NOT c.acked, CASE WHEN NOT c.acked THEN c.due END, NULL, NULL,
       p.booking_date + c.plan_days, CASE WHEN c.planned THEN 1 ELSE 0 END, CASE WHEN c.planned THEN p.booked_at + interval '2 days' END,
       CASE WHEN c.planned THEN :'today'::date + c.review_in END,
       CASE WHEN c.planned THEN left(p.township_code, 6) || '-MCH' END,
       CASE WHEN c.planned THEN CASE WHEN c.city_delivery THEN left(p.township_code, 4) || '-MCH' ELSE left(p.township_code, 6) || '-MCH' END END,
       NULL,
       NOT c.planned AND p.booking_date + c.plan_days < :'today'::date, false,
       CASE WHEN c.mismatch THEN '["deliveryBelowLevel"]' ELSE '[]' END::jsonb, c.mismatch,
       CASE WHEN c.planned THEN ((:'today'::date + c.review_in + 1) + time '00:00') AT TIME ZONE 'Asia/Shanghai'
            WHEN p.booking_date + c.plan_days >= :'today'::date THEN ((p.booking_date + c.plan_days + 1) + time '00:00') AT TIME ZONE 'Asia/Shanghai' END,
       'Open', 0,
       -- the board's order as Case.BoardRankOf writes it: red 0–1, orange 2–3, yellow 4–5, green 6–7, overdue first
       p.edd, left(p.division_code, 4), left(p.division_code, 6), p.follow_up_state IN ('Overdue', 'Lost'),
       (CASE p.grade WHEN 'Red' THEN 0 WHEN 'Orange' THEN 2 WHEN 'Yellow' THEN 4 ELSE 6 END) + CASE WHEN p.follow_up_state IN ('Overdue', 'Lost') THEN 0 ELSE 1 END
FROM pregnancies p
-- (each lateral draw names the outer row: an uncorrelated one would be drawn once for all rows)
CROSS JOIN LATERAL (SELECT random() AS r_ack, random() AS r_plan, random() AS r_place, (random() * 27)::int AS review_in WHERE p.id IS NOT NULL) r
CROSS JOIN LATERAL (
    SELECT CASE WHEN p.grade = 'Red' THEN 'red' WHEN p.purple THEN 'purple' ELSE 'orange' END AS opened_as,
           p.booked_at + CASE WHEN p.grade = 'Red' THEN interval '24 hours' ELSE interval '72 hours' END AS due,
           r.r_ack < 0.9 AS acked, r.r_plan < 0.8 AS planned, r.r_place < 0.3 AS city_delivery, r.review_in,
           CASE WHEN p.grade = 'Red' THEN 3 ELSE 7 END AS plan_days,
           r.r_plan < 0.8 AND r.r_place >= 0.3 AND p.grade IN ('Orange', 'Red') AS mismatch
) c
WHERE p.status = 'Open' AND (p.grade IN ('Orange', 'Red') OR p.purple)
  AND NOT EXISTS (SELECT 1 FROM cases x WHERE x.pregnancy_id = p.id);   -- the women booked through the API have theirs

-- Referrals (双向转诊): one for 15 % of the cases, sent in the last 60 days from her booking facility to her county's MCH
-- institution (60 %) or her city's (40 %), routine, urgent (20 %) or emergency (5 %). A tenth still waiting for an
-- answer (sent today), 10 % accepted, 10 % arrived, 60 % completed with feedback (80 % of it seen), 5 % declined, 5 %
-- cancelled. Late flags as Referral.Review leaves them (an outcome due 14 days after the referral), and already
-- escalated, so that no review is pending (review_at NULL: the review job has nothing to do during the benchmark).
INSERT INTO referrals (id, pregnancy_id, referred_on, to_facility_code, reason, outcome_due, completed_on, findings, treatment, advice,
                       follow_up_on, referred_by, completed_by, completed_at, accept_by, accepted_at, accepted_by, arrived_on,
                       arrival_recorded_by, declined_at, declined_by, decline_reason, cancelled_at, cancelled_by, cancel_reason,
                       division_code, facility_code, from_facility_code, feedback_seen_at, requested_at, status, urgency,
                       answer_late, outcome_late, answer_escalated_at, outcome_escalated_at, sms_on_feedback)
SELECT gen_random_uuid(), c.pregnancy_id, d.referred_on, d.to_facility, '高危因素需上级医疗机构评估（示例）', d.referred_on + 14,
       CASE WHEN d.status = 'Completed' THEN d.referred_on + 5 END,
       CASE WHEN d.status = 'Completed' THEN '评估完成（示例）' END, CASE WHEN d.status = 'Completed' THEN '对症处理（示例）' END,
       CASE WHEN d.status = 'Completed' THEN '按期产检（示例）' END, CASE WHEN d.status = 'Completed' THEN d.referred_on + 19 END,
       'bench-worker', CASE WHEN d.status = 'Completed' THEN 'bench-county' END,
       CASE WHEN d.status = 'Completed' THEN d.requested_at + interval '5 days' END,
       d.requested_at + CASE d.urgency WHEN 'Routine' THEN interval '72 hours' WHEN 'Urgent' THEN interval '24 hours' ELSE interval '2 hours' END,
       CASE WHEN d.status IN ('Accepted', 'Arrived', 'Completed') THEN d.requested_at + interval '1 hour' END,
       CASE WHEN d.status IN ('Accepted', 'Arrived', 'Completed') THEN 'bench-county' END,
       CASE WHEN d.status IN ('Arrived', 'Completed') THEN d.referred_on + 1 END,
       CASE WHEN d.status IN ('Arrived', 'Completed') THEN 'bench-county' END,
       CASE WHEN d.status = 'Declined' THEN d.requested_at + interval '2 hours' END, CASE WHEN d.status = 'Declined' THEN 'bench-county' END,
       CASE WHEN d.status = 'Declined' THEN '床位已满（示例）' END,
       CASE WHEN d.status = 'Cancelled' THEN d.requested_at + interval '3 hours' END, CASE WHEN d.status = 'Cancelled' THEN 'bench-worker' END,
       CASE WHEN d.status = 'Cancelled' THEN '孕妇拒绝（示例）' END,
       c.division_code, c.facility_code, c.facility_code,
       CASE WHEN d.status = 'Completed' AND d.r_seen < 0.8 THEN d.requested_at + interval '6 days' END,
       d.requested_at, d.status, d.urgency,
       false, d.outcome_late, NULL, CASE WHEN d.outcome_late THEN ((d.referred_on + 15) + time '00:00') AT TIME ZONE 'Asia/Shanghai' END, false
FROM cases c
CROSS JOIN LATERAL (SELECT random() AS r_pick, random() AS r_status, random() AS r_to, random() AS r_urgency, random() AS r_seen,
                           (random() * 60)::int AS days_ago WHERE c.id IS NOT NULL) r
CROSS JOIN LATERAL (
    SELECT s.*, (s.referred_on + time '09:30') AT TIME ZONE 'Asia/Shanghai' AS requested_at,
           s.status IN ('Accepted', 'Arrived') AND s.referred_on + 14 < :'today'::date AS outcome_late
    FROM (SELECT CASE WHEN r.r_status < 0.1 THEN :'today'::date ELSE :'today'::date - r.days_ago END AS referred_on,
                 CASE WHEN r.r_to < 0.6 THEN left(c.township_code, 6) || '-MCH' ELSE left(c.township_code, 4) || '-MCH' END AS to_facility,
                 CASE WHEN r.r_status < 0.1 THEN 'Requested' WHEN r.r_status < 0.2 THEN 'Accepted' WHEN r.r_status < 0.3 THEN 'Arrived'
                      WHEN r.r_status < 0.9 THEN 'Completed' WHEN r.r_status < 0.95 THEN 'Declined' ELSE 'Cancelled' END AS status,
                 CASE WHEN r.r_urgency < 0.75 THEN 'Routine' WHEN r.r_urgency < 0.95 THEN 'Urgent' ELSE 'Emergency' END AS urgency,
                 r.r_seen) s
) d
WHERE r.r_pick < 0.15;

-- Transfers (流动孕产妇): 0.5 % of the women moved between townships in the last 30 days. 70 % accepted (she now lives in
-- the receiving township: it is her division), 20 % still waiting for the other side (sent in the last two days, to the
-- township 7 picks further on, in her city when it has one), 10 % declined. 70 % sent by the holding township (转出),
-- 30 % asked for by the new one (申请转入). Nothing left to review (review_at NULL).
INSERT INTO transfers (id, pregnancy_id, kind, from_division_code, from_facility_code, to_division_code, to_facility_code, reason,
                       requested_by, requested_at, status, decided_at, decided_by, decline_reason, review_at, escalated_at)
SELECT gen_random_uuid(), p.id, d.kind,
       CASE WHEN d.status = 'Accepted' THEN o.code ELSE p.division_code END,
       CASE WHEN d.status = 'Accepted' THEN coalesce(o.facility, o.county_mch) ELSE p.facility_code END,
       CASE WHEN d.status = 'Accepted' THEN p.division_code ELSE o.code END,
       CASE WHEN d.status = 'Accepted' THEN p.facility_code ELSE coalesce(o.facility, o.county_mch) END,
       '随丈夫外出务工（示例）', CASE WHEN d.kind = 'Out' THEN 'bench-township' ELSE 'bench-county' END, d.requested_at, d.status,
       CASE WHEN d.status <> 'Requested' THEN d.requested_at + interval '1 day' END,
       CASE WHEN d.status <> 'Requested' THEN 'bench-township' END,
       CASE WHEN d.status = 'Declined' THEN '查无此人（示例）' END, NULL, NULL
FROM pregnancies p
JOIN bench_townships t ON t.code = p.township_code
JOIN bench_townships o ON o.pick = CASE WHEN t.xiangtan THEN (t.pick + 7) % :xiangtan_townships
                                        ELSE :xiangtan_townships + (t.pick - :xiangtan_townships + 7) % (:townships - :xiangtan_townships) END
CROSS JOIN LATERAL (SELECT random() AS r_pick, random() AS r_status, random() AS r_kind, (random() * 30)::int AS days_ago WHERE p.id IS NOT NULL) r
CROSS JOIN LATERAL (
    SELECT CASE WHEN r.r_status < 0.7 THEN 'Accepted' WHEN r.r_status < 0.9 THEN 'Requested' ELSE 'Declined' END AS status,
           CASE WHEN r.r_kind < 0.7 THEN 'Out' ELSE 'Request' END AS kind,
           ((:'today'::date - CASE WHEN r.r_status >= 0.7 AND r.r_status < 0.9 THEN r.days_ago % 2 ELSE r.days_ago END) + time '10:00')
               AT TIME ZONE 'Asia/Shanghai' AS requested_at
) d
WHERE p.status = 'Open' AND r.r_pick < 0.005;

SELECT (SELECT count(*) FROM referrals) AS referrals, (SELECT count(*) FROM transfers) AS transfers \gset
\echo referrals: :referrals, transfers: :transfers

RESET session_replication_role;

DROP TABLE bench_p;
DROP TABLE bench_townships;
