// What the audit log records, as stable codes with the Chinese words people read in the log
// and filter it by. Environment-neutral (the contract and the renderer read it); no I/O here.

export const auditActionLabels = {
  create: '新增',
  update: '修改',
  delete: '删除',
  restore: '恢复',
  import: '导入',
  undo: '撤销导入',
  export: '导出',
  view: '查看身份证号码',
  settings: '修改设置',
  backup: '备份',
  restore_backup: '恢复备份',
  login: '登录',
  login_failed: '登录失败',
  logout: '退出登录',
  setup: '初始设置',
  user_create: '新增用户',
  user_update: '修改用户',
  password_reset: '重置密码',
  user_unlock: '解除锁定',
  password_change: '修改密码',
  password_recover: '用恢复码重设密码',
} as const;

export type AuditAction = keyof typeof auditActionLabels;

export const auditActions = Object.keys(auditActionLabels) as [AuditAction, ...AuditAction[]];
