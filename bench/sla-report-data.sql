-- Benchmark data for the SLA report: tickets with their requests, assignments and events, made set-based with
-- generate_series, shaped like the office workflow writes them (see V2__ticket_workflow_and_sla.sql). Expects
-- bench_params (tickets, first_day, days, now) and bench_town (n, code, name, district) from SlaReportBenchmark.
-- Mix: 92% routed to a town at intake, 6% to a district desk, 2% to the city desk; 5% returned by the town (a desk
-- reassigns them within the district); 8% urgent; targets met on time 85-90%; 3% extended, 1% extension refused;
-- callbacks 80% satisfied, 12% basically satisfied, 8% dissatisfied (reopened). Work still under way at "now" is
-- open, and deadlines passed unmet are breached by the sweep five minutes later.
SELECT setseed(0.2026);

CREATE TEMP TABLE bench_district AS
SELECT district, array_agg(code ORDER BY n) AS codes, array_agg(name ORDER BY n) AS names FROM bench_town GROUP BY district;

CREATE TEMP TABLE bench_plan AS
SELECT g, received_at, received_at + interval '1 minute' AS created_at, now, urgent, need, route, returned,
       town.code AS town, town.name AS town_name, town.district,
       d.codes[1 + floor(r_second * cardinality(d.codes))::int] AS second_town,
       d.names[1 + floor(r_second * cardinality(d.codes))::int] AS second_name,
       reasons[1 + floor(r_x * 5)::int] AS return_reason,
       reason_codes[1 + floor(r_x * 5)::int] AS return_reason_code,
       r_sign, r_contact, r_resolve, r_ext, r_callback, r_x
FROM (
    SELECT g, p.now, p.first_day + (g - 1) * (p.days * interval '1 day' / p.tickets) AS received_at,
           random() < 0.08 AS urgent,
           (ARRAY['SUBSISTENCE', 'MEDICAL', 'EMERGENCY', 'ELDERLY_CARE', 'ELDERLY_CARE', 'DISABILITY', 'EDUCATION',
                  'HOUSING', 'EMPLOYMENT', 'CHILD_WELFARE', 'URBAN_MANAGEMENT', 'URBAN_MANAGEMENT'])
               [1 + floor(random() * 12)::int] AS need,
           CASE WHEN r_route < 0.92 THEN 'TOWN' WHEN r_route < 0.98 THEN 'DISTRICT_DESK' ELSE 'CITY_DESK' END AS route,
           r_route < 0.92 AND random() < 0.05 AS returned,
           1 + floor(random() * (SELECT count(*) FROM bench_town))::int AS town_n,
           random() AS r_second, random() AS r_sign, random() AS r_contact, random() AS r_resolve,
           random() AS r_ext, random() AS r_callback, random() AS r_x,
           ARRAY['不属本街道管辖', '地址有误', '应由区职能部门办理', '重复工单', '诉求人信息不全'] AS reasons,
           ARRAY['NOT_OUR_JURISDICTION', 'WRONG_ADDRESS', 'OTHER_DEPARTMENT', 'DUPLICATE', 'OTHER'] AS reason_codes
    FROM bench_params p, generate_series(1, p.tickets) g, LATERAL (SELECT random() + 0 * g AS r_route) r
) b
JOIN bench_town town ON town.n = b.town_n
JOIN bench_district d ON d.district = town.district;

-- The office flow on the ticket's final town assignment, and what came before it (a desk, or a town that returned it).
CREATE TEMP TABLE bench_flow AS
SELECT f.*,
       CASE WHEN sign_at <= now THEN sign_at END AS sign_met,
       CASE WHEN contact_at <= now THEN contact_at END AS contact_met,
       CASE WHEN resolve_at <= now THEN resolve_at END AS resolve_met,
       CASE WHEN resolve_at + interval '2 days' <= now THEN resolve_at + interval '2 days' END AS callback_at,
       CASE WHEN r_callback < 0.8 THEN 'SATISFIED' WHEN r_callback < 0.92 THEN 'BASICALLY_SATISFIED'
            ELSE 'DISSATISFIED' END AS callback_result
