// The three roles of an account and the rules for names and passwords people choose, as the
// contract's schemas check them and the forms show them. Environment-neutral (the contract and
// the renderer read it); no I/O here. What each role may call is db/accounts/permissions.ts.

export const roles = ['admin', 'clerk', 'viewer'] as const;

export type Role = (typeof roles)[number];

export const roleLabels: Readonly<Record<Role, string>> = {
  admin: '管理员',
  clerk: '录入员',
  viewer: '查看',
};

/** The scope of an account without an office: the whole bureau. */
export const BUREAU_LEVEL = '局机关';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export const PASSWORD_RULE = `密码至少 ${PASSWORD_MIN_LENGTH} 位，且须同时包含字母和数字`;

/** What is wrong with a new password, in Chinese; null when it follows the rule. */
export function passwordProblem(password: string): string | null {
  if (password.length > PASSWORD_MAX_LENGTH) return `密码不能超过 ${PASSWORD_MAX_LENGTH} 位`;
  if (password.length < PASSWORD_MIN_LENGTH || !/[A-Za-z]/.test(password) || !/\d/.test(password)) return PASSWORD_RULE;
  return null;
}

/** Letters, digits, Chinese characters and _ . - ; compared without regard to case. */
export const USERNAME_PATTERN = /^[A-Za-z0-9_.\-\u4e00-\u9fff]+$/;
export const USERNAME_RULE = '用户名只能由字母、数字、汉字和 _ . - 组成';
