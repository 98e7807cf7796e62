// What each API method does, over one open database. Inputs arrive already parsed by the
// contract's schemas; a handler throws UserError for what people must fix and returns data
// otherwise. Plain Node (better-sqlite3-multiple-ciphers); no transport knowledge here.

import { checkFullIdNumbers, type Access } from '../accounts/permissions.ts';
import { userHandlers, type AccountKeys } from '../accounts/users-api.ts';
import { accountDescription } from '../accounts/users.ts';
import { buildAuditWorkbook } from '../audit/audit-export.ts';
import { verifyAuditLog } from '../audit/audit-log.ts';
import { searchAuditLog } from '../audit/audit-search.ts';
import { maskDrillDown, maskListPage } from '../audit/personal-numbers.ts';
import { backupHandlers } from '../backup/backup-api.ts';
import type { RegisterDatabase } from '../database.ts';
import { schemaVersion } from '../database.ts';
import { UserError } from '../errors.ts';
import { exportLedger, ledgerTemplate } from '../export/ledger-export.ts';
import { readOnlyOfficeMarks } from '../exchange/exchange.ts';
import { exchangeHandlers } from '../exchange/exchange-api.ts';
import type { IntranetRuntime } from '../exchange/intranet.ts';
import { checkSharedListChange } from '../exchange/ownership.ts';
import { siteOf } from '../exchange/site.ts';
import { buildReportDocument } from '../export/report-document.ts';
import { bureauName, periodName } from '../export/report-scope.ts';
import { buildReportWorkbook } from '../export/report-workbook.ts';
import { importHistory, undoImport } from '../import/import-history.ts';
import { otherOfficeRows, type ImportOutcome } from '../import/import-ledger.ts';
import { registerByName, registers } from '../registers/index.ts';
import { DEFAULT_BUREAU_NAME, sampleCountyLedgers } from '../sample/generate-county.ts';
import type { RegisterDefinition, RegisterName } from '../registers/register.ts';
import { statement } from '../registers/register.ts';
import {
  fieldErrorsSentence,
  insertRecord,
  listRecords,
  loadVocabulary,
  readRecord,
  setDeleted,
  updateRecord,
  validateRecord,
  type ListQuery,
} from '../registers/store.ts';
import { usedValues } from '../registers/used-values.ts';
import { listDefinitions, listNames, type ListName } from '../registers/vocabulary.ts';
import { indicatorDefinitions } from '../report/indicators.ts';
import { drillDown, monthlyFigures, runReport } from '../report/engine.ts';
import { qualityWarnings } from '../report/quality.ts';
import {
  longJobTitles,
  longWorkInPlace,
  type LongJob,
  type LongJobResults,
  type LongWork,
} from '../worker/long-work.ts';
import { buildDrillDownWorkbook } from '../export/drill-down-workbook.ts';
import { readableEntries } from '../audit/readable-entry.ts';
import { nextCaseNumber } from '../registers/case-numbers.ts';
import { officeKindOfName } from '../settings/office-kinds.ts';
import { readWorkingRules, writeWorkingRules } from '../settings/working-rules.ts';
import { registerNames, type ApiRecord, type ListItem, type MethodName, type RecordPage, type RegisterAction, type MethodOutput, type Office, type ParsedInput } from './contract.ts';
import { ProgressBoard } from './progress-board.ts';

