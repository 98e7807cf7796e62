// Property tests over every method of the API contract (test/trust/malformed-requests.ts says
// what is generated): whatever comes in, the dispatcher's promise resolves to a valid result or
// to a structured refusal in Chinese that is not an internal error, and a refused call writes
// nothing. fast-check shrinks a failing input to the smallest one that still fails.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkCall,
  malformedInput,
  malformedRequestsScenario,
  methods,
  newTally,
  openTarget,
  unknownMethod,
  type Target,
} from './malformed-requests.ts';

/** Generated inputs per method: about 2,700 calls in all, within the file's minute. */
const RUNS_PER_METHOD = 25;

let target: Target;
const tally = newTally();

beforeAll(async () => {
  target = await openTarget();
});

afterAll(() => {
  target.close();
});

describe('every method, with random and malformed input', () => {
  it.each(methods)('%s answers with a result or a refusal in Chinese, and a refusal writes nothing', async (method) => {
    await fc.assert(
      fc.asyncProperty(malformedInput(method), async (input) => {
        const before = tally.broken.length;
        const kept = await checkCall(target, method, input, tally);
        expect(tally.broken.slice(before)).toEqual([]);
        return kept;
      }),
      { numRuns: RUNS_PER_METHOD },
    );
  });

  it('refuses methods that do not exist, prototype names included', async () => {
    await fc.assert(
      fc.asyncProperty(unknownMethod, fc.anything(), async (method, input) => {
        const result = await target.call(method, input);
        expect(result).toEqual({ ok: false, error: { kind: 'bad_request', message: `没有这个接口方法：「${method}」` } });
      }),
      { numRuns: 100 },
    );
  });

  it('has refused most of what it was sent, and accepted some', () => {
    expect(tally.tried).toBe(methods.length * RUNS_PER_METHOD);
    expect(tally.refused).toBeGreaterThan(tally.tried / 2);
    expect(tally.accepted).toBeGreaterThan(0);
    console.log(`畸形请求：尝试 ${tally.tried}，拒绝 ${tally.refused}，接受 ${tally.accepted}（${methods.length} 个方法）`);
  });
});

describe('the trust report’s run', () => {
  it('passes with its own quicker count', async () => {
    const result = await malformedRequestsScenario(3);
    expect(result.ok, JSON.stringify(result.figures)).toBe(true);
    expect(result.figures['尝试的畸形请求']).toBe(methods.length * 3 + 3);
  });
});
