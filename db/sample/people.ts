// Made-up people for the made-up county: Chinese names as they are common, and 身份证号码 that
// are valid by GB 11643 (area, real birth date, sequence whose parity is the sex, checksum),
// never two alike. Environment-neutral.

import { isoOf, type Day, type Random } from './random.ts';

/** The most common surnames, roughly by how common they are (the first ones weigh more). */
const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜钟谭陆范金石廖贾夏韦方白邹孟熊秦邱江薛雷侯龙史陶黎贺顾毛龚邵万钱严覃戴莫孔向汤庄洪翁'];

const maleGiven = [...'伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆建国志海峰亮晨振东林文博宏兴永成龙'];
const femaleGiven = [...'芳娜敏静丽艳娟霞秀英玲燕红梅琳雪婷慧颖洁佳莉萍倩晶悦琴云欣怡月兰凤丹嘉璐薇'];

export type Sex = '男' | '女';

export function personName(random: Random, sex: Sex): string {
  const index = Math.floor(random.next() ** 2 * surnames.length);
  const given = sex === '男' ? maleGiven : femaleGiven;
  const first = random.pick(given);
  return surnames[index] + (random.chance(0.35) ? first : first + random.pick(given));
}

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheckChars = '10X98765432';

/** The GB 11643 check character of the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * idWeights[i]!;
  return idCheckChars[sum % 11]!;
}

/** The county itself (湘桥区) and a few neighbours, as the 行政区划代码 people are registered under. */
const homeArea = '445102';
const otherAreas = ['445103', '445122', '445202', '445203', '440513', '441402'];

/** Hands out 身份证号码, each one once. */
export class IdNumbers {
  private readonly issued = new Set<string>();

  issue(random: Random, birth: Day, sex: Sex): string {
    const born = isoOf(birth).replace(/-/g, '');
    for (;;) {
      const area = random.chance(0.9) ? homeArea : random.pick(otherAreas);
      const serial = random.int(0, 499) * 2 + (sex === '男' ? 1 : 0);
      const first17 = area + born + String(serial).padStart(3, '0');
      const idNumber = first17 + idCheckChar(first17);
      if (!this.issued.has(idNumber)) {
        this.issued.add(idNumber);
        return idNumber;
      }
    }
  }
}
