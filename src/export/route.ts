import { z } from 'zod';
import type { Content } from '../content/schema';
import type { CafeState } from '../domain/types';
import type { CafeStore } from '../store/port';
import { exportCsv } from './csv';
import { exportMarkdown } from './markdown';
import { exportJson } from './model';
import { networkReport } from './network';
import { verifyExportToken } from './token';

const ParamsSchema = z.object({ cafe: z.string().min(1).max(200), file: z.enum(['recap.md', 'recap.csv', 'recap.json', 'network.geojson', 'network.csv']) });
const QuerySchema = z.object({ t: z.string().min(1).max(200) });

export interface ExportDeps {
  store: CafeStore;
  content: Content;
  secret: string;
  now: number;
  /** The conversation's members (who is expected to finish a video, as on the card), when the channel can read them. */
  members?: (state: CafeState) => Promise<readonly string[] | undefined>;
}

export interface ExportAnswer {
  status: number;
  contentType: string;
  filename?: string;
  body: string;
}

/**
 * GET /export/:cafe/:file?t=token: the café's anonymous export (and its report to the cafés network), for whoever holds the link the
 * recap card gives. Without a valid, unexpired token for that café: nothing.
 */
export async function exportRoute(params: unknown, query: unknown, deps: ExportDeps): Promise<ExportAnswer> {
  const p = ParamsSchema.safeParse(params);
  const q = QuerySchema.safeParse(query);
  const refused: ExportAnswer = { status: 403, contentType: 'text/plain; charset=utf-8', body: 'Lien invalide ou expiré.' };
  if (!p.success || !q.success || !verifyExportToken(p.data.cafe, q.data.t, deps.secret, deps.now)) return refused;
  const state = await deps.store.get(p.data.cafe);
  if (!state) return { status: 404, contentType: 'text/plain; charset=utf-8', body: 'Ce café a été effacé.' };
  const contributions = await deps.store.listContributions(state.id);
  const members = await deps.members?.(state).catch(() => undefined);
  const stamp = new Date(state.startedAt ?? state.createdAt).toISOString().slice(0, 10);
  switch (p.data.file) {
    case 'recap.md':
      return { status: 200, contentType: 'text/markdown; charset=utf-8', filename: `cafe-${stamp}.md`, body: exportMarkdown(state, contributions, deps.content, deps.now, members) };
    case 'recap.csv':
      return { status: 200, contentType: 'text/csv; charset=utf-8', filename: `cafe-${stamp}.csv`, body: exportCsv(state, contributions, deps.content, deps.now, members) };
    case 'recap.json':
      return { status: 200, contentType: 'application/json; charset=utf-8', filename: `cafe-${stamp}.json`, body: JSON.stringify(exportJson(state, contributions, deps.content, deps.now, members), null, 2) };
    case 'network.geojson':
    case 'network.csv': {
      const profile = await deps.store.getProfile(state.conversationId);
      if (!profile) return { status: 404, contentType: 'text/plain; charset=utf-8', body: 'Indiquez d’abord l’organisation et la ville du café : /reseau dans la conversation.' };
      const report = networkReport(state, contributions, deps.content, profile, deps.now);
      return p.data.file === 'network.csv'
        ? { status: 200, contentType: 'text/csv; charset=utf-8', filename: `reseau-cafe-${stamp}.csv`, body: report.csvHeader + report.csvRow }
        : { status: 200, contentType: 'application/geo+json; charset=utf-8', filename: `reseau-cafe-${stamp}.geojson`, body: JSON.stringify(report.geojson, null, 2) };
    }
  }
}
