import { PROFILES } from '../core/profiles';
import { DEFAULT_LIMITS, Limits } from '../io/limits';

export type OutputFormat = 'table' | 'json' | 'csv';

export const FORMATS: readonly OutputFormat[] = ['table', 'json', 'csv'];

/** The language of the CSV output's headers and severities (`--lang`). */
export type OutputLanguage = 'zh' | 'en';

export const LANGUAGES: readonly OutputLanguage[] = ['zh', 'en'];

export interface CliOptions {
  paths: string[];
  profile: string;
  format: OutputFormat;
  outDir: string | null;
  /** Where to write the reviewer's 汇总表 (`--summary`), an .xlsx path. */
  summary: string | null;
  lang: OutputLanguage;
  limits: Limits;
  /** Print, per form, which cells were read as what (`--explain`). */
  explain: boolean;
  /** `--fix`: write corrected copies (needs --out-dir). */
  fix: boolean;
  /** `--formulas` (plain Excel) or `--formulas=perf`: write copies that compute themselves (needs --out-dir). */
  formulas: 'excel' | 'perf' | null;
}

/** The options that raise or lower a limit (docs/cli.md, 限制): the limit, its unit, and the number's lower bound. */
export const LIMIT_OPTIONS: ReadonlyMap<string, { limit: keyof Limits; unit: number; min: number }> = new Map([
  ['--max-size', { limit: 'maxBytes', unit: 1024 * 1024, min: 1 }],
  ['--max-cells', { limit: 'maxCells', unit: 1, min: 1 }],
  ['--max-text', { limit: 'maxTextLength', unit: 1, min: 1 }],
  ['--max-sheets', { limit: 'maxSheets', unit: 1, min: 1 }],
  // Below about 64 MB a worker cannot even load exceljs.
  ['--max-memory', { limit: 'memoryMb', unit: 1, min: 64 }],
  ['--time-limit', { limit: 'timeSeconds', unit: 1, min: 1 }],
] as const);

export type ParsedArgs =
  | { kind: 'run'; options: CliOptions }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'usage-error'; message: string };

export function profileIds(): string[] {
  return ['auto', ...PROFILES.map((p) => p.id)];
}

const VALUE_OPTIONS = ['--profile', '--format', '--out-dir', '--summary', '--lang'];

/** `--name value` and `--name=value` both work; `--` ends the options. */
export function parseArgs(argv: string[]): ParsedArgs {
  const options: CliOptions = {
    paths: [],
    profile: 'auto',
    format: 'table',
    outDir: null,
    summary: null,
    lang: 'zh',
    limits: { ...DEFAULT_LIMITS },
    explain: false,
    fix: false,
    formulas: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      options.paths.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '-v' || arg === '--version') return { kind: 'version' };
    if (arg === '--explain') {
      options.explain = true;
      continue;
    }
    if (arg === '--fix') {
      options.fix = true;
      continue;
    }
    // Its value is optional, so it is only ever given after `=`: `--formulas dir/` stays a path.
    if (arg === '--formulas' || arg.startsWith('--formulas=')) {
      const kind = arg === '--formulas' ? 'excel' : arg.slice('--formulas='.length);
      if (kind !== 'excel' && kind !== 'perf') {
        return { kind: 'usage-error', message: `选项 --formulas 的取值应为 excel（默认）或 perf：${kind}` };
      }
      options.formulas = kind;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      options.paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (!VALUE_OPTIONS.includes(name) && !LIMIT_OPTIONS.has(name)) {
      return { kind: 'usage-error', message: `不认识的选项：${arg}（运行 perfcheck --help 查看用法）` };
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    if (value === undefined || value === '') return { kind: 'usage-error', message: `选项 ${name} 后面缺少取值` };
    const limitOption = LIMIT_OPTIONS.get(name);
    if (limitOption) {
      if (
        !/^\d+$/.test(value) ||
        Number(value) < limitOption.min ||
        !Number.isSafeInteger(Number(value) * limitOption.unit)
      ) {
        return { kind: 'usage-error', message: `选项 ${name} 的取值应为不小于 ${limitOption.min} 的整数：${value}` };
      }
      options.limits[limitOption.limit] = Number(value) * limitOption.unit;
    } else if (name === '--profile') {
      if (!profileIds().includes(value)) {
        return { kind: 'usage-error', message: `未知的规则：${value}。可用的规则有：\n${profileList()}` };
      }
      options.profile = value;
    } else if (name === '--format') {
      if (!(FORMATS as readonly string[]).includes(value)) {
        return { kind: 'usage-error', message: `未知的输出格式：${value}。可用的格式有：${FORMATS.join('、')}` };
      }
      options.format = value as OutputFormat;
    } else if (name === '--lang') {
      if (!(LANGUAGES as readonly string[]).includes(value)) {
        return { kind: 'usage-error', message: `未知的语言：${value}。可用的语言有：${LANGUAGES.join('、')}` };
      }
      options.lang = value as OutputLanguage;
    } else if (name === '--summary') {
      if (!value.toLowerCase().endsWith('.xlsx')) {
        return { kind: 'usage-error', message: `汇总表应保存为 .xlsx 文件：${value}` };
      }
      options.summary = value;
    } else {
      options.outDir = value;
    }
  }
  if ((options.fix || options.formulas) && options.outDir === null) {
    return {
      kind: 'usage-error',
      message: `${options.fix ? '--fix' : '--formulas'} 需要同时指定 --out-dir 文件夹：改好的副本写到那里，原文件不会被修改`,
    };
  }
  if (options.paths.length === 0) {
    return {
      kind: 'usage-error',
      message: '请指定要检查的文件或文件夹，例如：perfcheck 自评表.xlsx（运行 perfcheck --help 查看用法）',
    };
  }
  return { kind: 'run', options };
}

/** One line per profile id with its Chinese name, for --help and for a wrong --profile. */
export function profileList(): string {
  const lines = [`  auto            自动识别（默认）：从表中已填的执行率和资金得分推断舍入方式`];
  for (const p of PROFILES) lines.push(`  ${p.id.padEnd(15)} ${p.name}`);
  return lines.join('\n');
}
