import type { Content, PartId } from '../content/schema';
import type { CafeState, Contribution } from '../domain/types';
import { t } from '../i18n';
import { exportJson, type BoardExport, type FeedbackExport, type StepExport } from './model';

/**
 * Escapes a text for Markdown (CommonMark / GitHub): inline markup characters get a backslash,
 * so a participant's `**`, `[lien](…)`, `<tag>` or `# titre` is shown as typed and changes nothing;
 * line breaks become spaces (a list item stays one line); a leading list or heading marker is escaped.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]<>#|~&!]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** dd/mm/yyyy in Europe/Paris. */
export function parisDate(ms: number): string {
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(ms);
}

const PARTS: PartId[] = ['tasse', 'cafe', 'chocolat', 'sucre'];
const md = escapeMarkdown;

/**
 * The café's recap as Markdown, in French: a title, the facts (date in Europe/Paris, durations,
 * participants), then each part with its polls (✅ on the guide's answer), debate arguments,
 * post-its grouped by moment of the day, picks, videos and answers, then the feedback. Anonymous
 * like exportJson.
 */
export function exportMarkdown(state: CafeState, contributions: Contribution[], content: Content, now: number, members?: readonly string[]): string {
  const doc = exportJson(state, contributions, content, now, members);
  const out: string[] = [];
  const name = doc.formula.name.startsWith('Café') ? doc.formula.name : `Café ${doc.formula.name}`;
  out.push(`# ${md(name)} — récapitulatif`, '');
  out.push(`- **Date** : ${state.startedAt === undefined ? 'non commencé' : parisDate(state.startedAt)}`);
  out.push(`- **Durée prévue** : ${doc.duration.planned.min} à ${doc.duration.planned.max} minutes${doc.duration.planned.estimate ? ' (estimation de Barista)' : ''}`);
  out.push(`- **Durée réelle** : ${doc.duration.actualMinutes} minute${doc.duration.actualMinutes > 1 ? 's' : ''} (pauses non comprises)`);
  out.push(`- **Participants** : ${doc.participants}`);

  for (const part of PARTS) {
    const steps = doc.steps.filter((s) => s.part === part);
    if (!steps.length) continue;
    out.push('', `## ${md(t('fr', `part.${part}`))}`);
    let activity = '';
    for (const s of steps) {
      if (s.activityId !== activity) {
        activity = s.activityId;
        out.push('', `### ${md(s.activity)}`);
      }
      out.push('', ...stepLines(s));
    }
  }
  out.push('', ...feedbackLines(doc.feedback));
  return out.join('\n') + '\n';
}

function feedbackLines(f: FeedbackExport): string[] {
  const lines = [`## Les avis (${f.responses})`];
  if (!f.responses) return [...lines, '', '_Aucun avis._'];
  for (const q of f.questions) lines.push('', `**${md(q.question)}**`, '', ...q.choices.map((c) => `- ${md(c.label)} : ${c.count}`));
  if (f.positive.length) lines.push('', 'Ce qui a plu :', '', ...f.positive.map((p) => `- 👍 ${md(p)}`));
  if (f.negative.length) lines.push('', 'Ce qui pourrait être mieux :', '', ...f.negative.map((n) => `- 🔧 ${md(n)}`));
  return lines;
}

function stepLines(s: StepExport): string[] {
  switch (s.kind) {
    case 'poll': {
      const lines = [`**${md(s.statement)}**`, ''];
      lines.push(...s.choices.map((c) => `- ${md(c.label)}${c.count !== undefined ? ` : ${c.count}` : ''}${c.correct ? ' ✅' : ''}`));
      if (s.answerText) lines.push('', `Réponse du guide : ${md(s.answerText)}`);
      if (s.arguments) {
        const { pour, contre } = s.arguments;
        lines.push('', 'Arguments :', '');
        if (!pour.length && !contre.length) lines.push('- _aucun argument_');
        lines.push(...pour.map((a) => `- ➕ Pour : ${md(a)}`), ...contre.map((a) => `- ➖ Contre : ${md(a)}`));
      }
      return lines;
    }
    case 'pick':
      return s.items.length ? s.items.map((i) => `- ${md(i.label)} : ${i.count}`) : ['_Aucun choix._'];
    case 'video':
      return [`- 🎬 ${md(s.title)} : ${s.finished} ${s.finished > 1 ? 'ont' : 'a'} fini de regarder`];
    case 'question': {
      const lines = [`**${md(s.question)}**`, ''];
      lines.push(...(s.answers.length ? s.answers.map((a) => `- 💬 ${md(a)}`) : ['_Aucune réponse._']));
      return lines;
    }
    case 'board':
      return boardLines(s);
  }
}

function boardLines(s: BoardExport): string[] {
  if (!s.postits.length) return ['_Aucun post-it._'];
  const byColumn = new Map<string, BoardExport['postits']>();
  for (const p of s.postits) byColumn.set(p.columnLabel, [...(byColumn.get(p.columnLabel) ?? []), p]);
  const lines: string[] = [];
  for (const [column, postits] of byColumn) {
    if (lines.length) lines.push('');
    lines.push(`#### ${md(column)}`, '', ...postits.map((p) => `- ${md(p.kindLabel)} : ${md(p.text)}`));
  }
  return lines;
}
