// The clerk's answers for what the importer cannot recognise (registers.md §5): the shape of
// MAPPING.json, sent with every preview and commit, and saved as that file on request.

export interface ImportAnswers {
  /** Header as written → field header, or null to ignore the column. */
  readonly columns: Readonly<Record<string, string | null>>;
  /** Field header → value as written → canonical value. */
  readonly values: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export const noAnswers: ImportAnswers = { columns: {}, values: {} };

export const hasAnswers = (answers: ImportAnswers) => Object.keys(answers.columns).length + Object.keys(answers.values).length > 0;

export function answerColumn(answers: ImportAnswers, header: string, field: string | null): ImportAnswers {
  return { ...answers, columns: { ...answers.columns, [header]: field } };
}

export function answerValue(answers: ImportAnswers, field: string, value: string, canonical: string): ImportAnswers {
  return { ...answers, values: { ...answers.values, [field]: { ...answers.values[field], [value]: canonical } } };
}

/** MAPPING.json as the API's exports are: a name and base64 content (UTF-8). */
export function mappingFile(answers: ImportAnswers): { fileName: string; content: string } {
  const bytes = new TextEncoder().encode(`${JSON.stringify(answers, null, 2)}\n`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return { fileName: 'MAPPING.json', content: btoa(binary) };
}
