import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { memo, useEffect, useRef, useSyncExternalStore } from 'react';
import { addressOf, cellAt, colCount, columnName, parseAddress } from '../core/grid';
import { markKey, PreviewHost } from '../hosts/preview';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 },
  sheets: { display: 'flex', flexWrap: 'wrap', gap: '2px', marginBottom: '4px' },
  sheet: {
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase200,
    padding: '2px 10px',
    border: 'none',
    borderBottom: '2px solid transparent',
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground2,
    cursor: 'pointer',
    ':hover': { color: tokens.colorNeutralForeground1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  sheetOn: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorBrandStroke1,
  },
  scroller: {
    overflow: 'auto',
    maxHeight: '60vh',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: '#fff',
    '@media (min-width: 720px)': { maxHeight: 'none', flexGrow: 1, minHeight: 0 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: 'separate', borderSpacing: 0, fontSize: tokens.fontSizeBase200 },
  // Column letters and row numbers stay in view; opaque, so cells scroll under them.
  colHead: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: '#f3f3f3',
    color: '#444',
    fontWeight: tokens.fontWeightRegular,
    padding: '0 4px',
    borderRight: '1px solid #d6d6d6',
    borderBottom: '1px solid #d6d6d6',
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: '#f3f3f3',
    color: '#444',
    fontWeight: tokens.fontWeightRegular,
    textAlign: 'right',
    padding: '0 4px',
    borderRight: '1px solid #d6d6d6',
    borderBottom: '1px solid #d6d6d6',
  },
  corner: {
    position: 'sticky',
    top: 0,
    left: 0,
    zIndex: 3,
    backgroundColor: '#f3f3f3',
    borderRight: '1px solid #d6d6d6',
    borderBottom: '1px solid #d6d6d6',
  },
  cell: {
    borderRight: '1px solid #e1e1e1',
    borderBottom: '1px solid #e1e1e1',
    padding: '1px 4px',
    maxWidth: '14em',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    color: '#000',
  },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
});

const SPARE_ROWS = 3;
const SPARE_COLUMNS = 2;

/**
 * Memoised: the pane re-renders on every progress step of a check, the grid (thousands
 * of cells) only when the preview's view or the language changes.
 *
 * The read-only grid of the preview: finding cells filled by severity, the selected one
 * outlined and scrolled to the middle of the grid's own scroll area (the pane stays put).
 * A click on a cell selects it: where 插入空白自评表 puts a form.
 */
export const GridView = memo(function GridView(props: {
  host: PreviewHost;
  label: string;
  tabsLabel: string;
  regionLabel: (sheet: string) => string;
}) {
  const { host } = props;
  const styles = useStyles();
  const view = useSyncExternalStore(host.subscribe, host.view);
  const grid = view.grids.find((g) => g.sheet === view.active) ?? view.grids[0];
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  const selectedRef = useRef<HTMLTableCellElement | null>(null);

  useEffect(() => {
    const scroller = scrollerRef.current;
    const cell = selectedRef.current;
    if (!scroller || !cell) return;
    // scrollIntoView would scroll the page too; only the grid moves: the row to the
    // middle, the column only as far as needed, clear of the sticky row numbers.
    const box = scroller.getBoundingClientRect();
    const at = cell.getBoundingClientRect();
    const rowHeads = scroller.querySelector('tbody th')?.getBoundingClientRect().width ?? 0;
    const colHeads = scroller.querySelector('thead th')?.getBoundingClientRect().height ?? 0;
    // A cell already in full view (one the user just clicked) stays where it is.
    const inView =
      at.top >= box.top + colHeads && at.bottom <= box.top + scroller.clientHeight &&
      at.left >= box.left + rowHeads && at.right <= box.left + scroller.clientWidth;
    if (inView) return;
    const left = at.left - box.left - rowHeads;
    const right = at.right - box.left - scroller.clientWidth;
    scroller.scrollTo({
      top: scroller.scrollTop + at.top - box.top - (scroller.clientHeight - at.height) / 2,
      left: scroller.scrollLeft + (left < 0 ? left : right > 0 ? Math.min(right, left) : 0),
    });
  }, [view.selected, view.active]);

  if (!grid) return null;
  // A few blank rows and columns past the used range, as a spreadsheet shows them: a
  // place to click for 插入空白自评表.
  const cols = colCount(grid) + SPARE_COLUMNS;
  const rows = grid.cells.length + SPARE_ROWS;
  const selected = view.selected?.sheet === grid.sheet ? parseAddress(view.selected.cell) : null;
  return (
    <section aria-label={props.label} className={styles.view}>
      {/* Plain buttons: Fluent's TabList adds aria-hidden focus guards that axe reports. */}
      <div className={styles.sheets} role="group" aria-label={props.tabsLabel}>
        {view.grids.map((g) => (
          <button
            key={g.sheet}
            type="button"
            className={mergeClasses(styles.sheet, g.sheet === grid.sheet && styles.sheetOn)}
            aria-pressed={g.sheet === grid.sheet}
            onClick={() => host.show(g.sheet)}
          >
            {g.sheet}
          </button>
        ))}
      </div>
      {/* Focusable, so the grid can be scrolled from the keyboard. */}
      <div
        ref={scrollerRef}
        className={styles.scroller}
        tabIndex={0}
        role="region"
        aria-label={props.regionLabel(grid.sheet)}
      >
        <table className={styles.table} data-sheet={grid.sheet}>
          <thead>
            <tr>
              <td className={styles.corner} />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} scope="col" className={styles.colHead}>
                  {columnName(grid.left + c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th scope="row" className={styles.rowHead}>
                  {grid.top + r + 1}
                </th>
                {Array.from({ length: cols }, (_, c) => {
                  const address = addressOf(grid, r, c);
                  const mark = view.marks.get(markKey(grid.sheet, address));
                  const isSelected =
                    selected !== null && selected.row === grid.top + r && selected.col === grid.left + c;
                  const text = cellAt(grid, r, c).text;
                  // A formula PerfCheck wrote shows its result; the formula is in the tooltip.
                  const formula = view.formulas.get(markKey(grid.sheet, address));
                  const title = [mark?.note ?? text, formula].filter(Boolean).join('\n');
                  return (
                    <td
                      key={c}
                      ref={isSelected ? selectedRef : undefined}
                      data-cell={address}
                      aria-current={isSelected ? 'true' : undefined}
                      className={isSelected ? `${styles.cell} ${styles.selected}` : styles.cell}
                      style={mark ? { background: mark.fill } : undefined}
                      title={title || undefined}
                      data-formula={formula}
                      onClick={() => void host.select(grid.sheet, address)}
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
});
