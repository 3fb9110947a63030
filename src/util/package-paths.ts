import { fileURLToPath } from 'node:url';

// Sources (src/util) and compiled code (dist/util) both sit two levels below the package root.
const root = new URL('../../', import.meta.url);

/** Absolute path of a file or folder shipped with vigie (`rules`, `schemas/rule.schema.json`). */
export function packagePath(relative: string): string {
  return fileURLToPath(new URL(relative, root));
}
