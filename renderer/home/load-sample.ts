// 载入示例数据: fills an empty database with the synthetic sample county, for newcomers who
// want to see the app at work before typing their own records.

import { runAction } from '../common/use-api.ts';

export async function loadSampleData(): Promise<boolean> {
  return (await runAction('sample.load', {}, '示例数据已载入')) !== null;
}
