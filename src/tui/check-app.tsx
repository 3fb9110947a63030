import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Box, useApp, useInput, useStdin, type Key } from 'ink';
import type { Lang } from '../i18n/lang.js';
import type { Report } from '../report/report-types.js';
import { fill, labels, SEVERITY_SYMBOL } from '../report/labels.js';
import { clampPage, INITIAL_BROWSE_STATE, settle, type BrowseState } from './browse-state.js';
import { FindingDetail } from './finding-detail.js';
import { FindingList } from './finding-list.js';
import { handleKey } from './handle-key.js';
import { Header, HEADER_HEIGHT, headerHeight } from './header.js';
import { HelpView } from './help-view.js';
import { arrangeHints, KeyFooter, type KeyHint } from './key-footer.js';
import { listRows } from './list-rows.js';
import { LoadingView, type FileProgress } from './loading-view.js';
import { NotEvaluatedView } from './not-evaluated-view.js';
import { ScrollArea } from './scroll-area.js';
import { StatusLine } from './status-line.js';
import { tuiLabels, type TuiLabels } from './tui-labels.js';
import { useTerminalSize } from './use-terminal-size.js';
import { terminalSafe, terminalText } from '../util/terminal-text.js';

/** Reads the snapshot and evaluates it, reporting files as they are read (see run-tui.ts). */
export type LoadReport = (onProgress: (event: FileProgress) => void) => Promise<Report | undefined>;

/** The contract of `runInteractiveCheck`, plus what tests and the runner need. */
export interface CheckAppProps {
  readonly lang: Lang;
  readonly load: LoadReport;
  readonly exitCodeOf: (report: Report) => number;
  /** False under NO_COLOR: severities are then told by their symbols alone. */
  readonly color: boolean;
  /** Told the exit code when the app ends, before Ink unmounts. */
  readonly onQuit?: (exitCode: number) => void;
}

/** Exit code when the input was invalid, as the non-interactive check returns it. */
export const EXIT_INVALID = 2;
/** Exit code when the user quits before the report is ready: 128 + SIGINT, as shells say. */
export const EXIT_INTERRUPTED = 130;

type Phase = { readonly kind: 'loading'; readonly files: readonly FileProgress[] } | { readonly kind: 'ready'; readonly report: Report };