FROM (
    SELECT p.*, flow_start, sign_span, contact_span, resolve_span, ext_days, return_at, desk_start,
           flow_start + sign_span * interval '1 minute' AS sign_due,
           flow_start + contact_span * interval '1 minute' AS contact_due,
           flow_start + resolve_span * interval '1 minute' AS resolve_due,
           flow_start + sign_delay * interval '1 minute' AS sign_at,
           flow_start + greatest(sign_delay + 5, CASE WHEN r_contact < 0.88 THEN contact_span * r_contact / 0.88 * 0.95
                   ELSE contact_span * (1.05 + (r_contact - 0.88) * 10) END) * interval '1 minute' AS contact_at,
           flow_start + greatest(sign_delay + 60, CASE WHEN r_resolve < 0.85 THEN resolve_span * r_resolve / 0.85 * 0.95
                   ELSE resolve_span * (1.02 + (r_resolve - 0.85) * 3) END) * interval '1 minute' AS resolve_at,
           sign_delay
    FROM bench_plan p,
         LATERAL (SELECT CASE WHEN returned THEN created_at + (20 + r_x * 100) * interval '1 minute' END AS return_at) ra,
         LATERAL (SELECT CASE WHEN returned THEN ra.return_at WHEN route <> 'TOWN' THEN created_at END AS desk_start) ds,
         LATERAL (SELECT CASE WHEN ds.desk_start IS NULL THEN created_at
                              ELSE ds.desk_start + (20 + r_x * 300) * interval '1 minute' END AS flow_start,
                         CASE WHEN urgent THEN 30 ELSE 120 END AS sign_span,
                         CASE WHEN urgent THEN 120 ELSE 1440 END AS contact_span,
                         CASE WHEN r_ext < 0.03 THEN 5 ELSE 0 END AS ext_days) s,
         LATERAL (SELECT (CASE WHEN urgent THEN 2 ELSE 7 END + s.ext_days) * 1440 AS resolve_span,
                         CASE WHEN r_sign < 0.9 THEN s.sign_span * r_sign / 0.9 * 0.95
                              ELSE s.sign_span * (1.05 + (r_sign - 0.9) * 20) END AS sign_delay) d
) f;

INSERT INTO service_request (id, source, external_id, body_hash, received_at, channel, content, created_at)
OVERRIDING SYSTEM VALUE
SELECT g, 'HOTLINE', 'BENCH-' || g, '\x00'::bytea, received_at, 'PHONE', 'benchmark call', created_at
FROM bench_flow;

-- Numbers of the assignment rows: 1 for the first, the office flow after a desk (2) or a return (3), reopening after.
CREATE TEMP TABLE bench_seq AS
SELECT g, CASE WHEN returned THEN 3 WHEN route <> 'TOWN' THEN 2 ELSE 1 END AS flow_seq,
       callback_result = 'DISSATISFIED' AND callback_at IS NOT NULL AS reopened,
       callback_at + (1 + r_x * 3) * interval '1 day' AS reopen_resolve_at
FROM bench_flow;

INSERT INTO ticket (id, ticket_no, request_id, status, extended, escalated, priority, primary_need, needs, urgency,
                    assigned_level, assigned_code, assigned_name, assigned_rule, queue, created_at, updated_at,
                    assignment_seq, assigned_district, reopened)
OVERRIDING SYSTEM VALUE
SELECT f.g, 'B' || f.g, f.g,
       CASE WHEN s.reopened AND s.reopen_resolve_at + interval '1 day' <= f.now THEN 'CLOSED'
            WHEN s.reopened AND s.reopen_resolve_at <= f.now THEN 'RESOLVED'
            WHEN s.reopened THEN 'IN_PROGRESS'
            WHEN f.callback_at IS NOT NULL THEN 'CLOSED'
            WHEN f.resolve_met IS NOT NULL THEN 'RESOLVED'
            WHEN f.contact_met IS NOT NULL THEN 'IN_PROGRESS'
            WHEN f.sign_met IS NOT NULL THEN 'SIGNED' ELSE 'DISPATCHED' END,
       f.ext_days > 0,
       f.sign_at > f.sign_due + interval '5 minutes' AND f.sign_due + interval '5 minutes' <= f.now
           OR f.resolve_at > f.resolve_due + interval '5 minutes' AND f.resolve_due + interval '5 minutes' <= f.now,
       CASE WHEN f.urgent THEN 'URGENT' ELSE 'NORMAL' END, f.need, jsonb_build_object('primary', f.need), '{}',
       'TOWN', CASE WHEN f.returned THEN f.second_town ELSE f.town END,
       CASE WHEN f.returned THEN f.second_name ELSE f.town_name END, 'TOWN_CODE', 'tickets.' || f.town,
       f.created_at, greatest(f.created_at, least(f.now, f.resolve_at)),
       s.flow_seq + s.reopened::int, f.district, s.reopened::int
