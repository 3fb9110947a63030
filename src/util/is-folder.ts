import { statSync } from 'node:fs';

/** Whether a path is an existing folder (anything unreadable is not). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
