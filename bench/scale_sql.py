"""The SQL behind bench/scale_data.py: years of cases generated inside PostgreSQL.

Every random choice is a hash of the case's key and the seed (`pg_temp.u(key, salt)`, uniform in
[0, 1)), so a seed always gives the same city. Working-day arithmetic uses two arrays passed as
parameters: `wd` (the working days in order, 1-based) and `ordd` (for each calendar day from
`cal_start`, how many working days there are up to and including it), so "n working days after d"
is `wd[ordd[d - cal_start + 1] + n]`, the count tongban.workcal.selectors.add_working_days makes.
The %(name)s parameters are filled by bench/scale_data.py; one month of days is generated per pass.
"""

FUNCTIONS = """
CREATE OR REPLACE FUNCTION pg_temp.u(k bigint, salt int) RETURNS float8
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (hashint8extended(k, salt) & 4503599627370495)::float8 / 4503599627370496.0 $$;
CREATE OR REPLACE FUNCTION pg_temp.bj(d date, secs float8) RETURNS timestamptz
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (d + secs * interval '1 second') AT TIME ZONE 'Asia/Shanghai' $$;
"""

# One row per case of the days [lo, hi), with the dice and the dates of everything that happens to
# it, whether or not it has happened by `now`. Layers: a (slot), b (dice), c..k (what and when).
GEN = """
CREATE TEMP TABLE bench_gen ON COMMIT DROP AS
WITH a AS (
  SELECT dd.d, dd.ix AS day_ix, dd.working, ii.*, coalesce(ss.last, 0) AS serial_offset,
         sl.cnt, k, (dd.ix::bigint * 1000 + ii.ix) * 100000 + k AS g
  FROM bench_day dd
  CROSS JOIN bench_impl ii
  LEFT JOIN bench_serial ss ON ss.impl_id = ii.impl_id AND ss.d = dd.d
  CROSS JOIN LATERAL (SELECT floor(%(n)s * dd.weight * ii.weight
                                   + pg_temp.u(dd.ix::bigint * 1000 + ii.ix, %(seed)s))::int AS cnt) sl
  CROSS JOIN LATERAL generate_series(1, sl.cnt) AS k
  WHERE dd.d >= %(lo)s AND dd.d < %(hi)s
  OFFSET 0  -- keeps the layer: flattened, every column would be its whole expression again
), b AS (
  SELECT a.*,
         pg_temp.u(g, %(seed)s + 1) < %(citizen_rate)s AS citizen,
         pg_temp.u(g, %(seed)s + 2) AS u_ch, pg_temp.u(g, %(seed)s + 3) AS u_t,
         pg_temp.u(g, %(seed)s + 4) AS u_p, pg_temp.u(g, %(seed)s + 5) AS u_org,
         pg_temp.u(g, %(seed)s + 6) AS u_fate, pg_temp.u(g, %(seed)s + 7) AS u_acc,
         pg_temp.u(g, %(seed)s + 8) AS u_dur, pg_temp.u(g, %(seed)s + 9) AS u_late,
         pg_temp.u(g, %(seed)s + 10) AS u_corr, pg_temp.u(g, %(seed)s + 11) AS u_deliv,
         pg_temp.u(g, %(seed)s + 12) AS u_pick, pg_temp.u(g, %(seed)s + 13) AS u_rate,
         pg_temp.u(g, %(seed)s + 14) AS u_lvl, pg_temp.u(g, %(seed)s + 15) AS u_stuck,
         pg_temp.u(g, %(seed)s + 16) AS u_pause, pg_temp.u(g, %(seed)s + 17) AS u_staff,
         pg_temp.u(g, %(seed)s + 18) AS u_m
  FROM a
  OFFSET 0
), c AS (
  SELECT b.*,
         CASE WHEN citizen THEN (CASE WHEN u_ch < 0.5 THEN 'web' ELSE 'mobile' END)
              WHEN NOT working THEN (CASE WHEN u_ch < 0.45 THEN 'web' ELSE 'mobile' END)
              WHEN u_ch < 0.40 THEN 'window' WHEN u_ch < 0.42 THEN 'kiosk'
              WHEN u_ch < 0.72 THEN 'web' ELSE 'mobile' END AS channel,
         NOT citizen AND u_org < 0.15 AS is_org,
         ordd[d - %(cal_start)s::date + 1] AS ord_d,
         -- a day's serial numbers follow the time of submission (tongban.cases.numbering)
         CASE WHEN working THEN 30600 + ((k - 1 + u_t) / cnt) * 32400
              ELSE 28800 + ((k - 1 + u_t) / cnt) * 46800 END AS secs,
         CASE WHEN u_fate < 0.012 THEN 'refuse' WHEN u_fate < 0.019 THEN 'withdraw'
              WHEN kind = 1 THEN 'immediate' WHEN u_fate < 0.045 THEN 'commitment' ELSE 'normal' END AS fate,
         u_fate >= 0.045 AND u_fate < 0.057 AS denied
  FROM b, (SELECT %(ordd)s::int[] AS ordd) cal
  OFFSET 0
), e AS (
  SELECT c.*,
         channel = 'window' AS at_window,
         CASE WHEN is_org THEN floor(%(o)s * power(u_p, 1.5))::int
              WHEN channel = 'window' THEN floor(%(p)s * power(u_p, 1.8))::int
              ELSE floor(%(users)s * power(u_p, 1.8))::int END AS who,
         -- working days from submission to acceptance (same day at a window); a 补正 before acceptance adds more
         CASE WHEN channel = 'window' AND working THEN 0
              WHEN NOT working THEN 1 + (u_acc > 0.7)::int
              ELSE (u_acc > 0.35)::int + (u_acc > 0.7)::int + (u_acc > 0.9)::int END AS acc_off,
         CASE WHEN channel <> 'window' AND u_corr < 0.08 THEN 2 + floor(u_corr * 150)::int ELSE 0 END AS corr_days,
         CASE WHEN fate <> 'normal' OR promised = 0 THEN 0
              WHEN u_late < 0.03 THEN promised + 1 + floor(u_dur * promised)::int
              ELSE floor(power(u_dur, 0.7) * promised)::int END AS dur,
         CASE WHEN fate = 'normal' AND promised > 0 AND u_pause < 0.03 THEN 3 + floor(u_pause * 300)::int ELSE 0 END
           AS paused_days,
         -- a few cases get stuck, the recent ones more often (they are the ones still open)
         fate = 'normal' AND promised > 0 AND u_stuck < 0.07 * exp(-(%(today)s::date - d) / 120.0) AS stuck
  FROM c
  OFFSET 0
), f AS (
  SELECT e.*,
         ord_d + acc_off + corr_days AS acc_ord,
         pg_temp.bj(d, secs) AS submitted_at,
         pg_temp.bj(d, secs - 180 - u_m * 1500) AS created_at,
         CASE WHEN corr_days > 0 THEN pg_temp.bj(d, secs + 3600 + u_m * 10800) END AS corr_at
  FROM e
  OFFSET 0
), h AS (
  SELECT f.*,
         CASE WHEN acc_ord = ord_d AND working THEN submitted_at + (300 + u_t * 1500) * interval '1 second'
              ELSE pg_temp.bj(wd[acc_ord], 32400 + u_acc * 27000) END AS acc_at,
         CASE WHEN corr_days > 0 THEN pg_temp.bj(wd[acc_ord - 1], 36000 + u_m * 18000) END AS resub_at,
         CASE WHEN kind = 1 OR promised = 0 THEN wd[acc_ord]
              ELSE wd[acc_ord + promised + paused_days] END AS promised_due,
         CASE WHEN legal IS NOT NULL THEN wd[acc_ord + legal + paused_days] END AS legal_due,
         -- deadlines.recompute: warned when a fifth of the promised time (at least a day) is left
         CASE WHEN kind = 1 OR promised = 0 THEN wd[acc_ord]
              ELSE wd[acc_ord + promised + paused_days - greatest(1, ceil(promised * 0.2))::int] END AS warn_on,
         CASE WHEN fate = 'normal' AND dur > 0 THEN pg_temp.bj(wd[acc_ord + (dur * 0.7)::int], 36000 + u_dur * 14400) END
           AS review_at,
         CASE WHEN fate = 'normal' AND NOT stuck AND dur + paused_days > 0
              THEN pg_temp.bj(wd[acc_ord + dur + paused_days], 32400 + u_late * 28800) END AS dec_at0,
         CASE WHEN paused_days > 0 THEN wd[acc_ord + greatest(1, dur / 2)] END AS pause_on,
         CASE WHEN paused_days > 0 THEN wd[acc_ord + greatest(1, dur / 2) + paused_days] END AS pause_off,
         wd[greatest(acc_ord, %(ord_today)s - 1 - floor(u_m * 6)::int)] AS open_pause_on
  FROM f, (SELECT %(wd)s::date[] AS wd) cal
  OFFSET 0
), i AS (
  SELECT h.*,
         CASE WHEN stuck THEN NULL
              WHEN fate IN ('immediate', 'commitment') THEN acc_at + (600 + u_dur * 1800) * interval '1 second'
              WHEN dec_at0 IS NULL OR dec_at0 <= acc_at THEN acc_at + (3600 + u_dur * 7200) * interval '1 second'
              ELSE dec_at0 END AS dec_at,
         CASE WHEN fate = 'withdraw' THEN submitted_at + (acc_at - submitted_at) * 0.5
              WHEN fate = 'refuse' THEN acc_at END AS term_at
  FROM h
  OFFSET 0
), j AS (
  SELECT i.*,
         CASE WHEN fate IN ('refuse', 'withdraw') AND term_at <= %(now)s
                THEN (CASE WHEN fate = 'refuse' THEN 'refused' ELSE 'withdrawn' END)
              WHEN fate IN ('refuse', 'withdraw') OR acc_at > %(now)s
                THEN (CASE WHEN corr_at <= %(now)s AND resub_at > %(now)s THEN 'correction' ELSE 'submitted' END)
              WHEN dec_at IS NULL OR dec_at > %(now)s
                THEN (CASE WHEN u_pause > 0.97 AND u_pause < 0.985 THEN 'correction' ELSE 'processing' END)
              ELSE 'completed' END AS phase,
         -- has_fee: 待缴费 from the decision until paid
         CASE WHEN fee_cents > 0 AND fate NOT IN ('refuse', 'withdraw') AND NOT denied
              THEN dec_at + (600 + power(u_pick, 2) * 259200) * interval '1 second' END AS paid_at,
         CASE WHEN channel = 'window' THEN (CASE WHEN u_deliv < 0.85 THEN 'window' ELSE 'express' END)
              WHEN u_deliv < 0.40 THEN 'express' WHEN u_deliv < 0.70 THEN 'online' ELSE 'window' END AS method
  FROM i
  OFFSET 0
), kk AS (
  SELECT j.*, greatest(dec_at, coalesce(paid_at, dec_at)) AS ready_at FROM j OFFSET 0
)
SELECT kk.*,
       nextval('bench_case_seq') AS id,
       CASE WHEN method = 'window' AND u_pick > 0.997 THEN NULL  -- never collected
            WHEN method = 'window' THEN ready_at + (1800 + power(u_pick, 3) * 864000) * interval '1 second'
            WHEN method = 'express' THEN ready_at + (86400 + u_pick * 172800) * interval '1 second'
            ELSE ready_at END AS delivered_at,
       CASE WHEN method = 'express' THEN ready_at + (14400 + u_pick * 28800) * interval '1 second' END AS shipped_at,
       CASE WHEN phase = 'completed' AND u_rate < 0.28 THEN dec_at + power(u_lvl, 3) * interval '5 days' END AS rated_at
FROM kk
"""

