// Reading ledger values: every spelling registers.md lists, and the impossible ones refused.

import { describe, expect, it } from 'vitest';
import {
  excelSerialToIso,
  readDate,
  readIdNumber,
  readMoneyFen,
  readWholeNumber,
  readYesNo,
  splitNames,
} from '../../db/registers/values.ts';

describe('dates', () => {
  it.each([
    ['2024-01-05', '2024-01-05'],
    ['2024/1/5', '2024-01-05'],
    ['2024.1.5', '2024-01-05'],
    ['2024年1月5日', '2024-01-05'],
    [' 2024年12月31日 ', '2024-12-31'],
    ['２０２４－０３－０１', '2024-03-01'],
    ['2024-02-29', '2024-02-29'],
  ])('reads %s as %s', (text, iso) => {
    expect(readDate(text)).toEqual({ ok: true, value: iso });
  });

  it.each(['2024-13-01', '2023-02-29', '2024-04-31', '2024-00-10', '24-1-5', '2024-1', 'abc', '20240105'])(
    'refuses %s',
    (text) => {
      expect(readDate(text)).toEqual({ ok: false, reason: '不是有效日期' });
    },
  );

  it('reads Excel serial day numbers (1900 system, with its fictitious 1900-02-29)', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeUndefined();
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(45292)).toBe('2024-01-01');
    expect(excelSerialToIso(45351)).toBe('2024-02-29');
    expect(excelSerialToIso(45292.5)).toBeUndefined();
  });
});

describe('money in fen', () => {
  it.each([
    ['12,345.50', 1_234_550],
    ['12345.5元', 1_234_550],
    ['12345.5 元', 1_234_550],
    ['￥800', 80_000],
    ['0', 0],
    ['0.1', 10],
    ['0.07', 7],
    ['43230750.00', 4_323_075_000],
    ['523.58', 52_358],
  ])('reads %s as %i fen', (text, fen) => {
    expect(readMoneyFen(text)).toEqual({ ok: true, value: fen });
  });

  it('refuses negative, over-precise and non-numeric amounts', () => {
    expect(readMoneyFen('-5')).toEqual({ ok: false, reason: '不能为负数' });
    expect(readMoneyFen('1.005')).toEqual({ ok: false, reason: '金额最多保留两位小数' });
    expect(readMoneyFen('一万')).toEqual({ ok: false, reason: '不是有效金额' });
  });
});

describe('whole numbers, 是/否, names', () => {
  it('reads whole numbers with a minimum', () => {
    expect(readWholeNumber('1,200', 0)).toEqual({ ok: true, value: 1200 });
    expect(readWholeNumber('0', 1)).toEqual({ ok: false, reason: '应不小于 1' });
    expect(readWholeNumber('2.5', 0)).toEqual({ ok: false, reason: '不是整数' });
  });

  it.each([
    ['是', true],
    ['Y', true],
    ['y', true],
    ['1', true],
    ['√', true],
    ['否', false],
    ['N', false],
    ['0', false],
    ['', false],
  ])('reads %s as %s', (text, value) => {
    expect(readYesNo(text)).toEqual({ ok: true, value });
  });

  it('refuses other 是/否 spellings', () => {
    expect(readYesNo('也许')).toEqual({ ok: false, reason: '应填写「是」或「否」' });
  });

  it('splits names on 、 and the separators ledgers mix in', () => {
    expect(splitNames('姜志、林宁子')).toEqual(['姜志', '林宁子']);
    expect(splitNames(' 姜志，林宁子 ; 王五 ')).toEqual(['姜志', '林宁子', '王五']);
  });
});

describe('身份证号码 (GB 11643)', () => {
  it('accepts a number with a correct checksum and gives birth date and sex', () => {
    // 11010519491231002X: the standard's own example (female, born 1949-12-31).
    expect(readIdNumber('11010519491231002X')).toEqual({
      ok: true,
      value: { idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: 'female' },
    });
    expect(readIdNumber('44510219680513907x')).toEqual({
      ok: true,
      value: { idNumber: '44510219680513907X', birthDate: '1968-05-13', sex: 'male' },
    });
  });

  it('refuses a wrong checksum, a bad birth date and a bad shape, saying why', () => {
    expect(readIdNumber('110105194912310021')).toEqual({ ok: false, reason: '校验位应为 X' });
    expect(readIdNumber('110105194902300023')).toEqual({ ok: false, reason: '其中的出生日期无效' });
    expect(readIdNumber('11010519491231002')).toEqual({ ok: false, reason: '应为18位（最后一位可为X）' });
  });
});
