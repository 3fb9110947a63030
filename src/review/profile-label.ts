import { getTableModel } from '../snapshot/table-model.js';

/** The contract's name of a profile (`D3` → `Approbateur des données`), from the habilitations schema. */
export function profileLabel(profile: string): string {
  const labels = getTableModel('habilitations').columns.get('profile')?.schema['x-labels'];
  return labels?.[profile]?.[0] ?? profile;
}