# The state at `now`, the person (and organisation) and the staff of each case that exists by then.
STATE = """
CREATE TEMP TABLE bench_case ON COMMIT DROP AS
SELECT y.*,
       CASE WHEN accepted THEN (CASE WHEN at_window THEN clerk_id ELSE approver_id END) END AS acceptor_id,
       CASE WHEN accepted THEN (CASE WHEN at_window THEN clerk_name ELSE approver_name END) END AS acceptor_name,
       CASE WHEN at_window THEN clerk_id ELSE applicant_id END AS filer_id,
       CASE WHEN at_window THEN clerk_name ELSE person_name END AS filer_name,
       CASE WHEN phase IN ('completed', 'refused') THEN s_done
            WHEN phase IN ('submitted', 'withdrawn') OR NOT accepted THEN s_accept
            WHEN review_at IS NULL OR review_at > %(now)s THEN s_review ELSE s_decide END AS state_id,
       CASE WHEN phase <> 'completed' OR denied THEN ''
            WHEN paid_at > %(now)s THEN 'awaiting_payment'
            WHEN method = 'window' AND (delivered_at IS NULL OR delivered_at > %(now)s) THEN 'ready'
            WHEN method = 'express' AND shipped_at > %(now)s THEN 'ready'
            WHEN method = 'express' AND delivered_at > %(now)s THEN 'shipped'
            ELSE 'delivered' END AS delivery_status,
       CASE WHEN phase = 'completed' AND NOT denied THEN method ELSE 'window' END AS delivery_method,
       phase = 'processing' AND accepted AND NOT open_pause AND promised > 0 AND promised_due < %(today)s::date
         AND u_m < 0.25 AS urged,
       CASE WHEN rated_at <= %(now)s THEN nextval('bench_rating_seq') END AS rating_id,
       CASE WHEN paid_at IS NOT NULL AND phase = 'completed' THEN nextval('bench_order_seq') END AS order_id,
       (SELECT max(t) FROM unnest(ARRAY[submitted_at, acc_at, resub_at, review_at, dec_at, term_at, paid_at, shipped_at,
                                         delivered_at]) t WHERE t <= %(now)s) AS last_at
FROM (
  SELECT gg.*,
         gg.acc_at <= %(now)s AND gg.fate NOT IN ('refuse', 'withdraw') AS accepted,
         gg.phase IN ('processing', 'correction') AND gg.acc_at <= %(now)s
           AND (gg.u_pause > 0.94 OR gg.phase = 'correction') AS open_pause,
         CASE WHEN gg.citizen THEN %(citizen_id)s::bigint ELSE pp.user_id END AS applicant_id,
         CASE WHEN gg.citizen THEN %(citizen_name)s ELSE pp.name END AS person_name,
         CASE WHEN gg.citizen THEN %(citizen_idn)s ELSE pp.id_number END AS person_idn,
         CASE WHEN gg.citizen THEN %(citizen_phone)s ELSE pp.phone END AS person_phone,
         CASE WHEN gg.citizen THEN %(citizen_address)s ELSE pp.address END AS person_address,
         oo.name AS org_name, oo.credit_code, oo.address AS org_address, oo.legal_rep,
         approvers[1 + floor(u_staff * cardinality(approvers))::int] AS approver_id,
         approver_names[1 + floor(u_staff * cardinality(approvers))::int] AS approver_name,
         clerks[1 + floor(u_m * cardinality(clerks))::int] AS clerk_id,
         clerk_names[1 + floor(u_m * cardinality(clerks))::int] AS clerk_name
  FROM bench_gen gg
  LEFT JOIN bench_org oo ON gg.is_org AND oo.ix = gg.who
  LEFT JOIN bench_person pp ON pp.ix = CASE WHEN gg.is_org THEN oo.agent_ix ELSE gg.who END
  WHERE gg.submitted_at <= %(now)s
  OFFSET 0
) y
ORDER BY id
"""

