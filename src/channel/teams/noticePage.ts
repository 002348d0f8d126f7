import { z } from 'zod';
import { t } from '../../i18n';

const QuerySchema = z.object({ m: z.enum(['timeUp', 'allDone', 'overtime']), l: z.enum(['fr', 'en']).default('fr') });

/**
 * The small page an in-meeting notification shows the facilitator on the meeting stage
 * (GET /notice?m=timeUp&l=fr): the message, in the café's language. Only known messages; nothing
 * from the query is echoed.
 */
export function noticePage(query: unknown): { status: number; html: string } {
  const q = QuerySchema.safeParse(query);
  if (!q.success) return { status: 404, html: '<!doctype html><title>Barista</title>' };
  const text = escapeHtml(t(q.data.l, q.data.m));
  return {
    status: 200,
    html: `<!doctype html><html lang="${q.data.l}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Barista</title></head>`
      + `<body style="font-family:'Segoe UI',system-ui,sans-serif;display:flex;align-items:center;justify-content:center;height:100vh;margin:0;background:#fff8f0;color:#3b2a1e">`
      + `<p style="font-size:1.4rem;text-align:center;padding:1rem">☕ ${text}</p></body></html>`,
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
