// Workbooks laid out the way offices keep their ledgers (registers.md §5), made with exceljs
// from the sample county's clean CSV ledgers: each phenomenon of §5 can be switched on alone or
// all together — sheets named anything, title rows, two-level headers with ticks, 序号 and
// empty columns, 合计/footer/blank rows, cells merged down over party rows, header synonyms,
// value spellings (…纠纷, result words, 暂监外, 万元, 20240305) — and the records split into
// one workbook per office with a sheet per year. The content is the sample's, so what imports
// must give expected.json's figures.

import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { LedgerInput } from '../../db/import/import-ledger.ts';
import { sampleDir } from '../support/cli.ts';

export interface Layout {
  /** Sheets named 2024年, Sheet1 … instead of the register. */
  readonly anyNames?: boolean;
  /** A merged title, a 填报单位 line and a blank row above the header. */
  readonly titleRows?: boolean;
  /** 当事人 over 申请人/被申请人, 调解结果 over 成功/不成功/调解中 ticks, 矫正期限 over 起/止; other headers merged over both rows. */
  readonly twoLevel?: boolean;
  /** 序号 (or a running 编号), an empty column, blank rows, a 合计 row and footer rows. */
  readonly extraRowsAndColumns?: boolean;
  /** A case's parties one per row, its other cells merged down over them. */
  readonly mergedDown?: boolean;
  /** Header words of §5 instead of the field headers, with stray spaces, line breaks and brackets. */
  readonly synonyms?: boolean;
  /** Value spellings of §5: …纠纷, result words, 书面协议, 暂监外, amounts in 万元 or 万, dates as 20240305 or text. */
  readonly spellings?: boolean;
}

type Cell = ExcelJS.CellValue;

interface Table {
  readonly register: string;
  readonly header: string[];
  readonly rows: string[][];
}

