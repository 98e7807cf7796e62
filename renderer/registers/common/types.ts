// The shapes the register pages share: what `registers.describe`, `lists.get` and
// `office.list` return (as the API contract declares them), the form's values, and
// `RegisterView` — everything in which one register's pages differ from another's, declared as
// data (one view per register, in the group folders). No React state and no API calls here.

import type { ComponentType } from 'react';
import type {
  ApiRecord,
  FieldDescription,
  ListItem,
  MethodInput,
  MethodName,
  Office,
  Read,
  RegisterDescription,
  RegisterName,
} from '../../../db/api/contract.ts';

export type { ApiRecord, FieldDescription, ListItem, Office, RegisterDescription, RegisterName };

/** What a register page needs to know before it can show anything. */
export interface Catalogue {
  readonly register: RegisterDescription;
  readonly lists: ReadonlyMap<string, readonly ListItem[]>;
  readonly offices: readonly Office[];
}

/**
 * The form's values, one per field, as the inputs hold them: text as typed (dates, money and
 * whole numbers too), codes as code or null, code sets as code arrays, 是/否 as booleans,
 * offices as id text, custom fields as their editor keeps them.
 */
export type FormValues = Record<string, unknown>;

/** The form as a custom editor sees it: every value, and a way to set any of them. */
export interface FormAccess {
  readonly values: FormValues;
  readonly set: (name: string, value: unknown) => void;
  readonly catalogue: Catalogue;
}

export interface EditorProps<V> {
  readonly field: FieldDescription;
  readonly value: V;
  readonly onChange: (value: V) => void;
  readonly error: string | undefined;
  readonly form: FormAccess;
}

/** A field whose input is not generated from its kind (references, parties, attendance). */
export interface CustomEditor<V = unknown> {
  /** The value of a new record. */
  readonly empty: V;
  /** Stored value → form value (default: as stored). */
  readonly fromRecord?: (value: unknown) => V;
  /** Form value → stored value, or a reason it cannot be saved (default: as held). */
  readonly toRecord?: (value: V) => Read<unknown>;
  readonly Input: ComponentType<EditorProps<V>>;
  /** The value in the detail view and list cells; `record` is a list row (merged with the full record in the detail). */
  readonly Display: ComponentType<{ record: ApiRecord }>;
  /** Spans the whole form width (tables, long lists). */
  readonly wide?: boolean;
}

type CaseNumberMethod = Extract<MethodName, `${string}.nextCaseNumber`>;

/** Proposes the next case number once the form knows enough (受理日期's year and org/office). */
export interface CaseNumberProposal {
  readonly field: string;
  readonly method: CaseNumberMethod;
  /** The method's input, or null while something it needs is missing. */
  readonly input: (values: FormValues) => MethodInput<CaseNumberMethod> | null;
}

/** Fields whose values follow from other fields: shown, not typed. */
export interface Derivation {
  /** The values that follow from the form's values (none while they cannot be worked out). */
  readonly from: (values: FormValues) => FormValues;
  /** Said under each derived field: 由身份证号码得出 … */
  readonly note: string;
}

/** A record of another register the app offers to start after a save, prefilled. */
export interface Offer {
  readonly register: RegisterName;
  readonly title: string;
  readonly question: string;
  /** The new record's form values. */
  readonly values: FormValues;
  /** List filters that find the record when it exists already (then nothing is offered). */
  readonly existing: Readonly<Record<string, string | number>>;
}

export interface RegisterView {
  readonly name: RegisterName;
  /** List columns shown by default, in order: a field of the register or a joined column (office_name, org_name …). */
  readonly columns: readonly string[];
  /** Further columns the clerk may add with the column chooser (hidden by default, to fit 1280 px). */
  readonly moreColumns?: readonly string[];
  /** Code fields offered as filters beside the search (status where it matters). */
  readonly filters?: readonly string[];
  /** What the search box looks in, as a hint. */
  readonly searchHint: string;
  /** Form order when it differs from the ledger's (e.g. org and date before the number they propose). */
  readonly formOrder?: readonly string[];
  /** Fields shown only when the rest of the record makes them relevant; hidden ones are saved empty. */
  readonly shownWhen?: Readonly<Record<string, (values: FormValues) => boolean>>;
  /** Fields that hold no typed value but belong to the form (e.g. ticked attendees). */
  readonly extraFields?: readonly FieldDescription[];
  readonly editors?: Readonly<Record<string, CustomEditor<unknown>>>;
  /** Values of a new record beyond the empty ones. */
  readonly defaults?: FormValues;
  readonly caseNumber?: CaseNumberProposal;
  readonly derived?: Derivation;
  /** Office fields that take a 司法所 only (执行地司法所), not 局本级 or 法律援助中心. */
  readonly townshipOffices?: readonly string[];
  /** Free-text fields whose input suggests the values already used (罪名, 案由 …). */
  readonly suggested?: readonly string[];
  /** Fields 保存并新增 carries to the next record besides its offices and date (a case's 调解组织). */
  readonly carriedToNext?: readonly string[];
  /** Labels that say more in the form than the ledger's column header (stint_id: 社区矫正对象). */
  readonly labels?: Readonly<Record<string, string>>;
  /** Short name of a record for titles and confirmations: 案件编号, 姓名 … */
  readonly recordName: (record: ApiRecord, catalogue: Catalogue) => string;
  /** After a save (`before`: the record as it was, null when new): a record of another register to offer. */
  readonly offerAfterSave?: (saved: ApiRecord, before: ApiRecord | null) => Offer | null;
  /** Related records shown under the detail (a stint's events …). */
  readonly DetailExtras?: ComponentType<{ record: ApiRecord; catalogue: Catalogue }>;
}

/** Erases an editor's value type so views can keep editors of different types in one map. */
export function defineEditor<V>(editor: CustomEditor<V>): CustomEditor<unknown> {
  return editor as unknown as CustomEditor<unknown>;
}
