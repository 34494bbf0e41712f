/**
 * The assignment of rows to columns that maximises the sum of their weights, each row to at most one
 * column and each column to at most one row (the Hungarian method, O(rows² × columns)). A row may
 * stay unassigned: it is then worth nothing. Weights are non-negative.
 *
 * Returns, for each row, its column's index or -1.
 */
export function bestAssignment(weights: readonly (readonly number[])[]): number[] {
  const rows = weights.length;
  const columns = weights[0]?.length ?? 0;
  // One "unassigned" column per row, worth 0, makes every row assignable and the matrix wide.
  const width = columns + rows;
  const cost = (row: number, column: number) => (column < columns ? -(weights[row]?.[column] ?? 0) : 0);
  const u = new Array<number>(rows + 1).fill(0);
  const v = new Array<number>(width + 1).fill(0);
  const rowOf = new Array<number>(width + 1).fill(0);
  const way = new Array<number>(width + 1).fill(0);
  for (let row = 1; row <= rows; row++) {
    rowOf[0] = row;
    let column0 = 0;
    const least = new Array<number>(width + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Array<boolean>(width + 1).fill(false);
    do {
      used[column0] = true;
      const row0 = rowOf[column0] ?? 0;
      let delta = Number.POSITIVE_INFINITY;
      let column1 = 0;
      for (let column = 1; column <= width; column++) {
        if (used[column]) continue;
        const reduced = cost(row0 - 1, column - 1) - (u[row0] ?? 0) - (v[column] ?? 0);
        if (reduced < (least[column] ?? 0)) {
          least[column] = reduced;
          way[column] = column0;
        }
        if ((least[column] ?? 0) < delta) {
          delta = least[column] ?? 0;
          column1 = column;
        }
      }
      for (let column = 0; column <= width; column++) {
        if (used[column]) {
          u[rowOf[column] ?? 0] = (u[rowOf[column] ?? 0] ?? 0) + delta;
          v[column] = (v[column] ?? 0) - delta;
        } else least[column] = (least[column] ?? 0) - delta;
      }
      column0 = column1;
    } while (rowOf[column0] !== 0);
    do {
      const column1 = way[column0] ?? 0;
      rowOf[column0] = rowOf[column1] ?? 0;
      column0 = column1;
    } while (column0 !== 0);
  }
  const assigned = new Array<number>(rows).fill(-1);
  for (let column = 1; column <= columns; column++) {
    const row = rowOf[column] ?? 0;
    if (row > 0 && (weights[row - 1]?.[column - 1] ?? 0) > 0) assigned[row - 1] = column - 1;
  }
  return assigned;
}
