/// <reference lib="dom" />
/**
 * Small helpers for tests/e2e/board.test.ts: watching the café board page in Chromium without
 * reloading it, timing its live updates, and checking its layout.
 *
 * - `installRecorder(page)` puts MutationObservers on #board and #status: `window.__lastChange`
 *   is the time (page clock, same machine as the test) of the last DOM change of the board,
 *   `window.__status` the history of the status line, `window.__marker` proves the page was not
 *   reloaded (a reload starts a new window without it).
 * - `waitAttr` / `waitText` wait (bounded, polling every animation frame) until the board shows
 *   something and return the time of the DOM change that made it so.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './playground';

declare global {
  interface Window {
    __marker?: string;
    __lastChange?: number;
    __status?: Array<{ t: number; text: string }>;
  }
}

export async function installRecorder(page: Page, marker: string): Promise<void> {
  await page.evaluate((m) => {
    window.__marker = m;
    window.__lastChange = Date.now();
    window.__status = [];
    const board = document.getElementById('board');
    const status = document.getElementById('status');
    if (!board || !status) throw new Error('no #board or #status');
    new MutationObserver(() => {
      window.__lastChange = Date.now();
    }).observe(board, { subtree: true, childList: true, attributes: true, characterData: true });
    new MutationObserver(() => {
      window.__status!.push({ t: Date.now(), text: status.textContent ?? '' });
    }).observe(status, { subtree: true, childList: true, characterData: true });
  }, marker);
}

/** Waits until `selector`'s attribute `attr` equals `value`; returns the time of the board change that did it. */
export async function waitAttr(page: Page, selector: string, attr: string, value: string, timeout = 5000): Promise<number> {
  const handle = await page
    .waitForFunction(
      ({ selector, attr, value }) => {
        const el = document.querySelector(selector);
        return el && el.getAttribute(attr) === value ? window.__lastChange ?? Date.now() : false;
      },
      { selector, attr, value },
      { timeout, polling: 'raf' },
    )
    .catch(async (err: Error) => {
      const now = await page.evaluate(({ selector, attr }) => document.querySelector(selector)?.getAttribute(attr) ?? '(absent)', { selector, attr });
      throw new Error(`${selector} [${attr}] never became ${JSON.stringify(value)} (now ${JSON.stringify(now)}): ${err.message}`);
    });
  return (await handle.jsonValue()) as number;
}

/** Waits until `selector`'s text contains `text`; returns the time of the board change that did it. */
export async function waitText(page: Page, selector: string, text: string, timeout = 5000): Promise<number> {
  const handle = await page
    .waitForFunction(
      ({ selector, text }) => {
        const el = document.querySelector(selector);
        return el && (el.textContent ?? '').includes(text) ? window.__lastChange ?? Date.now() : false;
      },
      { selector, text },
      { timeout, polling: 'raf' },
    )
    .catch(async (err: Error) => {
      const now = await page.evaluate((selector) => document.querySelector(selector)?.textContent ?? '(absent)', selector);
      throw new Error(`${selector} never contained ${JSON.stringify(text)} (now ${JSON.stringify(now.slice(0, 300))}): ${err.message}`);
    });
  return (await handle.jsonValue()) as number;
}

/** The status line's history since installRecorder. */
export function statusHistory(page: Page): Promise<Array<{ t: number; text: string }>> {
  return page.evaluate(() => window.__status ?? []);
}

export function marker(page: Page): Promise<string | undefined> {
  return page.evaluate(() => window.__marker);
}

/** Screenshot under SCREENSHOT_DIR (/tmp/barista-e2e) as `board-<name>.png`. */
export async function boardScreenshot(page: Page, name: string, fullPage = false): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `board-${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/**
 * What looks broken on the page: a horizontal scrollbar, a visible text clipped by its own box
 * (text-overflow, overflow hidden), an element past the right edge, the header over the step,
 * the countdown over the step title, two post-its on top of each other. Empty when all is well.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) problems.push(`horizontal overflow: ${doc.scrollWidth} > ${doc.clientWidth}`);
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none';
    };
    const name = (el: Element) => el.getAttribute('data-testid') ?? el.className ?? el.tagName;
    const watched = document.querySelectorAll(
      '[data-testid=header], [data-testid=step-title], [data-testid=statement], [data-testid=instruction], [data-testid^=bar-], ' +
        '.bar__label, .bar__figures, [data-testid=countdown-box], [data-testid=postit], .postit__text, [data-testid=postit-column] h3, ' +
        '[data-testid=video], [data-testid=answer], [data-testid=recap-step], [data-testid=denied], [data-testid=participants], [data-testid=step-pos]',
    );
    watched.forEach((el) => {
      if (!visible(el)) return;
      const r = el.getBoundingClientRect();
      if (r.right > doc.clientWidth + 1) problems.push(`${name(el)} past the right edge (${Math.round(r.right)} > ${doc.clientWidth})`);
      if (r.left < -1) problems.push(`${name(el)} past the left edge`);
      const cs = getComputedStyle(el);
      const clips = cs.overflowX !== 'visible' || cs.overflowY !== 'visible' || cs.textOverflow === 'ellipsis';
      if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
        problems.push(`${name(el)} clipped (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}): ${(el.textContent ?? '').slice(0, 60)}`);
      }
    });
    const box = (sel: string) => {
      const el = document.querySelector(sel);
      return el && visible(el) ? el.getBoundingClientRect() : undefined;
    };
    const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    const header = box('[data-testid=header]');
    const step = box('[data-testid=step]') ?? box('[data-testid=ended]');
    if (header && step && overlap(header, step)) problems.push('the header overlaps the step');
    const title = box('[data-testid=step-title]');
    const countdown = box('[data-testid=countdown-box]');
    if (title && countdown && overlap(title, countdown)) problems.push('the countdown overlaps the step title');
    const postits = Array.from(document.querySelectorAll('[data-testid=postit]')).filter(visible).map((el) => el.getBoundingClientRect());
    for (let i = 0; i < postits.length; i++) for (let j = i + 1; j < postits.length; j++) if (overlap(postits[i], postits[j])) problems.push(`post-its ${i} and ${j} overlap`);
    return problems;
  });
}

/** Waits (bounded) until the page's CSS transitions (bar widths, 0.4 s) are over, so a screenshot shows the final state. */
export async function settle(page: Page, timeout = 3000): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout, polling: 'raf' });
}

/** Each bar's fill width as a percentage of its track, next to the `data-pct` it should show. */
export function barWidths(page: Page, scope = 'body'): Promise<Array<{ bar: string; pct: number; shown: number }>> {
  return page.evaluate((scope) => {
    return Array.from(document.querySelectorAll(`${scope} .bar__fill[data-pct]`)).map((fill) => {
      const track = fill.parentElement!.getBoundingClientRect().width;
      const bar = fill.closest('[data-testid]')?.getAttribute('data-testid') ?? '?';
      return { bar, pct: Number(fill.getAttribute('data-pct')), shown: track > 0 ? Math.round((fill.getBoundingClientRect().width / track) * 1000) / 10 : -1 };
    });
  }, scope);
}
