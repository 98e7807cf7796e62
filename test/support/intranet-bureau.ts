// A bureau's intranet listener in a process of its own, for the two-process tests of
// test/exchange/intranet*.test.ts: opens the (plain) bureau database, listens on 127.0.0.1 on
// the given port (0: any free one) with the bureau's certificate from its settings — or, with
// `--other-certificate`, with a new one of its own (a stranger on the bureau's port) — and
// prints {"port": N} on stdout once listening. Database work runs one at a time, as in the app.

import { openDatabase } from '../../db/database.ts';
import { makeBureauCertificate } from '../../db/exchange/intranet-certificate.ts';
import { startExchangeListener } from '../../db/exchange/intranet-listener.ts';
import { bureauCertificate } from '../../db/exchange/intranet-settings.ts';

const [dbFile, port, flag] = process.argv.slice(2);
const db = openDatabase(dbFile!, { create: false });
const certificate = flag === '--other-certificate' ? await makeBureauCertificate() : bureauCertificate(db);
if (!certificate) throw new Error('the bureau has no certificate: turn its listener on first');
let queue: Promise<unknown> = Promise.resolve();
const listener = await startExchangeListener({
  address: '127.0.0.1',
  port: Number(port),
  certificate,
  run: (work) => {
    const result = queue.then(() => work(db));
    queue = result.catch(() => undefined);
    return result;
  },
});
process.stdout.write(`${JSON.stringify({ port: listener.port })}\n`);
