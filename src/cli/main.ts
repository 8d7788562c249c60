import { readFileSync } from 'fs';
import * as path from 'path';
import { projectNames } from '../core/engine';
import { explainWorkbook } from '../core/explain';
import { jsonFile, JsonFile, jsonReport } from '../core/report';
import { annotateWorkbook } from '../io/annotate';
import { parseArgs } from './args';
import { checkFile, CheckedFile } from './checkFile';
import { csvOutput } from './csv';
import { helpText } from './help';
import { collectInputs } from './inputs';
import { Progress } from './progress';
import { CliStreams } from './streams';
import { tableOutput } from './table';
import { CopyWriter } from './writeCopy';

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
    io.stderr.write('没有找到可检查的文件（.xlsx 工作簿或 .tsv/.txt 文本）\n');
    return EXIT.failure;
  }
  let writer: CopyWriter | null = null;
  if (options.outDir !== null) {
    try {
      writer = await CopyWriter.open(
        options.outDir,
        inputs.filter((i) => i.problem === null).map((i) => i.path),
      );
    } catch (e) {
      io.stderr.write(`${(e as Error).message}\n`);
      return EXIT.failure;
    }
  }

  const progress = new Progress(io.stderr, inputs.length, io.isTTY);
  const files: JsonFile[] = [];
  const copies = new Map<string, string>();
  let failed = false;
  const complain = (message: string) => {
    progress.clear();
    io.stderr.write(`${message}\n`);
    failed = true;
  };
  for (const [i, input] of inputs.entries()) {
    progress.show(i, path.basename(input.path));
    const checked = await checkFile(input, options.profile);
    if (!checked.ok) {
      // A missing or unsupported path's reason already names it.
      complain(input.problem ?? `无法检查 ${checked.path}：${checked.error}`);
      files.push({ path: checked.path, error: checked.error, forms: [], findings: [] });
      continue;
    }
    files.push(jsonFile(checked.path, checked.result));
    if (options.explain) {
      progress.clear();
      const account = [`== ${checked.path}`, ...explainWorkbook(checked.result), ''];
      io.stdout.write(account.map(printable).join('\n') + '\n');
    }
    if (writer) {
      try {
        const written = await writeCopy(writer, checked);
        copies.set(checked.path, written);
        if (options.format !== 'table') io.stderr.write(`已写出带标注的副本：${written}\n`);
      } catch (e) {
        complain(`${(e as Error).message}`);
      }
    }
  }
  progress.show(inputs.length, '');
  progress.clear();

  const report = jsonReport(files);
  const exitCode = failed ? EXIT.failure : report.summary.errors > 0 ? EXIT.errorsFound : EXIT.clean;
  if (options.format === 'json') io.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else if (options.format === 'csv') io.stdout.write(csvOutput(report));
  else io.stdout.write(tableOutput(report, copies, exitCode));
  return exitCode;
}

async function writeCopy(writer: CopyWriter, checked: Extract<CheckedFile, { ok: true }>): Promise<string> {
  const wb = checked.workbook();
  annotateWorkbook(wb, checked.result.findings, projectNames(checked.result));
  const data = await wb.xlsx.writeBuffer();
  return writer.write(checked.path, new Uint8Array(data as ArrayBuffer));
}

/** Cell text is printed without control characters: an ESC sequence must not rewrite the terminal. */
function printable(line: string): string {
  // eslint-disable-next-line no-control-regex
  return line.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
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
