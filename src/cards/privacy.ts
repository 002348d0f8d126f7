import eraseTemplate from '../../cards/erase.json';
import networkTemplate from '../../cards/network.json';
import type { CafesMap } from '../content/schema';
import type { Locale } from '../domain/types';
import { t } from '../i18n';
import { action } from './actions';
import { button, formButton, rows } from './buttons';
import { cardText, markdownLink } from './format';
import { expand } from './render';
import type { Card } from './types';

/** /effacer: what will go, and the two buttons. `at` dates the request: an old confirmation is refused. */
export function eraseConfirmCard({ locale: L, count, at, days }: { locale: Locale; count: number; at: number; days: number }): Card {
  return expand(eraseTemplate, {
    title: t(L, 'erase.title'),
    text: t(L, 'erase.confirm', { n: count }),
    hasNote: true,
    note: t(L, 'erase.note', { days }),
    rows: rows([
      button(t(L, 'erase.yes'), action({ verb: 'erase', confirm: 'oui', at }), 'destructive'),
      button(t(L, 'erase.no'), action({ verb: 'erase', confirm: 'non', at }), 'default'),
    ]),
  });
}

/** What the facilitator sees once it is done (or cancelled). */
export function erasedCard({ locale: L, count, cancelled }: { locale: Locale; count: number; cancelled?: boolean }): Card {
  return expand(eraseTemplate, {
    title: t(L, 'erase.title'),
    text: cancelled ? t(L, 'erase.cancelled') : t(L, 'erase.done', { n: count }),
    hasNote: false,
    note: '',
    rows: [],
  });
}

export interface NetworkCardInput {
  locale: Locale;
  /** The guide's map of the cafés (content), shown word for word where the report is offered. */
  map: CafesMap;
  /** What the chat already told (prefilled), if anything. */
  profile?: { organisation: string; town: string; lat?: number; lon?: number };
  /** The café the report is about (its links), if any. */
  cafeId?: string;
  saved?: boolean;
  links?: Array<{ label: string; url: string }>;
}

/**
 * The cafés network's questions, asked once per chat (remembered): the organisation and the town
 * (and, if the facilitator knows it, the position for the collaborative map), with the guide's
 * « DÉCOUVREZ LA CARTE DES CAFÉS… » (the map's link and its contact). Once saved, the links to the
 * café's report as GeoJSON and as a CSV row.
 */
export function networkCard({ locale: L, map, profile, cafeId, saved, links }: NetworkCardInput): Card {
  const position = profile?.lat !== undefined && profile.lon !== undefined ? `${profile.lat}, ${profile.lon}` : '';
  return expand(networkTemplate, {
    title: t(L, 'network.title'),
    intro: t(L, 'network.intro'),
    mapTitle: map.title,
    mapText: map.text,
    mapLinks: map.links.map((l) => `🗺️ ${markdownLink(l)}`).join('\n\n'),
    hasSaved: !!saved,
    savedText: t(L, 'network.saved', { organisation: cardText(profile?.organisation ?? ''), town: cardText(profile?.town ?? '') }),
    hasForm: !saved,
    organisationLabel: t(L, 'network.organisation'),
    organisationPlaceholder: t(L, 'network.organisationPlaceholder'),
    organisation: profile?.organisation ?? '',
    townLabel: t(L, 'network.town'),
    townPlaceholder: t(L, 'network.townPlaceholder'),
    town: profile?.town ?? '',
    positionLabel: t(L, 'network.position'),
    position,
    requiredText: t(L, 'network.required'),
    rows: saved ? [] : rows([formButton<'network'>(t(L, 'network.save'), { verb: 'network', ...(cafeId ? { cafe: cafeId } : {}) }, 'positive')]),
    hasLinks: !!links?.length,
    linksText: links?.length ? `⬇️ ${t(L, 'network.download')} ${links.map(markdownLink).join(' · ')}` : '',
  });
}
