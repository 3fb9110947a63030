import { getTableModel } from '../snapshot/table-model.js';

/**
 * The contract's name of a profile (`D3` → `Approbateur des données`), read from the
 * habilitations schema where the French spellings a CSV may use are declared once.
 */
export function profileLabel(profile: string): string {
  const labels = getTableModel('habilitations').columns.get('profile')?.schema['x-labels'];
  return labels?.[profile]?.[0] ?? profile;
}
