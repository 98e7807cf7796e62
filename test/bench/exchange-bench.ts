// Measures the exchange (npx tsx test/bench/exchange-bench.ts): the package of one office's
// year (~3,000 records: legal-aid cases, mediation cases with parties) — its
// size and the time to make it at the office and to apply it at the bureau — ten such
// packages applied at one bureau, and one office's year synced over the intranet (HTTPS on
// 127.0.0.1, the bureau's listener in this process). Prints JSON.

import { performance } from 'node:perf_hooks';
import { openDatabase, type RegisterDatabase } from '../../db/database.ts';
import { applyPackage, inviteOffice, joinCounty, makePackage } from '../../db/exchange/exchange.ts';
import { startExchangeListener } from '../../db/exchange/intranet-listener.ts';
import { bureauCertificate, bureauLink, setBureauLink, setListener } from '../../db/exchange/intranet-settings.ts';
import { syncWithBureau } from '../../db/exchange/intranet-sync.ts';
import { USER, create, legalAidCase, officeId } from '../exchange/county.ts';
import { log, round } from './measure.ts';

const RECORDS = 3_000;

/** A year of one office typed at its own site: 1,500 legal-aid cases and 1,500 mediation cases with two parties each. */
function typeYear(db: RegisterDatabase, office: string, tag: string): void {
  const id = officeId(db, office);
  db.transaction(() => {
    const org = create(db, 'mediationOrg', { name: `${office}调委会`, kind: 'township', office_id: id, founded_on: '2015-01-01' });
    const mediator = create(db, 'mediator', { name: `${tag}调解员`, org_id: org, employment: 'parttime', appointed_on: '2015-01-01' });
    for (let n = 0; n < RECORDS / 2; n++) {
      const day = `2024-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
      create(db, 'legalAidCase', legalAidCase(`${tag}援-${n}`, id, day));
      create(db, 'mediationCase', {
        case_no: `${tag}调-${n}`,
        org_id: org,
        received_on: day,
        source: 'apply',
        dispute_type: 'marriage_family',
        parties: [{ name: `甲${n}`, id_number: null, role: null }, { name: `乙${n}`, id_number: null, role: null }],
        mediator_ids: [mediator],
        result: 'pending',
      });
    }
  })();
}

const time = <T>(work: () => T): { value: T; ms: number } => {
  const start = performance.now();
  const value = work();
  return { value, ms: round(performance.now() - start) };
};

const bureau = openDatabase(':memory:', { create: true });
const packages: Buffer[] = [];
const perOffice: { office: string; records: number; bytes: number; makeMs: number }[] = [];
for (let index = 0; index < 10; index++) {
  const office = `第${index + 1}司法所`;
  const site = openDatabase(':memory:', { create: true });
  joinCounty(site, inviteOffice(bureau, office, USER).file, USER);
  log(`${office}: typing ${RECORDS} records`);
  typeYear(site, office, `${index}`);
  const made = time(() => makePackage(site, { user: USER }));
  packages.push(made.value.file);
  perOffice.push({ office, records: made.value.records, bytes: made.value.file.length, makeMs: made.ms });
  site.close();
}
const first = time(() => applyPackage(bureau, packages[0]!, USER));
const rest = time(() => packages.slice(1).forEach((file) => applyPackage(bureau, file, USER)));
const total = bureau.prepare('SELECT (SELECT count(*) FROM legal_aid_case) + (SELECT count(*) FROM mediation_case)').pluck().get();

/** One office's year over the intranet: the whole sync (make, send, apply at the bureau, answer, apply the answer). */
async function intranetSync(): Promise<{ records: number; syncMs: number }> {
  const county = openDatabase(':memory:', { create: true });
  await setListener(county, { enabled: true, address: '127.0.0.1', port: 8443 }, USER);
  const site = openDatabase(':memory:', { create: true });
  joinCounty(site, inviteOffice(county, '内网司法所', USER).file, USER);
  typeYear(site, '内网司法所', 'net');
  const listener = await startExchangeListener({ address: '127.0.0.1', port: 0, certificate: bureauCertificate(county)!, run: async (work) => work(county) });
  setBureauLink(site, { ...bureauLink(site), port: listener.port }, USER);
  const start = performance.now();
  const synced = await syncWithBureau(async (work) => work(site), USER);
  const syncMs = round(performance.now() - start);
  await listener.close();
  return { records: synced.sent, syncMs };
}
const intranet = await intranetSync();
console.log(
  JSON.stringify(
    {
      oneOffice: { ...perOffice[0], applyMs: first.ms },
      tenOffices: { records: perOffice.reduce((sum, office) => sum + office.records, 0), bytes: perOffice.reduce((sum, office) => sum + office.bytes, 0), applyAllMs: round(first.ms + rest.ms) },
      recordsAtBureau: total,
      intranet,
    },
    null,
    2,
  ),
);
