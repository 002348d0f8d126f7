import type { Content } from '../content/schema';
import type { CafeState, Contribution } from '../domain/types';
import { exportJson, type CafeExport } from './model';

export const CSV_COLUMNS = ['section', 'step', 'question', 'choice_or_kind', 'count', 'text'] as const;
export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number>;

/**
 * Protects a spreadsheet against formula injection (CSV injection): a field starting with
 * = + - @, a tab or a carriage return is prefixed with an apostrophe, so it is read as text.
 * Numbers are written as they are.
 */
export function defuse(field: string | number): string {
  if (typeof field === 'number') return String(field);
  return /^[=+\-@\t\r]/.test(field) ? `'${field}` : field;
}

/** One field, quoted as RFC 4180 says: in quotes when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(field: string | number): string {
  const s = defuse(field);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Lines joined by CRLF (RFC 4180), ending with one. */
export function csvLines(rows: Array<Array<string | number>>): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The café's export as rows (one per datum), before quoting. */
export function csvRows(doc: CafeExport): CsvRow[] {
  const rows: CsvRow[] = [];
  const row = (section: string, step: string, question: string, choice: string, count: number | '', text: string): void => {
    rows.push({ section, step, question, choice_or_kind: choice, count, text });
  };
  row('cafe', '', '', 'formula', '', `${doc.formula.id}/${doc.formula.variant}`);
  row('cafe', '', '', 'formula_name', '', doc.formula.name);
  row('cafe', '', '', 'date', '', doc.date ?? '');
  row('cafe', '', '', 'planned_min_minutes', doc.duration.planned.min, '');
  row('cafe', '', '', 'planned_max_minutes', doc.duration.planned.max, '');
  row('cafe', '', '', 'actual_minutes', doc.duration.actualMinutes, '');
  row('cafe', '', '', 'participants', doc.participants, '');
  for (const s of doc.steps) {
    switch (s.kind) {
      case 'poll':
        for (const c of s.choices) row('poll', s.stepId, s.statement, c.label, c.count ?? '', c.correct ? 'correct' : '');
        if (s.correct.length || s.answerText) {
          const labels = s.choices.filter((c) => c.correct).map((c) => c.label).join(' / ');
          row('poll_answer', s.stepId, s.statement, labels, '', s.answerText ?? '');
        }
        for (const text of s.arguments?.pour ?? []) row('argument', s.stepId, s.statement, 'pour', '', text);
        for (const text of s.arguments?.contre ?? []) row('argument', s.stepId, s.statement, 'contre', '', text);
        break;
      case 'pick':
        for (const i of s.items) row('pick', s.stepId, s.activity, i.label, i.count, '');
        break;
      case 'question':
        for (const text of s.answers) row('answer', s.stepId, s.question, '', '', text);
        break;
      case 'board':
        for (const p of s.postits) row('postit', s.stepId, p.columnLabel, p.kindLabel, '', p.text);
        break;
      case 'video':
        row('video', s.stepId, s.title, 'finished', s.finished, '');
        break;
    }
  }
  row('feedback', '', '', 'responses', doc.feedback.responses, '');
  for (const q of doc.feedback.questions) for (const c of q.choices) row('feedback', '', q.question, c.label, c.count, '');
  for (const text of doc.feedback.positive) row('feedback_comment', '', '', 'positive', '', text);
  for (const text of doc.feedback.negative) row('feedback_comment', '', '', 'negative', '', text);
  return rows;
}

/**
 * The café's export as CSV (UTF-8 text, no BOM): a header line, then one row per datum —
 * the café's facts, each poll choice with its count, the guide's answer, arguments, picks,
 * post-its, answers, videos, the feedback. Anonymous like exportJson.
 */
export function exportCsv(state: CafeState, contributions: Contribution[], content: Content, now: number, members?: readonly string[]): string {
  const rows = csvRows(exportJson(state, contributions, content, now, members));
  return csvLines([[...CSV_COLUMNS], ...rows.map((r) => CSV_COLUMNS.map((c) => r[c]))]);
}
