import { readFileSync } from 'fs';
import { parseTsv } from '../src/core/tsv';
import { checkWorkbook } from '../src/core/engine';
const f = process.argv[2];
const grid = parseTsv(readFileSync(f, 'utf8'), 'tsv');
const res = checkWorkbook([grid], { profile: process.argv[3] ?? 'auto' });
console.log(res.profile.reason, res.profile.profile.id);
for (const r of res.forms) {
  console.log('##', r.form.id, r.form.kind, r.form.project?.value, '|', r.form.unit?.value, r.form.year, 'ind', r.form.indicators.length, 'rate', r.fund?.rate.printed?.toFixed(), r.fund?.rate.computed?.toFixed(), 'score', r.fund?.score.printed?.toFixed(), r.fund?.score.computed?.toFixed(), 'total', r.totals?.total.printed?.toFixed(), r.totals?.total.computed?.toFixed());
  if (process.argv[4]) for (const i of r.form.indicators) console.log('   ', i.row+1, i.level1, '/', i.level2, '/', i.name.value, '|', i.target.text, '|', i.actual.text, '|', i.weight?.value.kind==='number'?i.weight.value.value.toFixed():'-', i.score?.value.kind==='number'?i.score.value.value.toFixed():'-', '|', i.reason.value, i.duplicateOf ?? '');
  for (const x of r.findings) console.log('   ', x.severity, x.code, x.cell, x.message);
}
