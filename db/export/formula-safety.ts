// Keeping exported spreadsheets free of formula injection (OWASP "CSV injection"): text that
// begins with = + - @, a tab or a carriage return is what Excel and WPS read as a formula as
// soon as the cell is edited, pasted elsewhere or the sheet is saved as CSV — an office named
// 「=HYPERLINK(…)」 or a party typed as 「=cmd|…」 would become one. Such text is written with
// a leading apostrophe, OWASP's advice. In an .xlsx the apostrophe is shown (exceljs 4.4 cannot
// set the quotePrefix style that would hide it), which is the price of a cell that stays text
// whatever is done with it. Only text is touched: numbers (negative ones too) and dates stay.

import ExcelJS from 'exceljs';

const formulaStart = /^[=+\-@\t\r]/;

/** The text as a spreadsheet must hold it: 「=1+1」 → 「'=1+1」; any other text as it is. */
export function neutraliseFormulaText(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/**
 * Neutralises every text cell of every sheet, after the workbook is filled and before it is
 * written. The cells a merge covers answer with their master's value and are left alone, so
 * a merged title is prefixed once.
 */
export function neutraliseWorkbook(workbook: ExcelJS.Workbook): void {
  workbook.eachSheet((sheet) =>
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.String) cell.value = neutraliseFormulaText(cell.value as string);
      }),
    ),
  );
}
