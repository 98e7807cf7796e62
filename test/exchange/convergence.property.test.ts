// The exchange's central promise, as a property (fast-check): a bureau and three office sites
// under random creates, edits, deletes, restores, ledger imports and undos, with packages both
// ways randomly lost, duplicated and delivered out of order. Once every office's latest package
// and the bureau's acknowledgements have arrived, the bureau holds exactly what each office
// holds (every record, compared field by field), each office has nothing left to send, and the
// bureau's figures equal those of a single database that received every write directly.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { applyPackage, exchangeStatus, inviteOffice, joinCounty, makePackage } from '../../db/exchange/exchange.ts';
import { importHistory, undoImport } from '../../db/import/import-history.ts';
import { importLedgers } from '../../db/import/import-ledger.ts';
import { runReport } from '../../db/report/engine.ts';
import { USER, create, edit, legalAidCase, officeId, portableOf, setRemoved } from './county.ts';

const OFFICES = ['城西司法所', '城东司法所', '城南司法所'] as const;
type OfficeIndex = 0 | 1 | 2;

type Op =
  | { kind: 'createLegalAid'; office: OfficeIndex }
  | { kind: 'createMediation'; office: OfficeIndex; party: string }
  | { kind: 'edit'; office: OfficeIndex; pick: number; note: string }
  | { kind: 'delete' | 'restore'; office: OfficeIndex; pick: number }
  | { kind: 'import'; office: OfficeIndex; picks: number[]; fresh: number; note: string }
  | { kind: 'undo'; office: OfficeIndex }
  | { kind: 'officeSends' | 'bureauSends'; office: OfficeIndex }
  | { kind: 'deliver'; pick: number; keep: boolean }
  | { kind: 'lose'; pick: number };

const office = fc.constantFrom<OfficeIndex>(0, 1, 2);
const text = fc.constantFrom('甲', '乙', '丙', '已回访', '补充材料', '');
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('createLegalAid' as const), office }),
  fc.record({ kind: fc.constant('createMediation' as const), office, party: fc.constantFrom('张三', '李四', '王五') }),
  fc.record({ kind: fc.constant('edit' as const), office, pick: fc.nat(), note: text }),
  fc.record({ kind: fc.constantFrom('delete' as const, 'restore' as const), office, pick: fc.nat() }),
  fc.record({ kind: fc.constant('import' as const), office, picks: fc.array(fc.nat(), { maxLength: 2 }), fresh: fc.integer({ min: 0, max: 2 }), note: text }),
  fc.record({ kind: fc.constant('undo' as const), office }),
  fc.record({ kind: fc.constantFrom('officeSends' as const, 'bureauSends' as const), office }),
  fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat(), keep: fc.boolean() }),
  fc.record({ kind: fc.constant('lose' as const), pick: fc.nat() }),
);

const firstCode = (db: RegisterDatabase, list: string) =>
  db.prepare('SELECT code FROM list_item WHERE list = ? ORDER BY sort LIMIT 1').pluck().get(list) as string;

/** Each office's organisation, mediator and two cases typed at the bureau before the office joins. */
function typeBeforeJoining(db: RegisterDatabase): void {
  OFFICES.forEach((name, index) => {
    const id = officeId(db, name);
    const org = create(db, 'mediationOrg', { name: `${name}调委会`, kind: firstCode(db, 'orgKind'), office_id: id, founded_on: '2015-01-01' });
    create(db, 'mediator', { name: `调解员${index}`, org_id: org, employment: 'parttime', appointed_on: '2015-01-01' });
    create(db, 'legalAidCase', legalAidCase(`L${index}-a`, id, '2024-02-01'));
    create(db, 'legalAidCase', legalAidCase(`L${index}-b`, id, '2024-02-02'));
  });
}

interface Package {
  readonly to: 'bureau' | OfficeIndex;
  readonly file: Buffer;
}

class County {
  readonly bureau = openDatabase(':memory:', { create: true });
  readonly offices: RegisterDatabase[];
  /** One database that receives every write directly. */
  readonly reference = openDatabase(':memory:', { create: true });
  readonly inFlight: Package[] = [];
  /** Per office: its imports and the reference's matching ones. */
  readonly imports: { office: number; reference: number }[][] = [[], [], []];
  private counter = 0;

