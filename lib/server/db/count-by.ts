/**
 * A Prisma `groupBy` result as a lookup. Counts come from `groupBy` over the rows of the ids a
 * page shows (`where: { comparisonId: { in: ids } }`, served by an index) rather than from
 * `_count` in a select: Prisma turns `_count` into a `COUNT … GROUP BY` over the whole
 * related table, joined afterwards, so every page paid for every other comparison's rows.
 */
export function countBy<K extends string, R extends Record<K, string> & { _count: number }>(rows: readonly R[], key: K) {
  const counts = new Map<string, number>(rows.map((row) => [row[key], row._count]));
  return (id: string) => counts.get(id) ?? 0;
}
