// The database schema as an ordered, append-only list of migrations.
// A migration is never edited once released: a change to the schema is a new entry at the end.
// `PRAGMA user_version` records how many of them a database has applied.
//
// Conventions: dates are ISO `YYYY-MM-DD` text, money is integer fen, enumerations are stable
// codes (their Chinese labels live in `list_item`), yes/no flags are 0/1, and every register
// row carries `deleted_at` (soft delete: a deleted row drops out of every list and figure).

import type { Database } from 'better-sqlite3-multiple-ciphers';
import { migration1Lists } from './migration-1-lists.ts';

export interface Migration {
  /** What the migration does, for people reading the log. */
  readonly description: string;
  readonly up: (db: Database) => void;
}

const registerColumns = `
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  deleted_at TEXT`;

export const migrations: readonly Migration[] = [
  {
    description: '三类台账、配置项、导入日志',
    up: (db) => {
      db.exec(`
CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Configurable lists and fixed enumerations alike: code is stable, label is what people see.
CREATE TABLE list_item (
  list TEXT NOT NULL,
  code TEXT NOT NULL,
  label TEXT NOT NULL,
  sort INTEGER NOT NULL,
  configurable INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (list, code),
  UNIQUE (list, label)
) WITHOUT ROWID;

-- 单位: the bureau itself, its legal-aid centre, or a township office (司法所).
CREATE TABLE office (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  sort INTEGER NOT NULL DEFAULT 0,
  ${registerColumns}
);

-- 调解组织
CREATE TABLE mediation_org (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  specialty TEXT,
  office_id INTEGER NOT NULL REFERENCES office(id),
  founded_on TEXT NOT NULL,
  dissolved_on TEXT,
  ${registerColumns}
);
CREATE INDEX mediation_org_office ON mediation_org(office_id);

-- 调解员: keyed by 姓名 + 身份证号码 when the number is known, else by 姓名 within the organisation.
CREATE TABLE mediator (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  id_number TEXT,
  sex TEXT,
  org_id INTEGER NOT NULL REFERENCES mediation_org(id),
  employment TEXT NOT NULL,
  background TEXT,
  appointed_on TEXT NOT NULL,
  dismissed_on TEXT,
  ${registerColumns}
);
CREATE UNIQUE INDEX mediator_key_id ON mediator(name, id_number) WHERE id_number IS NOT NULL;
CREATE UNIQUE INDEX mediator_key_org ON mediator(name, org_id) WHERE id_number IS NULL;
CREATE INDEX mediator_org ON mediator(org_id);

-- 人民调解案件
CREATE TABLE mediation_case (
  id INTEGER PRIMARY KEY,
  case_no TEXT NOT NULL UNIQUE,
  org_id INTEGER NOT NULL REFERENCES mediation_org(id),
  received_on TEXT NOT NULL,
  source TEXT NOT NULL,
  dispute_type TEXT NOT NULL,
  party_names TEXT NOT NULL DEFAULT '', -- 当事人 names joined by 、, for lists and search
  people_count INTEGER,
  amount_fen INTEGER NOT NULL DEFAULT 0,
  difficulty TEXT NOT NULL DEFAULT 'ordinary',
  result TEXT NOT NULL,
  closed_on TEXT,
  agreement_form TEXT,
  performance TEXT,
  failure_route TEXT,
  prevented_criminal INTEGER NOT NULL DEFAULT 0,
  prevented_petition INTEGER NOT NULL DEFAULT 0,
  prevented_fight INTEGER NOT NULL DEFAULT 0,
  prevented_suicide INTEGER NOT NULL DEFAULT 0,
  note TEXT,
  ${registerColumns}
);
CREATE INDEX mediation_case_received ON mediation_case(received_on);
CREATE INDEX mediation_case_org ON mediation_case(org_id, received_on);

-- 当事人: full party records (the ledger carries names only; the UI adds number and role).
CREATE TABLE mediation_party (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES mediation_case(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  id_number TEXT,
  role TEXT,
  UNIQUE (case_id, seq)
);

CREATE TABLE mediation_case_mediator (
  case_id INTEGER NOT NULL REFERENCES mediation_case(id) ON DELETE CASCADE,
  mediator_id INTEGER NOT NULL REFERENCES mediator(id),
  PRIMARY KEY (case_id, mediator_id)
) WITHOUT ROWID;
CREATE INDEX mediation_case_mediator_mediator ON mediation_case_mediator(mediator_id);

-- 矛盾纠纷排查
CREATE TABLE dispute_sweep (
  id INTEGER PRIMARY KEY,
  swept_on TEXT NOT NULL,
  office_id INTEGER NOT NULL REFERENCES office(id),
  sweeps INTEGER NOT NULL,
  disputes_found INTEGER NOT NULL DEFAULT 0,
  note TEXT,
  ${registerColumns},
  UNIQUE (swept_on, office_id)
);

-- 法律援助案件; special_groups holds list codes as ',code,code,' so one group is an instr() away.
CREATE TABLE legal_aid_case (
  id INTEGER PRIMARY KEY,
  case_no TEXT NOT NULL UNIQUE,
  office_id INTEGER NOT NULL REFERENCES office(id),
  received_on TEXT NOT NULL,
  source TEXT NOT NULL,
  notifying_authority TEXT,
  category TEXT NOT NULL,
  criminal_stage TEXT,
  cause TEXT,
  review_result TEXT NOT NULL,
  promise INTEGER NOT NULL DEFAULT 0,
  recipient_name TEXT NOT NULL,
  recipient_id_number TEXT,
  recipient_sex TEXT NOT NULL,
  recipient_birth_date TEXT NOT NULL,
  special_groups TEXT NOT NULL DEFAULT '',
  handler_name TEXT,
  handler_type TEXT,
  assigned_on TEXT,
  closed_on TEXT,
  closing_method TEXT,
  recovered_fen INTEGER NOT NULL DEFAULT 0,
  note TEXT,
  ${registerColumns}
);
CREATE INDEX legal_aid_case_received ON legal_aid_case(received_on);
CREATE INDEX legal_aid_case_closed ON legal_aid_case(closed_on);
CREATE INDEX legal_aid_case_office ON legal_aid_case(office_id, received_on);

-- 法律咨询
CREATE TABLE consultation (
  id INTEGER PRIMARY KEY,
  consulted_on TEXT NOT NULL,
  office_id INTEGER NOT NULL REFERENCES office(id),
  channel TEXT NOT NULL,
  matter TEXT,
  visitors INTEGER NOT NULL,
  outcome TEXT,
  ${registerColumns}
);
CREATE UNIQUE INDEX consultation_key ON consultation(consulted_on, office_id, channel, ifnull(matter, ''));

-- 值班律师
CREATE TABLE duty_shift (
  id INTEGER PRIMARY KEY,
  duty_on TEXT NOT NULL,
  office_id INTEGER NOT NULL REFERENCES office(id),
  place TEXT NOT NULL,
  lawyer TEXT NOT NULL,
  help_count INTEGER NOT NULL,
  plea_witness_count INTEGER NOT NULL DEFAULT 0,
  ${registerColumns},
  UNIQUE (duty_on, office_id, place, lawyer)
);

-- 社区矫正对象: one row per stint; a person can be under correction twice.
CREATE TABLE correction_stint (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  id_number TEXT NOT NULL,
  office_id INTEGER NOT NULL REFERENCES office(id),
  category TEXT NOT NULL,
  crime TEXT,
  deciding_authority TEXT,
  term_start TEXT NOT NULL,
  term_end TEXT NOT NULL,
  entered_on TEXT NOT NULL,
  supervision_level TEXT,
  exited_on TEXT,
  exit_type TEXT,
  ${registerColumns},
  UNIQUE (id_number, entered_on)
);
CREATE INDEX correction_stint_entered ON correction_stint(entered_on);
CREATE INDEX correction_stint_exited ON correction_stint(exited_on);
CREATE INDEX correction_stint_office ON correction_stint(office_id, entered_on);

-- 社区矫正事件: belongs to the stint that covers its date.
CREATE TABLE correction_event (
  id INTEGER PRIMARY KEY,
  stint_id INTEGER NOT NULL REFERENCES correction_stint(id),
  event_on TEXT NOT NULL,
  event_type TEXT NOT NULL,
  note TEXT,
  ${registerColumns},
  UNIQUE (stint_id, event_on, event_type)
);
CREATE INDEX correction_event_on ON correction_event(event_on);

-- 社区矫正教育活动; attendees ticked from the roster in the UI.
CREATE TABLE correction_activity (
  id INTEGER PRIMARY KEY,
  held_on TEXT NOT NULL,
  office_id INTEGER NOT NULL REFERENCES office(id),
  activity_type TEXT NOT NULL,
  topic TEXT NOT NULL,
  attendance INTEGER NOT NULL,
  ${registerColumns},
  UNIQUE (held_on, office_id, activity_type, topic)
);

CREATE TABLE correction_activity_attendee (
  activity_id INTEGER NOT NULL REFERENCES correction_activity(id) ON DELETE CASCADE,
  stint_id INTEGER NOT NULL REFERENCES correction_stint(id),
  PRIMARY KEY (activity_id, stint_id)
) WITHOUT ROWID;

-- 调查评估
CREATE TABLE investigation (
  id INTEGER PRIMARY KEY,
  commission_no TEXT NOT NULL UNIQUE,
  office_id INTEGER NOT NULL REFERENCES office(id),
  commissioned_on TEXT NOT NULL,
  commissioning_authority TEXT NOT NULL,
  subject_name TEXT NOT NULL,
  opinion TEXT,
  completed_on TEXT,
  ${registerColumns}
);
CREATE INDEX investigation_commissioned ON investigation(commissioned_on);

-- 远程视频会见
CREATE TABLE remote_visit (
  id INTEGER PRIMARY KEY,
  visited_on TEXT NOT NULL,
  office_id INTEGER NOT NULL REFERENCES office(id),
  visits INTEGER NOT NULL,
  ${registerColumns},
  UNIQUE (visited_on, office_id)
);

-- 导入日志: one row per import; import_change keeps what each import touched, so it can be undone.
CREATE TABLE import_log (
  id INTEGER PRIMARY KEY,
  imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  imported_by TEXT NOT NULL,
  files TEXT NOT NULL,
  summary TEXT NOT NULL,
  undone_at TEXT
);

CREATE TABLE import_change (
  import_id INTEGER NOT NULL REFERENCES import_log(id),
  seq INTEGER NOT NULL,
  tbl TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  before_json TEXT,
  PRIMARY KEY (import_id, seq)
) WITHOUT ROWID;
`);
      const insert = db.prepare(
        'INSERT INTO list_item (list, code, label, sort, configurable) VALUES (?, ?, ?, ?, ?)',
      );
      for (const [list, configurable, items] of migration1Lists) {
        items.forEach(([code, label], index) => insert.run(list, code, label, index, configurable ? 1 : 0));
      }
    },
  },
  {
    description: '社区矫正事件按类型与日期的索引（再犯罪、脱管等少见事件的明细追溯）',
    up: (db) => {
      db.exec('CREATE INDEX correction_event_type ON correction_event(event_type, event_on)');
    },
  },
  {
    description: '审计日志：每项修改、导入、导出和查看身份证号码的记录，哈希链防篡改，只能追加',
    up: (db) => {
      db.exec(`
-- One row per audited act (db/audit/audit-log.ts). hash = SHA-256 over the row's fields and
-- prev_hash, the hash of the row before, so an edited or removed row breaks the chain.
-- AUTOINCREMENT keeps the highest number ever given, so rows removed from the end leave a gap.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL, -- local time with offset, 2024-03-02T09:15:00.000+08:00
  user TEXT NOT NULL,
  action TEXT NOT NULL, -- a code of db/audit/actions.ts: create, update, delete, import, export, view, login …
  method TEXT NOT NULL,
  target_table TEXT,
  record_id INTEGER,
  before_json TEXT,
  after_json TEXT,
  details TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能修改'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能删除'); END;
`);
    },
  },
  {
    description: '社区矫正事件的统计索引：按类型与日期，含所属矫正期和删除标记，报表只读索引，不读事件本身',
    up: (db) => {
      // Replaces the type index of migration 2: it holds every column the report's event
      // figures read, so each figure is counted from one range of it (one type, the period).
      // The deleted stints, whose events count for nothing, are listed from a partial index.
      db.exec(`
DROP INDEX correction_event_type;
CREATE INDEX correction_event_figures ON correction_event(event_type, event_on, stint_id, deleted_at);
CREATE INDEX correction_stint_deleted ON correction_stint(deleted_at) WHERE deleted_at IS NOT NULL;
`);
    },
  },
  {
    description: '账号：管理员、录入员、查看三种角色，属局机关或一个司法所；密码只存 scrypt 散列',
    up: (db) => {
      db.exec(`
-- 账号 (db/accounts/users.ts). office_id NULL: 局机关, the whole bureau; else the one office
-- whose records the account sees and counts. An administrator is always bureau-level.
-- failed_attempts and locked_until mirror the lock after failed logins kept in the key file
-- (db/encryption/key-file.ts), which also counts while the database is still locked.
CREATE TABLE app_user (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'clerk', 'viewer')),
  office_id INTEGER REFERENCES office(id),
  password_hash TEXT NOT NULL, -- scrypt$N$r$p$salt$hash (db/accounts/passwords.ts)
  disabled INTEGER NOT NULL DEFAULT 0,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT, -- ISO time
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  last_login_at TEXT,
  CHECK (role <> 'admin' OR office_id IS NULL)
);
`);
    },
  },
  {
    description: '导入日志：一次导入新增的连续记录记为一段（首末编号），不再逐条记录',
    up: (db) => {
      // A row with last_row_id stands for the rows row_id…last_row_id that the import added
      // (consecutive ids of one table, nothing else between them); older rows keep one id each.
      db.exec('ALTER TABLE import_change ADD COLUMN last_row_id INTEGER');
    },
  },
  // 村(居)法律顾问, 法律顾问服务, 普法活动, 安置帮教对象 (registers.md §6)
  {
    description: '村(居)法律顾问、法律顾问服务、普法活动、安置帮教对象四种登记簿及其代码表',
    up: (db) => {
      db.exec(`
-- 村(居)法律顾问: villages holds the served 村(居) joined by 、 (legal_adviser_village lists them one per row).
CREATE TABLE legal_adviser (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  office_id INTEGER NOT NULL REFERENCES office(id),
  firm TEXT,
  identity TEXT NOT NULL,
  villages TEXT NOT NULL,
  appointed_on TEXT NOT NULL,
  dismissed_on TEXT,
  ${registerColumns},
  UNIQUE (name, office_id)
);

CREATE VIEW legal_adviser_village AS
WITH RECURSIVE split(adviser_id, village, rest) AS (
  SELECT id, '', villages || '、' FROM legal_adviser
  UNION ALL
  SELECT adviser_id, substr(rest, 1, instr(rest, '、') - 1), substr(rest, instr(rest, '、') + 1) FROM split WHERE rest <> ''
)
SELECT adviser_id, village FROM split WHERE village <> '';

-- 法律顾问服务
CREATE TABLE legal_adviser_service (
  id INTEGER PRIMARY KEY,
  served_on TEXT NOT NULL,
  office_id INTEGER NOT NULL REFERENCES office(id),
  adviser_id INTEGER NOT NULL REFERENCES legal_adviser(id),
  village TEXT NOT NULL,
  service_type TEXT NOT NULL,
  quantity INTEGER NOT NULL,
  note TEXT,
  ${registerColumns},
  UNIQUE (served_on, adviser_id, village, service_type)
);
CREATE INDEX legal_adviser_service_on ON legal_adviser_service(served_on);

-- 普法活动
CREATE TABLE publicity_activity (
  id INTEGER PRIMARY KEY,
  held_on TEXT NOT NULL,
  office_id INTEGER NOT NULL REFERENCES office(id),
  form TEXT NOT NULL,
  topic TEXT NOT NULL,
  audience_type TEXT,
  sessions INTEGER NOT NULL,
  audience INTEGER,
  ${registerColumns},
  UNIQUE (held_on, office_id, form, topic)
);
CREATE INDEX publicity_activity_on ON publicity_activity(held_on);

-- 安置帮教对象: one row per release; a person released twice has two.
CREATE TABLE resettlement (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  id_number TEXT NOT NULL,
  office_id INTEGER NOT NULL REFERENCES office(id),
  person_type TEXT NOT NULL,
  original_crime TEXT,
  released_on TEXT NOT NULL,
  taken_over_on TEXT NOT NULL,
  handover_method TEXT,
  resettlement_method TEXT,
  resettled_on TEXT,
  helped INTEGER NOT NULL DEFAULT 0,
  help_ends_on TEXT NOT NULL,
  reoffended_on TEXT,
  ${registerColumns},
  UNIQUE (id_number, released_on)
);
CREATE INDEX resettlement_taken_over ON resettlement(taken_over_on);
`);
      // This migration's own code lists, as they were when it was written.
      const lists: readonly (readonly [string, boolean, readonly (readonly [string, string])[]])[] = [
        ['adviserIdentity', true, [['lawyer', '律师'], ['grassroots', '基层法律服务工作者'], ['other', '其他']]],
        [
          'adviserServiceType',
          true,
          [
            ['visit', '入村(居)服务'],
            ['consultation', '法律咨询'],
            ['lecture', '法治讲座'],
            ['mediation', '参与调解'],
            ['litigation', '代理诉讼'],
            ['legal_aid', '法律援助'],
            ['opinion', '法律意见书'],
            ['contract', '审查合同'],
            ['village_rules', '审查村规民约'],
            ['drafting', '代写文书'],
            ['group_incident', '参与处理群体性事件'],
            ['other', '其他'],
          ],
        ],
        [
          'publicityForm',
          true,
          [
            ['lecture', '法治讲座'],
            ['on_site', '现场宣传咨询'],
            ['case_explain', '以案释法'],
            ['live', '线上直播'],
            ['new_media', '新媒体推送'],
            ['arts', '法治文艺'],
            ['other', '其他'],
          ],
        ],
        [
          'publicityAudience',
          false,
          [['youth', '青少年'], ['elderly', '老年人'], ['rural', '农村群众'], ['workers', '企业职工'], ['officials', '公职人员'], ['other', '其他']],
        ],
        ['resettlementPersonType', false, [['prison', '刑满释放人员'], ['correction', '解除社区矫正人员']]],
        ['handoverMethod', false, [['handover', '必接必送'], ['self_report', '自行报到'], ['other', '其他']]],
        [
          'resettlementMethod',
          false,
          [['employment', '就业'], ['self_employed', '自主创业'], ['farming', '务农'], ['welfare', '低保救助'], ['other', '其他']],
        ],
      ];
      const insert = db.prepare('INSERT INTO list_item (list, code, label, sort, configurable) VALUES (?, ?, ?, ?, ?)');
      for (const [list, configurable, items] of lists) {
        items.forEach(([code, label], index) => insert.run(list, code, label, index, configurable ? 1 : 0));
      }
    },
  },
  // 数据交换 (db/exchange/): sites, offices joined, the change log. Its triggers are installed only at an office site.
  {
    description: '数据交换：本机是局端还是司法所、已加入的司法所、跨电脑识别记录的编号、变更日志',
    up: (db) => {
      // The register tables of migrations 1 and 7, as they stood: a register added later adds its own gid column.
      const registerTables = [
        'mediation_org',
        'mediator',
        'mediation_case',
        'dispute_sweep',
        'legal_aid_case',
        'consultation',
        'duty_shift',
        'correction_stint',
        'correction_event',
        'correction_activity',
        'investigation',
        'remote_visit',
        'legal_adviser',
        'legal_adviser_service',
        'publicity_activity',
        'resettlement',
      ];
      for (const table of registerTables) {
        db.exec(`ALTER TABLE ${table} ADD COLUMN gid TEXT;
CREATE UNIQUE INDEX ${table}_gid ON ${table}(gid) WHERE gid IS NOT NULL;`);
      }
      db.exec(`
-- This install's part in the county: one row once it takes part (a bureau that invited an
-- office, or an office that joined); none for a standalone bureau. seq counts this site's
-- changes; acked is the highest the bureau has acknowledged (office); bureau_seq the newest
-- bureau package applied (office).
CREATE TABLE exchange_site (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  role TEXT NOT NULL CHECK (role IN ('bureau', 'office')),
  county_id TEXT NOT NULL,
  site_id TEXT NOT NULL,
  bureau_name TEXT NOT NULL,
  office_id INTEGER REFERENCES office(id),
  invite_id TEXT,
  signing_key TEXT NOT NULL,
  bureau_public_key TEXT NOT NULL,
  package_key TEXT,
  seq INTEGER NOT NULL DEFAULT 0,
  acked INTEGER NOT NULL DEFAULT 0,
  bureau_seq INTEGER NOT NULL DEFAULT 0,
  joined_at TEXT NOT NULL,
  last_sync_at TEXT
);

-- At the bureau: each office invited, its keys, the site that took the join file and its last package.
CREATE TABLE exchange_office (
  office_id INTEGER PRIMARY KEY REFERENCES office(id),
  invite_id TEXT NOT NULL,
  public_key TEXT NOT NULL,
  package_key TEXT NOT NULL,
  invited_at TEXT NOT NULL,
  site_id TEXT,
  last_seq INTEGER NOT NULL DEFAULT 0,
  last_made_at TEXT,
  last_received_at TEXT,
  last_records INTEGER NOT NULL DEFAULT 0,
  sent_seq INTEGER NOT NULL DEFAULT 0,
  went_back_at TEXT,
  went_back_seq INTEGER
);

-- At an office: the newest change of each record (by table and gid), numbered in exchange_site.seq.
CREATE TABLE exchange_change (
  tbl TEXT NOT NULL,
  gid TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (tbl, gid)
) WITHOUT ROWID;
CREATE INDEX exchange_change_seq ON exchange_change(seq);
`);
    },
  },
  // A password an administrator gave (new account, reset) is changed at first login.
  {
    description: '账号：管理员设置或重设的密码，用户首次登录时须修改',
    up: (db) => {
      db.exec('ALTER TABLE app_user ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0');
    },
  },
  // 单位类别: what kind of unit each office is, so that a rule needing a 司法所 reads the kind, not
  // the name. Existing offices get the kind their name ends in (the administrator can change it).
  {
    description: '单位：单位类别（局机关、司法所、法律援助中心、社区矫正中心、其他）',
    up: (db) => {
      db.exec(`
ALTER TABLE office ADD COLUMN kind TEXT NOT NULL DEFAULT 'other'
  CHECK (kind IN ('bureau', 'township', 'legal_aid_centre', 'correction_centre', 'other'));
UPDATE office SET kind = CASE
  WHEN name LIKE '%司法所' THEN 'township'
  WHEN name LIKE '%法律援助中心' THEN 'legal_aid_centre'
  WHEN name LIKE '%社区矫正中心' THEN 'correction_centre'
  WHEN name IN ('局本级', '局机关') OR name LIKE '%司法局' THEN 'bureau'
  ELSE 'other' END;
`);
    },
  },
];