/** A method's handler: its parsed input to the value its declaration promises. */
type Handler<M extends MethodName> = (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
type Handlers = { [M in MethodName]: Handler<M> };

export interface HandlerContext {
  readonly db: RegisterDatabase;
  /** Who is acting: the account's user name (recorded in the import log and the audit log). */
  readonly user: string;
  /** The account's role and office: what it may call and see (db/accounts/permissions.ts). */
  readonly access: Access;
  /** Today, `YYYY-MM-DD` (the data-quality warnings are read as of this day). */
  readonly today: () => string;
  /** The database file, for backups and restore; absent for an in-memory database. */
  readonly dbFile?: string;
  /** The key file's account slots, for an encrypted database (users.*). */
  readonly accounts?: AccountKeys;
  /** The clock for account locks; default the real one. */
  readonly now?: () => Date;
  /** Where imports and backups run; default in place, over `db`. */
  readonly longWork?: LongWork;
  /** Where long work reports its progress (`app.progress`); default a board of this dispatcher's own. */
  readonly progress?: ProgressBoard;
  /** The intranet listener or timer of the running app, told when its settings change; absent in the CLI and tests. */
  readonly intranet?: IntranetRuntime;
  /** The command line on this machine: an import may name its ledgers by path (no other transport may). */
  readonly readsLocalFiles?: boolean;
}

function registerHandlers(db: RegisterDatabase, register: RegisterDefinition): { [A in RegisterAction]: Handler<`${RegisterName}.${A}`> } {
  /** A row of the register's table: it has its id column. */
  const mustExist = (id: number) => {
    const record = readRecord(db, register, id);
    if (!record) throw new UserError(`${register.title}记录不存在（编号 ${id}）`, 'not_found');
    return record as ApiRecord;
  };
  const validated = (input: Record<string, unknown>, id?: number) => {
    const result = validateRecord(db, register, loadVocabulary(db), input, id);
    if (!result.ok) {
      throw new UserError(`${register.title}未保存：${fieldErrorsSentence(register, result.fieldErrors)}`, 'validation', result.fieldErrors);
    }
    return result.record;
  };
  return {
    /** Personal numbers masked: in full only from `get`, which the audit log records. */
    list: (input: ListQuery) => maskListPage(register, listRecords(db, register, input)) as RecordPage,
    get: ({ id }: { id: number }) => mustExist(id),
    create: ({ record }: { record: Record<string, unknown> }) =>
      db.transaction(() => mustExist(insertRecord(db, register, validated(record))))(),
    update: ({ id, record }: { id: number; record: Record<string, unknown> }) =>
      db.transaction(() => {
        mustExist(id);
        updateRecord(db, register, id, validated(record, id));
        return mustExist(id);
      })(),
    delete: ({ id }: { id: number }) => {
      mustExist(id);
      if (!setDeleted(db, register, id, true)) throw new UserError('该记录已删除', 'conflict');
      return { id };
    },
    restore: ({ id }: { id: number }) =>
      db.transaction(() => {
        const stored = mustExist(id);
        if (!stored.deleted_at) throw new UserError('该记录未被删除', 'conflict');
        validated(stored, id);
        setDeleted(db, register, id, false);
        return mustExist(id);
      })(),
  };
}

/** SQL over a register's table aliased `t`: its rows of @officeId, or every row when @officeId is null. */
const scopedTo = (register: RegisterDefinition) => `(@officeId IS NULL OR ${register.officeSql} = @officeId)`;


export function createHandlers(context: HandlerContext): Handlers {
  const { db } = context;
  const perRegister = Object.fromEntries(
    registerNames.flatMap((name) =>
      Object.entries(registerHandlers(db, registerByName.get(name as RegisterName)!)).map(([method, handler]) => [
        `${name}.${method}`,
        handler,
      ]),
    ),
  );
  const setting = (key: string) =>
    (statement(db, 'SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
  const longWork = context.longWork ?? longWorkInPlace(db, context.dbFile ?? null);
  const progress = context.progress ?? new ProgressBoard();
  /** Long work, off the session's thread where the session has one, its progress on the board. */
  const runLong = <Job extends LongJob>(job: Job): Promise<LongJobResults[Job['kind']]> =>
    progress.track(longJobTitles[job.kind], (onProgress) => longWork(job, onProgress));
  const importJob = (job: Omit<Extract<LongJob, { kind: 'import' }>, 'kind' | 'user'>, user = context.user) => {
    // A file named by its path is read from this machine's disk: only the command line may ask that.
    if (!context.readsLocalFiles && job.files.some((file) => 'path' in file)) {
      throw new UserError('只能导入随请求上传的文件内容，不能按本机路径读取文件', 'bad_request');
    }
    return runLong({ kind: 'import', user, ...job });
  };
  const officeName = (id: number) =>
    (statement(db, 'SELECT name FROM office WHERE id = ?').get(id) as { name: string } | undefined)?.name;
  /** An office account imports its own office's rows only (null: the bureau imports any office's). */
  const importOffice = () => {
    const { officeId } = context.access;
    return officeId === null ? null : { id: officeId, name: officeName(officeId) ?? `单位 ${officeId}` };
  };
  /** An import holding rows of another office is refused as a whole, naming the first of them. */
  const refuseOtherOffices = (outcome: ImportOutcome): ImportOutcome => {
    const foreign = otherOfficeRows(outcome);
    if (foreign.length === 0) return outcome;
    const named = foreign.slice(0, 3).map((problem) => `${problem.file}${problem.row === null ? '' : ` 第${problem.row}行`}`);
    throw new UserError(
      `您的账号（${accountDescription(context.access)}）无权导入其他单位的记录：${named.join('、')}${foreign.length > 3 ? ` 等 ${foreign.length} 行` : ''}不属于本单位，未写入任何记录`,
      'forbidden',
    );
  };
  /** 潮州市湘桥区司法局2024年 / 城西司法所2024年1—10月: the start of an export's file name. */
  const exportName = (scope: { from: string; to: string; officeId?: number | null }) =>
    `${scope.officeId ? (officeName(scope.officeId) ?? '') : bureauName(db)}${periodName(scope.from, scope.to)}`;

  return {
    ...(perRegister as { [M in `${RegisterName}.${RegisterAction}`]: Handler<M> }),
    'app.info': () => ({
      bureauName: setting('bureauName'),
      schemaVersion: schemaVersion(db),
      today: context.today(),
      /** Cases and stints, of the account's office for an office account. */
      recordCount: (
        statement(
          db,
          `SELECT (SELECT count(*) FROM mediation_case t WHERE ${scopedTo(registerByName.get('mediationCase')!)})
            + (SELECT count(*) FROM legal_aid_case t WHERE ${scopedTo(registerByName.get('legalAidCase')!)})
            + (SELECT count(*) FROM correction_stint t WHERE ${scopedTo(registerByName.get('correctionStint')!)}) AS n`,
        ).get({ officeId: context.access.officeId }) as { n: number }
      ).n,
    }),
    'registers.describe': () =>
      registerNames.map((name) => {
        const register = registerByName.get(name)!;
        return {
          name,
          title: register.title,
          group: register.group,
          dateField: register.dateColumn,
          statuses: Object.entries(register.statuses ?? {}).map(([code, status]) => ({ code, label: status.label })),
          fields: register.fields.map(({ name: field, header, kind, requiredColumn, list, min }) => ({
            name: field,
            header,
            kind,
            requiredColumn,
            ...(list ? { list } : {}),
            ...(min === undefined ? {} : { min }),
          })),
        };
      }),
    'settings.update': ({ bureauName }) => {
      statement(db, 'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
        'bureauName',
        bureauName,
      );
      return { bureauName };
    },
    // Each office with the mark its records carry where they are read-only (a joined office's, at the bureau).
    'office.list': () => {
      const marks = readOnlyOfficeMarks(db);
      const offices = statement(db, 'SELECT id, name, sort, kind FROM office WHERE deleted_at IS NULL ORDER BY sort, id').all() as Omit<Office, 'readOnlyMark'>[];
      return offices.map((office) => ({ ...office, readOnlyMark: marks.get(office.id) ?? null }));
    },
    'office.create': ({ name, kind }) => {
      checkSharedListChange(db);
      if (statement(db, 'SELECT 1 FROM office WHERE name = ?').get(name)) {
        throw new UserError(`单位「${name}」已存在`, 'validation', { name: '已存在同名单位' });
      }
      const officeKind = kind ?? officeKindOfName(name);
      const id = Number(statement(db, 'INSERT INTO office (name, kind) VALUES (?, ?)').run(name, officeKind).lastInsertRowid);
      return { id, name, kind: officeKind };
    },
    'office.rename': ({ id, name, kind }) => {
      if (!officeName(id)) throw new UserError(`单位不存在（编号 ${id}）`, 'not_found');
      checkSharedListChange(db, id);
      const clash = statement(db, 'SELECT id FROM office WHERE name = ?').get(name) as { id: number } | undefined;
      if (clash && clash.id !== id) throw new UserError(`单位「${name}」已存在`, 'validation', { name: '已存在同名单位' });
      statement(db, "UPDATE office SET name = ?, kind = ifnull(?, kind), updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?").run(name, kind ?? null, id);
      return { id, name, kind: statement(db, 'SELECT kind FROM office WHERE id = ?').pluck().get(id) };
    },
    'lists.get': () =>
      listNames.map((list) => ({
        name: list,
        title: listDefinitions[list].title,
        configurable: listDefinitions[list].configurable,
        items: statement(db, 'SELECT code, label FROM list_item WHERE list = ? ORDER BY sort').all(list) as ListItem[],
      })),
    'lists.addItem': ({ list, label }) => {
      if (!(listNames as string[]).includes(list)) throw new UserError(`没有名为「${list}」的列表`, 'not_found');
      checkSharedListChange(db);
      const definition = listDefinitions[list as ListName];
      if (!definition.configurable) throw new UserError(`「${definition.title}」是法定分类，不能增加`, 'conflict');
      if (statement(db, 'SELECT 1 FROM list_item WHERE list = ? AND label = ?').get(list, label)) {
        throw new UserError(`「${definition.title}」中已有「${label}」`, 'validation', { label: '已存在' });
      }
      const custom = statement(db, "SELECT count(*) AS n FROM list_item WHERE list = ? AND code LIKE 'custom\\_%' ESCAPE '\\'").get(
        list,
      ) as { n: number };
      const code = `custom_${custom.n + 1}`;
      const sort = (statement(db, 'SELECT max(sort) AS s FROM list_item WHERE list = ?').get(list) as { s: number }).s + 1;
      statement(db, 'INSERT INTO list_item (list, code, label, sort, configurable) VALUES (?, ?, ?, ?, 1)').run(list, code, label, sort);
      return { list, code, label };
    },
    'mediationCase.nextCaseNumber': ({ orgId, year }) => {
      const org = statement(
        db,
        'SELECT o.office_id, f.name AS office FROM mediation_org o JOIN office f ON f.id = o.office_id WHERE o.id = ?',
      ).get(orgId) as { office_id: number; office: string } | undefined;
      if (!org) throw new UserError('调解组织不存在', 'not_found');
      const series = { register: 'mediationCase', officeId: org.office_id, officeName: org.office, year } as const;
      return { caseNo: nextCaseNumber(db, series, readWorkingRules(db).caseNumbering.mediationCase) };
    },
    'legalAidCase.nextCaseNumber': ({ officeId, year }) => {
      const name = officeName(officeId);
      if (!name) throw new UserError(`单位不存在（编号 ${officeId}）`, 'not_found');
      const series = { register: 'legalAidCase', officeId, officeName: name, year } as const;
      return { caseNo: nextCaseNumber(db, series, readWorkingRules(db).caseNumbering.legalAidCase) };
    },
    // 设置's working rules (调解中 threshold, case numbering)
    'workingRules.get': () => readWorkingRules(db),
    'workingRules.update': (rules) => writeWorkingRules(db, rules),
    // The form's suggestions for free-text fields.
    'registers.usedValues': ({ register, field, officeId }) => usedValues(db, registerByName.get(register)!, field, officeId ?? null),
    'report.indicators': () =>
      indicatorDefinitions(db).map((definition) => ({ id: definition.id, label: definition.label, register: definition.register })),
    // 数据交换: an office site holds only its office's records, and its report says so.
    'report.run': (input) => runReport(db, { ...input, officeId: input.officeId ?? siteOf(db)?.officeId ?? null }),
    'report.monthly': (input) => monthlyFigures(db, input),
    'report.drillDown': (input) => maskDrillDown(drillDown(db, input)),
    'report.exportDrillDown': async (input) => ({
      fileName: `${exportName(input)}${indicatorDefinitions(db).find((definition) => definition.id === input.id)?.label ?? ''}记录明细.xlsx`,
      content: (await buildDrillDownWorkbook(db, input)).toString('base64'),
    }),
    'report.quality': ({ asOf, officeId }) =>
      qualityWarnings(db, { asOf: asOf ?? context.today(), officeId: officeId ?? null, reminderDays: readWorkingRules(db) }),
    'report.exportXlsx': async (scope) => ({
      fileName: `${exportName(scope)}统计表.xlsx`,
      content: (await buildReportWorkbook(db, scope)).toString('base64'),
    }),
    'report.exportDocx': async (scope) => ({
      fileName: `${exportName(scope)}工作情况报告.docx`,
      content: (await buildReportDocument(db, scope, context.today())).toString('base64'),
    }),
    'app.progress': () => progress.current(),
    'import.preview': async ({ files, ...answers }) => refuseOtherOffices(await importJob({ files, ...answers, preview: true, backupDay: null, office: importOffice() })),
    'import.commit': async ({ files, ...answers }) => {
      const office = importOffice();
      // An office account's files are checked first: with a row of another office nothing is written.
      if (office) refuseOtherOffices(await importJob({ files, ...answers, preview: true, backupDay: null, office }));
      return importJob({ files, ...answers, preview: false, backupDay: context.today(), office });
    },
    'sample.load': async () => {
      const hasRecords = registers.some((register) => statement(db, `SELECT 1 FROM ${register.table} LIMIT 1`).get());
      if (hasRecords) throw new UserError('数据库中已有台账记录：示例数据只能载入空数据库，以免与真实数据混在一起', 'conflict');
      const ledgers = (await sampleCountyLedgers(context.today())).map((file) => ({ name: file.name, content: file.content.toString('base64') }));
      const outcome = await importJob({ files: ledgers, preview: false, backupDay: null, office: null }, `${context.user}（示例数据）`);
      if (!setting('bureauName')) {
        statement(db, "INSERT INTO setting (key, value) VALUES ('bureauName', ?)").run(DEFAULT_BUREAU_NAME);
      }
      return outcome;
    },
    // Ledgers out (导出台账) and the import templates.
    'ledger.export': async ({ register, format, fullIdNumbers, ...query }) => {
      if (fullIdNumbers) checkFullIdNumbers(context.access);
      const now = context.now?.() ?? new Date();
      const exported = await exportLedger(db, { register: registerByName.get(register)!, format, query, fullIdNumbers, now });
      return { fileName: exported.fileName, content: exported.content.toString('base64'), rows: exported.rows, fullIdNumbers: exported.fullIdNumbers };
    },
    'ledger.template': async ({ register, format }) => {
      const template = await ledgerTemplate(db, registerByName.get(register)!, format);
      return { fileName: template.fileName, content: template.content.toString('base64') };
    },
    'import.history': () => importHistory(db),
    'import.undo': ({ importId }) => undoImport(db, importId),
    ...backupHandlers(context, (folder) => runLong({ kind: 'backup', today: context.today(), ...(folder ? { folder } : {}) }), progress),
    ...exchangeHandlers(context),
    ...userHandlers(context),
    'audit.search': (query) => {
      const page = searchAuditLog(db, query);
      return { total: page.total, rows: readableEntries(db, page.rows) };
    },
    'audit.verify': () => verifyAuditLog(db),
    'audit.export': async (query) => ({
      fileName: `${bureauName(db)}审计日志${context.today()}.xlsx`,
      content: (await buildAuditWorkbook(db, query)).toString('base64'),
    }),
  };
}
