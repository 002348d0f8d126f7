import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { guideFr } from './guide.fr';
import { ContentPackSchema, ContentSchema } from './schema';
import type { Activity, Content, ContentPack, Formula, Video } from './schema';

/**
 * Loads the content of the cafés: the built-in French guide, then the operator's content packs
 * (every *.json file of a directory, in name order), merged by id: an item whose id is already
 * there replaces it, a new id is added. Formulas are identified by id and variant. A pack's
 * `generalTips` (which have no ids) replace the whole list, its `cafesMap` the guide's map; `playlistUrl` replaces the playlist
 * (videos and links still pointing at the former playlist follow it); `videoLinks` set a video's
 * url. Everything is validated: a pack that is not valid, or whose formulas or activities point at
 * something that does not exist, is refused with a ContentError naming the file, the path inside
 * it and the reason.
 */

/** Name used in messages for the built-in content. */
const BUILT_IN = 'guide.fr.ts';
/** Name used in messages for the `videoLinks` argument. */
const VIDEO_LINKS_ARG = 'videoLinks';

export class ContentError extends Error {
  readonly code = 'CONTENT_INVALID' as const;

  constructor(
    /** The pack (file path as found in the directory), or guide.fr.ts, or videoLinks. */
    readonly file: string,
    /** Where in the file, e.g. `formulas[0].parts[1].options[0].activities[2]` (empty: the whole file). */
    readonly path: string,
    /** Why, in French. */
    readonly reason: string,
  ) {
    super(`Pack de contenu invalide : ${file}${path ? `, ${path}` : ''} : ${reason}`);
    this.name = 'ContentError';
  }
}

/** `formulas[0].parts[1].options[0].activities[2]` from a zod path. */
export function formatPath(segments: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (typeof s === 'string' && /^[A-Za-z_$][\w$-]*$/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(String(s))}]`;
  }
  return out;
}

const frenchErrors = z.locales.fr().localeError;

/** Where an item of the merged content comes from, to name it in messages. */
interface Origin { file: string; path: string }

interface Merged {
  content: Content;
  videos: Origin[];
  activities: Origin[];
  formulas: Origin[];
  generalTips: Origin;
  playlistUrl: Origin;
}

export function loadContent(dir?: string, videoLinks?: Record<string, string>): Content {
  const merged: Merged = {
    content: structuredClone(guideFr),
    videos: guideFr.videos.map((_, i) => ({ file: BUILT_IN, path: `videos[${i}]` })),
    activities: guideFr.activities.map((_, i) => ({ file: BUILT_IN, path: `activities[${i}]` })),
    formulas: guideFr.formulas.map((_, i) => ({ file: BUILT_IN, path: `formulas[${i}]` })),
    generalTips: { file: BUILT_IN, path: 'generalTips' },
    playlistUrl: { file: BUILT_IN, path: 'playlistUrl' },
  };

  if (dir !== undefined) {
    for (const file of listPacks(dir)) mergePack(merged, file, readPack(file));
  }
  if (videoLinks) {
    const links = z.record(z.string(), z.string().url()).safeParse(videoLinks, { error: frenchErrors });
    if (!links.success) {
      const issue = links.error.issues[0];
      throw new ContentError(VIDEO_LINKS_ARG, formatPath(issue.path), issue.message);
    }
    setVideoLinks(merged, VIDEO_LINKS_ARG, '', links.data);
  }

  return validate(merged);
}

function listPacks(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (e) {
    throw new ContentError(dir, '', `le dossier des packs de contenu est illisible (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return names
    .filter((n) => n.toLowerCase().endsWith('.json'))
    .sort()
    .map((n) => path.join(dir, n))
    .filter((f) => fs.statSync(f).isFile());
}

function readPack(file: string): ContentPack {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ContentError(file, '', `JSON invalide (${e instanceof Error ? e.message : String(e)})`);
  }
  const parsed = ContentPackSchema.safeParse(raw, { error: frenchErrors });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ContentError(file, formatPath(issue.path), issue.message);
  }
  return parsed.data;
}

function mergeById<T extends { id: string }>(
  target: T[], origins: Origin[], items: T[], file: string, key: string, identity: (t: T) => string = (t) => t.id,
): void {
  items.forEach((item, i) => {
    const origin = { file, path: `${key}[${i}]` };
    const at = target.findIndex((t) => identity(t) === identity(item));
    if (at >= 0) {
      target[at] = item;
      origins[at] = origin;
    } else {
      target.push(item);
      origins.push(origin);
    }
  });
}

