// What kind of unit an office is (单位类别): the bureau itself, a township 司法所, the county's
// 法律援助中心 or 社区矫正中心, or another. Rules that need a 司法所 (a correction record's
// 执行地司法所) read the kind, never the name (an office of kind 其他 may be one). A new office's kind is guessed from the end of its
// name until the administrator sets it in 设置. Environment-neutral; no I/O.

export const officeKinds = {
  bureau: '局机关',
  township: '司法所',
  legal_aid_centre: '法律援助中心',
  correction_centre: '社区矫正中心',
  other: '其他',
} as const;

export type OfficeKind = keyof typeof officeKinds;
export const officeKindCodes = Object.keys(officeKinds) as [OfficeKind, ...OfficeKind[]];

/**
 * Whether an office may be a record's 执行地司法所: a 司法所, or an office whose kind nobody has
 * set and its name does not tell (其他: another county's 司法所 is often named 城关所 or 城关镇) —
 * never the bureau, the 法律援助中心 or the 社区矫正中心.
 */
export function mayBeTownship(kind: OfficeKind): boolean {
  return kind === 'township' || kind === 'other';
}

/** A new office's kind from its name: …司法所, …法律援助中心, …社区矫正中心, 局本级 / …司法局; else 其他. */
export function officeKindOfName(name: string): OfficeKind {
  if (name.endsWith('司法所')) return 'township';
  if (name.endsWith('法律援助中心')) return 'legal_aid_centre';
  if (name.endsWith('社区矫正中心')) return 'correction_centre';
  if (name === '局本级' || name === '局机关' || name.endsWith('司法局')) return 'bureau';
  return 'other';
}
