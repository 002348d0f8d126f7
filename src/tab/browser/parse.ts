/** Reading what the server hands the page: the boot block and the snapshots. Pure (no DOM). */
import type { BoardSnapshot } from '../snapshotTypes';
import type { UiLocale } from './labels';

export type BootMode = 'browser' | 'teams' | 'config';

/** The JSON the page shell puts in `<script type="application/json" id="barista-boot">`. */
export interface BootData {
  mode: BootMode;
  locale: UiLocale;
  token?: string;
  publicBase?: string;
}

/** Parses the boot block; anything malformed falls back to a token-less browser page in French. */
export function parseBoot(text: string | null | undefined): BootData {
  let raw: unknown;
  try {
    raw = JSON.parse(text ?? '');
  } catch {
    raw = undefined;
  }
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const mode: BootMode = o.mode === 'teams' || o.mode === 'config' ? o.mode : 'browser';
  const boot: BootData = { mode, locale: o.locale === 'en' ? 'en' : 'fr' };
  if (typeof o.token === 'string' && o.token) boot.token = o.token;
  if (typeof o.publicBase === 'string' && /^https?:\/\//.test(o.publicBase)) boot.publicBase = o.publicBase;
  return boot;
}

/** Parses one `snapshot` event's data; undefined unless it looks like a version-1 snapshot. */
export function parseSnapshot(data: string): BoardSnapshot | undefined {
  try {
    const s = JSON.parse(data) as Partial<BoardSnapshot> | null;
    if (!s || s.v !== 1 || typeof s.serverNow !== 'number' || !s.cafe || typeof s.cafe !== 'object') return undefined;
    return s as BoardSnapshot;
  } catch {
    return undefined;
  }
}