  constructor() {
    typeBeforeJoining(this.bureau);
    typeBeforeJoining(this.reference);
    this.offices = OFFICES.map((name) => {
      const db = openDatabase(':memory:', { create: true });
      joinCounty(db, inviteOffice(this.bureau, name, USER).file, USER);
      return db;
    });
  }

  close(): void {
    for (const db of [this.bureau, this.reference, ...this.offices]) db.close();
  }

  /** Both copies of the office's record `pick` (by case number, deleted ones too). */
  private pickCase(index: OfficeIndex, pick: number): { table: 'legal_aid_case' | 'mediation_case'; caseNo: string } | null {
    const rows = this.offices[index]!.prepare(
      `SELECT 'legal_aid_case' AS tbl, case_no FROM legal_aid_case UNION ALL SELECT 'mediation_case', case_no FROM mediation_case ORDER BY 2`,
    ).all() as { tbl: 'legal_aid_case' | 'mediation_case'; case_no: string }[];
    if (rows.length === 0) return null;
    const row = rows[pick % rows.length]!;
    return { table: row.tbl, caseNo: row.case_no };
  }

  private both(index: OfficeIndex, write: (db: RegisterDatabase) => void): void {
    write(this.offices[index]!);
    write(this.reference);
  }

  async run(step: Op): Promise<void> {
    if (step.kind === 'deliver' || step.kind === 'lose') {
      if (this.inFlight.length === 0) return;
      const at = step.pick % this.inFlight.length;
      const parcel = this.inFlight[at]!;
      if (step.kind === 'lose' || !step.keep) this.inFlight.splice(at, 1);
      if (step.kind === 'deliver') applyPackage(parcel.to === 'bureau' ? this.bureau : this.offices[parcel.to]!, parcel.file, USER);
      return;
    }
    const index = step.office;
    const name = OFFICES[index];
    switch (step.kind) {
      case 'createLegalAid': {
        const caseNo = `L${index}-${this.counter++}`;
        this.both(index, (db) => create(db, 'legalAidCase', legalAidCase(caseNo, officeId(db, name), '2024-03-01')));
        return;
      }
      case 'createMediation': {
        const caseNo = `M${index}-${this.counter++}`;
        this.both(index, (db) => create(db, 'mediationCase', this.mediationCase(db, index, caseNo, step.party, null)));
        return;
      }
      case 'edit': {
        const target = this.pickCase(index, step.pick);
        if (!target) return;
        this.both(index, (db) => {
          const id = db.prepare(`SELECT id FROM ${target.table} WHERE case_no = ?`).pluck().get(target.caseNo) as number;
          if (target.table === 'legal_aid_case') {
            const received = db.prepare('SELECT received_on FROM legal_aid_case WHERE id = ?').pluck().get(id) as string;
            edit(db, 'legalAidCase', id, { ...legalAidCase(target.caseNo, officeId(db, name), received), recipient_name: '受援人', note: step.note });
          } else {
            edit(db, 'mediationCase', id, this.mediationCase(db, index, target.caseNo, step.note || '赵六', step.note));
          }
        });
        return;
      }
      case 'delete':
      case 'restore': {
        const target = this.pickCase(index, step.pick);
        if (!target) return;
        const register = target.table === 'legal_aid_case' ? 'legalAidCase' : 'mediationCase';
        this.both(index, (db) => {
          const id = db.prepare(`SELECT id FROM ${target.table} WHERE case_no = ?`).pluck().get(target.caseNo) as number;
          setRemoved(db, register, id, step.kind === 'delete');
        });
        return;
      }
      case 'import': {
        const existing = this.offices[index]!.prepare('SELECT case_no FROM legal_aid_case ORDER BY case_no').pluck().all() as string[];
        const caseNos = [
          ...new Set([...step.picks.map((pick) => existing[pick % existing.length]!), ...Array.from({ length: step.fresh }, () => `L${index}-${this.counter++}`)]),
        ];
        if (caseNos.length === 0) return;
        const rows = caseNos.map((caseNo) => `${caseNo},${name},2024-04-01,申请,民事,给予援助,受援人,男,1970-01-01,李律师,社会律师,${step.note}`);
        const content = Buffer.from(['案件编号,单位,受理日期,案件来源,案件类别,审查结果,受援人,性别,出生日期,承办人,承办人类型,备注', ...rows].join('\n'));
        const atOffice = await importLedgers(this.offices[index]!, [{ name: '法律援助案件.csv', content }], { user: USER });
        const atReference = await importLedgers(this.reference, [{ name: '法律援助案件.csv', content }], { user: USER });
        expect(atOffice.ok && atReference.ok, JSON.stringify(atOffice.problems)).toBe(true);
        this.imports[index]!.push({ office: atOffice.importId!, reference: atReference.importId! });
        return;
      }
      case 'undo': {
        const latest = (db: RegisterDatabase) => importHistory(db).find((entry) => entry.undoable)?.id;
        const pair = this.imports[index]!.find((candidate) => candidate.office === latest(this.offices[index]!));
        if (!pair || latest(this.reference) !== pair.reference) return;
        undoImport(this.offices[index]!, pair.office);
        undoImport(this.reference, pair.reference);
        return;
      }
      case 'officeSends':
        this.inFlight.push({ to: 'bureau', file: makePackage(this.offices[index]!, { user: USER }).file });
        return;
      case 'bureauSends':
        this.inFlight.push({ to: index, file: makePackage(this.bureau, { office: name, user: USER }).file });
    }
  }