CASES = """
INSERT INTO cases_case (
  id, number, uid, phase, revision, channel, applicant_kind, applicant_name, applicant_id_number,
  applicant_phone, agent_name, answers, idempotency_key, created_at, updated_at, submitted_at,
  accept_mode, accepted_at, commitment_text, needs_verification, promised_days, legal_days,
  extension_days, paused_days, paused_since, promised_due, legal_due, warn_on, warned_at,
  overdue_notified_at, outcome, decided_at, decision_text, completed_at, delivery_method,
  delivery_address, delivery_recipient, delivery_phone, delivery_status, pickup_code, delivered_at,
  accepted_by_id, applicant_id, assignee_id, decided_by_id, department_id, division_id,
  implementation_id, matter_version_id, registered_by_id, due_provisional, bundle_id, workflow_id, state_id)
SELECT
  id, code || to_char(d, 'YYYYMMDD') || lpad((k + serial_offset)::text, 5, '0'),
  md5(%(seed)s::text || ':' || g)::uuid, phase, 3, channel,
  CASE WHEN is_org THEN 'organisation' ELSE 'person' END,
  CASE WHEN is_org THEN org_name ELSE person_name END,
  CASE WHEN is_org THEN credit_code ELSE person_idn END,
  person_phone, CASE WHEN is_org THEN person_name ELSE '' END,
  CASE WHEN is_org THEN jsonb_build_object('applicant_type', '2', 'org_name', org_name, 'org_credit_code', credit_code,
         'legal_representative', legal_rep, 'agent_name', person_name, 'agent_id_number', person_idn,
         'agent_phone', person_phone, 'org_address', org_address)
       ELSE jsonb_build_object('applicant_type', '1', 'applicant_name', person_name, 'applicant_id_number', person_idn,
         'applicant_phone', person_phone, 'applicant_address', person_address) END,
  NULL, created_at, coalesce(last_at, submitted_at), submitted_at,
  CASE WHEN NOT accepted THEN '' WHEN fate IN ('immediate', 'commitment') THEN fate ELSE 'normal' END,
  CASE WHEN accepted THEN acc_at END,
  CASE WHEN accepted AND fate = 'commitment' THEN '申请人承诺符合许可条件，并按承诺内容提交材料。' ELSE '' END,
  accepted AND fate = 'commitment',
  CASE WHEN accepted THEN promised END, CASE WHEN accepted THEN legal END,
  0, CASE WHEN accepted THEN paused_days ELSE 0 END,
  CASE WHEN open_pause THEN open_pause_on END,
  CASE WHEN accepted THEN promised_due END, CASE WHEN accepted THEN legal_due END,
  CASE WHEN accepted THEN warn_on END,
  -- what the deadline sweep (tongban.cases.tasks.sweep) would have stamped while the case was open
  CASE WHEN accepted AND promised > 0 AND warn_on <= least((dec_at AT TIME ZONE 'Asia/Shanghai')::date, %(today)s::date)
       THEN greatest(acc_at, pg_temp.bj(warn_on, 25200)) END,
  CASE WHEN accepted AND promised > 0 AND promised_due < least((dec_at AT TIME ZONE 'Asia/Shanghai')::date, %(today)s::date)
       THEN greatest(acc_at, pg_temp.bj(promised_due + 1, 25200)) END,
  CASE WHEN phase = 'completed' THEN (CASE WHEN denied THEN 'denied' ELSE 'approved' END) ELSE '' END,
  CASE WHEN phase = 'completed' THEN dec_at END,
  CASE WHEN phase = 'completed' AND denied THEN '经审查，申请不符合法定条件，不予许可。'
       WHEN phase = 'completed' THEN '经审查，申请符合法定条件，准予办理。'
       WHEN phase = 'refused' THEN '申请事项不属于本机关职权范围，不予受理。' ELSE '' END,
  CASE WHEN phase = 'completed' THEN dec_at WHEN phase IN ('refused', 'withdrawn') THEN term_at END,
  delivery_method,
  CASE WHEN delivery_method = 'express' THEN person_address ELSE '' END,
  CASE WHEN delivery_method = 'express' THEN person_name ELSE '' END,
  CASE WHEN delivery_method = 'express' THEN person_phone ELSE '' END,
  delivery_status,
  CASE WHEN delivery_method = 'window' AND delivery_status IN ('ready', 'delivered')
       THEN lpad((abs(hashint8extended(g, %(seed)s + 40)) %% 1000000)::text, 6, '0') ELSE '' END,
  CASE WHEN delivery_status = 'delivered' THEN delivered_at END,
  acceptor_id, applicant_id,
  CASE WHEN phase IN ('processing', 'correction') AND accepted AND u_staff < 0.6 THEN approver_id
       WHEN phase = 'completed' THEN approver_id END,
  CASE WHEN phase = 'completed' THEN approver_id END,
  department_id, division_id, impl_id, mv_id,
  CASE WHEN at_window THEN clerk_id END,
  accepted AND promised_due > %(known_until)s::date,
  NULL, workflow_id, state_id
FROM bench_case
"""

