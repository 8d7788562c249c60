import { CheckContext } from './context';

/**
 * 项目名称, 主管部门, 实施单位 are required (a department-wide form: its 部门); a form
 * cut off halfway is said so.
 */
export function checkFields(ctx: CheckContext): void {
  const { form } = ctx;
  const required =
    form.scope === 'department'
      ? ([[form.department, '部门名称']] as const)
      : ([
          [form.project, '项目名称'],
          [form.department, '主管部门'],
          [form.unit, '实施单位'],
        ] as const);
  for (const [read, name] of required) {
    if (!read) ctx.add('EMPTY_FIELD', form.anchor, `没有找到“${name}”`);
    else if (read.value === '') ctx.add('EMPTY_FIELD', read.cell, `${name}为空`);
  }
  for (const p of form.problems) ctx.add('FORM_INCOMPLETE', p.cell, p.message);
}
