// How far a long piece of work has got (an import, a backup, a restore, the sample county),
// as `app.progress` answers it while the work runs off the session's thread. Environment-neutral:
// the renderer shows it as a progress bar.

export interface Progress {
  /** What is running, for people: 导入台账, 备份, 恢复, 载入示例数据. */
  readonly task: string;
  /** The step it is at: 读取文件, 检查并写入, 写入备份, 校验备份 … */
  readonly step: string;
  readonly done: number;
  /** 0 while the total is not yet known. */
  readonly total: number;
  /** What done and total count: 行, 个文件, 步. */
  readonly unit: string;
}

/** Where long work reports its steps; it may be called often, the receiver keeps the latest. */
export type ProgressSink = (step: Omit<Progress, 'task'>) => void;

export const noProgress: ProgressSink = () => {};