# The timeline (CaseEvent): the lines the services write for each step, ~5 a case, in time order.
EVENTS = """
INSERT INTO cases_caseevent (at, actor_label, action, label, state_name, comment, data, public, actor_id, case_id,
                             ip, user_agent)
SELECT ev.at, coalesce(ev.actor_label, ''), ev.action, ev.label, ev.state_name, ev.comment, ev.data, ev.public,
       ev.actor_id, cc.id,
       CASE WHEN ev.online THEN ('36.' || (abs(g) %% 250 + 1) || '.' || (abs(g / 250) %% 250) || '.'
                                 || (abs(g / 62500) %% 250 + 1))::inet END,
       CASE WHEN ev.online THEN (CASE WHEN channel = 'mobile' THEN 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) 云川通办/3.2'
                                      ELSE 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0' END) ELSE '' END
FROM bench_case cc
CROSS JOIN LATERAL (VALUES
  (CASE WHEN at_window OR u_m < 0.7 THEN created_at END, filer_id, filer_name, 'start', '填写申请', '受理', '',
   jsonb_build_object('channel', channel), false, NOT at_window),
  (submitted_at, filer_id, filer_name, 'submit', CASE WHEN at_window THEN '窗口登记申请' ELSE '提交申请' END, '受理', '',
   jsonb_build_object('channel', channel), true, NOT at_window),
  (corr_at, approver_id, approver_name, 'request_correction', '一次性告知补正（2 项）', '受理',
   '请在“我的办件”中按要求补正后提交。', '{"to": "受理", "from": "受理"}'::jsonb, true, false),
  (resub_at, applicant_id, person_name, 'resubmit', '提交补正材料', '受理', '', '{}'::jsonb, true, true),
  (CASE WHEN accepted THEN acc_at END, acceptor_id, acceptor_name,
   CASE fate WHEN 'immediate' THEN 'accept_immediate' WHEN 'commitment' THEN 'accept_commitment' ELSE 'accept' END,
   CASE fate WHEN 'immediate' THEN '即办（受理即办结）' WHEN 'commitment' THEN '告知承诺受理并办结' ELSE '受理' END,
   CASE WHEN fate IN ('immediate', 'commitment') THEN '办结' ELSE '审查' END, '',
   CASE WHEN fate IN ('immediate', 'commitment') THEN '{"to": "办结", "from": "受理"}'::jsonb
        ELSE '{"to": "审查", "from": "受理"}'::jsonb END, true, false),
  (CASE WHEN accepted AND fate = 'normal' AND u_staff < 0.6 THEN acc_at + (1800 + u_dur * 7200) * interval '1 second' END,
   approver_id, approver_name, 'claim', '领取办件', '审查', '', '{}'::jsonb, false, false),
  (CASE WHEN fate = 'refuse' THEN term_at END, approver_id, approver_name, 'refuse', '不予受理', '办结',
   '申请事项不属于本机关职权范围，不予受理。', '{"to": "办结", "from": "受理"}'::jsonb, true, false),
  (CASE WHEN fate = 'withdraw' THEN term_at END, applicant_id, person_name, 'withdraw', '申请人撤回申请', '受理',
   '不再办理', '{}'::jsonb, true, true),
  (CASE WHEN accepted AND paused_days > 0 THEN pg_temp.bj(pause_on, 36000) END, approver_id, approver_name,
   'special_start', '启动特别程序：现场勘验（暂停计时）', '审查', '需现场勘验经营场所。', '{}'::jsonb, true, false),
  (CASE WHEN accepted AND paused_days > 0 THEN pg_temp.bj(pause_off, 36000) END, approver_id, approver_name,
   'special_end', '特别程序结束，恢复计时', '审查', '', '{}'::jsonb, true, false),
  (CASE WHEN open_pause THEN pg_temp.bj(open_pause_on, 36000) END, approver_id, approver_name,
   CASE WHEN phase = 'correction' THEN 'request_correction' ELSE 'special_start' END,
   CASE WHEN phase = 'correction' THEN '一次性告知补正（1 项）' ELSE '启动特别程序：专家评审（暂停计时）' END,
   '审查', '', '{}'::jsonb, true, false),
  (CASE WHEN accepted AND fate = 'normal' THEN review_at END, approver_id, approver_name, 'advance', '审查通过，提交决定',
   '决定', '材料齐全，符合法定条件，建议准予。', '{"to": "决定", "from": "审查"}'::jsonb, true, false),
  (CASE WHEN phase = 'completed' AND fate = 'normal' THEN dec_at END, approver_id, approver_name,
   CASE WHEN denied THEN 'deny' ELSE 'approve' END, CASE WHEN denied THEN '不予' ELSE '准予' END, '办结',
   CASE WHEN denied THEN '经审查，申请不符合法定条件，不予许可。' ELSE '' END,
   '{"to": "办结", "from": "决定"}'::jsonb, true, false),
  (CASE WHEN order_id IS NOT NULL THEN paid_at END, NULL::bigint, '缴费系统', 'paid', '已缴费', '办结', '', '{}'::jsonb,
   true, false),
  (CASE WHEN delivery_method = 'express' AND delivery_status IN ('shipped', 'delivered') THEN shipped_at END,
   clerk_id, clerk_name, 'ship', '已寄出（运单号 11' || lpad((abs(g) %% 100000000000)::text, 11, '0') || '）', '办结', '',
   jsonb_build_object('tracking_no', '11' || lpad((abs(g) %% 100000000000)::text, 11, '0')), true, false),
  (CASE WHEN delivery_method = 'window' AND delivery_status = 'delivered' THEN delivered_at END,
   clerk_id, clerk_name, 'hand_over', '窗口出件：申请人已领取', '办结', '', '{}'::jsonb, true, false),
  (CASE WHEN urged THEN pg_temp.bj(promised_due + 2, 36000) END, %(supervisor_id)s::bigint, %(supervisor_name)s,
   'urge', '督办', '审查', '该件已超过承诺办结时限，请说明原因并尽快办结。', '{}'::jsonb, false, false)
) AS ev(at, actor_id, actor_label, action, label, state_name, comment, data, public, online)
WHERE ev.at IS NOT NULL AND ev.at <= %(now)s
ORDER BY ev.at
"""

