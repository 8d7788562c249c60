import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { addressOf, cellAt, colCount, columnName, parseAddress } from '../core/grid';
import { markKey, PreviewHost } from '../hosts/preview';

const useStyles = makeStyles({
  scroller: { overflow: 'auto', maxHeight: '60vh', border: `1px solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  head: { background: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular, padding: '0 4px', position: 'sticky', top: 0 },
  cell: { border: `1px solid ${tokens.colorNeutralStroke3}`, padding: '1px 4px', maxWidth: '14em', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', color: '#000' },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
});

/** The read-only grid of the preview: finding cells filled by severity, the selected one outlined. */
export function GridView(props: { host: PreviewHost; label: string }) {
  const { host } = props;
  const styles = useStyles();
  const view = useSyncExternalStore(host.subscribe, host.view);
  const grid = view.grids.find((g) => g.sheet === view.active) ?? view.grids[0];
  const selectedRef = useRef<HTMLTableCellElement | null>(null);

  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [view.selected, view.active]);

  if (!grid) return null;
  const cols = colCount(grid);
  const selected = view.selected?.sheet === grid.sheet ? parseAddress(view.selected.cell) : null;
  return (
    <section aria-label={props.label}>
      <TabList size="small" selectedValue={grid.sheet} onTabSelect={(_, d) => host.show(String(d.value))}>
        {view.grids.map((g) => (
          <Tab key={g.sheet} value={g.sheet}>
            {g.sheet}
          </Tab>
        ))}
      </TabList>
      <div className={styles.scroller}>
        <table className={styles.table} data-sheet={grid.sheet}>
          <thead>
            <tr>
              <th className={styles.head} />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} className={styles.head}>
                  {columnName(grid.left + c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.cells.map((_, r) => (
              <tr key={r}>
                <th className={styles.head}>{grid.top + r + 1}</th>
                {Array.from({ length: cols }, (_, c) => {
                  const address = addressOf(grid, r, c);
                  const mark = view.marks.get(markKey(grid.sheet, address));
                  const isSelected = selected !== null && selected.row === grid.top + r && selected.col === grid.left + c;
                  const text = cellAt(grid, r, c).text;
                  return (
                    <td
                      key={c}
                      ref={isSelected ? selectedRef : undefined}
                      data-cell={address}
                      aria-selected={isSelected || undefined}
                      className={isSelected ? `${styles.cell} ${styles.selected}` : styles.cell}
                      style={mark ? { background: mark.fill } : undefined}
                      title={mark ? mark.note : text || undefined}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
