import type { Content } from '../content/schema';
import type { CafeState, Contribution } from '../domain/types';
import { csvLines } from './csv';
import { exportJson } from './model';
import { parisDate } from './markdown';

/** What the organiser tells the network about their café (nothing about participants). */
export interface NetworkInput {
  organisation: string;
  town: string;
  /** WGS 84 degrees; the point is given only when both are. */
  lat?: number;
  lon?: number;
  /** Who attended, in the organiser's words ("agents d'une DDT"). */
  audience?: string;
  /** What went well / less well, besides the participants' feedback comments (which come first). */
  positive?: string[];
  negative?: string[];
}

export interface NetworkProperties {
  formula: string;
  formula_name: string;
  /** The café's day, yyyy-mm-dd in Europe/Paris; null if it never began. */
  date: string | null;
  duration_minutes: number;
  participants: number;
  audience: string | null;
  organisation: string;
  town: string;
  positive: string[];
  negative: string[];
}

export interface NetworkFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: NetworkProperties;
}

export interface NetworkReport {
  geojson: NetworkFeature;
  csvHeader: string;
  csvRow: string;
}

export const NETWORK_COLUMNS = [
  'formula', 'formula_name', 'date', 'duration_minutes', 'participants', 'audience', 'organisation', 'town', 'lat', 'lon', 'positive', 'negative',
] as const;

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** yyyy-mm-dd of a moment, in Europe/Paris. */
function parisIsoDay(ms: number): string {
  const [d, m, y] = parisDate(ms).split('/');
  return `${y}-${m}-${d}`;
}

/**
 * A café's report to the cafés' network (its positive and negative comments: the participants'
 * feedback, then the organiser's own): one GeoJSON Feature (a Point at [lon, lat] when both
 * are given, else geometry null) and the same facts as one CSV line (lists joined by " | ").
 * Throws a RangeError for coordinates out of range, or only one of lat/lon.
 */
export function networkReport(state: CafeState, contributions: Contribution[], content: Content, input: NetworkInput, now: number): NetworkReport {
  const doc = exportJson(state, contributions, content, now);
  const { lat, lon } = input;
  if ((lat === undefined) !== (lon === undefined)) throw new RangeError('lat and lon go together');
  if (lat !== undefined && lon !== undefined) {
    if (!Number.isFinite(lat) || lat < -90 || lat > 90) throw new RangeError(`latitude out of range: ${lat}`);
    if (!Number.isFinite(lon) || lon < -180 || lon > 180) throw new RangeError(`longitude out of range: ${lon}`);
  }
  const list = (xs: string[]): string[] => xs.map(clean).filter(Boolean);
  const properties: NetworkProperties = {
    formula: `${doc.formula.id}/${doc.formula.variant}`,
    formula_name: doc.formula.name,
    date: state.startedAt === undefined ? null : parisIsoDay(state.startedAt),
    duration_minutes: doc.duration.actualMinutes,
    participants: doc.participants,
    audience: input.audience?.trim() ? clean(input.audience) : null,
    organisation: clean(input.organisation),
    town: clean(input.town),
    positive: list([...doc.feedback.positive, ...(input.positive ?? [])]),
    negative: list([...doc.feedback.negative, ...(input.negative ?? [])]),
  };
  const geometry = lat !== undefined && lon !== undefined ? { type: 'Point' as const, coordinates: [lon, lat] as [number, number] } : null;
  const p = properties;
  const row = [
    p.formula, p.formula_name, p.date ?? '', p.duration_minutes, p.participants, p.audience ?? '', p.organisation, p.town,
    lat ?? '', lon ?? '', p.positive.join(' | '), p.negative.join(' | '),
  ];
  return {
    geojson: { type: 'Feature', geometry, properties },
    csvHeader: csvLines([[...NETWORK_COLUMNS]]),
    csvRow: csvLines([row]),
  };
}
