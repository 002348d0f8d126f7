import type { Server } from 'restify';
import { menuTreeEn } from '../content/menuTree.en';
import { menuTreeFr, type MenuTree } from '../content/menuTree.fr';
import type { Content, Formula, Minutes } from '../content/schema';
import { composables, PARTS } from '../domain/compose';
import { findFormula } from '../domain/lookup';
import { plannedTotal } from '../domain/plan';
import { recommend, type MenuAnswers, type MenuAudience, type Proposal } from '../domain/recommend';
import type { Locale } from '../domain/types';
import { t } from '../i18n';
import {
  LocaleSchema,
  Paths,
  type ApiError,
  type Catalogue,
  type CatalogueComposePart,
  type CatalogueFormula,
  type CatalogueMenuLeaf,
  type CatalogueMenuNode,
  type CatalogueMinutes,
  type CatalogueProposal,
} from './contract';

/**
 * What the console's start page offers a facilitator who has no Teams: the formulas with their
 * variants and planned minutes, the guide's decision tree (the same tree and the same `recommend`
 * as `/menu` in Teams, walked in the browser) and sur-mesure's elements (`composables`, as
 * `/startcafe sur-mesure`). Pure: built from the content, worded in the reader's language.
 */

const TREES: Record<Locale, MenuTree> = { fr: menuTreeFr, en: menuTreeEn };

/** The guide's own texts (audiences, durations, the virtual café's advice) are French: French pages only. */
const guideSpeaks = (L: Locale) => L === 'fr';

const minutesOf = (m: Minutes): CatalogueMinutes => ({ min: m.min, max: m.max, ...(m.estimate ? { estimate: true as const } : {}) });

const VARIANT_WORDS: Record<Formula['variant'], string> = { 'avec-sucre': 'avec sucre', 'sans-sucre': 'sans sucre' };

/** 'Ristretto avec sucre' → 'Ristretto' (a name that does not end with its variant is kept whole). */
function baseName(f: Formula): string {
  const suffix = ` ${VARIANT_WORDS[f.variant]}`;
  return f.name.toLowerCase().endsWith(suffix) ? f.name.slice(0, -suffix.length) : f.name;
}

function formulas(content: Content, L: Locale): CatalogueFormula[] {
  const byId = new Map<string, Formula[]>();
  for (const f of content.formulas) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
  return [...byId.entries()].map(([id, fs]) => {
    const first = fs[0]!;
    const durations = new Set(fs.map((f) => f.duration));
    const summary = guideSpeaks(L) && durations.size === 1 ? first.duration : undefined;
    return {
      id,
      name: baseName(first),
      ...(summary ? { summary } : {}),
      variants: fs.map((f) => ({
        variant: f.variant,
        name: f.name,
        // The duration once, on the formula, when its variants share it.
        ...(guideSpeaks(L) ? { summary: summary ? f.audience : `${f.audience} · ${f.duration}` } : {}),
        minutes: minutesOf(plannedTotal(f)),
        parts: f.parts.map((p) => ({ part: p.part, minutes: minutesOf(p.planned) })),
      })),
      parts: first.parts.map((p) => ({ part: p.part, label: t(L, `part.${p.part}`) })),
    };
  });
}

function proposal(content: Content, L: Locale, p: Proposal, online: boolean): CatalogueProposal {
  const f = findFormula(content, p.formulaId, p.variant);
  const limit = content.virtual.maxMinutes;
  return {
    formula: p.formulaId,
    variant: p.variant,
    name: f?.name ?? p.formulaId,
    minutes: { min: p.planned.min, max: p.planned.max },
    ...(online && p.planned.max > limit ? { note: t(L, 'tree.onlineLong', { limit, max: p.planned.max }) } : {}),
  };
}

