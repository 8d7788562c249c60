import { Button, makeStyles, mergeClasses, ProgressBar, Text } from '@fluentui/react-components';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: '8px' },
  text: { flexGrow: 1, minWidth: 0 },
});

/**
 * Long work under way, as the pane and the batch page show it: a progress bar with what
 * is being done under it, and 取消 while the work can still be stopped.
 */
export function ProgressRow(props: {
  /** What is being done ("正在检查 3/5 张表"). */
  text: string;
  /** The bar's accessible name. */
  label: string;
  /** 0–1 when known; indeterminate otherwise. */
  value?: number;
  /** Stops the work; no 取消 button without it. */
  onCancel?: () => void;
  cancelLabel: string;
  className?: string;
}) {
  const styles = useStyles();
  const { text, label, value, onCancel, cancelLabel, className } = props;
  return (
    <div className={mergeClasses(styles.row, className)}>
      <div className={styles.text}>
        {value === undefined ? (
          <ProgressBar aria-label={label} />
        ) : (
          <ProgressBar value={value} aria-label={label} aria-valuetext={text} />
        )}
        <Text size={200}>{text}</Text>
      </div>
      {onCancel ? (
        <Button size="small" onClick={onCancel}>
          {cancelLabel}
        </Button>
      ) : null}
    </div>
  );
}
