// Proposes the next case number ((2024)城西调字第0013号) in an empty 案件编号 as soon as the form
// knows what the number depends on (the organisation or office, and 受理日期's year). A
// number the clerk typed is never replaced; one the form proposed follows later changes.

import { useEffect, useRef } from 'react';
import { call } from '../../api/client.ts';
import type { CaseNumberProposal } from './types.ts';
import type { RecordFormState } from './use-record-form.ts';

export function useCaseNumberProposal(proposal: CaseNumberProposal | undefined, form: RecordFormState, creating: boolean): void {
  const input = proposal && creating ? proposal.input(form.values) : null;
  const key = input ? JSON.stringify(input) : null;
  const lastProposed = useRef('');
  const { propose } = form;

  useEffect(() => {
    if (!proposal || key === null) return;
    let current = true;
    void call(proposal.method, JSON.parse(key)).then((result) => {
      if (!current || !result.ok) return;
      const previous = lastProposed.current;
      lastProposed.current = result.value.caseNo;
      propose(proposal.field, result.value.caseNo, (held) => held === '' || held === previous);
    });
    return () => {
      current = false;
    };
  }, [proposal, key, propose]);
}
