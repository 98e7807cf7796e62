// Lists and drill-downs mask what their declarations say is a 身份证号码 (a field of kind
// idNumber, a joined list column or a drill-down column declared so), whatever it is called.

import { describe, expect, it } from 'vitest';
import { maskDrillDown, maskListPage } from '../../db/audit/personal-numbers.ts';
import { publicityActivity } from '../../db/registers/publicity.ts';
import { resettlement } from '../../db/registers/resettlement.ts';

const number = '445102198001011234';
const masked = '4451**********1234';

describe('masking by kind', () => {
  it('masks a list field of kind idNumber under any name, and leaves a field that is not one as it is', () => {
    const renamed = { ...resettlement, fields: resettlement.fields.map((field) => (field.name === 'id_number' ? { ...field, name: 'papers' } : field)) };
    expect(maskListPage(renamed, { total: 1, rows: [{ id: 1, name: '张三', papers: number }] }).rows).toEqual([{ id: 1, name: '张三', papers: masked }]);
    expect(maskListPage(publicityActivity, { total: 1, rows: [{ id: 2, topic: number }] }).rows).toEqual([{ id: 2, topic: number }]);
  });

  it('masks the drill-down columns declared personal numbers only', () => {
    const drill = {
      id: 'x',
      label: 'x',
      total: 1,
      columns: [
        { key: 'holder', title: '身份证号码', numeric: false, personalNumber: true },
        { key: 'idNumber', title: '编号', numeric: false, personalNumber: false },
      ],
      rows: [{ table: 'resettlement', id: 3, holder: number, idNumber: number }],
    };
    expect(maskDrillDown(drill).rows).toEqual([{ table: 'resettlement', id: 3, holder: masked, idNumber: number }]);
  });
});
