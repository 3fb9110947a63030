import type { Key } from 'ink';
import type { Lang, Severity } from '../rules/rule-types.js';
import type { Report } from '../report/report-types.js';
import { clampPage, settle, type BrowseState } from './browse-state.js';
import { listRows, type ListRow } from './list-rows.js';

/** What a key needs to know about the screen besides the state. */
export interface KeyContext {
  readonly report: Report;
  readonly lang: Lang;
  readonly listHeight: number;
  /** Lines a page (detail, rules not evaluated, help) has on screen. */
  readonly pageHeight: number;
  /** Lines the current page's content takes, as last measured. */
  readonly pageLines: number;
}

/** The state after a key, and whether the user asked to quit. */
export interface KeyOutcome {
  readonly state: BrowseState;
  readonly quit: boolean;
}

const SEVERITY_KEYS: Readonly<Record<string, Severity>> = { '1': 'error', '2': 'warning', '3': 'info' };

/** Applies one key press to the browsing state (a pure reducer: the container holds the state). */
export function handleKey(previous: BrowseState, input: string, key: Key, context: KeyContext): KeyOutcome {
  // Esc and the next key read together look like Alt+key to Ink; no key here uses Alt.
  if (key.meta && !key.escape && !key.ctrl && input !== '') {
    const afterEscape = handleKey(previous, '', { ...NO_KEY, escape: true, meta: true }, context);
    return afterEscape.quit ? afterEscape : handleKey(afterEscape.state, input, { ...key, meta: false }, context);
  }
  // Keys typed faster than they are read arrive together (`jj`, `j\r`, `/dep`): one key each.
  // Text arriving while a search is typed is taken as text: a paste must not run commands.
  const letters = [...input];
  if (letters.length > 1 && !previous.searching && !key.ctrl && !key.meta) {
    let outcome: KeyOutcome = { state: previous, quit: false };
    for (const letter of letters) {
      const single = singleKey(letter);
      if (single) outcome = handleKey(outcome.state, single.input, single.key, context);
      if (outcome.quit) break;
    }
    return outcome;
  }
  // The selection the screen shows (the first finding, before any key) is the one keys act on.
  const state = settle(previous, rowsOf(previous, context), context.listHeight);
  if (key.ctrl && input === 'c') return { state, quit: true };
  if (state.searching) return settled(searchKey(state, input, key, context), context);
  if (input === 'q') return { state, quit: true };
  switch (state.screen) {
    case 'list':
      return settled(listKey(state, input, key, context), context);
    case 'detail':
      return settled(detailKey(state, input, key, context), context);
    default:
      return settled(pageKey(state, input, key, context), context);
  }
}

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/** One character of a batch as Ink would have reported it alone; undefined for other control characters. */
function singleKey(letter: string): { input: string; key: Key } | undefined {
  if (letter === '\r' || letter === '\n') return { input: '', key: { ...NO_KEY, return: true } };
  if (letter === '\u007F' || letter === '\b') return { input: '', key: { ...NO_KEY, backspace: true } };
  if (letter === '\u0003') return { input: 'c', key: { ...NO_KEY, ctrl: true } };
  if (/\p{Cc}/u.test(letter)) return undefined;
  return { input: letter, key: NO_KEY };
}

function searchKey(state: BrowseState, input: string, key: Key, context: KeyContext): BrowseState {
  if (key.return) return { ...state, searching: false };
  if (key.escape) return { ...state, searching: false, query: '' };
  if (key.backspace || key.delete) return { ...state, query: [...state.query].slice(0, -1).join('') };
  // Arrows still move, so one can search and pick without leaving the search line.
  const moved = motion(state, '', key, context);
  if (moved) return moved;
  if (key.ctrl || key.meta || key.tab) return state;
  // Pasted text arrives as one input; control characters have no place in a search.
  const typed = input.replace(/\p{Cc}/gu, '');
  return typed === '' ? state : { ...state, query: state.query + typed, listTop: 0 };
}

function listKey(state: BrowseState, input: string, key: Key, context: KeyContext): BrowseState {
  const moved = motion(state, input, key, context);
  if (moved) return moved;
  if (key.return) {
    const shown = rowsOf(state, context).some((row) => row.kind === 'finding' && row.index === state.selected);
    return shown ? { ...state, screen: 'detail', pageTop: 0 } : state;
  }
  if (key.escape) return { ...state, query: '' };
  if (input === '/') return { ...state, searching: true };
  if (input === 'g') return { ...state, grouping: state.grouping === 'source' ? 'severity' : 'source' };
  if (input === 'n') return { ...state, screen: 'notEvaluated', pageTop: 0 };
  if (input === '?') return { ...state, screen: 'help', pageTop: 0 };
  const severity = SEVERITY_KEYS[input];
  if (severity) {
    const hidden = state.hidden.includes(severity) ? state.hidden.filter((item) => item !== severity) : [...state.hidden, severity];
    return { ...state, hidden };
  }
  return state;
}

function detailKey(state: BrowseState, input: string, key: Key, context: KeyContext): BrowseState {
  if (key.escape || key.backspace) return { ...state, screen: 'list' };
  if (key.leftArrow || key.rightArrow) {
    return { ...moveSelection(state, rowsOf(state, context), key.rightArrow ? 1 : -1), pageTop: 0 };
  }
  return pageKey(state, input, key, context);
}

/** Scrolling a page; Esc, or the key that opened it, goes back to the list. */
function pageKey(state: BrowseState, input: string, key: Key, context: KeyContext): BrowseState {
  if (key.escape || (state.screen === 'notEvaluated' && input === 'n') || (state.screen === 'help' && input === '?')) {
    return { ...state, screen: 'list' };
  }
  const { pageHeight, pageLines } = context;
  let delta = 0;
  if (key.upArrow || input === 'k') delta = -1;
  else if (key.downArrow || input === 'j') delta = 1;
  else if (key.pageUp) delta = -pageHeight;
  else if (key.pageDown || input === ' ') delta = pageHeight;
  else if (key.home) delta = -pageLines;
  else if (key.end) delta = pageLines;
  return delta === 0 ? state : { ...state, pageTop: clampPage(state.pageTop + delta, pageHeight, pageLines) };
}

function settled(state: BrowseState, context: KeyContext): KeyOutcome {
  return { state: settle(state, rowsOf(state, context), context.listHeight), quit: false };
}

function rowsOf(state: BrowseState, context: KeyContext): ListRow[] {
  return listRows(context.report.findings, state, state.grouping, context.lang);
}

/** The selection after a moving key (arrows, j k, pages, Home, End), or undefined for other keys. */
function motion(state: BrowseState, input: string, key: Key, context: KeyContext): BrowseState | undefined {
  let delta = 0;
  const page = Math.max(1, context.listHeight - 1);
  if (key.upArrow || input === 'k') delta = -1;
  else if (key.downArrow || input === 'j') delta = 1;
  else if (key.pageUp) delta = -page;
  else if (key.pageDown) delta = page;
  else if (key.home) delta = -Infinity;
  else if (key.end) delta = Infinity;
  else return undefined;
  return moveSelection(state, rowsOf(state, context), delta);
}

/** Moves the selection by `delta` findings, stopping at either end. */
function moveSelection(state: BrowseState, rows: readonly ListRow[], delta: number): BrowseState {
  const findings = rows.filter((row) => row.kind === 'finding');
  if (findings.length === 0) return state;
  const current = Math.max(0, findings.findIndex((row) => row.index === state.selected));
  const next = Math.max(0, Math.min(findings.length - 1, current + delta));
  return { ...state, selected: findings[next].index };
}