/** The one stateful component: loads the report, holds the state, applies keys, lays out the views. */
export function CheckApp({ lang, load, exitCodeOf, color, onQuit }: CheckAppProps) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const { columns, rows } = useTerminalSize();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading', files: [] });
  const [browse, setBrowse] = useState<BrowseState>(INITIAL_BROWSE_STATE);
  const [pageLines, setPageLines] = useState(0);

  const finish = (exitCode: number) => {
    onQuit?.(exitCode);
    exit(exitCode);
  };

  useEffect(() => {
    let active = true;
    const onProgress = (event: FileProgress) => {
      if (!active) return;
      const shown = { ...event, file: terminalText(event.file) };
      setPhase((current) => (current.kind === 'loading' ? { kind: 'loading', files: upsert(current.files, shown) } : current));
    };
    load(onProgress).then(
      (report) => {
        if (!active) return;
        // Every text node of the report is data: a user's name must not set the terminal's title.
        if (report) setPhase({ kind: 'ready', report: terminalSafe(report) });
        else finish(EXIT_INVALID);
      },
      (error: unknown) => {
        if (active) exit(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return () => {
      active = false;
    };
  }, []);

  const report = phase.kind === 'ready' ? phase.report : undefined;
  const tui = tuiLabels(lang);
  const footer = arrangeHints(hintsFor(phase.kind === 'loading' ? 'loading' : browse, tui), columns);
  // One line short of the terminal: a full-height frame makes Ink clear the screen each time.
  const bodyHeight = Math.max(3, rows - 1 - (report ? headerHeight(report) : HEADER_HEIGHT) - 1 - footer.length);
  const listRowsShown = useMemo(
    () => (report ? listRows(report.findings, browse, browse.grouping, lang) : []),
    [report, browse.hidden, browse.query, browse.grouping, lang],
  );
  const view = settle(browse, listRowsShown, bodyHeight);
  const pageTop = clampPage(view.pageTop, bodyHeight, pageLines);

  // Keys may come faster than React renders: each applies to the previous key's state, not the rendered one.
  const latestState = useRef<BrowseState>(browse);
  const onKey = (input: string, key: Key) => {
    if (!report) {
      if (input === 'q' || (key.ctrl && input === 'c')) finish(EXIT_INTERRUPTED);
      return;
    }
    const outcome = handleKey(latestState.current, input, key, { report, lang, listHeight: bodyHeight, pageHeight: bodyHeight, pageLines });
    if (outcome.quit) {
      finish(exitCodeOf(report));
      return;
    }
    // A page measures itself once shown; until then, the last page's length means nothing.
    if (outcome.state.screen !== latestState.current.screen) setPageLines(0);
    latestState.current = outcome.state;
    setBrowse(outcome.state);
  };
  // Ink subscribes in an effect, after the frame is shown: a key in between must see this render.
  const latestOnKey = useRef(onKey);
  latestOnKey.current = onKey;
  const onInput = useCallback((input: string, key: Key) => latestOnKey.current(input, key), []);
  useInput(onInput, { isActive: isRawModeSupported });

  // Without a keyboard (stdin not a terminal) the app cannot be browsed: show it once and end.
  useEffect(() => {
    if (report && !isRawModeSupported) finish(exitCodeOf(report));
  }, [report, isRawModeSupported]);

  if (!report) {
    const files = phase.kind === 'loading' ? phase.files : [];
    return (
      <Box flexDirection="column" width={columns} height={rows - 1}>
        <Box flexGrow={1}>
          <LoadingView files={files} lang={lang} width={columns} height={rows - 1 - footer.length} />
        </Box>
        <KeyFooter lines={footer} width={columns} />
      </Box>
    );
  }

  const findingRows = listRowsShown.filter((row) => row.kind === 'finding');
  const position = findingRows.findIndex((row) => row.index === view.selected) + 1;
  const selectedFinding = position > 0 && view.selected !== undefined ? report.findings[view.selected] : undefined;
  const linesText =
    pageLines > bodyHeight ? fill(tui.lines, { from: pageTop + 1, to: Math.min(pageLines, pageTop + bodyHeight), total: pageLines }) : undefined;

  let body;
  let status;
  if (view.screen === 'list' || !selectedFinding) {
    const empty = report.findings.length === 0 ? labels(lang).noFinding : tui.noMatch;
    body = (
      <FindingList
        rows={listRowsShown}
        top={view.listTop}
        height={bodyHeight}
        selected={view.selected}
        width={columns}
        lang={lang}
        color={color}
        emptyText={empty}
      />
    );
    status = view.searching ? (
      <StatusLine text={`${tui.searchPrompt}${terminalText(view.query)}`} width={columns} editing />
    ) : (
      <StatusLine text={filterSummary(view, findingRows.length, report.findings.length, tui)} position={position > 0 ? `${position}/${findingRows.length}` : undefined} width={columns} />
    );
  } else {
    const page =
      view.screen === 'detail' ? (
        <FindingDetail finding={selectedFinding} lang={lang} color={color} width={columns} />
      ) : view.screen === 'notEvaluated' ? (
        <NotEvaluatedView rules={report.rules} lang={lang} width={columns} />
      ) : (
        <HelpView lang={lang} color={color} width={columns} />
      );
    body = (
      <ScrollArea height={bodyHeight} width={columns} top={pageTop} onMeasure={setPageLines}>
        {page}
      </ScrollArea>
    );
    const where = view.screen === 'detail' ? fill(tui.position, { n: position, total: findingRows.length }) : '';
    status = <StatusLine text={where} position={linesText} width={columns} />;
  }

  return (
    <Box flexDirection="column" width={columns}>
      <Header report={report} lang={lang} width={columns} color={color} />
      {body}
      {status}
      <KeyFooter lines={footer} width={columns} />
    </Box>
  );
}

/** A file's progress replaces its previous event; new files go last, in reading order. */
function upsert(files: readonly FileProgress[], event: FileProgress): FileProgress[] {
  const index = files.findIndex((file) => file.file === event.file);
  if (index < 0) return [...files, event];
  return files.map((file, at) => (at === index ? event : file));
}

/** « 7/12 constat(s) · filtre « dép » · masqués : ▲ ℹ · par article » */
function filterSummary(state: BrowseState, shown: number, total: number, tui: TuiLabels): string {
  const parts = [fill(tui.shown, { shown, total })];
  if (state.query) parts.push(fill(tui.filter, { query: terminalText(state.query) }));
  if (state.hidden.length > 0) parts.push(fill(tui.hidden, { symbols: state.hidden.map((severity) => SEVERITY_SYMBOL[severity]).join(' ') }));
  parts.push(state.grouping === 'source' ? tui.groupedBySource : tui.groupedBySeverity);
  return parts.join(' · ');
}

/** The keys of the current screen, in short words: the list's fit on two lines of 80 columns. */
function hintsFor(state: BrowseState | 'loading', tui: TuiLabels): KeyHint[] {
  const { keys, short } = tui;
  const hint = (keySpec: readonly string[], action: string): KeyHint => ({ keys: keySpec[0], action });
  if (state === 'loading') return [hint(keys.quit, short.quit)];
  if (state.searching) return [hint(keys.keepSearch, short.keepSearch), hint(keys.clearSearch, short.clearSearch), hint(keys.move, short.move)];
  switch (state.screen) {
    case 'list':
      return [
        hint(keys.move, short.move),
        hint(keys.open, short.open),
        hint(keys.search, short.search),
        hint(keys.severities, short.severities),
        hint(keys.group, short.group),
        hint(keys.notEvaluated, short.notEvaluated),
        hint(keys.help, short.help),
        hint(keys.quit, short.quit),
      ];
    case 'detail':
      return [hint(keys.scroll, short.scroll), hint(keys.neighbour, short.neighbour), hint(keys.back, short.back), hint(keys.quit, short.quit)];
    default:
      return [hint(keys.scroll, short.scroll), hint(keys.back, short.back), hint(keys.quit, short.quit)];
  }
}
