/** The first row of a window showing rows `top` to `bottom`, moving as little as possible. */
export function keepInView(previousTop: number, top: number, bottom: number, height: number, total: number): number {
  let first = previousTop;
  if (bottom >= first + height) first = bottom - height + 1;
  if (top < first) first = top;
  return clampTop(first, height, total);
}

/** A first row that leaves no empty space after the last row (after a resize, for instance). */
export function clampTop(top: number, height: number, total: number): number {
  return Math.max(0, Math.min(top, total - height));
}
