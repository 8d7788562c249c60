import {
  Button,
  Field,
  FluentProvider,
  makeStyles,
  Menu,
  MenuButton,
  MenuButtonProps,
  MenuDivider,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  SplitButton,
  Text,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { ChangeEvent, lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { reportRows } from '../core/annotations';
import { Grid } from '../core/grid';
import { PROFILES } from '../core/profiles';
import { Host, HostError } from '../hosts/host';
import { createPreviewHost, PreviewHost } from '../hosts/preview';
import { gridsFromFile } from '../hosts/preview/loadFile';
import type { BatchResult } from './batch';
import { BATCH_MESSAGES } from './batchMessages';
import { download, XLSX_TYPE } from './download';
import { FindingList } from './FindingList';
import { GridView } from './GridView';
import { Lang, langFor, MESSAGES } from './i18n';
import { PickedHost } from './pickHost';
import { ProgressRow } from './ProgressRow';
import { severityAccents } from './severity';
import type { ChangeRequest, PlannedChange } from './planChange';
import { CheckCancelled, CheckOutcome, PaneFinding, planOffThread, Progress, runCheck } from './runCheck';

const useStyles = makeStyles({
  // In the preview at desktop widths the grid sits beside the pane, each scrolling on its own.
  page: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    '@media (min-width: 720px)': {
      display: 'grid',
      gridTemplateColumns: 'minmax(320px, 400px) minmax(0, 1fr)',
      alignItems: 'start',
    },
  },
  pane: { padding: '8px 12px 12px', minWidth: 0 },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: '8px', marginBottom: '6px' },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    minWidth: 0,
  },
  fileRow: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap', marginTop: '6px' },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '6px', margin: '4px 0' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '6px', margin: '8px 0' },
  block: { margin: '8px 0' },
  opened: { overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
  progress: { margin: '6px 0' },
  grid: {
    padding: '0 12px 12px',
    '@media (min-width: 720px)': {
      position: 'sticky',
      top: 0,
      padding: '8px 12px 8px 0',
      height: '100vh',
      boxSizing: 'border-box',
    },
  },
  rule: { display: 'block', color: tokens.colorNeutralForeground2, margin: '4px 0' },
});

// The batch tool (preview page only) and its readers and writers load when first opened,
// so the task pane inside Excel or WPS never downloads them.
const BatchView = lazy(() => import(/* webpackChunkName: "batch" */ './BatchView.js').then((m) => ({ default: m.BatchView })));

type Notice = { intent: 'success' | 'warning' | 'error' | 'info'; text: string };
type Scope = 'sheet' | 'workbook';
/** The file open in the preview, as read: its corrected copy is made from these, never from the file again. */
type OpenedFile = { name: string; data: ArrayBuffer; grids: Grid[] };