FROM bench_flow f JOIN bench_seq s USING (g);

-- Desk rows: at intake (seq 1) for tickets triaged to a desk, after the return (seq 2) for returned ones.
INSERT INTO ticket_assignment (ticket_id, seq, level, code, name, district_code, priority, primary_need, cause,
                               received_at, started_at, ended_at, end_cause, reassign_due_at, reassign_met_at,
                               reassign_breached_at, reassign_working_minutes)
SELECT g, CASE WHEN returned THEN 2 ELSE 1 END,
       CASE WHEN route = 'CITY_DESK' THEN 'CITY_DESK' ELSE 'DISTRICT_DESK' END,
       CASE WHEN route = 'CITY_DESK' THEN 'city' ELSE district END,
       CASE WHEN route = 'CITY_DESK' THEN '市级派单中心' ELSE district || ' 区派单中心' END,
       CASE WHEN route = 'CITY_DESK' THEN NULL ELSE district END,
       CASE WHEN urgent THEN 'URGENT' ELSE 'NORMAL' END, need, CASE WHEN returned THEN 'RETURN' ELSE 'INTAKE' END,
       received_at, desk_start, flow_start, 'REASSIGNED', desk_start + interval '4 hours', flow_start,
       CASE WHEN flow_start > desk_start + interval '4 hours 5 minutes' THEN desk_start + interval '4 hours 5 minutes' END,
       extract(epoch FROM flow_start - desk_start)::int / 60
FROM bench_flow WHERE desk_start IS NOT NULL;

-- The town that returned its ticket (seq 1).
INSERT INTO ticket_assignment (ticket_id, seq, level, code, name, district_code, priority, primary_need, cause,
                               received_at, started_at, ended_at, end_cause, return_reason_code, return_reason,
                               sign_due_at, contact_due_at, resolve_due_at)
SELECT g, 1, 'TOWN', town, town_name, district, CASE WHEN urgent THEN 'URGENT' ELSE 'NORMAL' END, need, 'INTAKE',
       received_at, created_at, return_at, 'RETURNED', return_reason_code, return_reason,
       created_at + sign_span * interval '1 minute',
       created_at + contact_span * interval '1 minute', created_at + resolve_span * interval '1 minute'
FROM bench_flow WHERE returned;

-- The office flow: sign for, contact, resolve, extensions, the callback.
INSERT INTO ticket_assignment (ticket_id, seq, level, code, name, district_code, priority, primary_need, cause,
                               received_at, started_at, ended_at, end_cause,
                               sign_due_at, sign_met_at, sign_breached_at, sign_working_minutes,
                               contact_due_at, contact_met_at, contact_breached_at, contact_working_minutes,
                               resolve_due_at, resolve_met_at, resolve_breached_at, resolve_working_minutes,
                               extensions_approved, extensions_rejected, extension_days, callback_result, callback_at)
SELECT f.g, s.flow_seq, 'TOWN', CASE WHEN f.returned THEN f.second_town ELSE f.town END,
       CASE WHEN f.returned THEN f.second_name ELSE f.town_name END, f.district,
       CASE WHEN f.urgent THEN 'URGENT' ELSE 'NORMAL' END, f.need,
       CASE WHEN s.flow_seq = 1 THEN 'INTAKE' ELSE 'REASSIGN' END, f.received_at, f.flow_start,
       f.callback_at, CASE WHEN f.callback_at IS NULL THEN NULL WHEN s.reopened THEN 'REOPENED' ELSE 'CLOSED' END,
       f.sign_due, f.sign_met, CASE WHEN coalesce(f.sign_met, 'infinity') > f.sign_due + interval '5 minutes'
           AND f.sign_due + interval '5 minutes' <= f.now THEN f.sign_due + interval '5 minutes' END,
       CASE WHEN f.sign_met IS NOT NULL THEN (f.sign_delay / 3)::int END,
       f.contact_due, f.contact_met, CASE WHEN coalesce(f.contact_met, 'infinity') > f.contact_due + interval '5 minutes'
           AND f.contact_due + interval '5 minutes' <= f.now THEN f.contact_due + interval '5 minutes' END,
       CASE WHEN f.contact_met IS NOT NULL THEN extract(epoch FROM f.contact_met - f.flow_start)::int / 180 END,
       f.resolve_due, f.resolve_met, CASE WHEN coalesce(f.resolve_met, 'infinity') > f.resolve_due + interval '5 minutes'
           AND f.resolve_due + interval '5 minutes' <= f.now THEN f.resolve_due + interval '5 minutes' END,
       CASE WHEN f.resolve_met IS NOT NULL THEN extract(epoch FROM f.resolve_met - f.flow_start)::int / 180 END,
       (f.ext_days > 0)::int, (f.r_ext >= 0.03 AND f.r_ext < 0.04)::int, f.ext_days,
       CASE WHEN f.callback_at IS NOT NULL THEN f.callback_result END, f.callback_at
