import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { ChangeEvent, DragEvent, useMemo, useRef, useState } from 'react';
import {
  BATCH_ACCEPT,
  BatchInput,
  BatchResult,
  copiesZip,
  readBatchFile,
  sortInputs,
  sortRows,
  summaryBytes,
  SummaryColumn,
  summaryRows,
} from './batch';
import { BATCH_MESSAGES } from './batchMessages';
import { download, XLSX_TYPE } from './download';
import { Lang } from './i18n';
import { ProgressRow } from './ProgressRow';
import { CheckCancelled, checkOffThread } from './runCheck';

const useStyles = makeStyles({
  page: { padding: '8px 16px 16px', minHeight: '100vh', boxSizing: 'border-box', backgroundColor: tokens.colorNeutralBackground1 },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: '8px', flexWrap: 'wrap' },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap', margin: '8px 0' },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '16px',
    margin: '8px 0',
    color: tokens.colorNeutralForeground2,
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  progress: { margin: '8px 0' },
  tableWrap: { overflowX: 'auto', margin: '8px 0' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 6px', textAlign: 'left', verticalAlign: 'top' },
    '& th': { backgroundColor: tokens.colorNeutralBackground3, whiteSpace: 'nowrap' },
    '& tbody tr': { cursor: 'pointer' },
    '& tbody tr:hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  caption: { textAlign: 'left', padding: '4px 0', color: tokens.colorNeutralForeground2 },
  sortButton: { minWidth: 0, padding: '0 2px', fontWeight: tokens.fontWeightSemibold },
  number: { textAlign: 'right' },
  errorCell: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  fileButton: { minWidth: 0, padding: 0, textAlign: 'left', justifyContent: 'flex-start', height: 'auto' },
});

const COLUMNS: SummaryColumn[] = ['file', 'sheet', 'project', 'rate', 'fundScore', 'total', 'grade', 'errors', 'warnings', 'infos', 'note'];

function fromFile(file: File, name = file.webkitRelativePath || file.name): BatchInput {
  return { name, size: file.size, bytes: () => file.arrayBuffer() };
}

/** Every file under what was dropped, folders walked (FileSystemDirectoryReader gives entries in batches). */
async function droppedInputs(data: DataTransfer): Promise<BatchInput[]> {
  // The item list is only valid during the drop event: take the entries before awaiting.
  const entries = [...data.items].map((i) => i.webkitGetAsEntry?.() ?? null).filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0) return [...data.files].map((f) => fromFile(f));
  const out: BatchInput[] = [];
  const visit = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push(fromFile(file, `${prefix}${entry.name}`));
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await visit(child, `${prefix}${entry.name}/`);
      }
    }
  };
  for (const entry of entries) await visit(entry, '');
  return out;
}

/**
 * The preview page's batch tool: pick or drop many files or a folder, check each in the
 * engine's Web Worker with a progress bar, see one summary row per form, sort it, open a
 * file in the single-file view, and download the 汇总表 and the annotated copies.
 */
