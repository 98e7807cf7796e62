// The list's columns, from the view's column names: a register field is titled with its
// Chinese header and shown by its kind (codes as labels, money in 元 with separators,
// 身份证号码 masked); a joined column (office_name, org_name …) is shown as the row has it.
// Fields stored in columns sort on the server; joined and list-valued ones do not. A list of
// names (当事人) may wrap between names, never inside one.

import type { DataTableColumn } from 'mantine-datatable';
import { DASH } from '../../common/format.ts';
import { displayValue, maskIdNumber } from './field-values.ts';
import type { ApiRecord, Catalogue, RegisterView } from './types.ts';

/** Columns that list rows carry beside the table's own (joins in db/registers). */
const joinedColumns: Readonly<Record<string, { header: string; idNumber?: boolean }>> = {
  office_name: { header: '单位' },
  org_name: { header: '调解组织' },
  party_names: { header: '当事人' },
  person_name: { header: '姓名' },
  person_id_number: { header: '身份证号码', idNumber: true },
};

const figureKinds = new Set(['money', 'int']);

/** Columns of running text that may wrap; every other cell stays on one line. */
const wrappingColumns = new Set(['note', 'party_names', 'villages', 'topic']);

/** Columns holding names joined by 、 (当事人, an adviser's 服务村(居)): each name is kept whole. */
const nameListColumns = new Set(['party_names', 'villages']);

/** Names joined by 、, each on one line (the line may break after a 、). */
function NameList({ names }: { names: string }) {
  const parts = names.split('、');
  return parts.map((name, index) => (
    <span key={index} data-name style={{ whiteSpace: 'nowrap' }}>
      {index < parts.length - 1 ? `${name}、` : name}
    </span>
  ));
}

/** A list column's header: the field's Chinese header, or the joined column's. */
export function columnHeader(name: string, catalogue: Catalogue): string {
  return catalogue.register.fields.find((field) => field.name === name)?.header ?? joinedColumns[name]!.header;
}

export function listColumns(view: RegisterView, catalogue: Catalogue, names: readonly string[]): DataTableColumn<ApiRecord>[] {
  const fields = new Map(catalogue.register.fields.map((field) => [field.name, field]));
  return names.map((name): DataTableColumn<ApiRecord> => {
    const field = fields.get(name);
    if (!field) {
      const joined = joinedColumns[name]!;
      return {
        accessor: name,
        title: joined.header,
        noWrap: !wrappingColumns.has(name),
        render: (row) => {
          const value = row[name];
          if (value === null || value === undefined || value === '') return DASH;
          if (nameListColumns.has(name)) return <NameList names={String(value)} />;
          return joined.idNumber ? maskIdNumber(String(value)) : String(value);
        },
      };
    }
    const editor = view.editors?.[name];
    const Display = editor?.Display;
    const figure = figureKinds.has(field.kind);
    return {
      accessor: name,
      title: field.header,
      sortable: !editor && field.kind !== 'codeSet',
      noWrap: !wrappingColumns.has(name),
      textAlign: figure ? 'right' : 'left',
      cellsClassName: figure ? 'figure' : undefined,
      render: (row) => (Display ? <Display record={row} /> : displayValue(field, row[name], catalogue)),
    };
  });
}
