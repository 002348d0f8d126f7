import type { RecordedActivity, RecordedCall } from '../support/fakeConnector';

/** The Madonna poll's choices, as the guide names them (label on the card → choice id). */
export const MADONNA_LABELS: Readonly<Record<string, string>> = Object.freeze({
  'Ma donnée': 'donnee',
  Madonna: 'madonna',
  'Les deux': 'les-deux',
});

/**
 * Reads the live results of a poll card as people see them: each result row is a ColumnSet whose
 * first column holds the choice label (with ✅ once revealed) and whose second holds the bar
 * "████░░░░ 3". Returns choice id → count, read from the card only.
 */
export function pollCounts(activity: Partial<RecordedActivity> | undefined): Record<string, number> {
  const card = (activity?.attachments?.[0] as { content?: unknown } | undefined)?.content;
  const counts: Record<string, number> = {};
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.type === 'ColumnSet' && Array.isArray(o.columns) && o.columns.length === 2) {
      const [left, right] = o.columns as Array<{ items?: Array<{ text?: unknown }> }>;
      const label = String(left.items?.[0]?.text ?? '').replace(/^✅ /, '');
      const bar = /^[█░]+ (\d+)$/.exec(String(right.items?.[0]?.text ?? ''));
      if (bar && label in MADONNA_LABELS) counts[MADONNA_LABELS[label]] = Number(bar[1]);
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  return counts;
}

/**
 * The most accepted updates any one card received within one second (sliding window over the
 * times the fake connector judged them). The coalescer promises ≤ 1.
 */
export function maxUpdatesPerCardPerSecond(calls: readonly RecordedCall[]): { max: number; card?: string } {
  const byCard = new Map<string, number[]>();
  for (const c of calls) {
    if (c.op !== 'update' || c.outcome !== 'ok') continue;
    const key = `${c.conversationId}\u0000${c.activityId}`;
    const list = byCard.get(key) ?? [];
    list.push(c.time);
    byCard.set(key, list);
  }
  let max = 0;
  let card: string | undefined;
  for (const [key, times] of byCard) {
    times.sort((a, b) => a - b);
    let start = 0;
    for (let i = 0; i < times.length; i++) {
      while (times[i] - times[start] >= 1_000) start++;
      if (i - start + 1 > max) {
        max = i - start + 1;
        card = key;
      }
    }
  }
  return { max, card };
}

/** p-th percentile (0..100) of a list of numbers (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