export function BatchView(props: {
  lang: Lang;
  profile: string;
  hidden: boolean;
  onOpen: (result: BatchResult) => void;
  onClose: () => void;
}) {
  const { lang, profile, hidden, onOpen, onClose } = props;
  const t = BATCH_MESSAGES[lang];
  const styles = useStyles();
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [results, setResults] = useState<BatchResult[]>([]);
  const [progress, setProgress] = useState<{ text: string; value: number } | null>(null);
  const [controller, setController] = useState<AbortController | null>(null);
  const [notice, setNotice] = useState<{ intent: 'info' | 'error' | 'warning'; text: string } | null>(null);
  const [sort, setSort] = useState<{ column: SummaryColumn; descending: boolean } | null>(null);
  const [dragging, setDragging] = useState(false);
  const busy = progress !== null;

  const rows = useMemo(() => summaryRows(results), [results]);
  const shown = useMemo(() => (sort ? sortRows(rows, sort.column, sort.descending) : rows), [rows, sort]);

  async function checkAll(inputs: BatchInput[]) {
    if (busy) return;
    if (inputs.length === 0) {
      setNotice({ intent: 'warning', text: t.noFiles });
      return;
    }
    const { toCheck, skipped } = sortInputs(inputs);
    const stop = new AbortController();
    setController(stop);
    setNotice(null);
    setResults([]);
    setSort(null);
    const done: BatchResult[] = [];
    try {
      for (const [i, input] of toCheck.entries()) {
        if (stop.signal.aborted) break;
        setProgress({ text: t.checking(i, toCheck.length, input.name), value: i / toCheck.length });
        try {
          const { grids, warnings } = await readBatchFile(input.name, await input.bytes());
          const outcome = await checkOffThread(grids, profile, () => undefined, stop.signal, input.name);
          done.push({ input, report: outcome.report, outcome, warnings });
        } catch (e) {
          if (e instanceof CheckCancelled) break;
          // One bad file never stops the batch: it becomes a row with its reason.
          const error = e instanceof Error ? e.message : String(e);
          done.push({ input, report: { path: input.name, error, forms: [], findings: [] }, outcome: null, warnings: [] });
        }
      }
      if (stop.signal.aborted) setNotice({ intent: 'info', text: t.cancelled(done.length) });
      setResults([...done, ...skipped]);
    } finally {
      setProgress(null);
      setController(null);
    }
  }

  const picked = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    void checkAll(files.map((f) => fromFile(f)));
  };

  const dropped = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    if (busy) return;
    void droppedInputs(e.dataTransfer).then(checkAll);
  };

  async function saveSummary() {
    setProgress({ text: t.downloadSummary, value: 0 });
    try {
      download(await summaryBytes(results), t.summaryName, XLSX_TYPE);
    } catch (e) {
      setNotice({ intent: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setProgress(null);
    }
  }

  async function saveZip() {
    setProgress({ text: t.zipping(0, 1), value: 0 });
    try {
      const zip = await copiesZip(results, (done, total) => setProgress({ text: t.zipping(done, total), value: total ? done / total : 1 }));
      download(zip, t.zipName, 'application/zip');
    } catch (e) {
      setNotice({ intent: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setProgress(null);
    }
  }

  const sortBy = (column: SummaryColumn) =>
    setSort((s) => ({ column, descending: s?.column === column ? !s.descending : false }));

  const ariaSort = (column: SummaryColumn) =>
    sort?.column !== column ? undefined : sort.descending ? ('descending' as const) : ('ascending' as const);

  const forms = results.reduce((n, r) => n + r.report.forms.length, 0);
  const errors = rows.reduce((n, r) => n + r.errors, 0);
  const unreadable = results.filter((r) => r.report.error !== undefined).length;
  const skippedResults = results.filter((r) => r.report.skipped !== undefined);
  const checkedAny = results.some((r) => r.outcome !== null);

  return (
    <main className={styles.page} hidden={hidden} style={hidden ? { display: 'none' } : undefined} aria-labelledby="batch-title">
      <header className={styles.header}>
        <h1 id="batch-title" className={styles.title}>
          {t.title}
        </h1>
        <Button size="small" onClick={onClose} disabled={busy}>
          {t.back}
        </Button>
      </header>
      <Text block>{t.intro}</Text>
      <div
        className={`${styles.drop} ${dragging ? styles.dropActive : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={dropped}
        data-testid="batch-drop"
      >
        <div className={styles.row}>
          <input ref={filesInput} type="file" multiple accept={BATCH_ACCEPT} onChange={picked} hidden aria-label={t.pickFiles} />
          <input
            ref={folderInput}
            type="file"
            multiple
            onChange={picked}
            hidden
            aria-label={t.pickFolder}
            {...{ webkitdirectory: '', directory: '' }}
          />
          <Button appearance="primary" onClick={() => filesInput.current?.click()} disabled={busy}>
            {t.pickFiles}
          </Button>
          <Button onClick={() => folderInput.current?.click()} disabled={busy}>
            {t.pickFolder}
          </Button>
          <Text>{t.dropZone}</Text>
        </div>
      </div>

      {progress ? (
        <ProgressRow
          className={styles.progress}
          text={progress.text}
          label={t.progressLabel}
          value={progress.value}
          onCancel={controller ? () => controller.abort() : undefined}
          cancelLabel={t.cancel}
        />
      ) : null}

      {notice ? (
        <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      ) : null}

      {results.length > 0 ? (
        <>
          <Text block role="status" data-testid="batch-summary">
            {t.summary(results.length, forms, errors, unreadable, skippedResults.length)}
          </Text>
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void saveSummary()} disabled={busy}>
              {t.downloadSummary}
            </Button>
            <Button onClick={() => void saveZip()} disabled={busy || !checkedAny}>
              {t.downloadZip}
            </Button>
          </div>
          <div className={styles.tableWrap}>
            <table className={styles.table} data-testid="batch-table">
              <caption className={styles.caption}>{t.tableCaption}</caption>
              <thead>
                <tr>
                  {COLUMNS.map((c) => (
                    <th key={c} scope="col" aria-sort={ariaSort(c)}>
                      <Button appearance="subtle" size="small" className={styles.sortButton} onClick={() => sortBy(c)}>
                        {t.columns[c]}
                        {sort?.column === c ? (sort.descending ? ' ▼' : ' ▲') : ''}
                      </Button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.key} onClick={r.result.outcome ? () => onOpen(r.result) : undefined}>
                    <th scope="row">
                      {r.result.outcome ? (
                        <Button
                          appearance="transparent"
                          size="small"
                          className={styles.fileButton}
                          aria-label={t.openForm(r.file, r.sheet)}
                          onClick={(e) => {
                            e.stopPropagation();
                            onOpen(r.result);
                          }}
                        >
                          {r.file}
                        </Button>
                      ) : (
                        r.file
                      )}
                    </th>
                    <td>{r.sheet}</td>
                    <td>{r.project}</td>
                    <td className={styles.number}>{r.rate ?? ''}</td>
                    <td className={styles.number}>{r.fundScore ?? ''}</td>
                    <td className={styles.number}>{r.total ?? ''}</td>
                    <td>{r.grade}</td>
                    {(['errors', 'warnings', 'infos'] as const).map((c) => (
                      <td key={c} className={`${styles.number} ${c === 'errors' && r.errors > 0 ? styles.errorCell : ''}`}>
                        {r[c]}
                      </td>
                    ))}
                    <td>{r.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {skippedResults.length > 0 ? (
            <section aria-labelledby="batch-skipped">
              <h2 id="batch-skipped" className={styles.title}>
                {t.skippedTitle}
              </h2>
              <ul>
                {skippedResults.map((r) => (
                  <li key={r.input.name}>
                    {r.input.name}：{r.report.skipped}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </main>
  );
}
