// The report as a Word draft (.docx): a section per business line (each line writes its own,
// ./draft-text.ts and db/report/lines/; those of registers.md §6 only where the period has any) written in
// the voice of the bureaus' annual reports from the report's figures (with 同比 where last
// year's figure exists), laid out to GB/T 9704-2012 (党政机关公文格式): A4, margins top 37 mm,
// bottom 35 mm, left 28 mm, right 26 mm (a 156 × 225 mm text block), title 方正小标宋简体 2号,
// headings 黑体 / 楷体_GB2312 3号, body 仿宋_GB2312 3号 with a first-line indent of two characters
// and a fixed line spacing of 28.95 pt (22 lines a page), page numbers 「— 1 —」 in 宋体 4号,
// right on odd pages and left on even ones. At a bureau with joined offices, a 附注 under the date
// gives each office's 数据截至 and the report page's warning when one is older than the period's end.
// Fonts are named for East Asian and Latin text alike, so digits are set in the body font.
// Every number is printed as the report gives it (counts whole, rates and 万元 with two
// decimals); no figure is computed here. It must not write to the database or to disk.

import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphOptions,
} from 'docx';
import type { RegisterDatabase } from '../database.ts';
import { dataAsOfHeading } from '../exchange/data-as-of.ts';
import { dataAsOf } from '../exchange/exchange.ts';
import { runReport, type Report, type Scope } from '../report/engine.ts';
import { lineReports } from '../report/indicators.ts';
import { configuredDisputeTypes, type DisputeType } from '../report/measures.ts';
import { readFigures, type DraftContext, type Section } from './draft-text.ts';
import { bureauName, dateName, localTime, periodName } from './report-scope.ts';

/** `today` (YYYY-MM-DD) dates the draft (落款) and bounds its 「截至」: data is never dated after it. */
export async function buildReportDocument(db: RegisterDatabase, scope: Scope, today = localTime(new Date().toISOString()).slice(0, 10)): Promise<Buffer> {
  const report = runReport(db, { ...scope, compare: true });
  const draft = draftReport(report, bureauName(db), configuredDisputeTypes(db), today);
  const offices = dataAsOf(db, report.to, report.office);
  const remark = offices.length > 0 ? `（${dataAsOfHeading(offices)}：${offices.map((office) => office.text).join('；')}。）` : null;
  return Packer.toBuffer(gongwen(draft, remark));
}

// ---- the text ---------------------------------------------------------------------------------

interface Draft {
  readonly title: string;
  readonly opening: string;
  readonly sections: readonly Section[];
  /** 落款: who reports (the bureau, or the office), and the date in the form 2025年1月6日. */
  readonly signature: { readonly name: string; readonly date: string };
  /** Where the figures come from and when they were counted: the document's properties, not its body. */
  readonly note: string;
}

/** 「全区」 for 湘桥区司法局, 「全市」 for 廉江市司法局, 「全县」 for a 县; 「全县（区）」 when the name does not say. */
function wholeArea(bureau: string): string {
  const match = /(县|区|市|旗)司法局$/.exec(bureau);
  return match ? `全${match[1]}` : '全县（区）';
}

/** The section the drafter writes, after the figures: its headings, and a bracketed prompt to replace under each. */
const problemsAndPlans = (ordinal: string): Section => ({
  heading: `${ordinal}、存在的问题和下一步工作`,
  parts: [
    { heading: '（一）存在的问题', paragraphs: ['【请填写：工作中存在的主要问题和困难。】'] },
    { heading: '（二）下一步工作', paragraphs: ['【请填写：下一步工作打算和措施。】'] },
  ],
});

function draftReport(report: Report, bureau: string, disputeTypes: readonly DisputeType[], today: string): Draft {
  const figures = readFigures(report);
  const period = periodName(report.from, report.to);
  const who = report.office ?? bureau;
  const where = report.office ?? wholeArea(bureau);
  // 「截至」 a day not yet come would date the data into the future: the earlier of `to` and today.
  const asOf = report.to < today ? report.to : today;
  const context: DraftContext = { figures, period, where, asOf, disputeTypes };
  // A line with `whenAny` (those of registers.md §6) is written only where there is something to say of it.
  const lines = lineReports.filter(({ draft }) => draft.whenAny?.some((id) => (figures.value(id) ?? 0) !== 0) ?? true);
  const names = lines.map(({ line }) => line).join('、');
  return {
    title: `${who}${period}${names}工作情况报告`,
    opening: `现将${report.office ?? '我局'}${period}${names}工作情况报告如下：`,
    sections: [...lines.map(({ draft }, index) => draft.write(chineseOrdinals[index]!, context)), problemsAndPlans(chineseOrdinals[lines.length]!)],
    signature: { name: who, date: dateName(today) },
    note:
      `本报告数据由司法台账按${dateName(report.from)}至${dateName(report.to)}的台账记录统计，` +
      `生成于${localTime(report.generatedAt)}。`,
  };
}

