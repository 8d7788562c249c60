import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { Severity } from '../core/findings';
import { Messages } from './i18n';
import { PaneFinding } from './runCheck';
import { SEVERITIES, SEVERITY_LOOK, SeverityIcon } from './severity';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const useStyles = makeStyles({
  // Pinned: the counts and the filter stay in view while the list scrolls under them.
  pinned: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: '6px 0',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  summaryRow: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '6px', flexWrap: 'wrap' },
  // One line until opened: the rule matters, but less than the findings under it.
  rule: { marginTop: '2px', fontSize: '12px', lineHeight: '16px', color: tokens.colorNeutralForeground2 },
  ruleLine: {
    cursor: 'pointer',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  ruleOpen: { whiteSpace: 'normal' },
  chips: { display: 'flex', gap: '4px', flexWrap: 'wrap', marginTop: '6px' },
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '4px',
    minHeight: '26px',
    padding: '0 7px',
    borderRadius: tokens.borderRadiusCircular,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontSize: '12px',
    fontFamily: 'inherit',
    cursor: 'pointer',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  chipOn: { fontWeight: tokens.fontWeightSemibold },
  toggle: {
    fontSize: '12px',
    fontFamily: 'inherit',
    minHeight: '24px',
    padding: '0 6px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  toggleOn: { backgroundColor: tokens.colorNeutralBackground1Selected, fontWeight: tokens.fontWeightSemibold },
  group: { marginTop: '8px' },
  groupHead: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '6px' },
  groupTitle: {
    margin: '4px 0',
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  card: {
    display: 'block',
    width: '100%',
    boxSizing: 'border-box',
    textAlign: 'left',
    margin: '6px 0 0',
    padding: '6px 8px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: '4px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: 'pointer',
    overflowWrap: 'anywhere',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  // The last clicked finding stays marked, so the reviewer keeps their place.
  current: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    boxShadow: `inset 0 0 0 1px ${tokens.colorNeutralStroke1Selected}`,
  },
  head: { display: 'flex', alignItems: 'flex-start', gap: '6px' },
  badge: {
    flexShrink: 0,
    fontSize: '12px',
    lineHeight: '16px',
    padding: '0 4px',
    borderRadius: tokens.borderRadiusSmall,
    fontWeight: tokens.fontWeightSemibold,
  },
  meaning: { fontWeight: tokens.fontWeightSemibold },
  where: {
    display: 'block',
    fontSize: '12px',
    lineHeight: '16px',
    marginTop: '2px',
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  values: { display: 'block', fontSize: '12px', lineHeight: '16px', fontWeight: tokens.fontWeightSemibold },
  detail: {
    display: 'block',
    fontSize: '12px',
    lineHeight: '16px',
    color: tokens.colorNeutralForeground2,
    marginTop: '2px',
  },
  empty: { display: 'block', padding: '12px 0', color: tokens.colorNeutralForeground2 },
  // 改正 sits under its card (a button cannot hold another), lined up with the card's text.
  fixRow: { display: 'flex', justifyContent: 'flex-end', marginTop: '2px' },
});

/** The value a fix writes, as the user reads it: `84.13%` for a percent cell. */
function fixShown(f: PaneFinding): string {
  return f.fix!.as === 'percent' ? `${f.fix!.value}%` : f.fix!.value;
}

interface Entry {
  finding: PaneFinding;
  /** Index in the check's own order: the finding's identity for this run. */
  index: number;
}

interface FormGroup {
  id: string;
  project: string;
  sheet: string;
  entries: Entry[];
}

/**
 * The check's findings: counts and a severity filter pinned on top, then cards in
 * severity order (errors first) then form order, or grouped by form. A click selects the
 * finding's cell; the last clicked card stays marked.
 */
export function FindingList(props: {
  findings: PaneFinding[];
  projects: Map<string, string>;
  summary: string;
  rule: string;
  t: Messages;
  selected: number | null;
  onSelect: (f: PaneFinding, index: number) => void;
  /** Whether the pane can take an action now (改正 is disabled while another runs). */
  idle: boolean;
  /** 改正: writes the finding's fix. */
  onFix: (f: PaneFinding) => void;
  /** 全部改正 for one form, by its id. */
  onFixForm: (form: string) => void;
}) {
  const { findings, projects, t, selected, onSelect, idle, onFix, onFixForm } = props;
  const styles = useStyles();
  const [shown, setShown] = useState<Severity | 'all'>('all');
  const [grouped, setGrouped] = useState(false);
  const [ruleOpen, setRuleOpen] = useState(false);

  const counts = useMemo(() => {
    const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of findings) c[f.severity] += 1;
    return c;
  }, [findings]);

  const formOrder = useMemo(() => {
    const order = new Map<string, number>();
    for (const f of findings) {
      const id = f.form ?? f.sheet;
      if (!order.has(id)) order.set(id, order.size);
    }
    return order;
  }, [findings]);

  const ordered = useMemo(
    () =>
      findings
        .map((finding, index) => ({ finding, index }))
        .sort(
          (a, b) =>
            RANK[a.finding.severity] - RANK[b.finding.severity] ||
            formOrder.get(a.finding.form ?? a.finding.sheet)! - formOrder.get(b.finding.form ?? b.finding.sheet)! ||
            a.index - b.index,
        ),
    [findings, formOrder],
  );

  // The filter outlives a new check: when its severity is gone, the list says so.
  const filter = shown;
  const visible = ordered.filter((e) => filter === 'all' || e.finding.severity === filter);

  const projectOf = (f: PaneFinding) => (f.form && projects.get(f.form)) || t.untitled;

  const groupsOf = (entries: Entry[]): FormGroup[] => {
    const byForm = new Map<string, FormGroup>();
    for (const e of entries) {
      const id = e.finding.form ?? e.finding.sheet;
      let group = byForm.get(id);
      if (!group) {
        group = { id, project: projectOf(e.finding), sheet: e.finding.sheet, entries: [] };
        byForm.set(id, group);
      }
      group.entries.push(e);
    }
    return [...byForm.values()].sort((a, b) => formOrder.get(a.id)! - formOrder.get(b.id)!);
  };

  const card = ({ finding: f, index }: Entry, withProject: boolean) => {
    const look = SEVERITY_LOOK[f.severity];
    const values = t.values(f.actual, f.expected);
    // A subject the pane cannot translate is the form's own (Chinese) words.
    const subject = f.subject ? t.subject(f.subject) : null;
    return (
      <li key={index}>
        <button
          type="button"
          className={mergeClasses(styles.card, selected === index && styles.current)}
          style={{ borderLeftColor: look.accent }}
          aria-current={selected === index ? 'true' : undefined}
          onClick={() => onSelect(f, index)}
          data-cell={`${f.sheet}!${f.cell}`}
          data-code={f.code}
          data-severity={f.severity}
        >
          <span className={styles.head}>
            <SeverityIcon severity={f.severity} />
            <span className={styles.badge} style={{ backgroundColor: look.fill, color: look.ink }}>
              {t.severity[f.severity]}
            </span>
            <span className={styles.meaning}>{t.meaning(f.code)}</span>
          </span>
          <span className={styles.where}>
            {`${f.sheet}!${f.cell}`}
            {subject ? (
              <>
                {' · '}
                <span lang={subject === f.subject ? 'zh-CN' : undefined}>{subject}</span>
              </>
            ) : null}
            {withProject && f.form ? (
              <>
                {' · '}
                <span lang="zh-CN">{projectOf(f)}</span>
              </>
            ) : null}
          </span>
          {values ? <span className={styles.values}>{values}</span> : null}
          <span className={styles.detail} lang="zh-CN">
            {f.message}
          </span>
        </button>
        {f.fix ? (
          <div className={styles.fixRow}>
            <Button
              size="small"
              appearance="primary"
              disabled={!idle}
              aria-label={t.fixCell(`${f.sheet}!${f.fix.cell}`, fixShown(f))}
              onClick={() => onFix(f)}
            >
              {t.fix}
            </Button>
          </div>
        ) : null}
      </li>
    );
  };

  return (
    <section aria-label={t.findings}>
      <div className={styles.pinned}>
        <div className={styles.summaryRow}>
          <Text weight="semibold">{props.summary}</Text>
          <button
            type="button"
            className={mergeClasses(styles.toggle, grouped && styles.toggleOn)}
            aria-pressed={grouped}
            onClick={() => setGrouped(!grouped)}
          >
            {t.groupByForm}
          </button>
        </div>
        <details className={styles.rule} open={ruleOpen} onToggle={(e) => setRuleOpen(e.currentTarget.open)}>
          <summary className={mergeClasses(styles.ruleLine, ruleOpen && styles.ruleOpen)}>{props.rule}</summary>
        </details>
        <div className={styles.chips} role="group" aria-label={t.filter}>
          <button
            type="button"
            className={mergeClasses(styles.chip, filter === 'all' && styles.chipOn)}
            aria-pressed={filter === 'all'}
            onClick={() => setShown('all')}
          >
            {t.count(t.all, findings.length)}
          </button>
          {SEVERITIES.filter((s) => counts[s] > 0).map((s) => {
            const look = SEVERITY_LOOK[s];
            const on = filter === s;
            return (
              <button
                key={s}
                type="button"
                className={mergeClasses(styles.chip, on && styles.chipOn)}
                style={{
                  borderColor: look.accent,
                  color: on ? look.ink : look.accent,
                  backgroundColor: on ? look.fill : undefined,
                  boxShadow: on ? `inset 0 0 0 1px ${look.ink}` : undefined,
                }}
                aria-pressed={on}
                onClick={() => setShown(s)}
              >
                <SeverityIcon severity={s} onFill={on} />
                {t.count(t.severity[s], counts[s])}
              </button>
            );
          })}
        </div>
      </div>
      {visible.length === 0 ? (
        <Text className={styles.empty}>{t.emptyFiltered}</Text>
      ) : grouped ? (
        groupsOf(visible).map((g) => (
          <section key={g.id} className={styles.group} aria-label={t.formOf(g.project, g.sheet)}>
            <div className={styles.groupHead}>
              <h2 className={styles.groupTitle}>
                <span lang="zh-CN">{g.project}</span>
                {t.formOf('', g.sheet)}
              </h2>
              {g.entries.some((e) => e.finding.fix) && g.entries[0].finding.form ? (
                <Button
                  size="small"
                  disabled={!idle}
                  aria-label={t.fixAllForm(t.formOf(g.project, g.sheet))}
                  onClick={() => onFixForm(g.entries[0].finding.form!)}
                >
                  {t.fixAll}
                </Button>
              ) : null}
            </div>
            <ul className={styles.list}>{g.entries.map((e) => card(e, false))}</ul>
          </section>
        ))
      ) : (
        <ul className={styles.list}>{visible.map((e) => card(e, true))}</ul>
      )}
    </section>
  );
}