RATINGS = """
INSERT INTO ratings_rating (id, handling, handling_label, mode, channel, level, scores, comment, anonymous, rater_name,
  rater_phone, matter_name, staff_name, rated_at, invalid, pushed_at, bundle_number, case_id, department_id,
  division_id, entered_by_id, matter_id, rater_id, staff_id, window_id)
SELECT rating_id, 'case', '', CASE WHEN at_window THEN 'window' ELSE 'online' END,
  CASE WHEN at_window THEN (CASE WHEN u_lvl < 0.7 THEN 'tablet' ELSE 'qr' END)
       WHEN u_lvl < 0.15 THEN 'sms' WHEN channel = 'mobile' THEN 'mobile' ELSE 'pc' END,
  lvl, '{}'::jsonb,
  CASE WHEN lvl <= 2 THEN '等了很久，窗口说材料不齐但没有一次说清楚。' WHEN lvl = 5 AND u_m < 0.05 THEN '办事快，态度好。' ELSE '' END,
  u_m > 0.92, CASE WHEN u_m > 0.92 THEN '' ELSE person_name END, CASE WHEN u_m > 0.92 THEN '' ELSE person_phone END,
  matter_name, approver_name, rated_at, false,
  CASE WHEN rated_at < %(now)s - interval '1 hour' THEN rated_at + interval '10 minutes' END, '',
  id, department_id, division_id, NULL, matter_id, CASE WHEN u_m > 0.92 THEN NULL ELSE applicant_id END,
  approver_id, CASE WHEN at_window THEN window_id END
FROM (SELECT cc.*, CASE WHEN u_rate / 0.28 < 0.86 THEN 5 WHEN u_rate / 0.28 < 0.955 THEN 4 WHEN u_rate / 0.28 < 0.985 THEN 3
                        WHEN u_rate / 0.28 < 0.994 THEN 2 ELSE 1 END AS lvl
      FROM bench_case cc WHERE rating_id IS NOT NULL) r
ORDER BY rated_at
"""