/** The task pane: check, mark, clear and report, over whichever Host is running it. */
export function App(props: { picked: PickedHost }) {
  const { picked } = props;
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(langFor(picked.displayLanguage));
  const t = MESSAGES[lang];
  const [host, setHost] = useState<Host | null>(picked.host);
  const [profile, setProfile] = useState('auto');
  const [busy, setBusy] = useState<string | null>(null);
  const [checking, setChecking] = useState<AbortController | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [run, setRun] = useState<CheckOutcome | null>(null);
  /** The grids the last check read: changes are worked out on what the user saw. */
  const [checked, setChecked] = useState<Grid[]>([]);
  /** Cells PerfCheck changed that 撤销改正 would restore, as the host last said. */
  const [pending, setPending] = useState(0);
  const [scope, setScope] = useState<Scope>('sheet');
  const [selected, setSelected] = useState<number | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [opened, setOpened] = useState<OpenedFile | null>(null);
  const fileName = opened?.name ?? null;
  const isPreview = picked.kind === 'preview';
  // The preview page's batch tool: closed, shown, or kept (hidden) while one of its files is open here.
  const [batch, setBatch] = useState<'closed' | 'open' | 'viewing'>('closed');
  const tb = BATCH_MESSAGES[lang];

  /** Any failure as a plain-language message. */
  const failure = (e: unknown): Notice => {
    if (e instanceof CheckCancelled) return { intent: 'info', text: t.cancelled };
    const text = e instanceof HostError ? e.message : `${t.unexpected}${e instanceof Error ? e.message : String(e)}`;
    return { intent: 'error', text };
  };

  /** One user action at a time; its outcome replaces the last notice. */
  async function act(label: string, action: () => Promise<Notice | null>) {
    if (busy) return;
    setBusy(label);
    setNotice(null);
    try {
      setNotice(await action());
    } catch (e) {
      setNotice(failure(e));
    } finally {
      setBusy(null);
      setChecking(null);
    }
  }

  const progressText = (p: Progress) => (p.phase === 'read' ? t.reading(p.done, p.total) : t.checking(p.done, p.total));

  // 撤销改正 is offered while the workbook holds changes PerfCheck made: asked on start,
  // after every check and every change (the record lives in the workbook, so it outlives the pane).
  const refreshPending = useCallback(
    (of: Host | null) =>
      of
        ? of.pendingChanges().then(setPending, () => setPending(0))
        : Promise.resolve(setPending(0)),
    [],
  );
  useEffect(() => void refreshPending(host), [host, refreshPending]);

  /** Checks and shows the findings; `signal` stops it. Gives the notice to show, if any. */
  async function checkNow(what: Scope, rules: string, signal: AbortSignal): Promise<Notice | null> {
    if (!host) return null;
    setScope(what);
    const { names, active } = await host.sheets();
    const sheets = what === 'sheet' ? [active] : names;
    const { outcome: done, grids } = await runCheck(host, sheets, rules, (p) => setBusy(progressText(p)), signal);
    setRun(done);
    setChecked(grids);
    setSelected(null);
    await refreshPending(host);
    if (done.formCount === 0) return { intent: 'warning', text: t.noForms };
    return done.findings.length === 0 ? { intent: 'success', text: t.noProblems(done.formCount) } : null;
  }

  const check = (what: Scope, rules = profile) =>
    act(t.working, async () => {
      const controller = new AbortController();
      setChecking(controller);
      return checkNow(what, rules, controller.signal);
    });

  /**
   * One change to the workbook: work it out (cancellable), have the host make it (all or
   * nothing), then check again so the list shows what is left, and say what changed.
   */
  const change = (plan: (signal: AbortSignal) => Promise<PlannedChange | Notice>, said: (p: PlannedChange) => string) =>
    act(t.working, async () => {
      if (!host) return null;
      const controller = new AbortController();
      setChecking(controller);
      try {
        const worked = await plan(controller.signal);
        if (!('writes' in worked)) return worked;
        setChecking(null);
        await host.applyChanges({ writes: worked.writes, rules: worked.rules, shown: worked.shown });
        return await checkAfter(`${said(worked)}${isPreview ? t.copyHint : ''}`);
      } finally {
        await refreshPending(host);
      }
    });

  /**
   * The check after a change, so the list shows what is left. The change is made: this
   * check is not offered for cancelling, and its failure does not hide what was changed.
   */
  async function checkAfter(changed: string): Promise<Notice> {
    try {
      const after = await checkNow(scope, profile, new AbortController().signal);
      return after?.intent === 'warning' ? { intent: 'warning', text: `${changed}${after.text}` } : { intent: 'success', text: changed };
    } catch (e) {
      return { intent: 'warning', text: `${changed}${failure(e).text}` };
    }
  }

  /** The rule the last check followed, so that fixes and formulas follow it too. */
  const ruleOfRun = () => run?.rule.id ?? (profile === 'auto' ? 'national' : profile);

  const changeList = (p: PlannedChange) =>
    t.changeList(p.cells.map((c) => ({ at: `${c.sheet}!${c.cell}`, before: c.before, after: c.after })));

  const planned = (request: ChangeRequest, empty: string) => async (signal: AbortSignal) => {
    const p = await planOffThread(request, signal);
    return p.writes.length === 0 && p.rules.length === 0 ? ({ intent: 'info', text: empty } as Notice) : p;
  };

  const fixOne = (f: PaneFinding) =>
    change(planned({ task: 'fix', grids: checked, sheet: f.sheet, fix: f.fix! }, t.nothingToFix), (p) =>
      t.fixed(p.writes.length, changeList(p)),
    );

  const fixAll = (form: string | null) =>
    change(planned({ task: 'fixAll', grids: checked, profile: ruleOfRun(), form }, t.nothingToFix), (p) =>
      t.fixed(p.writes.length, changeList(p)),
    );

  const toFormulas = (perf: boolean) =>
    change(planned({ task: 'formulas', grids: checked, profile: ruleOfRun(), perf }, t.noFormulas), (p) =>
      `${t.formulated(p.writes.length, p.rules.length)}${perf ? t.formulatedPerf : ''}`,
    );

  /** 插入空白自评表 at the active cell, refused (nothing written) unless the area it needs is blank. */
  const insertBlank = () =>
    change(
      async (signal) => {
        const at = await host!.activeCell();
        const grids = await host!.readSheets([at.sheet]);
        // The workbook's own rounding when it has been checked: the new form matches the others.
        const rules = ruleOfRun();
        const p = await planOffThread({ task: 'blank', grids, sheet: at.sheet, anchor: at.cell, profile: rules, perf: false }, signal);
        if (p.occupied && p.occupied.length > 0)
          return { intent: 'error', text: t.blankOccupied(`${at.sheet}!${at.cell}`, p.area!, p.occupied) } as Notice;
        return p;
      },
      (p) => t.blankInserted(`${p.writes[0]?.sheet ?? ''}!${p.area}`, p.writes.length, p.rules.length),
    );

  const undo = () =>
    act(t.working, async () => {
      if (!host) return null;
      try {
        const n = await host.undoChanges();
        if (n === 0) return { intent: 'info', text: t.nothingToUndo };
        return await checkAfter(t.undone(n));
      } finally {
        await refreshPending(host);
      }
    });

  /** 下载改正后的副本 (preview): the opened file with the changes in force; the file itself is untouched. */
  const downloadCopy = () =>
    act(t.working, async () => {
      if (!host || host.kind !== 'preview' || !opened) return null;
      const { changes, rules } = (host as PreviewHost).changesInForce();
      if (changes.length === 0 && rules.length === 0) return { intent: 'info', text: t.nothingToDownload };
      const { correctedCopy, correctedCopyName } = await import(/* webpackChunkName: "batch" */ './correctedCopy.js');
      const name = correctedCopyName(opened.name);
      let bytes: Uint8Array;
      try {
        bytes = await correctedCopy({ ...opened, changes, rules });
      } catch (e) {
        return { intent: 'error', text: t.copyFailed(e instanceof Error ? e.message : String(e)) };
      }
      download(bytes, name, XLSX_TYPE);
      return { intent: 'success', text: t.copyDownloaded(name, changes.length) };
    });

  const chooseRule = (id: string) => {
    setProfile(id);
    if (run) void check(scope, id);
  };

  const annotate = () =>
    act(t.working, async () => {
      if (!host || !run) return null;
      const out = await host.annotate(run.findings);
      const done = out.notes
        ? { intent: 'success' as const, text: t.annotated(out.cells) }
        : { intent: 'warning' as const, text: t.annotatedNoNotes(out.cells) };
      return out.officeJsOutdated ? { intent: 'warning' as const, text: `${done.text}${t.officeJsOutdated}` } : done;
    });

  const clear = () =>
    act(t.working, async () => {
      if (!host) return null;
      const n = await host.clearAnnotations();
      return { intent: 'success', text: n > 0 ? t.cleared(n) : t.nothingToClear };
    });

  const report = () =>
    act(t.working, async () => {
      if (!host || !run) return null;
      await host.writeReport(reportRows(run.findings, run.projects));
      return { intent: 'success', text: host.kind === 'preview' ? t.reportedPreview : t.reported };
    });

  // Going to a cell is not an action with an outcome: the notice above stays, so the
  // list does not shift under the pointer; only a failure is said.
  const select = (f: PaneFinding, index: number) => {
    setSelected(index);
    if (host && !busy) host.select(f.sheet, f.cell).catch((e: unknown) => setNotice(failure(e)));
  };

  const openFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    void act(t.working, async () => {
      const data = await file.arrayBuffer();
      const grids = await gridsFromFile(file.name, data);
      setHost(createPreviewHost(grids));
      setRun(null);
      setChecked([]);
      setOpened({ name: file.name, data, grids });
      return null;
    });
  };

  // A file of the batch opens in this view with the findings the batch already has.
  const openFromBatch = (r: BatchResult) =>
    void act(t.working, async () => {
      const { readBatchFile } = await import(/* webpackChunkName: "batch" */ './batch.js');
      const data = await r.input.bytes();
      const { grids } = await readBatchFile(r.input.name, data);
      setHost(createPreviewHost(grids));
      setRun(r.outcome);
      // The batch checked every sheet of these grids: 改正 works on them.
      setChecked(grids);
      setScope('workbook');
      setSelected(null);
      setOpened({ name: r.input.name, data, grids });
      setBatch('viewing');
      return null;
    });

  const cellFindings = run ? run.findings.filter((f) => f.form !== null) : [];
  const fixable = cellFindings.some((f) => f.fix);
  const hasForms = run !== null && run.formCount > 0;
  const idle = busy === null;
  const profileName = (id: string, name: string) => t.profileName(id, name);

  // The browser's own file button speaks the browser's language; ours follows the pane.
  const fileButton = isPreview ? (
    <>
      <input
        ref={fileInput}
        type="file"
        accept=".xlsx,.tsv,.txt"
        onChange={openFile}
        disabled={!idle}
        hidden
        aria-label={t.openFile}
      />
      <Button size={run ? 'small' : 'medium'} onClick={() => fileInput.current?.click()} disabled={!idle}>
        {t.openFile}
      </Button>
      <Button size={run ? 'small' : 'medium'} onClick={() => setBatch('open')} disabled={!idle}>
        {tb.openBatch}
      </Button>
    </>
  ) : null;

  const toolbar = (
    <div className={styles.toolbar}>
      <Menu positioning="below-start">
        <MenuTrigger disableButtonEnhancement>
          {(trigger: MenuButtonProps) => (
            <SplitButton
              size="small"
              appearance="primary"
              disabled={!host || !idle}
              menuButton={{ ...trigger, 'aria-label': t.scopeMenu }}
              primaryActionButton={{
                onClick: () => void check(scope),
                'aria-label': t.checkScope(scope === 'sheet' ? t.scopeSheet : t.scopeWorkbook),
              }}
            >
              {t.check}
            </SplitButton>
          )}
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem onClick={() => void check('sheet')}>{t.scopeSheet}</MenuItem>
            <MenuItem onClick={() => void check('workbook')}>{t.scopeWorkbook}</MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      <Menu positioning="below-start">
        <MenuTrigger disableButtonEnhancement>
          <MenuButton size="small" disabled={!idle}>
            {t.more}
          </MenuButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem disabled={!hasForms || cellFindings.length === 0} onClick={() => void annotate()}>
              {t.annotate}
            </MenuItem>
            <MenuItem disabled={!host} onClick={() => void clear()}>
              {t.clear}
            </MenuItem>
            <MenuItem disabled={!hasForms} onClick={() => void report()}>
              {t.report}
            </MenuItem>
            <MenuDivider />
            <Menu>
              <MenuTrigger disableButtonEnhancement>
                <MenuItem disabled={!hasForms}>{t.toFormulas}</MenuItem>
              </MenuTrigger>
              <MenuPopover>
                <MenuList>
                  <MenuItem onClick={() => void toFormulas(false)}>{t.formulasPlain}</MenuItem>
                  <MenuItem onClick={() => void toFormulas(true)}>{t.formulasPerf}</MenuItem>
                </MenuList>
              </MenuPopover>
            </Menu>
            <MenuItem disabled={!host} onClick={() => void insertBlank()}>
              {t.insertBlank}
            </MenuItem>
            {isPreview ? (
              <MenuItem disabled={pending === 0} onClick={() => void downloadCopy()}>
                {t.downloadCopy}
              </MenuItem>
            ) : null}
            <MenuDivider />
            <Menu
              checkedValues={{ rule: [profile] }}
              onCheckedValueChange={(_, d) => chooseRule(d.checkedItems[0] ?? 'auto')}
            >
              <MenuTrigger disableButtonEnhancement>
                <MenuItem>{t.rules}</MenuItem>
              </MenuTrigger>
              <MenuPopover>
                <MenuList>
                  <MenuItemRadio name="rule" value="auto">
                    {t.profileAuto}
                  </MenuItemRadio>
                  {PROFILES.map((p) => (
                    <MenuItemRadio key={p.id} name="rule" value={p.id}>
                      {profileName(p.id, p.name)}
                    </MenuItemRadio>
                  ))}
                </MenuList>
              </MenuPopover>
            </Menu>
          </MenuList>
        </MenuPopover>
      </Menu>
      <Button size="small" disabled={!idle || !fixable} onClick={() => void fixAll(null)} aria-label={t.fixAllWorkbook}>
        {t.fixAll}
      </Button>
      <Button size="small" disabled={!idle || pending === 0} onClick={() => void undo()}>
        {t.undoChanges}
      </Button>
      {fileButton}
    </div>
  );

  const setup = (
    <>
      {isPreview ? (
        <div className={styles.block}>
          <Text block>{t.previewHint}</Text>
          <div className={styles.fileRow}>
            {fileButton}
            {fileName ? (
              <Text size={200} className={styles.opened}>
                {t.opened(fileName)}
              </Text>
            ) : null}
          </div>
        </div>
      ) : null}
      <Field label={t.profile} className={styles.block}>
        <Select value={profile} onChange={(_, d) => setProfile(d.value)}>
          <option value="auto">{t.profileAuto}</option>
          {PROFILES.map((p) => (
            <option key={p.id} value={p.id}>
              {profileName(p.id, p.name)}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!host || !idle} onClick={() => void check('sheet')}>
          {t.checkSheet}
        </Button>
        <Button disabled={!host || !idle} onClick={() => void check('workbook')}>
          {t.checkWorkbook}
        </Button>
      </div>
      <div className={styles.actions}>
        <Button size="small" disabled={!host || !idle} onClick={() => void insertBlank()}>
          {t.insertBlank}
        </Button>
        {pending > 0 ? (
          <Button size="small" disabled={!idle} onClick={() => void undo()}>
            {t.undoChanges}
          </Button>
        ) : null}
      </div>
    </>
  );

  return (
    <FluentProvider theme={picked.dark ? webDarkTheme : webLightTheme} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      {batch !== 'closed' ? (
        <Suspense fallback={<ProgressBar aria-label={t.working} />}>
          <BatchView
            lang={lang}
            profile={profile}
            hidden={batch === 'viewing'}
            onOpen={openFromBatch}
            onClose={() => setBatch('closed')}
          />
        </Suspense>
      ) : null}
      <div className={styles.page} style={{ ...severityAccents(picked.dark), ...(batch === 'open' ? { display: 'none' } : {}) }}>
        <main className={styles.pane}>
          <header className={styles.header}>
            <h1 className={styles.title}>{t.appTitle}</h1>
            {batch === 'viewing' ? (
              <Button size="small" onClick={() => setBatch('open')} disabled={!idle}>
                {tb.backToBatch}
              </Button>
            ) : null}
            <Button
              size="small"
              appearance="subtle"
              onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
              lang={lang === 'zh' ? 'en' : 'zh-CN'}
            >
              {t.language}
            </Button>
          </header>

          {run ? toolbar : setup}
          {run && isPreview && fileName ? (
            <Text size={200} block className={styles.opened}>
              {t.opened(fileName)}
            </Text>
          ) : null}

          {busy ? (
            <ProgressRow
              className={styles.progress}
              text={busy}
              label={busy}
              onCancel={checking ? () => checking.abort() : undefined}
              cancelLabel={t.cancel}
            />
          ) : null}

          {notice ? (
            <MessageBar
              intent={notice.intent}
              className={styles.block}
              role={notice.intent === 'error' ? 'alert' : 'status'}
            >
              <MessageBarBody>{notice.text}</MessageBarBody>
            </MessageBar>
          ) : null}

          {run && hasForms && cellFindings.length === 0 ? (
            <Text size={200} className={styles.rule}>
              {t.rule(run.rule)}
            </Text>
          ) : null}

          {!run && !busy ? (
            <div className={styles.block}>
              <Text block weight="semibold">
                {t.emptyTitle}
              </Text>
              {isPreview ? host ? <Text block>{t.emptyHintPreview}</Text> : null : <Text block>{t.emptyHint}</Text>}
            </div>
          ) : null}

          {run && cellFindings.length > 0 ? (
            <FindingList
              findings={cellFindings}
              projects={run.projects}
              summary={t.summary(run.formCount, cellFindings.length)}
              rule={t.rule(run.rule)}
              t={t}
              selected={selected}
              onSelect={select}
              idle={idle}
              onFix={(f) => void fixOne(f)}
              onFixForm={(form) => void fixAll(form)}
            />
          ) : null}
        </main>
        {host && host.kind === 'preview' ? (
          <div className={styles.grid}>
            <GridView
              host={host as PreviewHost}
              label={t.gridLabel}
              tabsLabel={t.sheetTabs}
              regionLabel={t.gridRegion}
            />
          </div>
        ) : null}
      </div>
    </FluentProvider>
  );
}
