import { Badge, Button, makeStyles, Text, tokens, ToggleButton } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { Finding, FINDING_CODES, Severity } from '../core/findings';
import { Messages } from './i18n';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const BADGE: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

const useStyles = makeStyles({
  filters: { display: 'flex', gap: '4px', flexWrap: 'wrap', marginBottom: '8px' },
  group: { marginBottom: '12px' },
  groupHead: { display: 'flex', alignItems: 'center', gap: '6px', flexWrap: 'wrap', padding: '4px 0', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  row: {
    display: 'block',
    width: '100%',
    height: 'auto',
    textAlign: 'left',
    justifyContent: 'flex-start',
    padding: '6px 4px',
    fontWeight: tokens.fontWeightRegular,
  },
  rowHead: { display: 'flex', gap: '6px', alignItems: 'center', marginBottom: '2px' },
  meaning: { fontWeight: tokens.fontWeightSemibold },
  // In a narrow pane the title wraps; the badge and the address keep their width.
  fixed: { flexShrink: 0 },
  detail: { display: 'block', color: tokens.colorNeutralForeground2 },
});

interface FormGroup {
  id: string;
  title: string;
  findings: Finding[];
}

/** Findings grouped by form, with counts and a severity filter; a click selects the cell. */
export function FindingList(props: { findings: Finding[]; projects: Map<string, string>; t: Messages; onSelect: (f: Finding) => void }) {
  const { findings, projects, t, onSelect } = props;
  const styles = useStyles();
  const [shown, setShown] = useState<Severity | 'all'>('all');

  const groups = useMemo(() => {
    const byForm = new Map<string, FormGroup>();
    for (const f of findings) {
      const id = f.form ?? f.sheet;
      let group = byForm.get(id);
      if (!group) {
        const project = (f.form && projects.get(f.form)) || t.untitled;
        group = { id, title: t.formOf(project, f.sheet), findings: [] };
        byForm.set(id, group);
      }
      group.findings.push(f);
    }
    return [...byForm.values()];
  }, [findings, projects, t]);

  const count = (list: Finding[], s: Severity) => list.filter((f) => f.severity === s).length;

  return (
    <div>
      <div className={styles.filters} role="group" aria-label="severity">
        <ToggleButton size="small" checked={shown === 'all'} onClick={() => setShown('all')}>
          {t.all} {findings.length}
        </ToggleButton>
        {SEVERITIES.map((s) => (
          <ToggleButton key={s} size="small" checked={shown === s} onClick={() => setShown(s)}>
            {t.severity[s]} {count(findings, s)}
          </ToggleButton>
        ))}
      </div>
      {groups.map((g) => {
        const visible = g.findings.filter((f) => shown === 'all' || f.severity === shown);
        if (visible.length === 0) return null;
        return (
          <section key={g.id} className={styles.group} aria-label={g.title}>
            <div className={styles.groupHead}>
              <Text weight="semibold">{g.title}</Text>
              {SEVERITIES.map((s) =>
                count(g.findings, s) > 0 ? (
                  <Badge key={s} appearance="tint" color={BADGE[s]} size="small">
                    {t.severity[s]} {count(g.findings, s)}
                  </Badge>
                ) : null,
              )}
            </div>
            <ul className={styles.list}>
              {visible.map((f, i) => (
                <li key={`${f.cell}-${f.code}-${i}`}>
                  <Button appearance="subtle" className={styles.row} onClick={() => onSelect(f)} data-cell={`${f.sheet}!${f.cell}`} data-code={f.code}>
                    <span className={styles.rowHead}>
                      <Badge appearance="filled" color={BADGE[f.severity]} size="small" className={styles.fixed}>
                        {t.severity[f.severity]}
                      </Badge>
                      <Text className={styles.meaning}>{FINDING_CODES[f.code].meaning}</Text>
                      <Text size={200} className={styles.fixed}>
                        {f.cell}
                      </Text>
                    </span>
                    <Text className={styles.detail}>{f.message}</Text>
                    {f.expected !== null || f.actual !== null ? (
                      <Text className={styles.detail} size={200}>
                        {f.expected !== null ? `${t.expected}：${f.expected}` : ''}
                        {f.expected !== null && f.actual !== null ? '　' : ''}
                        {f.actual !== null ? `${t.actual}：${f.actual}` : ''}
                      </Text>
                    ) : null}
                  </Button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