const chineseOrdinals = ['一', '二', '三', '四', '五', '六', '七'];

// ---- the layout (GB/T 9704-2012) ---------------------------------------------------------------

/** Millimetres to twips (1/1440 inch), as Word rounds them: 37 mm → 2098. */
const twips = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

/** Font sizes in points: 2号 22, 3号 16, 4号 14. */
const size = { 二号: 22, 三号: 16, 四号: 14 } as const;

/** Fixed line pitch of 28.95 pt: 22 lines in the 225 mm text block. */
const linePitch = 579;

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

function run(text: string, fontName: string, points: number): TextRun {
  return new TextRun({ text, font: font(fontName), size: points * 2 });
}

const fixedLines: IParagraphOptions['spacing'] = { line: linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/** Two characters of 3号 (16 pt) = 640 twips; `firstLineChars` lets Word keep it at two characters. */
const twoCharacterIndent = { firstLine: 640, firstLineChars: 200 };

function title(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: fixedLines,
    children: [run(text, '方正小标宋简体', size.二号)],
  });
}

function heading(text: string, fontName: '黑体' | '楷体_GB2312', level: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: fixedLines,
    indent: twoCharacterIndent,
    outlineLevel: level,
    keepNext: true,
    children: [run(text, fontName, size.三号)],
  });
}

function body(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: fixedLines,
    indent: twoCharacterIndent,
    children: [run(text, '仿宋_GB2312', size.三号)],
  });
}

/** Width in characters of 3号 text: a digit is half a character. */
const textWidth = (text: string) => [...text].reduce((width, char) => width + (/[\x20-\x7e]/.test(char) ? 0.5 : 1), 0);

/**
 * GB/T 9704-2012 7.3.5.1: the name right-spaced two characters, the date on the next line with
 * its first character two characters right of the name's; when the date is the longer, the
 * name moves right and the date keeps two characters of right space.
 */
function signature({ name, date }: Draft['signature']): Paragraph[] {
  const character = 640;
  const nameWidth = textWidth(name);
  const dateWidth = textWidth(date);
  const nameRight = Math.max(2, 4 + dateWidth - nameWidth);
  const dateRight = nameRight + nameWidth - 2 - dateWidth;
  const line = (text: string, right: number) =>
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: fixedLines, indent: { right: Math.round(right * character) }, children: [run(text, '仿宋_GB2312', size.三号)] });
  return [line(name, nameRight), line(date, dateRight)];
}

const blankLine = () => new Paragraph({ spacing: fixedLines, children: [run('', '仿宋_GB2312', size.三号)] });

/** 「— 1 —」 in 宋体 4号, one character in from the text block's edge. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const oneCharacter = size.四号 * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneCharacter } : { left: oneCharacter },
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('宋体'), size: size.四号 * 2 }),
        ],
      }),
    ],
  });
}

/** `remark`: the 附注, under the date (GB/T 9704: two characters in, in brackets). */
function gongwen(draft: Draft, remark: string | null): Document {
  const children: Paragraph[] = [title(draft.title), blankLine(), body(draft.opening)];
  for (const section of draft.sections) {
    children.push(heading(section.heading, '黑体', 0));
    for (const part of section.parts) {
      children.push(heading(part.heading, '楷体_GB2312', 1), ...part.paragraphs.map(body));
    }
  }
  children.push(blankLine(), ...signature(draft.signature));
  if (remark) children.push(body(remark));
  return new Document({
    creator: '司法台账',
    title: draft.title,
    description: draft.note,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font('仿宋_GB2312'), size: size.三号 * 2 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(210), height: twips(297) },
            margin: {
              top: twips(37),
              bottom: twips(35),
              left: twips(28),
              right: twips(26),
              header: twips(15),
              // Puts the page number's dashes about 7 mm below the text block.
              footer: twips(25),
            },
          },
          grid: { type: DocumentGridType.LINES, linePitch },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
}
