import { readFileSync } from 'fs';
import * as path from 'path';
import { JsonFile } from '../../src/core/report';
import { parseCsv } from './csvParse';
import { BAOSHAN_TSV, BAOSHAN_XLSX, DECLARATION_XLSX, mutatedCopy, QINGPU_TSV, QINGPU_XLSX, run, runJson, tempDir } from './helpers';

const at = (file: JsonFile, sheet: string, cell: string) => file.findings.filter((f) => f.sheet === sheet && f.cell === cell);

describe('perfcheck on the published forms', () => {
  test('青浦 2024: 表4 H6 资金得分 8.72 printed, 8.27 expected (34.08 / 41.20 = 82.72%)', async () => {
    const { code, report } = await runJson([QINGPU_XLSX]);
    expect(code).toBe(1);
    const [file] = report.files;
    expect(file.forms).toHaveLength(5);
    const h6 = at(file, '表4', 'H6');
    expect(h6).toEqual([expect.objectContaining({ code: 'FUND_SCORE_MISMATCH', severity: 'error', expected: '8.27', actual: '8.72' })]);
    // 总分 96.52 carries the error: 96.52 − 8.72 + 8.27 = 96.07.
    expect(file.findings.find((f) => f.code === 'TOTAL_RECOMPUTED_MISMATCH')).toMatchObject({ sheet: '表4', expected: '96.07', actual: '96.52' });
    // 开展为老服务人数 10412 < 10459, 9 of 10, no 偏差原因; 工会会员满意度 96% < 100%, 9 of 10.
    expect(at(file, '表3', 'H15').map((f) => f.code)).toEqual(['MISSING_DEVIATION_REASON']);
    expect(at(file, '表5', 'H22').map((f) => f.code)).toEqual(['MISSING_DEVIATION_REASON']);
  });

  test('宝山 2022: E472 empty 实际完成值, H386 target 10类 missed (6类) with full score 20', async () => {
    const { code, report } = await runJson([BAOSHAN_XLSX]);
    expect(code).toBe(1);
    const [file] = report.files;
    expect(file.forms).toHaveLength(19);
    expect(at(file, '自评表', 'E472').map((f) => f.code)).toEqual(['EMPTY_FIELD']);
    expect(at(file, '自评表', 'H386')).toEqual([expect.objectContaining({ code: 'TARGET_NOT_MET_FULL_SCORE', severity: 'warning', actual: '20' })]);
  });

  test('宝山 2022 一期场馆: 215736 / 900000 = 23.9707%, printed 23.98% (ROUNDUP)', async () => {
    const auto = (await runJson([BAOSHAN_XLSX])).report.files[0];
    // auto infers the rounding up, so the printed rate is right and row 404 has nothing.
    expect(auto.profile!.auto).toBe(true);
    expect(auto.profile!.name).toContain('执行率向上舍入');
    expect(auto.findings.filter((f) => /^[A-Z]+404$/.test(f.cell))).toEqual([]);
    const form = auto.forms.find((f) => f.project?.startsWith('一期场馆运营经费'))!;
    expect(form.fund).toMatchObject({ budget: '900000', actual: '215736', rate: { printed: '23.98', computed: '23.98' } });

    const national = (await runJson([BAOSHAN_XLSX, '--profile', 'national'])).report.files[0];
    expect(national.profile).toMatchObject({ id: 'national', auto: false });
    // G404 is the 执行率 cell (H404 holds 得分 2.4, right under both roundings: 2.397 → 2.40).
    expect(at(national, '自评表', 'G404')).toEqual([
      expect.objectContaining({ code: 'ROUNDING_ROUTE', severity: 'info', expected: '23.97', actual: '23.98' }),
    ]);
    expect(at(national, '自评表', 'H404')).toEqual([]);
  });

  test('the JSON report has every documented key, numbers as decimal strings, absent values null', async () => {
    const { report } = await runJson([QINGPU_XLSX, DECLARATION_XLSX]);
    expect(Object.keys(report).sort()).toEqual(['files', 'summary']);
    expect(Object.keys(report.summary).sort()).toEqual([
      'errors',
      'files',
      'filesWithErrors',
      'forms',
      'infos',
      'skipped',
      'unreadable',
      'warnings',
      'withoutForm',
    ]);
    expect(report.summary).toMatchObject({ files: 2, forms: 8, filesWithErrors: 1, unreadable: 0, withoutForm: 0, skipped: 0 });
    const [qingpu, declaration] = report.files;
    expect(qingpu.path).toBe(QINGPU_XLSX);
    expect(Object.keys(qingpu).sort()).toEqual(['findings', 'forms', 'path', 'profile']);
    const form4 = qingpu.forms.find((f) => f.sheet === '表4')!;
    expect(Object.keys(form4).sort()).toEqual(
      ['department', 'fund', 'grade', 'id', 'indicators', 'kind', 'profile', 'project', 'range', 'sheet', 'total', 'unit', 'year'].sort(),
    );
    expect(form4).toMatchObject({
      kind: 'self-eval',
      project: '青浦区劳模创新工作室创建',
      year: 2024,
      fund: { budget: '41.2', actual: '34.08', rate: { printed: '82.72', computed: '82.72' }, score: { printed: '8.72', computed: '8.27' } },
      total: { printed: '96.52' },
      grade: { printed: '优' },
    });
    expect(form4.indicators[0]).toEqual({
      row: 13,
      level1: '产出指标',
      level2: '数量指标',
      name: '完成资助劳模工作室数',
      target: '=100',
      actual: '=100',
      weight: '15',
      score: '15',
      reason: '',
    });
    // `fix` only where the form determines the correct value (issue 14): 表4's 资金得分 and 总分.
    for (const f of qingpu.findings) {
      const keys = ['actual', 'cell', 'code', 'expected', ...(f.fix ? ['fix'] : []), 'form', 'message', 'severity', 'sheet'];
      expect(Object.keys(f).sort()).toEqual(keys);
    }
    expect(qingpu.findings.filter((f) => f.fix).map((f) => f.code)).toEqual(['FUND_SCORE_MISMATCH', 'TOTAL_RECOMPUTED_MISMATCH']);
    // A target declaration has no 实际完成值, 得分 or 总分: null, not "" or 0.
    expect(declaration.forms).toHaveLength(3);
    for (const form of declaration.forms) {
      expect(form.kind).toBe('declaration');
      expect(form.total).toEqual({ printed: null, computed: null });
      for (const i of form.indicators) {
        expect(i.actual).toBeNull();
        expect(i.score).toBeNull();
      }
    }
    expect(report.summary.errors).toBe(qingpu.findings.filter((f) => f.severity === 'error').length);
  });

  test('exit status 0 without error findings, even with warnings', async () => {
    expect((await run([DECLARATION_XLSX])).code).toBe(0);
    const { dir, cleanup } = tempDir();
    try {
      // 表1 alone: its only finding is a warning (灵活就业人员满意率 met, 8 of 10).
      const onlyFirst = await mutatedCopy(QINGPU_XLSX, dir, '表1.xlsx', (wb) => {
        for (const ws of [...wb.worksheets]) if (ws.name !== '表1') wb.removeWorksheet(ws.id);
      });
      const { code, report } = await runJson([onlyFirst]);
      expect(report.files[0].findings.map((f) => [f.cell, f.severity])).toEqual([['G20', 'warning']]);
      expect(code).toBe(0);
    } finally {
      cleanup();
    }
  });

  test('table output: file, rule and why, 项目名称, severity, cell and message, summary, exit note', async () => {
    const { code, stdout, stderr } = await run([QINGPU_XLSX]);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toContain(`文件：${QINGPU_XLSX}`);
    expect(stdout).toContain('规则：全国通用（四舍五入）（自动选择）');
    expect(stdout).toContain('依据：执行率四舍五入（与表中 5 个执行率中的 4 个一致，与 5 个资金得分中的 4 个一致）');
    expect(stdout).toMatch(/4\. 青浦区劳模创新工作室创建.*表4!A1:H21/);
    expect(stdout).toContain('[错误] 表4!H6  资金得分应为 8.27');
    expect(stdout).toContain('本文件：5 张表，错误 4 个，警告 3 个，提示 0 个');
    const lines = stdout.trimEnd().split('\n');
    expect(lines[lines.length - 2]).toMatch(/^说明：退出状态 1 表示检查发现了错误/);
    expect(lines[lines.length - 1]).toBe(
      '合计：1 个文件，5 张表；错误 4 个，警告 3 个，提示 0 个；有错误的文件 1 个，无法读取的文件 0 个，没有表格的文件 0 个',
    );
  });

  test('csv output: BOM, header, one correctly quoted row per finding', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const tricky = '测试,"引号"项目\n第二行';
      const file = await mutatedCopy(QINGPU_XLSX, dir, 'tricky.xlsx', (wb) => {
        wb.getWorksheet('表4')!.getCell('C3').value = tricky;
      });
      const { stdout, code } = await run([file, '--format', 'csv']);
      expect(code).toBe(1);
      expect(stdout.startsWith('\uFEFF文件,工作表,单元格,表格,项目名称,严重程度,代码,说明,应为,实际\r\n')).toBe(true);
      const rows = parseCsv(stdout.slice(1));
      const json = (await runJson([file])).report.files[0];
      expect(rows).toHaveLength(json.findings.length + 1);
      expect(rows.slice(1).find((r) => r[2] === 'H6')).toEqual([
        file,
        '表4',
        'H6',
        '表4!A1:H21',
        tricky,
        '错误',
        'FUND_SCORE_MISMATCH',
        json.findings.find((f) => f.cell === 'H6')!.message,
        '8.27',
        '8.72',
      ]);
    } finally {
      cleanup();
    }
  });

  test('TSV and xlsx of the same forms give the same findings', async () => {
    const { report } = await runJson([BAOSHAN_XLSX, BAOSHAN_TSV]);
    const key = (f: JsonFile['findings'][number]) => `${f.code}|${f.cell}|${f.message}`;
    const [xlsx, tsv] = report.files;
    expect(tsv.findings.length).toBeGreaterThan(10);
    expect(tsv.findings.map(key)).toEqual(xlsx.findings.map(key));
    expect(tsv.findings[0].sheet).toBe('baoshan-2022-self-eval');
    // 青浦's TSV stacks the five forms on one sheet while the workbook has a sheet each, so
    // the cells differ; the findings themselves are the same.
    const q = (await runJson([QINGPU_XLSX, QINGPU_TSV])).report.files;
    const what = (f: JsonFile['findings'][number]) => `${f.code}|${f.message}`;
    expect(q[1].findings.map(what)).toEqual(q[0].findings.map(what));
    expect(q[1].findings.find((f) => f.code === 'FUND_SCORE_MISMATCH')!.cell).toBe('H87');
  });

  test('--help in Chinese, --version from package.json', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('用法：');
    expect(help.stdout).toContain('退出状态');
    expect(help.stdout).toContain('round-up');
    const version = await run(['--version']);
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(version.stdout).toBe(`perfcheck ${pkg.version}\n`);
  });

  test('usage errors exit 2 with a Chinese message', async () => {
    const unknown = await run([QINGPU_XLSX, '--profile', 'shanghai']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('未知的规则：shanghai');
    for (const id of ['auto', 'national', 'round-up', 'round-down', 'rounded-rate', 'threshold-90', 'fund-excluded']) expect(unknown.stderr).toContain(id);
    expect((await run([QINGPU_XLSX, '--format', 'xml'])).stderr).toContain('未知的输出格式：xml');
    expect((await run([QINGPU_XLSX, '--profile'])).stderr).toContain('选项 --profile 后面缺少取值');
    expect((await run([QINGPU_XLSX, '--fast'])).stderr).toContain('不认识的选项：--fast');
    expect((await run([])).code).toBe(2);
    // --name=value works like --name value.
    expect((await runJson([BAOSHAN_XLSX, '--profile=round-up'])).report.files[0].profile!.id).toBe('round-up');
  });

  test('a missing path exits 2 with 找不到文件 and the other files are still checked', async () => {
    const { code, stderr, report } = await runJson(['没有这个文件.xlsx', QINGPU_XLSX]);
    expect(code).toBe(2);
    expect(stderr).toContain('找不到文件：没有这个文件.xlsx');
    expect(report.files[0]).toEqual({ path: '没有这个文件.xlsx', error: '找不到文件：没有这个文件.xlsx', forms: [], findings: [] });
    expect(report.files[1].forms).toHaveLength(5);
  });
});
