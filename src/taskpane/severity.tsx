import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from '@fluentui/react-icons';
import { SEVERITY_FILL } from '../core/annotations';
import { Severity } from '../core/findings';

export const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/**
 * How a severity looks in the pane: the fill is the one the cells get when marked
 * (core/annotations), the ink a darker shade of it that reads at 4.5:1 on the fill and
 * on white, for icons, chip text and the card's edge.
 */
export const SEVERITY_LOOK: Record<Severity, { fill: string; ink: string }> = {
  error: { fill: SEVERITY_FILL.error, ink: '#A4262C' },
  warning: { fill: SEVERITY_FILL.warning, ink: '#7A4B00' },
  info: { fill: SEVERITY_FILL.info, ink: '#0F548C' },
};

const ICONS = { error: ErrorCircle16Filled, warning: Warning16Filled, info: Info16Filled };

/** The severity's icon in its ink; decorative, since its name is always written beside it. */
export function SeverityIcon(props: { severity: Severity }) {
  const Icon = ICONS[props.severity];
  return <Icon aria-hidden="true" style={{ color: SEVERITY_LOOK[props.severity].ink, flexShrink: 0 }} />;
}
