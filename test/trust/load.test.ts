// Through the loopback server: 8 clients saving for 60 s lose nothing and meet no busy error;
// requests without the right token, Origin or Host are refused before the API runs, and a
// connection to this machine's network address finds nothing listening.

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

it('refuses requests without the token, from a foreign Origin or Host, or from the network, calling nothing', async () => {
  const result = await refusedRequestsScenario();
  const attempts = result.figures.尝试 as number;
  // Four header checks, and a connection to this machine's network address when it has one.
  expect(attempts).toBeGreaterThanOrEqual(4);
  expect(result.figures).toMatchObject({ 拒绝: attempts, 调用到接口: 0, 写入: 0, 监听地址: '127.0.0.1' });
  expect(result.ok).toBe(true);
});
