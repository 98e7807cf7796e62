// Request bodies parsed where they cost the session's thread least: small ones in place, large
// ones (over 1 MiB) in a worker of their own; either way the same value, and undefined for text
// that is not JSON.

import { describe, expect, it } from 'vitest';
import { parseJson } from '../../db/worker/parse-json.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseJson', () => {
  it('parses a small body and an empty one in place', async () => {
    expect(await parseJson(bytes('{"name":"城西司法所"}'))).toEqual({ value: { name: '城西司法所' } });
    expect(await parseJson(new Uint8Array(0))).toEqual({ value: {} });
    expect(await parseJson(bytes('{"name":'))).toBeUndefined();
  });

  it('parses a body of 3 MB in its worker to the same value, and refuses a broken one', async () => {
    const content = '调解'.repeat(500_000);
    const body = { files: [{ name: '人民调解案件.csv', content }] };
    expect(await parseJson(bytes(JSON.stringify(body)))).toEqual({ value: body });
    expect(await parseJson(bytes(`${JSON.stringify(body).slice(0, -2)}`))).toBeUndefined();
  });
});
