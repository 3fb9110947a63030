/** Whether a UTF-16 code is one String.prototype.trim removes, the set held tables have always trimmed. */
function isBlank(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  if (code < 160) return false;
  return (
    code === 160 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** A CSV cell's text to convert: blanks around an unquoted cell are not data, a quoted cell's are. */
export function cellText(cell: string, quoted: boolean): string {
  if (quoted) return cell;
  const length = cell.length;
  if (length === 0 || (!isBlank(cell.charCodeAt(0)) && !isBlank(cell.charCodeAt(length - 1)))) return cell;
  let start = 0;
  let end = length;
  while (start < end && isBlank(cell.charCodeAt(start))) start++;
  while (end > start && isBlank(cell.charCodeAt(end - 1))) end--;
  return cell.slice(start, end);
}

/** Whether a record holds nothing but blanks (a line of delimiters, as spreadsheets leave): it is skipped. */
export function isBlankRecord(cells: readonly string[]): boolean {
  for (const cell of cells) if (cellText(cell, false) !== '') return false;
  return true;
}