# 差评整改 for every bad rating: closed within weeks, the recent ones still being verified.
REVIEWS = """
INSERT INTO ratings_badratingreview (status, step_due, created_at, verification, verified_at, callback_at,
  callback_reached, callback_note, outcome, measures, rectify_due, rectified_at, rectification, appeal_reason,
  appeal_upheld, feedback, feedback_at, closed_at, late, escalated_step, department_id, division_id, handler_id,
  rating_id, workflow_id, state_id)
SELECT CASE WHEN open THEN 'open' ELSE 'closed' END,
  CASE WHEN open THEN (rr.rated_at + interval '5 days')::date END, rr.rated_at,
  CASE WHEN open THEN '' ELSE '经核实，窗口未一次性告知补正事项，情况属实。' END,
  CASE WHEN open THEN NULL ELSE rr.rated_at + interval '2 days' END,
  CASE WHEN open THEN NULL ELSE rr.rated_at + interval '2 days' END, CASE WHEN open THEN NULL ELSE true END,
  CASE WHEN open THEN '' ELSE '已电话回访评价人，说明情况并致歉。' END,
  CASE WHEN open THEN '' ELSE 'rectify' END, CASE WHEN open THEN '' ELSE '对窗口人员开展一次性告知培训。' END,
  NULL, CASE WHEN open THEN NULL ELSE rr.rated_at + interval '8 days' END,
  CASE WHEN open THEN '' ELSE '已完成培训并修订告知清单。' END, '', NULL,
  CASE WHEN open THEN '' ELSE '已整改，感谢您的监督。' END,
  CASE WHEN open THEN NULL ELSE rr.rated_at + interval '9 days' END,
  CASE WHEN open THEN NULL ELSE rr.rated_at + interval '10 days' END,
  NOT open AND rr.id %% 10 = 0, '', rr.department_id, rr.division_id, NULL, rr.id, %(review_workflow)s,
  CASE WHEN open THEN %(review_open_state)s ELSE %(review_closed_state)s END
FROM (SELECT r.*, r.rated_at > %(now)s - interval '15 days' AS open
      FROM ratings_rating r WHERE r.id >= %(first_rating)s AND r.level <= 2) rr
"""

