import * as path from 'path';
import { FORMS, run } from './helpers';

/** `--explain` says, per form, which cell each number was read from (issue #8). */
test('--explain on 四川 中江: each fund number, each indicator row and the total with its cell', async () => {
  const file = path.join(FORMS, 'provinces', 'zhongjiang-2022-1.tsv');
  const { code, stdout } = await run([file, '--explain']);
  expect(code).toBe(0);
  const lines = stdout.split('\n');
  expect(lines[0]).toBe(`== ${file}`);
  // No 年初预算数 column in this template: the line names the columns it has, each with its cell.
  expect(stdout).toContain(
    '年度资金总额:（B5，年度资金总额）：全年预算数 C5 20；全年执行数 D5 20；分值 E5 10；执行率 F5 100.00%；得分 G5 10',
  );
  expect(stdout).toContain('绩效指标 9 个（表头 B10；分值合计 100，得分合计 100）');
  // 分值 before 年度指标值: the row's cells are named by what they hold, not by their order.
  expect(stdout).toContain(
    '第 11 行 产出指标 / 数量指标 / D11 安装坡面水标尺：指标值 F11 ≥266米；实际完成值 G11 ≥266米；分值 E11 10；得分 H11 10；偏差原因 I11 空',
  );
  expect(stdout).toContain('总分（A22）：分值 E22 100；得分 H22 100');
  // The account comes before the usual report, which still follows.
  expect(stdout.indexOf('== ')).toBeLessThan(stdout.indexOf('文件：'));
});
