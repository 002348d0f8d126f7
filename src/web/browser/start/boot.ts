/** The start page's boot block (`<script type="application/json" id="barista-boot">`): its locale only. */
import type { StartLocale } from './labels';

export interface StartBoot {
  locale: StartLocale;
}

export function parseStartBoot(text: string | null | undefined): StartBoot {
  try {
    const raw = JSON.parse(text ?? '{}') as { locale?: unknown };
    return { locale: raw.locale === 'en' ? 'en' : 'fr' };
  } catch {
    return { locale: 'fr' };
  }
}

/** Where the console may send the browser: Barista's own pages (a path) or an http(s) address. */
export function safeConsoleUrl(url: string): string | undefined {
  const u = url.trim();
  if (/^\/(?!\/)/.test(u)) return u;
  return /^https?:\/\/[^\s"'<>`]+$/i.test(u) ? u : undefined;
}
