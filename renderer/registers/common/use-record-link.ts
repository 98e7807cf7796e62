// A link to one record (#/mediation/cases?id=12, from the report's drill-down and the
// reminders) opens that record's detail on its register page — on arrival and whenever the
// link changes; closing the detail drops the id from the address, so the same link opens it again.

import { useCallback, useEffect } from 'react';

/** The record id the address names, or null. */
function linkedId(): number | null {
  const query = window.location.hash.split('?', 2)[1];
  const id = Number(new URLSearchParams(query ?? '').get('id'));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** Calls `open` with the id the address names; returns what forgets it once the detail closes. */
export function useRecordLink(open: (id: number) => void): () => void {
  useEffect(() => {
    const follow = () => {
      const id = linkedId();
      if (id !== null) open(id);
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [open]);
  return useCallback(() => {
    if (linkedId() === null) return;
    const [path] = window.location.hash.split('?', 1);
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${path}`);
  }, []);
}
