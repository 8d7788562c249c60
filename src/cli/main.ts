import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import * as path from 'path';
import { jsonReport } from '../core/report';
import { parseArgs } from './args';
import { CellChange, ReportedFile } from './checkFile';
import { csvOutput } from './csv';
import { helpText } from './help';
import { collectInputs, COPY_SUFFIX, FIXED_SUFFIX, FORMULAS_SUFFIX, READABLE } from './inputs';
import { IsolatedChecker } from './isolatedChecker';
import { jsonText, oneLine } from './printable';
import { Progress } from './progress';
import { CliStreams } from './streams';
import { summaryWorkbook } from './summaryWorkbook';
import { tableOutput } from './table';
import { removeTempFilesOnSignals } from './tempFiles';
import { CopyWriter, fileId, writeWhole } from './writeCopy';

/** Exit statuses (documented in --help and docs/cli.md). */
export const EXIT = { clean: 0, errorsFound: 1, failure: 2 } as const;

/**
 * The `perfcheck` command. Returns the exit status instead of exiting, so that tests
 * run it in-process; the report goes to stdout, problems and progress to stderr.
 */
export async function main(argv: string[], io: CliStreams): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout.write(helpText());
    return EXIT.clean;
  }
  if (parsed.kind === 'version') {
    io.stdout.write(`perfcheck ${version()}\n`);
    return EXIT.clean;
  }
  if (parsed.kind === 'usage-error') {
    io.stderr.write(`${parsed.message}\n`);
    return EXIT.failure;
  }
  const { options } = parsed;
  const inputs = await collectInputs(options.paths);
  if (inputs.length === 0) {
    io.stderr.write(`没有找到可检查的文件（${READABLE}）\n`);
    return EXIT.failure;
  }
  const readable = inputs.filter((i) => i.problem === null && i.skipped === undefined).map((i) => i.path);
  if (options.summary !== null && (await isOneOf(options.summary, readable))) {
    io.stderr.write(`不会覆盖被检查的文件 ${options.summary}，请为汇总表换一个文件名\n`);
    return EXIT.failure;
  }
  let writer: CopyWriter | null = null;
  if (options.outDir !== null) {
    try {
      writer = await CopyWriter.open(options.outDir, readable);
    } catch (e) {
      io.stderr.write(`${(e as Error).message}\n`);
      return EXIT.failure;
    }
  }

  const progress = new Progress(io.stderr, inputs.length, io.isTTY);
  const files: ReportedFile[] = [];
  const copies = new Map<string, string>();
  let failed = false;
  const complain = (message: string) => {
    progress.clear();
    io.stderr.write(`${oneLine(message)}\n`);
    failed = true;
  };
  const checker = new IsolatedChecker(options.limits);
  try {
    for (const [i, input] of inputs.entries()) {
      progress.show(i, oneLine(path.basename(input.path)));
      if (input.skipped !== undefined) {
        files.push({ path: input.path, skipped: input.skipped, forms: [], findings: [] });
        continue;
      }
      if (input.problem !== null || input.kind === null) {
        // A missing, unsupported or special path's reason already names it.
        const problem = input.problem ?? `不支持的文件类型：${input.path}`;
        complain(problem);
        files.push({ path: input.path, error: problem, forms: [], findings: [] });
        continue;
      }
      const checked = await checker.check({
        path: input.path,
        kind: input.kind,
        profile: options.profile,
        limits: options.limits,
        annotate: writer !== null,
        explain: options.explain,
        fix: options.fix,
        formulas: options.formulas,
      });
      if (!checked.ok) {
        complain(`无法检查 ${checked.path}：${checked.error}`);
        files.push({ path: checked.path, error: checked.error, forms: [], findings: [] });
        continue;
      }
      for (const warning of checked.warnings) {
        progress.clear();
        io.stderr.write(`${oneLine(`注意：${checked.path}：${warning}`)}\n`);
      }
      const reported: ReportedFile =
        checked.warnings.length > 0 ? { ...checked.file, warnings: checked.warnings } : { ...checked.file };
      if (options.fix || options.formulas) reported.changes = checked.changes;
      files.push(reported);
      if (checked.account) {
        progress.clear();
        io.stdout.write([`== ${checked.path}`, ...checked.account, ''].map(oneLine).join('\n') + '\n');
      }
      if (!writer) continue;
      if (checked.copy === null) {
        complain(`无法写出 ${checked.path} 的带标注副本：${checked.copyError ?? '副本没有生成'}`);
        continue;
      }
      try {
        const suffix = options.fix ? FIXED_SUFFIX : options.formulas ? FORMULAS_SUFFIX : COPY_SUFFIX;
        const written = await writer.write(checked.path, checked.copy, suffix);
        copies.set(checked.path, written);
        if (options.fix || options.formulas) {
          // What changed goes where the report goes, so that a reader of the table sees it first.
          const out = options.format === 'table' ? io.stdout : io.stderr;
          progress.clear();
          out.write(changesText(checked.path, written, checked.changes));
        } else if (options.format !== 'table') io.stderr.write(`${oneLine(`已写出带标注的副本：${written}`)}\n`);
      } catch (e) {
        complain((e as Error).message);
      }
    }
  } finally {
    await checker.close();
  }
  progress.show(inputs.length, '');
  progress.clear();

  const report = jsonReport(files);
  if (options.summary !== null) {
    try {
      const wb = summaryWorkbook(report, copies, options.summary, ExcelJS);
      await writeWhole(options.summary, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
      if (options.format !== 'table') io.stderr.write(`${oneLine(`已写出汇总表：${options.summary}`)}\n`);
    } catch (e) {
      complain(`无法写出汇总表：${(e as Error).message}`);
    }
  }
  const exitCode = failed ? EXIT.failure : report.summary.errors > 0 ? EXIT.errorsFound : EXIT.clean;
  if (options.format === 'json') io.stdout.write(jsonText(JSON.stringify(report, null, 2)) + '\n');
  else if (options.format === 'csv') io.stdout.write(csvOutput(report, options.lang));
  else {
    const label = options.fix
      ? '改好的副本（以下为改正后的检查结果）'
      : options.formulas
        ? '改为公式的副本'
        : '带标注的副本';
    io.stdout.write(tableOutput(report, copies, exitCode, options.summary, label));
  }
  return exitCode;
}

