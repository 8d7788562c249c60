import {
  Button,
  Field,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Text,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { ChangeEvent, useRef, useState } from 'react';
import { reportRows } from '../core/annotations';
import { Finding } from '../core/findings';
import { PROFILES } from '../core/profiles';
import { Host, HostError } from '../hosts/host';
import { createPreviewHost, PreviewHost } from '../hosts/preview';
import { gridsFromFile } from '../hosts/preview/loadFile';
import { FindingList } from './FindingList';
import { GridView } from './GridView';
import { Lang, langFor, MESSAGES } from './i18n';
import { PickedHost } from './pickHost';
import { CheckRun, Progress, runCheck } from './runCheck';

const useStyles = makeStyles({
  root: { padding: '12px', minHeight: '100vh', boxSizing: 'border-box', backgroundColor: tokens.colorNeutralBackground1 },
  fileRow: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap', marginTop: '6px' },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: '8px', gap: '8px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: '6px', margin: '8px 0' },
  block: { margin: '8px 0' },
});

type Notice = { intent: 'success' | 'warning' | 'error' | 'info'; text: string };

/** The task pane: check, mark, clear and report, over whichever Host is running it. */
export function App(props: { picked: PickedHost }) {
  const { picked } = props;
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(langFor(picked.displayLanguage));
  const t = MESSAGES[lang];
  const [host, setHost] = useState<Host | null>(picked.host);
  const [profile, setProfile] = useState('auto');
  const [busy, setBusy] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [run, setRun] = useState<CheckRun | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);

  /** One user action at a time; any failure becomes a plain-language message. */
  async function act(label: string, action: () => Promise<Notice | null>) {
    if (busy) return;
    setBusy(label);
    setNotice(null);
    try {
      setNotice(await action());
    } catch (e) {
      const text = e instanceof HostError ? e.message : `${t.unexpected}${e instanceof Error ? e.message : String(e)}`;
      setNotice({ intent: 'error', text });
    } finally {
      setBusy(null);
    }
  }

  const progressText = (p: Progress) => (p.phase === 'read' ? t.reading(p.done, p.total) : t.checking(p.done, p.total));

  const check = (scope: 'sheet' | 'workbook') =>
    act(t.working, async () => {
      if (!host) return null;
      const { names, active } = await host.sheets();
      const sheets = scope === 'sheet' ? [active] : names;
      const done = await runCheck(host, sheets, profile, (p) => setBusy(progressText(p)));
      setRun(done);
      const { forms, findings } = done.result;
      if (forms.length === 0) return { intent: 'warning', text: t.noForms };
      return findings.length === 0 ? { intent: 'success', text: t.noProblems(forms.length) } : null;
    });

  const annotate = () =>
    act(t.working, async () => {
      if (!host || !run) return null;
      const out = await host.annotate(run.result.findings);
      const done = out.notes ? { intent: 'success' as const, text: t.annotated(out.cells) } : { intent: 'warning' as const, text: t.annotatedNoNotes(out.cells) };
      return out.officeJsOutdated ? { intent: 'warning', text: `${done.text}${t.officeJsOutdated}` } : done;
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
      await host.writeReport(reportRows(run.result.findings, run.projects));
      return { intent: 'success', text: t.reported };
    });

  const select = (f: Finding) => act(t.working, async () => (host ? (await host.select(f.sheet, f.cell), null) : null));

  const openFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    void act(t.working, async () => {
      const grids = await gridsFromFile(file.name, await file.arrayBuffer());
      setHost(createPreviewHost(grids));
      setRun(null);
      setFileName(file.name);
      return null;
    });
  };

  const cellFindings = run ? run.result.findings.filter((f) => f.form !== null) : [];
  const hasForms = run !== null && run.result.forms.length > 0;

  return (
    <FluentProvider theme={picked.dark ? webDarkTheme : webLightTheme} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <main className={styles.root}>
        <div className={styles.header}>
          <Text as="h1" size={500} weight="semibold">
            {t.appTitle}
          </Text>
          <Button size="small" appearance="subtle" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t.language}
          </Button>
        </div>

        {picked.kind === 'preview' ? (
          <div className={styles.block}>
            <Text block>{t.previewHint}</Text>
            {/* The browser's own file button speaks the browser's language; ours follows the pane. */}
            <input
              ref={fileInput}
              type="file"
              accept=".xlsx,.tsv,.txt"
              onChange={openFile}
              disabled={busy !== null}
              hidden
              aria-label={t.openFile}
            />
            <div className={styles.fileRow}>
              <Button onClick={() => fileInput.current?.click()} disabled={busy !== null}>
                {t.openFile}
              </Button>
              {fileName ? <Text size={200}>{t.opened(fileName)}</Text> : null}
            </div>
          </div>
        ) : null}

        <Field label={t.profile} className={styles.block}>
          <Select value={profile} onChange={(_, d) => setProfile(d.value)}>
            <option value="auto">{t.profileAuto}</option>
            {PROFILES.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>

        <div className={styles.actions}>
          <Button appearance="primary" disabled={!host || busy !== null} onClick={() => check('sheet')}>
            {t.checkSheet}
          </Button>
          <Button disabled={!host || busy !== null} onClick={() => check('workbook')}>
            {t.checkWorkbook}
          </Button>
        </div>
        <div className={styles.actions}>
          <Button disabled={!hasForms || cellFindings.length === 0 || busy !== null} onClick={annotate}>
            {t.annotate}
          </Button>
          <Button disabled={!host || busy !== null} onClick={clear}>
            {t.clear}
          </Button>
          <Button disabled={!hasForms || busy !== null} onClick={report}>
            {t.report}
          </Button>
        </div>

        {busy ? <ProgressBar aria-label={busy} /> : null}
        {busy ? <Text size={200}>{busy}</Text> : null}

        {notice ? (
          <MessageBar intent={notice.intent} className={styles.block} role={notice.intent === 'error' ? 'alert' : 'status'}>
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        ) : null}

        {run && hasForms ? (
          <div className={styles.block}>
            <Text block size={200}>
              {t.profileChosen}
              {run.result.profile.reason}
            </Text>
            <Text block weight="semibold">
              {t.summary(run.result.forms.length, cellFindings.length)}
            </Text>
          </div>
        ) : null}

        {!run && !busy ? (
          <div className={styles.block}>
            <Text block weight="semibold">
              {t.emptyTitle}
            </Text>
            <Text block>{picked.kind === 'preview' && !host ? t.previewHint : t.emptyHint}</Text>
          </div>
        ) : null}

        {run && cellFindings.length > 0 ? <FindingList findings={cellFindings} projects={run.projects} t={t} onSelect={select} /> : null}

        {host && host.kind === 'preview' ? <GridView host={host as PreviewHost} label={t.gridLabel} /> : null}
      </main>
    </FluentProvider>
  );
}
