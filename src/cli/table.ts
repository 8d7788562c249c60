import { SEVERITY_NAMES } from '../core/annotations';
import { Finding } from '../core/findings';
import { JsonReport } from '../core/report';
import { ReportedFile } from './checkFile';
import { oneLine } from './printable';

/**
 * The default output: per file the rule used and why, per form its 项目名称 and
 * findings (severity, sheet!cell, message), then one summary line. Control characters
 * and bidi marks from workbook text are removed.
 */
export function tableOutput(
  report: JsonReport,
  copies: Map<string, string>,
  exitCode: number,
  summary: string | null = null,
  copyLabel = '带标注的副本',
): string {
  const lines: string[] = [];
  for (const file of report.files) {
    lines.push(...fileBlock(file, copies.get(file.path), copyLabel), '');
  }
  if (summary !== null) lines.push(`汇总表：${summary}`);
  const { files, forms, errors, warnings, infos, filesWithErrors, unreadable, withoutForm, skipped } = report.summary;
  if (exitCode === 1) lines.push('说明：退出状态 1 表示检查发现了错误（表格内容需要修改），不是程序运行失败。');
  if (exitCode === 2) lines.push('说明：退出状态 2 表示有文件无法读取或无法写出，原因见上方；其余文件已照常检查。');
  // The last line is the batch's verdict: a reviewer (or a script) reads it first.
  lines.push(
    `合计：${files} 个文件，${forms} 张表；错误 ${errors} 个，警告 ${warnings} 个，提示 ${infos} 个；` +
      `有错误的文件 ${filesWithErrors} 个，无法读取的文件 ${unreadable} 个，没有表格的文件 ${withoutForm} 个` +
      (skipped > 0 ? `，跳过的文件 ${skipped} 个` : ''),
  );
  // Each entry is one line of output; workbook text inside it may hold line breaks or
  // terminal controls, which must neither split nor rewrite the line.
  return lines.map(oneLine).join('\n') + '\n';
}

function fileBlock(file: ReportedFile, copy: string | undefined, copyLabel: string): string[] {
  const lines = [`文件：${file.path}`];
  if (file.error !== undefined) {
    lines.push(`  无法读取：${file.error}`);
    return lines;
  }
  if (file.skipped !== undefined) {
    lines.push(`  已跳过：${file.skipped}`);
    return lines;
  }
  for (const warning of file.warnings ?? []) lines.push(`  注意：${warning}`);
  if (file.profile) {
    lines.push(`  规则：${file.profile.name}（${file.profile.auto ? '自动选择' : '命令行指定'}）`);
    if (file.profile.auto) lines.push(`  依据：${file.profile.reason}`);
  }
  const loose = file.findings.filter((f) => f.form === null || !file.forms.some((form) => form.id === f.form));
  for (const f of loose) lines.push(findingLine(f, '  '));
  file.forms.forEach((form, i) => {
    const kind = form.kind === 'declaration' ? '绩效目标申报表' : '绩效自评表';
    lines.push(`  ${i + 1}. ${form.project ?? '（未填写项目名称）'}　[${kind}，${form.sheet}!${form.range}]`);
    const findings = file.findings.filter((f) => f.form === form.id);
    if (findings.length === 0) lines.push('      未发现问题');
    for (const f of findings) lines.push(findingLine(f, '      '));
  });
  lines.push(`  本文件：${file.forms.length} 张表，${countLine(file.findings)}`);
  if (copy) lines.push(`  ${copyLabel}：${copy}`);
  return lines;
}

function findingLine(f: Finding, indent: string): string {
  return `${indent}[${SEVERITY_NAMES[f.severity]}] ${f.sheet ? `${f.sheet}!` : ''}${f.cell}  ${f.message}（${f.code}）`;
}

function countLine(findings: Finding[]): string {
  const n = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return `错误 ${n('error')} 个，警告 ${n('warning')} 个，提示 ${n('info')} 个`;
}