FROM bench_flow f JOIN bench_seq s USING (g);

-- Reopened after a dissatisfied callback: the same town, resolution only.
INSERT INTO ticket_assignment (ticket_id, seq, level, code, name, district_code, priority, primary_need, cause,
                               received_at, started_at, ended_at, end_cause, resolve_due_at, resolve_met_at, resolve_breached_at,
                               resolve_working_minutes, callback_result, callback_at)
SELECT f.g, s.flow_seq + 1, 'TOWN', CASE WHEN f.returned THEN f.second_town ELSE f.town END,
       CASE WHEN f.returned THEN f.second_name ELSE f.town_name END, f.district,
       CASE WHEN f.urgent THEN 'URGENT' ELSE 'NORMAL' END, f.need, 'REOPEN', f.received_at, f.callback_at,
       CASE WHEN s.reopen_resolve_at + interval '1 day' <= f.now THEN s.reopen_resolve_at + interval '1 day' END,
       CASE WHEN s.reopen_resolve_at + interval '1 day' <= f.now THEN 'CLOSED' END,
       f.callback_at + interval '3 days',
       CASE WHEN s.reopen_resolve_at <= f.now THEN s.reopen_resolve_at END,
       CASE WHEN coalesce(s.reopen_resolve_at, 'infinity') > f.callback_at + interval '3 days 5 minutes'
           AND f.callback_at + interval '3 days 5 minutes' <= f.now THEN f.callback_at + interval '3 days 5 minutes' END,
       CASE WHEN s.reopen_resolve_at <= f.now THEN extract(epoch FROM s.reopen_resolve_at - f.callback_at)::int / 180 END,
       CASE WHEN s.reopen_resolve_at + interval '1 day' <= f.now THEN 'SATISFIED' END,
       CASE WHEN s.reopen_resolve_at + interval '1 day' <= f.now THEN s.reopen_resolve_at + interval '1 day' END
FROM bench_flow f JOIN bench_seq s USING (g)
WHERE s.reopened;

-- Events of the office flow (the report does not read them; they make the tables as large as in production).
INSERT INTO ticket_event (ticket_id, type, status, actor, reason, occurred_at, data, office_code, assignment_seq)
SELECT f.g, e.type, e.status, e.actor, e.reason, e.at, e.data, e.office, e.seq
FROM bench_flow f JOIN bench_seq s USING (g)
CROSS JOIN LATERAL (VALUES
    ('CREATED', 'CREATED', 'gateway', NULL, f.created_at, NULL::jsonb, NULL, NULL::int),
    ('DISPATCHED', 'DISPATCHED', 'gateway', NULL, f.created_at + interval '1 second', NULL, f.town, 1),
    ('RETURN', 'RETURNED', f.town, f.return_reason, f.return_at, jsonb_build_object('reasonCode', f.return_reason_code),
     f.town, 1),
    ('REASSIGN', 'CREATED', 'desk', NULL, CASE WHEN f.desk_start IS NOT NULL THEN f.flow_start END, NULL, NULL,
     s.flow_seq - 1),
    ('SIGN', 'SIGNED', 'office', NULL, f.sign_met, NULL, f.town, s.flow_seq),
    ('CONTACT', 'IN_PROGRESS', 'office', NULL, f.contact_met, NULL, f.town, s.flow_seq),
    ('RESOLVE', 'RESOLVED', 'office', NULL, f.resolve_met, NULL, f.town, s.flow_seq),
    ('CALLBACK', 'RESOLVED', 'hotline', NULL, f.callback_at, jsonb_build_object('result', f.callback_result), f.town,
     s.flow_seq),
    ('CLOSE', 'CLOSED', 'hotline', NULL, CASE WHEN NOT s.reopened THEN f.callback_at END, NULL, f.town, s.flow_seq)
) AS e (type, status, actor, reason, at, data, office, seq)
WHERE e.at IS NOT NULL;

SELECT setval(pg_get_serial_sequence('service_request', 'id'), (SELECT max(id) FROM service_request));
SELECT setval(pg_get_serial_sequence('ticket', 'id'), (SELECT max(id) FROM ticket));
