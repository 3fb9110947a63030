import type { FindingFilter } from './filter-findings.js';
import type { Grouping, ListRow } from './list-rows.js';
import { clampTop, keepInView } from './scroll-window.js';

/** The page on screen: the list, one finding, the rules not evaluated, or the help. */
export type Screen = 'list' | 'detail' | 'notEvaluated' | 'help';

/** Everything the user changed while browsing a report; the app's only state besides loading. */
export interface BrowseState extends FindingFilter {
  readonly screen: Screen;
  readonly grouping: Grouping;
  /** True while the search line takes the keys (after `/`, until Enter or Esc). */
  readonly searching: boolean;
  /** Index in `report.findings` of the selected finding; undefined when the report has none. */
  readonly selected?: number;
  readonly listTop: number;
  /** First line on screen of a page (detail, rules not evaluated, help). */
  readonly pageTop: number;
}

/** The list, grouped by article, nothing hidden, the first finding selected. */
export const INITIAL_BROWSE_STATE: BrowseState = {
  screen: 'list',
  grouping: 'source',
  hidden: [],
  query: '',
  searching: false,
  listTop: 0,
  pageTop: 0,
};

/**
 * Keeps the selection a shown finding, on screen; applied on every render so a resize never
 * hides it. With nothing shown it is kept, to come back when the filter is cleared.
 */
export function settle(state: BrowseState, rows: readonly ListRow[], listHeight: number): BrowseState {
  let row = rows.findIndex((candidate) => candidate.kind === 'finding' && candidate.index === state.selected);
  if (row < 0) row = rows.findIndex((candidate) => candidate.kind === 'finding');
  if (row < 0) return { ...state, listTop: 0 };
  const selectedRow = rows[row] as Extract<ListRow, { kind: 'finding' }>;
  const top = rows[row - 1]?.kind === 'heading' ? row - 1 : row;
  return { ...state, selected: selectedRow.index, listTop: keepInView(state.listTop, top, row, listHeight, rows.length) };
}

/** The first line of a page, kept within its measured length. */
export function clampPage(pageTop: number, pageHeight: number, pageLines: number): number {
  return clampTop(pageTop, pageHeight, pageLines);
}
