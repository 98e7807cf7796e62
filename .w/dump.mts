import fs from 'node:fs';
import { generateCounty } from '../db/sample/generate-county.ts';
const scale = Number(process.argv[2]); const dir = process.argv[3];
fs.mkdirSync(dir, { recursive: true });
for (const f of await generateCounty({ seed: 1, scale, firstYear: 2022, lastYear: 2024, workbook: process.argv[4] === 'xlsx' })) fs.writeFileSync(`${dir}/${f.name}`, f.content);
