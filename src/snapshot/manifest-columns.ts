import type { ManifestColumn } from './snapshot-types.js';

/** Every header cell as written, with its 1-based position and the canonical column it was read as (none when ignored). */
export function manifestColumns(cells: readonly string[], columnAt: (index: number) => string | undefined): ManifestColumn[] {
  return cells.map((header, index) => {
    const column = columnAt(index);
    return column === undefined ? { header, position: index + 1 } : { header, position: index + 1, column };
  });
}
