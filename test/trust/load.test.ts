// Through the loopback server: 8 clients saving for 60 s lose nothing and meet no busy error;
// requests without the right token, Origin or Host are refused before the API runs.

import { expect, it } from 'vitest';
import { concurrentSavesScenario, refusedRequestsScenario } from './scenarios/load.ts';

it('keeps every acknowledged save of 8 concurrent clients over 60 s', { timeout: 120_000 }, async () => {
  const result = await concurrentSavesScenario({ clients: 8, seconds: 60 });
  console.log(result.name, result.figures);
  expect(result.figures.确认后丢失).toBe(0);
  expect(result.figures.数据库忙错误).toBe(0);
  expect(result.figures.被拒绝).toBe(0);
  expect(result.figures.数据库中找到).toBe(result.figures.确认保存);
  expect(result.figures.完整性检查).toBe('ok');
  expect(result.ok).toBe(true);
});

it('refuses requests without the token or from a foreign Origin or Host, calling nothing', async () => {
  const result = await refusedRequestsScenario();
  expect(result.figures).toMatchObject({ 尝试: 4, 拒绝: 4, 调用到接口: 0, 写入: 0, 监听地址: '127.0.0.1' });
  expect(result.ok).toBe(true);
});