ORDERS = """
INSERT INTO payments_paymentorder (id, order_no, reference, payer_name, payee_name, description, amount_cents, status,
  channel, window_method, gateway, gateway_trade_no, paid_at, receipt_no, cancel_reason, created_at, created_by_id,
  payer_id)
SELECT order_id, 'PAY' || to_char(dec_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad((5000000 + order_id %% 5000000)::text, 7, '0'),
  code || to_char(d, 'YYYYMMDD') || lpad((k + serial_offset)::text, 5, '0'),
  CASE WHEN is_org THEN org_name ELSE person_name END, dept_name, matter_name, fee_cents,
  CASE WHEN paid THEN 'paid' ELSE 'pending' END,
  CASE WHEN NOT paid THEN '' WHEN at_window THEN 'window' ELSE 'online' END,
  CASE WHEN paid AND at_window THEN 'scan' ELSE '' END,
  CASE WHEN paid AND NOT at_window THEN 'sandbox' ELSE '' END,
  CASE WHEN paid AND NOT at_window THEN 'T' || order_id ELSE '' END,
  CASE WHEN paid THEN paid_at END,
  CASE WHEN paid THEN 'PJ' || to_char(paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD')
                      || lpad((50000000 + order_id %% 50000000)::text, 8, '0') ELSE '' END,
  '', dec_at, approver_id, applicant_id
FROM (SELECT cc.*, paid_at <= %(now)s AS paid FROM bench_case cc WHERE order_id IS NOT NULL) o
"""