/** The end of the tree for complete answers: the same verdict and wording as the `/menu` card's. */
function leaf(content: Content, L: Locale, answers: MenuAnswers): CatalogueMenuLeaf {
  const tree = TREES[L];
  if (answers.organise === false) {
    return { kind: 'leaf', declined: true, heading: tree.organise.no, proposals: [], tooLong: null, virtual: null, playlistUrl: content.playlistUrl };
  }
  const online = answers.online === true;
  const advice = recommend(answers, content);
  const budget = advice.budgetMinutes ?? 0;
  const proposals = advice.proposals.map((p) => proposal(content, L, p, online));
  const heading = proposals.length === 0
    ? t(L, 'tree.nothingFits', { budget })
    : !advice.instead ? t(L, 'tree.proposals') : advice.budgetMinutes ? t(L, 'tree.fits', { budget }) : t(L, 'tree.allFormulas');
  return {
    kind: 'leaf',
    declined: false,
    heading,
    proposals,
    tooLong: advice.tooLong.length ? { heading: t(L, 'tree.tooLong', { budget }), formulas: advice.tooLong.map((p) => proposal(content, L, p, online)) } : null,
    virtual: online
      ? {
          title: t(L, 'tree.virtualTitle', { max: content.virtual.maxMinutes }),
          texts: [tree.online.virtual, ...(guideSpeaks(L) ? content.virtual.advice.slice(0, 2).map((a) => a.text) : [])],
          astuce: { label: tree.online.astuceLabel, text: tree.online.astuce },
        }
      : null,
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The guide's tree (L179–224) as nested questions: organise → long → audience → online → what Barista proposes. */
function menu(content: Content, L: Locale): Catalogue['menu'] {
  const tree = TREES[L];
  const yes = t(L, 'tree.yes');
  const no = t(L, 'tree.no');
  const online = (a: MenuAnswers): CatalogueMenuNode => ({
    kind: 'question',
    key: 'online',
    question: capitalise(tree.online.question),
    options: [
      { value: 'oui', label: yes, next: leaf(content, L, { ...a, online: true }) },
      { value: 'non', label: no, next: leaf(content, L, { ...a, online: false }) },
    ],
  });
  const audience = (a: MenuAnswers): CatalogueMenuNode => ({
    kind: 'question',
    key: 'audience',
    question: tree.audience.question,
    options: (['novice', 'averti', 'intermediaire'] as MenuAudience[]).map((value) => ({
      value,
      label: tree.audience[value].label,
      verdict: tree.audience[value].answer,
      next: online({ ...a, audience: value }),
    })),
  });
  const long: CatalogueMenuNode = {
    kind: 'question',
    key: 'long',
    question: tree.long.question,
    options: [
      { value: 'oui', label: yes, verdict: tree.long.yes, next: audience({ organise: true, long: true }) },
      { value: 'non', label: no, verdict: tree.long.no, next: audience({ organise: true, long: false }) },
    ],
  };
  const root: CatalogueMenuNode = {
    kind: 'question',
    key: 'organise',
    question: tree.organise.question,
    options: [
      { value: 'oui', label: yes, verdict: tree.organise.yes, next: long },
      { value: 'non', label: no, verdict: tree.organise.no, next: leaf(content, L, { organise: false }) },
    ],
  };
  return { title: tree.title, root };
}

function compose(content: Content, L: Locale): CatalogueComposePart[] {
  const all = composables(content);
  return PARTS.map((part) => ({
    part,
    label: t(L, `part.${part}`),
    options: all[part].map((c) => ({ id: c.key, label: c.label, formulaName: c.formulaName, minutes: minutesOf(c.planned) })),
  }));
}

export function catalogue(content: Content, locale: Locale): Catalogue {
  return {
    v: 1,
    locale,
    contentLocale: 'fr',
    formulas: formulas(content, locale),
    menu: menu(content, locale),
    compose: compose(content, locale),
    onlineMaxMinutes: content.virtual.maxMinutes,
  };
}

const BAD_LOCALE: Record<Locale, string> = {
  fr: 'Langue inconnue : le catalogue existe en français (fr) et en anglais (en).',
  en: 'Unknown language: the catalogue exists in French (fr) and English (en).',
};

/** GET Paths.catalogue?locale=fr|en: the catalogue as JSON (the content changes only on a restart: 5 minutes of cache). */
export function registerCatalogue(server: Server, deps: { content: Content }): void {
  const cache = new Map<Locale, string>();
  server.get(Paths.catalogue, (req, res, next) => {
    const raw = req.query?.locale ?? 'fr';
    const parsed = LocaleSchema.safeParse(raw);
    if (!parsed.success) {
      const asker: Locale = /^en\b/i.test(String(req.headers['accept-language'] ?? '')) ? 'en' : 'fr';
      const error: ApiError = { code: 'bad-request', message: BAD_LOCALE[asker] };
      res.writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      res.end(JSON.stringify(error));
      return next();
    }
    const L = parsed.data;
    let body = cache.get(L);
    if (!body) {
      body = JSON.stringify(catalogue(deps.content, L));
      cache.set(L, body);
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300', 'x-content-type-options': 'nosniff' });
    res.end(body);
    return next();
  });
}
