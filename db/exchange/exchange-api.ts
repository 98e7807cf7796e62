// The exchange.* API methods (设置 → 数据交换): status, invite an office, join, make and apply a
// package. Files cross the API as base64, as the report exports do. A refused package or join
// file becomes a UserError with its Chinese reason. Spread into the handlers by db/api/handlers.ts;
// the contract holds their input schemas.

import type { HandlerContext } from '../api/handlers.ts';
import { UserError } from '../errors.ts';
import { applyPackage, dataAsOf, exchangeStatus, inviteOffice, joinCounty, makePackage } from './exchange.ts';
import { PackageRefused } from './portable-records.ts';

function refusalsForPeople<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof PackageRefused) throw new UserError(error.message, 'conflict');
    throw error;
  }
}

const day = () => new Date().toISOString().slice(0, 10);

export function exchangeHandlers(context: Pick<HandlerContext, 'db' | 'user'>) {
  const { db, user } = context;
  return {
    'exchange.status': () => exchangeStatus(db),
    'exchange.invite': ({ office }: { office: string }) => {
      const invitation = inviteOffice(db, office, user);
      return { fileName: `${office.trim()}.join`, content: invitation.file.toString('base64'), records: invitation.records };
    },
    'exchange.join': ({ content }: { content: string }) => refusalsForPeople(() => joinCounty(db, Buffer.from(content, 'base64'), user)),
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
  };
}
