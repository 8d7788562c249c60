import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from '@fluentui/react-icons';
import { CSSProperties } from 'react';
import { SEVERITY_FILL } from '../core/annotations';
import { Severity } from '../core/findings';

export const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** A darker shade of each fill, for text on the fill and on white (4.5:1 or better). */
const INK: Record<Severity, string> = { error: '#A4262C', warning: '#7A4B00', info: '#0F548C' };

/**
 * How a severity looks in the pane. `fill` is the colour the cells get when marked
 * (core/annotations); `ink` is for text on that fill (badges, a chosen chip); `accent`
 * is for icons, chip text and card edges on the pane's own background: the ink on a
 * light theme, the fill itself on a dark one (see severityAccents).
 */
export const SEVERITY_LOOK: Record<Severity, { fill: string; ink: string; accent: string }> = {
  error: { fill: SEVERITY_FILL.error, ink: INK.error, accent: 'var(--perfcheck-error-accent)' },
  warning: { fill: SEVERITY_FILL.warning, ink: INK.warning, accent: 'var(--perfcheck-warning-accent)' },
  info: { fill: SEVERITY_FILL.info, ink: INK.info, accent: 'var(--perfcheck-info-accent)' },
};

/** The accent colours as CSS variables, set once on the pane's root. */
export function severityAccents(dark: boolean | undefined): CSSProperties {
  const vars: Record<string, string> = {};
  for (const s of SEVERITIES) vars[`--perfcheck-${s}-accent`] = dark ? SEVERITY_FILL[s] : INK[s];
  return vars as CSSProperties;
}

const ICONS = { error: ErrorCircle16Filled, warning: Warning16Filled, info: Info16Filled };

/** The severity's icon; decorative, since its name is always written beside it. */
export function SeverityIcon(props: { severity: Severity; onFill?: boolean }) {
  const Icon = ICONS[props.severity];
  const look = SEVERITY_LOOK[props.severity];
  return <Icon aria-hidden="true" style={{ color: props.onFill ? look.ink : look.accent, flexShrink: 0 }} />;
}