ORDER_ITEMS = """
INSERT INTO payments_paymentitem (name, standard, amount_cents, order_id)
SELECT fee_name, fee_standard, fee_cents, order_id FROM bench_case WHERE order_id IS NOT NULL
"""

# Pauses: the ones closed (their working days are in paused_days) and the ones open now.
PAUSES = """
INSERT INTO cases_casepause (kind, procedure, reason, started_on, ended_on, working_days, items, due_on, case_id,
                             started_by_id)
SELECT 'special', 'site_survey', '需现场勘验经营场所', pause_on, pause_off, paused_days, '[]'::jsonb, NULL::date, id, approver_id
FROM bench_case WHERE accepted AND paused_days > 0 AND pause_off <= %(today)s::date
UNION ALL
SELECT CASE WHEN phase = 'correction' THEN 'correction' ELSE 'special' END,
       CASE WHEN phase = 'correction' THEN '' ELSE 'expert_review' END,
       CASE WHEN phase = 'correction' THEN '申请人补正' ELSE '专家评审' END,
       open_pause_on, NULL, 0,
       CASE WHEN phase = 'correction' THEN '[{"name": "申请材料", "problem": "复印件不清晰，请重新上传。"}]'::jsonb
            ELSE '[]'::jsonb END, NULL, id, approver_id
FROM bench_case WHERE open_pause
"""

CORRECTIONS = """
INSERT INTO cases_correction (items, note, requested_at, during_processing, resolved_at, case_id, requested_by_id)
SELECT '[{"name": "申请材料", "problem": "复印件不清晰，请重新上传。"}, {"name": "申请表", "problem": "未签名。"}]'::jsonb,
       '请在“我的办件”中按要求补正后提交。', corr_at, false, CASE WHEN resub_at <= %(now)s THEN resub_at END, id, approver_id
FROM bench_case WHERE corr_at <= %(now)s
UNION ALL
SELECT '[{"name": "申请材料", "problem": "复印件不清晰，请重新上传。"}]'::jsonb, '', pg_temp.bj(open_pause_on, 36000),
       true, NULL, id, approver_id
FROM bench_case WHERE open_pause AND phase = 'correction'
"""

URGES = """
INSERT INTO cases_urge (message, urged_at, answer, answered_at, case_id, urged_by_id)
SELECT '该件已超过承诺办结时限，请说明原因并尽快办结。', pg_temp.bj(promised_due + 2, 36000),
       CASE WHEN u_staff < 0.3 THEN '申请人正在补充材料，预计本周内办结。' ELSE '' END,
       CASE WHEN u_staff < 0.3 THEN pg_temp.bj(promised_due + 2, 50000) END, id, %(supervisor_id)s
FROM bench_case WHERE urged AND pg_temp.bj(promised_due + 2, 36000) <= %(now)s
"""

INVITATIONS = """
INSERT INTO ratings_ratinginvitation (sent_at, case_id)
SELECT done_at + interval '1 hour', id
FROM (SELECT id, person_phone, CASE WHEN phase = 'refused' THEN term_at ELSE dec_at END AS done_at
      FROM bench_case WHERE phase IN ('completed', 'refused')) c
WHERE done_at >= %(now)s - interval '30 days' AND done_at + interval '1 hour' <= %(now)s AND person_phone <> ''
"""

SERIALS = """
INSERT INTO core_serial (scope, period, last)
SELECT 'case:' || impl_id, to_char(d, 'YYYY-MM-DD'), max(k + serial_offset) FROM bench_case
WHERE d = %(today)s::date GROUP BY impl_id, d
ON CONFLICT (scope, period) DO UPDATE SET last = greatest(core_serial.last, excluded.last)
"""