/** Whether a path is one of the inputs, under any spelling or link. */
async function isOneOf(target: string, inputs: string[]): Promise<boolean> {
  const resolved = path.resolve(target);
  const id = await fileId(target);
  for (const input of inputs) {
    if (path.resolve(input) === resolved) return true;
    if (id !== null && (await fileId(input)) === id) return true;
  }
  return false;
}

/** `改正 file → copy`, then one line per changed cell: sheet!cell 原值 → 新值（why）. */
function changesText(input: string, copy: string, changes: CellChange[]): string {
  const lines = [`已写出改好的副本：${copy}（${input}，改动 ${changes.length} 个单元格）`];
  for (const c of changes) lines.push(`  ${c.sheet}!${c.cell}  ${c.before || '（空白）'} → ${c.after}（${c.reason}）`);
  return lines.map(oneLine).join('\n') + '\n';
}

/** Both src/cli/main.ts and build/cli/main.js sit two folders below package.json. */
function version(): string {
  return (JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string })
    .version;
}

/** Runs the command on this process's arguments and streams (bin/perfcheck.js). */
export function run(): void {
  // `perfcheck ... | head` closes the pipe early: stop quietly, as other commands do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.clean);
    throw e;
  });
  removeTempFilesOnSignals();
  main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: Boolean(process.stderr.isTTY),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`perfcheck 运行失败：${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = EXIT.failure;
    },
  );
}

if (require.main === module) run();
