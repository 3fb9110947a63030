/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
export function toUri(path: string): string {
  const posix = path.split('\\').join('/');
  if (posix.startsWith('/')) return `file://${posix.split('/').map(encodeURIComponent).join('/')}`;
  return posix.split('/').map(encodeURIComponent).join('/');
}
