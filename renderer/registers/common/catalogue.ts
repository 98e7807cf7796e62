// Loads what a register page needs before it can draw anything: the register's fields
// (`registers.describe`), the code lists with their Chinese labels (`lists.get`) and the
// offices (`office.list`). Read afresh when a page mounts, so a list item or office added in
// settings shows up on the next visit.

import { useMemo } from 'react';
import type { ApiError } from '../../../db/api/contract.ts';
import { useApi } from '../../common/use-api.ts';
import type { ApiRecord, Catalogue, RegisterName } from './types.ts';

export interface CatalogueState {
  readonly catalogue: Catalogue | null;
  readonly error: ApiError | null;
  readonly reload: () => void;
}

export function useCatalogue(register: RegisterName): CatalogueState {
  const registers = useApi('registers.describe', {});
  const lists = useApi('lists.get', {});
  const offices = useApi('office.list', {});

  const catalogue = useMemo(() => {
    const description = registers.data?.find((candidate) => candidate.name === register);
    if (!description || !lists.data || !offices.data) return null;
    return {
      register: description,
      lists: new Map(lists.data.map((list) => [list.name, list.items])),
      offices: offices.data,
    };
  }, [register, registers.data, lists.data, offices.data]);

  const reload = () => {
    registers.reload();
    lists.reload();
    offices.reload();
  };
  return { catalogue, error: registers.error ?? lists.error ?? offices.error, reload };
}

/**
 * A record this site shows read-only — a joined office's, at the bureau: its mark "城西司法所 ·
 * 数据截至 2025-01-05 16:20" and where to change it instead; null for a record edited here.
 * The office is found as the list row names it.
 */
export function readOnlyMark(catalogue: Catalogue, record: ApiRecord): { readonly mark: string; readonly whereToEdit: string } | null {
  const office = catalogue.offices.find((candidate) => candidate.name === record.office_name);
  return office?.readOnlyMark ? { mark: office.readOnlyMark, whereToEdit: `此记录由${office.name}录入，请在该所修改` } : null;
}
