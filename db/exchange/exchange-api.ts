// The exchange.* API methods (设置 → 数据交换): status, invite an office, join, make and apply a
// package; the intranet settings and 立即同步. Files cross the API as base64, as the report
// exports do. A refused package or join file becomes a UserError with its Chinese reason. Spread
// into the handlers by db/api/handlers.ts; the contract holds their input schemas.

import type { HandlerContext } from '../api/handlers.ts';
import { UserError } from '../errors.ts';
import { applyPackage, dataAsOf, exchangeStatus, inviteOffice, joinCounty, makePackage } from './exchange.ts';
import type { ListenerState } from './intranet.ts';
import {
  bureauCertificate,
  bureauLink,
  interfaceAddresses,
  listenerSettings,
  setBureauLink,
  setListener,
  syncState,
  type BureauLink,
  type ListenerSettings,
  type SyncState,
} from './intranet-settings.ts';
import { syncWithBureau } from './intranet-sync.ts';
import { PackageRefused } from './portable-records.ts';
import { siteOf } from './site.ts';

function refusalsForPeople<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof PackageRefused) throw new UserError(error.message, 'conflict');
    throw error;
  }
}

const day = () => new Date().toISOString().slice(0, 10);

const NOT_RUNNING: ListenerState = { listening: null, error: null };

/** What 设置 → 数据交换 → 内网同步 shows: at the bureau the listener, at an office the link and how the last sync went. */
export interface IntranetStatus {
  readonly role: 'standalone' | 'bureau' | 'office';
  readonly listener: ListenerSettings;
  readonly fingerprint: string | null;
  /** This machine's addresses, to choose the listener's from. */
  readonly addresses: string[];
  readonly listenerState: ListenerState;
  readonly link: BureauLink;
  readonly sync: SyncState;
}

export function exchangeHandlers(context: Pick<HandlerContext, 'db' | 'user' | 'intranet'>) {
  const { db, user, intranet } = context;
  const intranetStatus = (): IntranetStatus => ({
    role: siteOf(db)?.role ?? 'standalone',
    listener: listenerSettings(db),
    fingerprint: bureauCertificate(db)?.fingerprint ?? null,
    addresses: interfaceAddresses(),
    listenerState: intranet?.listenerState() ?? NOT_RUNNING,
    link: bureauLink(db),
    sync: syncState(db),
  });
  const reconfigured = async () => {
    await intranet?.reconfigure();
    return intranetStatus();
  };
  return {
    'exchange.status': () => exchangeStatus(db),
    'exchange.invite': ({ office }: { office: string }) => {
      const invitation = inviteOffice(db, office, user);
      return { fileName: `${office.trim()}.join`, content: invitation.file.toString('base64'), records: invitation.records };
    },
    'exchange.join': async ({ content }: { content: string }) => {
      const joined = refusalsForPeople(() => joinCounty(db, Buffer.from(content, 'base64'), user));
      await intranet?.reconfigure();
      return joined;
    },
    'exchange.export': ({ office, restore }: { office?: string | undefined; restore?: boolean | undefined }) => {
      const made = makePackage(db, { ...(office ? { office } : {}), restore: restore ?? false, user });
      return {
        fileName: `数据包-${made.office}-${day()}-${made.seq}.sftz`,
        content: made.file.toString('base64'),
        office: made.office,
        records: made.records,
        seq: made.seq,
      };
    },
    'exchange.dataAsOf': ({ to }: { to: string }) => dataAsOf(db, to),
    'exchange.import': ({ content }: { content: string }) => refusalsForPeople(() => applyPackage(db, Buffer.from(content, 'base64'), user)),
    'exchange.intranetStatus': intranetStatus,
    'exchange.setListener': async (wanted: ListenerSettings) => {
      await setListener(db, wanted, user);
      return reconfigured();
    },
    'exchange.setBureauLink': (wanted: BureauLink) => {
      setBureauLink(db, wanted, user);
      return reconfigured();
    },
    // Called as a write: the queue is held, so the sync works on the database directly.
    'exchange.syncNow': () => syncWithBureau((work) => Promise.resolve().then(() => work(db)), user),
  };
}
