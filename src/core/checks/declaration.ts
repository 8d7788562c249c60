import { Decimal } from '../decimal';
import { Read } from '../form';
import { NumberReading } from '../values';
import { CheckContext, numberIn } from './context';

/** 申报表 funds: 项目资金总额 = 财政资金 + 其他资金; 年度资金申请总额 = its three parts. */
export function checkDeclarationFunds(ctx: CheckContext): void {
  const f = ctx.form.declarationFunds;
  if (!f) {
    ctx.add('FORM_INCOMPLETE', ctx.form.anchor, '没有找到“项目资金”栏，无法核对资金总额');
    return;
  }
  const tolerance = f.unit === '万元' ? new Decimal('0.015') : new Decimal('0.005');
  const check = (
    total: Read<NumberReading> | null,
    parts: (Read<NumberReading> | null)[],
    what: string,
    partNames: string[],
  ) => {
    const t = numberIn(ctx, total, what);
    const values = parts.map((p, i) => numberIn(ctx, p, `${what}中的${partNames[i]}`));
    if (t === null || values.every((v) => v === null)) return;
    const sum = values.reduce<Decimal>((s, v) => s.plus(v ?? 0), new Decimal(0));
    if (sum.minus(t).abs().gt(tolerance)) {
      ctx.add(
        'FUND_SUBTOTAL_MISMATCH',
        total!.cell,
        `${what} ${t.toFixed()} 不等于${partNames.join('、').replace(/、([^、]+)$/, '与$1')}之和 ${sum.toFixed()}`,
        sum.toFixed(),
        t.toFixed(),
      );
    }
  };
  check(f.total, [f.fiscal, f.other], '项目资金总额', ['财政资金', '其他资金']);
  check(f.yearTotal, [f.yearFiscal, f.yearCarryOver, f.yearOther], '年度资金申请总额', [
    '当年财政拨款',
    '上年结转资金',
    '其他资金',
  ]);
}