export function sampleTables(): Table[] {
  const dir = path.join(sampleDir, 'csv');
  return fs.readdirSync(dir).map((file) => {
    const text = fs.readFileSync(path.join(dir, file), 'utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = Papa.parse<string[]>(text.trim(), {}).data;
    return { register: path.basename(file, '.csv'), header: header!, rows };
  });
}

/** One column as laid out: its header (under a group for two-level headers), and the cell it gives each row. */
interface Column {
  readonly group?: string;
  readonly header: string;
  readonly cell: (row: string[], rowIndex?: number) => Cell;
  /** The column whose names are spread one per physical row (merged-down layout). */
  readonly spread?: boolean;
}

const synonymOf: Record<string, Record<string, string>> = {
  人民调解案件: {
    案件编号: '案 号',
    调解组织: '调委会',
    受理日期: '受理\n时间',
    案件来源: '纠纷来源',
    纠纷类型: '纠纷类别',
    当事人: '双方当事人',
    涉及人数: '当事人数',
    调解员: '调解人员',
    调解结果: '调处结果',
    结案日期: '调结日期',
    协议形式: '协议类型',
    履行情况: '协议履行情况',
    '涉及金额(元)': '涉及金额（元）',
  },
  法律援助案件: {
    案件编号: '卷宗号',
    受理日期: '收案日期',
    受援人: '受援人姓名',
    承办人: '承办律师',
    '挽回经济损失(元)': '挽回经济损失',
    身份证号码: '公民身份号码',
    单位: '所属单位',
  },
  社区矫正对象: {
    执行地司法所: '矫正单位',
    矫正类别: '矫正类型',
    矫正起始日期: '矫正开始日期',
    矫正期满日期: '期满日期',
    入矫日期: '报到日期',
    解矫日期: '解除（终止）日期',
    解矫类型: '解除（终止）类型',
    身份证号码: '身份证号',
  },
  社区矫正事件: { 身份证号码: '证件号码', 日期: '时间' },
  矛盾纠纷排查: { 日期: '排查日期', 单位: '司法所' },
  远程视频会见: { 日期: '会见日期', 单位: '填报单位' },
  社区矫正教育活动: { 日期: '活动日期' },
  法律咨询: { 日期: '时间' },
  调解员: { 身份证号码: '身份证号' },
};

const sheetNameOf: Record<string, string> = {
  调解组织: '调委会名册',
  调解员: 'Sheet2',
  人民调解案件: '城关调解台账',
  矛盾纠纷排查: '排查',
  法律援助案件: '援助',
  法律咨询: '咨询登记',
  值班律师: '值班',
  社区矫正对象: '在册人员',
  社区矫正事件: '奖惩',
  社区矫正教育活动: '教育',
  调查评估: '调评',
  远程视频会见: '会见',
};

const isDateHeader = (header: string) => header.endsWith('日期') || header === '日期';
const isAmountHeader = (header: string) => header.endsWith('(元)');

/** Yuan as written in the clean ledger → the same amount in 万 (a decimal shift, exact). */
function inTenThousands(yuan: string): string {
  if (yuan === '') return '';
  const [whole, fraction = ''] = yuan.split('.');
  const digits = (whole!.padStart(5, '0') + fraction.padEnd(2, '0')).replace(/^0+(?=\d{7})/, '');
  const shifted = `${digits.slice(0, -6) || '0'}.${digits.slice(-6)}`.replace(/\.?0+$/, '');
  return shifted;
}

function dateCell(text: string, rowIndex: number, spellings: boolean): Cell {
  if (text === '') return null;
  const [y, m, d] = text.split('-');
  if (spellings) return rowIndex % 2 === 0 ? `${y}${m}${d}` : `${y}年${Number(m)}月${Number(d)}日`;
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
}

const resultWords: Record<string, string> = { 调解成功: '达成协议', 调解不成功: '终止调解' };

/** A clean value in the layout's spelling. */
function spelled(register: string, header: string, value: string, row: string[], table: Table): Cell {
  if (value === '') return value;
  if (register === '人民调解案件' && header === '纠纷类型') return `${value}纠纷`;
  if (register === '人民调解案件' && header === '协议形式') return `${value}协议`;
  if (register === '社区矫正对象' && header === '矫正类别' && value === '暂予监外执行') return '暂监外';
  if (register === '法律援助案件' && header === '挽回经济损失(元)') return `${inTenThousands(value)}万`;
  if (register === '人民调解案件' && header === '调解结果') {
    if (value === '调解中') return row[table.header.indexOf('结案日期')] === '' ? '' : '在办';
    return resultWords[value] ?? value;
  }
  return value;
}

function columnsOf(table: Table, layout: Layout): Column[] {
  const columns: Column[] = [];
  for (const [index, header] of table.header.entries()) {
    const name = layout.synonyms ? (synonymOf[table.register]?.[header] ?? header) : header;
    const plain = (row: string[], rowIndex = 0): Cell => {
      const value = row[index]!;
      if (isDateHeader(header)) return dateCell(value, rowIndex, layout.spellings ?? false);
      if (layout.spellings && table.register === '人民调解案件' && isAmountHeader(header)) return inTenThousands(value);
      if (layout.spellings) return spelled(table.register, header, value, row, table);
      return value;
    };
    if (layout.spellings && table.register === '人民调解案件' && isAmountHeader(header)) {
      columns.push({ header: '涉案金额（万元）', cell: plain });
      continue;
    }
    if (layout.twoLevel && table.register === '人民调解案件' && header === '当事人' && !layout.mergedDown) {
      const names = (row: string[]) => row[index]!.split('、');
      columns.push({ group: name, header: '申请人', cell: (row) => names(row)[0]! });
      columns.push({ group: name, header: '被申请人', cell: (row) => names(row).slice(1).join('、') });
      continue;
    }
    if (layout.twoLevel && table.register === '人民调解案件' && header === '调解结果') {
      for (const [sub, value] of [['成功', '调解成功'], ['不成功', '调解不成功'], ['调解中', '调解中']] as const) {
        columns.push({ group: name, header: sub, cell: (row) => (row[index] === value ? '√' : '') });
      }
      continue;
    }
    if (layout.twoLevel && table.register === '社区矫正对象' && (header === '矫正起始日期' || header === '矫正期满日期')) {
      columns.push({ group: '矫正期限', header: header === '矫正起始日期' ? '起' : '止', cell: plain });
      continue;
    }
    columns.push({ header: name, cell: plain, spread: layout.mergedDown && table.register === '人民调解案件' && header === '当事人' });
  }
  return columns;
}

/** How many cases of a sheet are laid out over several party rows. */
const MERGED_CASES = 300;

interface SheetSpec {
  readonly name: string;
  readonly rows: Cell[][];
  readonly merges: [number, number, number, number][];
}

/** A sheet of `rows` of a table in the layout: header rows, data rows, and what offices add. */
function sheetOf(table: Table, rows: string[][], layout: Layout, name: string, office: string): SheetSpec {
  const columns = columnsOf(table, layout);
  const leading: Column[] = layout.extraRowsAndColumns
    ? [{ header: table.header.includes('案件编号') && table.register !== '法律援助案件' ? '序号' : '编号', cell: () => null }]
    : [];
  const trailing: Column[] = layout.extraRowsAndColumns ? [{ header: '', cell: () => null }] : [];
  const all = [...leading, ...columns.slice(0, 2), ...trailing, ...columns.slice(2)];
  const width = all.length;
  const sheet: Cell[][] = [];
  const merges: [number, number, number, number][] = [];
  if (layout.titleRows) {
    sheet.push([`${office}${table.register}登记台账（2022—2025年）`]);
    merges.push([1, 1, 1, width]);
    sheet.push([`填报单位（盖章）：${office}\u3000\u3000填报时间：2025年3月1日`]);
    merges.push([2, 1, 2, width]);
    sheet.push([]);
  }
  const twoRows = layout.twoLevel ?? false;
  const headerTop = sheet.length + 1;
  if (twoRows) {
    sheet.push(all.map((column) => column.group ?? column.header));
    sheet.push(all.map((column) => (column.group ? column.header : null)));
    all.forEach((column, index) => {
      const previous = all[index - 1];
      if (column.group && previous?.group === column.group) return;
      if (column.group) {
        const span = all.filter((other) => other.group === column.group).length;
        if (span > 1) merges.push([headerTop, index + 1, headerTop, index + span]);
      } else merges.push([headerTop, index + 1, headerTop + 1, index + 1]);
    });
  } else sheet.push(all.map((column) => column.header));
  let serial = 0;
  let spread = 0;
  rows.forEach((row, rowIndex) => {
    serial++;
    if (layout.extraRowsAndColumns && rowIndex > 0 && rowIndex % 50 === 0) sheet.push([]);
    const spreadIndex = all.findIndex((column) => column.spread);
    const parties = spreadIndex >= 0 ? String(all[spreadIndex]!.cell(row)) : '';
    // The first MERGED_CASES cases with several parties are spread over rows (exceljs checks each merge against all others, so not every case).
    const names = spreadIndex >= 0 && parties.includes('、') && spread++ < MERGED_CASES ? parties.split('、') : [parties];
    const top = sheet.length + 1;
    names.forEach((partyName, part) => {
      sheet.push(
        all.map((column, index) => {
          if (index === spreadIndex) return partyName;
          if (part > 0) return null;
          if (column === leading[0]) return serial;
          return column.cell(row, rowIndex);
        }),
      );
    });
    if (names.length > 1) {
      all.forEach((_column, index) => {
        if (index !== spreadIndex) merges.push([top, index + 1, top + names.length - 1, index + 1]);
      });
    }
  });
  if (layout.extraRowsAndColumns) {
    sheet.push(['合计', `${rows.length}条`]);
    sheet.push([]);
    sheet.push(['注：本表按受理先后登记，金额单位为元。']);
    sheet.push([`填表人：张敏\u3000\u3000审核人：李强\u3000\u3000负责人：王刚`]);
  }
  return { name, rows: sheet, merges };
}

async function workbookOf(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = book.addWorksheet(spec.name);
    for (const row of spec.rows) sheet.addRow(row);
    for (const [top, left, bottom, right] of spec.merges) sheet.mergeCells(top, left, bottom, right);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The sample county as one workbook with a sheet per register, in the layout. */
export async function countyWorkbook(layout: Layout): Promise<LedgerInput> {
  const sheets = sampleTables().map((table) =>
    sheetOf(table, table.rows, layout, layout.anyNames ? sheetNameOf[table.register]! : table.register, '某县司法局'),
  );
  return { name: '台账.xlsx', content: await workbookOf(sheets) };
}

/** The office each row belongs to (organisations and mediators through their organisation, events through the stint). */
function officeOfRow(tables: readonly Table[]): (table: Table, row: string[]) => string {
  const byName = (register: string) => tables.find((table) => table.register === register)!;
  const orgs = byName('调解组织');
  const orgOffice = new Map(orgs.rows.map((row) => [row[0]!, row[orgs.header.indexOf('所属单位')]!]));
  const stints = byName('社区矫正对象');
  const personOffice = new Map(stints.rows.map((row) => [row[stints.header.indexOf('身份证号码')]!, row[stints.header.indexOf('执行地司法所')]!]));
  return (table, row) => {
    const column = (header: string) => row[table.header.indexOf(header)]!;
    if (table.header.includes('单位')) return column('单位');
    if (table.register === '调解组织') return column('所属单位');
    if (table.register === '调解员') return orgOffice.get(column('所属调解组织'))!;
    if (table.register === '人民调解案件') return orgOffice.get(column('调解组织'))!;
    if (table.register === '社区矫正对象') return column('执行地司法所');
    return personOffice.get(column('身份证号码'))!;
  };
}

/**
 * The sample county as one workbook per office, a sheet per register and year (a row's year is
 * that of its first date), every sheet named 「<year>年<register>」 or, with anyNames, 「<year>年」 and a number.
 */
export async function officeWorkbooks(layout: Layout): Promise<LedgerInput[]> {
  const tables = sampleTables();
  const officeOf = officeOfRow(tables);
  const offices = [...new Set(tables.flatMap((table) => table.rows.map((row) => officeOf(table, row))))].sort();
  const files: LedgerInput[] = [];
  for (const office of offices) {
    const sheets: SheetSpec[] = [];
    for (const table of tables) {
      const dateColumn = table.header.findIndex(isDateHeader);
      const mine = table.rows.filter((row) => officeOf(table, row) === office);
      const years = [...new Set(mine.map((row) => row[dateColumn]!.slice(0, 4)))].sort();
      for (const year of years) {
        const rows = mine.filter((row) => row[dateColumn]!.startsWith(year));
        const name = layout.anyNames ? `${year}年（${sheets.length + 1}）` : `${year}年${table.register}`;
        sheets.push(sheetOf(table, rows, layout, name, office));
      }
    }
    if (sheets.length > 0) files.push({ name: `${office}台账.xlsx`, content: await workbookOf(sheets) });
  }
  return files;
}