  private mediationCase(db: RegisterDatabase, index: number, caseNo: string, party: string, note: string | null) {
    const org = db.prepare('SELECT id FROM mediation_org WHERE name = ?').pluck().get(`${OFFICES[index]}调委会`) as number;
    const mediator = db.prepare('SELECT id FROM mediator WHERE org_id = ?').pluck().get(org) as number;
    return {
      case_no: caseNo,
      org_id: org,
      received_on: '2024-05-01',
      source: firstCode(db, 'mediationSource'),
      dispute_type: firstCode(db, 'disputeType'),
      parties: [{ name: party, id_number: null, role: null }],
      mediator_ids: [mediator],
      result: 'pending',
      note,
    };
  }

  /** The last packages arrive: every office's newest, then the bureau's acknowledgements. */
  settle(): void {
    OFFICES.forEach((name, index) => applyPackage(this.bureau, makePackage(this.offices[index]!, { user: USER }).file, USER));
    OFFICES.forEach((name, index) => applyPackage(this.offices[index]!, makePackage(this.bureau, { office: name, user: USER }).file, USER));
  }
}

/** What the report counts, by case number: the same at the bureau and in the single database. */
function cases(db: RegisterDatabase): unknown[] {
  return db
    .prepare(
      `SELECT 'L' AS t, case_no, o.name AS office, c.note, recipient_name AS who, c.deleted_at IS NOT NULL AS gone FROM legal_aid_case c JOIN office o ON o.id = c.office_id
       UNION ALL
       SELECT 'M', case_no, o.name, c.note, party_names, c.deleted_at IS NOT NULL FROM mediation_case c JOIN mediation_org g ON g.id = c.org_id JOIN office o ON o.id = g.office_id
       ORDER BY 1, 2`,
    )
    .all();
}

function figures(db: RegisterDatabase, office: string | null) {
  const id = office === null ? null : (db.prepare('SELECT id FROM office WHERE name = ?').pluck().get(office) as number);
  return runReport(db, { from: '2024-01-01', to: '2024-12-31', officeId: id, compare: false }).indicators;
}

describe('a bureau and three offices under random writes and unreliable delivery', () => {
  it('converge: the bureau holds what the offices hold, and its figures are those of one database that saw every write', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 40 }), async (steps) => {
        const county = new County();
        try {
          for (const step of steps) await county.run(step);
          county.settle();
          for (const [index, name] of OFFICES.entries()) {
            expect(portableOf(county.bureau, name)).toEqual(portableOf(county.offices[index]!, name));
            expect(exchangeStatus(county.offices[index]!).pending).toBe(0);
          }
          expect(cases(county.bureau)).toEqual(cases(county.reference));
          for (const name of [null, ...OFFICES]) expect(figures(county.bureau, name)).toEqual(figures(county.reference, name));
          runs++;
        } finally {
          county.close();
        }
      }),
      { numRuns: 25, endOnFailure: true },
    );
    expect(runs).toBe(25);
  }, 120_000);
});