function mergePack(merged: Merged, file: string, pack: ContentPack): void {
  const { content } = merged;
  if (pack.playlistUrl !== undefined) {
    const former = content.playlistUrl;
    content.playlistUrl = pack.playlistUrl;
    merged.playlistUrl = { file, path: 'playlistUrl' };
    repointPlaylist(content, former, pack.playlistUrl);
  }
  if (pack.generalTips !== undefined) {
    content.generalTips = pack.generalTips;
    merged.generalTips = { file, path: 'generalTips' };
  }
  // The map of the cafés has no id: a pack's replaces the guide's (another network, another map).
  if (pack.cafesMap !== undefined) content.cafesMap = pack.cafesMap;
  if (pack.videos) mergeById<Video>(content.videos, merged.videos, pack.videos, file, 'videos');
  if (pack.activities) mergeById<Activity>(content.activities, merged.activities, pack.activities, file, 'activities');
  if (pack.formulas) {
    mergeById<Formula>(content.formulas, merged.formulas, pack.formulas, file, 'formulas', (f) => `${f.id}/${f.variant}`);
  }
  if (pack.videoLinks) setVideoLinks(merged, file, 'videoLinks', pack.videoLinks);
}

/** Every `url` still pointing at the former playlist (videos, links of tips and activities) follows the new one. */
function repointPlaylist(value: unknown, former: string, next: string): void {
  if (Array.isArray(value)) {
    value.forEach((v) => repointPlaylist(v, former, next));
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const [k, v] of Object.entries(record)) {
      if (k === 'url' && v === former) record[k] = next;
      else repointPlaylist(v, former, next);
    }
  }
}

function setVideoLinks(merged: Merged, file: string, key: string, links: Record<string, string>): void {
  for (const [id, url] of Object.entries(links)) {
    const video = merged.content.videos.find((v) => v.id === id);
    const at = key ? formatPath([key, id]) : formatPath([id]);
    if (!video) throw new ContentError(file, at, `la vidéo « ${id} » n'existe pas`);
    video.url = url;
  }
}

/** Names the file and path of an issue found in the merged content. */
function locate(merged: Merged, segments: ReadonlyArray<PropertyKey>): { file: string; at: string } {
  const [head, index, ...rest] = segments;
  const lists: Record<string, Origin[]> = { videos: merged.videos, activities: merged.activities, formulas: merged.formulas };
  if (typeof head === 'string' && head in lists && typeof index === 'number' && lists[head][index]) {
    const origin = lists[head][index];
    return { file: origin.file, at: origin.path + formatPath(rest).replace(/^(?=[A-Za-z_$])/, '.') };
  }
  if (head === 'generalTips') return { file: merged.generalTips.file, at: formatPath(segments) };
  if (head === 'playlistUrl') return { file: merged.playlistUrl.file, at: formatPath(segments) };
  return { file: BUILT_IN, at: formatPath(segments) };
}

function validate(merged: Merged): Content {
  const parsed = ContentSchema.safeParse(merged.content, { error: frenchErrors });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const { file, at } = locate(merged, issue.path);
    throw new ContentError(file, at, issue.message);
  }
  const content = parsed.data;
  const fail = (segments: PropertyKey[], reason: string): never => {
    const { file, at } = locate(merged, segments);
    throw new ContentError(file, at, reason);
  };

  const unique = (key: 'videos' | 'activities' | 'formulas', ids: string[]): void => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) fail([key, i, 'id'], `l'identifiant « ${id} » est utilisé deux fois`);
      seen.add(id);
    });
  };
  unique('videos', content.videos.map((v) => v.id));
  unique('activities', content.activities.map((a) => a.id));
  unique('formulas', content.formulas.map((f) => `${f.id} (${f.variant})`));

  const videoIds = new Set(content.videos.map((v) => v.id));
  const activityIds = new Set(content.activities.map((a) => a.id));

  content.activities.forEach((a, ai) => {
    if (a.kind !== 'video') return;
    a.videos.forEach((v, vi) => {
      if (!videoIds.has(v)) fail(['activities', ai, 'videos', vi], `la vidéo « ${v} » n'existe pas`);
    });
  });

  content.formulas.forEach((f, fi) => {
    f.parts.forEach((p, pi) => {
      const optionIds = new Set<string>();
      p.options.forEach((o, oi) => {
        if (optionIds.has(o.id)) fail(['formulas', fi, 'parts', pi, 'options', oi, 'id'], `deux options ont l'identifiant « ${o.id} »`);
        optionIds.add(o.id);
        o.activities.forEach((a, ai) => {
          if (!activityIds.has(a)) fail(['formulas', fi, 'parts', pi, 'options', oi, 'activities', ai], `l'activité « ${a} » n'existe pas`);
        });
      });
      if (!optionIds.has(p.defaultOption)) {
        fail(['formulas', fi, 'parts', pi, 'defaultOption'], `l'option par défaut « ${p.defaultOption} » n'est pas dans la liste`);
      }
    });
  });

  return content;
}
