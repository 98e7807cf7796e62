// Password hashes and the password rule: scrypt with a salt of each hash's own and its
// parameters stored beside it, the right password verifies and nothing else does, and the rule
// people are told (8 or more, letters and digits) is the one enforced.

import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../db/accounts/passwords.ts';
import { PASSWORD_RULE, passwordProblem } from '../../db/accounts/roles.ts';

describe('password hashes', () => {
  it('stores scrypt with its parameters and a 16-byte salt; the hash is scrypt of the password and that salt', () => {
    const stored = hashPassword('Chengxi2024');
    const [scheme, N, r, p, salt, hash] = stored.split('$');
    expect([scheme, N, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    const expected = crypto.scryptSync('Chengxi2024', Buffer.from(salt!, 'base64'), 32, { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    expect(hash).toBe(expected.toString('base64'));
    expect(stored).not.toContain('Chengxi2024');
  });

  it('gives the same password a different salt and hash each time', () => {
    const first = hashPassword('Chengxi2024');
    const second = hashPassword('Chengxi2024');
    expect(first.split('$')[4]).not.toBe(second.split('$')[4]);
    expect(first.split('$')[5]).not.toBe(second.split('$')[5]);
  });

  it('verifies the right password only; a damaged or foreign hash never verifies', () => {
    const stored = hashPassword('Chengxi2024');
    expect(verifyPassword('Chengxi2024', stored)).toBe(true);
    expect(verifyPassword('chengxi2024', stored)).toBe(false);
    expect(verifyPassword('Chengxi2024 ', stored)).toBe(false);
    expect(verifyPassword('', stored)).toBe(false);
    const parts = stored.split('$');
    expect(verifyPassword('Chengxi2024', [...parts.slice(0, 5), Buffer.alloc(32).toString('base64')].join('$'))).toBe(false);
    expect(verifyPassword('Chengxi2024', ['bcrypt', ...parts.slice(1)].join('$'))).toBe(false);
    expect(verifyPassword('Chengxi2024', 'scrypt$0$8$1$c2FsdA==$aGFzaA==')).toBe(false);
    expect(verifyPassword('Chengxi2024', '')).toBe(false);
  });

  it('reads parameters from the stored hash, so older hashes of a lower cost still verify', () => {
    const cheap = hashPassword('Chengxi2024', { N: 1024, r: 8, p: 1 });
    expect(cheap.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(verifyPassword('Chengxi2024', cheap)).toBe(true);
  });
});

describe('the password rule', () => {
  it('asks for 8 or more characters with both letters and digits', () => {
    expect(PASSWORD_RULE).toBe('密码至少 8 位，且须同时包含字母和数字');
    for (const bad of ['', 'abc123', 'Abc1234', 'abcdefgh', '12345678', '中文密码中文密码']) expect(passwordProblem(bad), bad).toBe(PASSWORD_RULE);
    for (const good of ['abcd1234', 'Chengxi2024', '司法2024year', 'a1b2c3d4']) expect(passwordProblem(good), good).toBeNull();
    expect(passwordProblem(`a1${'x'.repeat(127)}`)).toBe('密码不能超过 128 位');
  });
});
