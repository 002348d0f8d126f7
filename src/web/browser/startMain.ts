/**
 * The console's start page (bundled to /web/start.js, served at /console): a facilitator with no
 * Teams starts a café. It fetches the catalogue, renders the three ways (start/render.ts), and on
 * Start posts StartBody to Paths.start, then goes to the console's secret link (its token in the
 * #fragment, never sent to a server).
 */
import { patchHtml } from '../../tab/browser/dom';
import type { Catalogue, CataloguePart, CatalogueVariant } from '../contract';
import { fetchCatalogue, postStart } from './start/api';
import { parseStartBoot, safeConsoleUrl } from './start/boot';
import { startLabels } from './start/labels';
import { renderLoadFailed, renderStart } from './start/render';
import { initialState, startBody, update, type StartAction, type StartRequest, type StartState, type Way } from './start/state';

function run(): void {
  const boot = parseStartBoot(document.getElementById('barista-boot')?.textContent);
  const l = startLabels(boot.locale);
  const root = document.getElementById('start');
  if (!root) return;
  let cat: Catalogue | undefined;
  let state: StartState | undefined;

  const render = (focus = false) => {
    if (!cat || !state) return;
    patchHtml(root, renderStart(state, cat, l));
    root.setAttribute('aria-busy', state.busy ? 'true' : 'false');
    if (focus) root.querySelector<HTMLElement>('[data-focus="true"]')?.focus();
  };
  const dispatch = (action: StartAction, focus = false) => {
    if (!cat || !state) return;
    state = update(state, action, cat);
    render(focus);
  };

  const load = async () => {
    root.setAttribute('aria-busy', 'true');
    const answer = await fetchCatalogue(boot.locale, l);
    if (!answer.ok) {
      patchHtml(root, renderLoadFailed(l, answer.message));
      root.setAttribute('aria-busy', 'false');
      return;
    }
    cat = answer.value;
    state = initialState(cat);
    render();
  };

  const start = async (request: StartRequest) => {
    if (!cat || !state || state.busy) return;
    const built = startBody(state, cat, boot.locale, l, request);
    if ('error' in built) return dispatch({ type: 'failed', message: built.error });
    dispatch({ type: 'busy' });
    const answer = await postStart(built.body, l);
    const target = answer.ok ? safeConsoleUrl(answer.value.consoleUrl) : undefined;
    if (target) {
      location.assign(target);
      return;
    }
    dispatch({ type: 'failed', message: answer.ok ? l.errors.network : answer.message });
  };

  root.addEventListener('click', (event) => {
    const el = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
    if (!el || !root.contains(el)) return;
    const d = el.dataset;
    switch (d.action) {
      case 'way': return dispatch({ type: 'way', way: d.way as Way });
      case 'answer': return dispatch({ type: 'answer', value: d.value ?? '' }, true);
      case 'back': return dispatch({ type: 'back' }, true);
      case 'restart': return dispatch({ type: 'restart' }, true);
      case 'start': return void start({ type: 'start', ...(d.formula && d.variant ? { formula: d.formula, variant: d.variant as CatalogueVariant } : {}) });
      case 'reload': return void load();
      default: return undefined;
    }
  });
  root.addEventListener('change', (event) => {
    const el = event.target as HTMLInputElement | HTMLSelectElement;
    const d = el.dataset;
    if (d.action === 'pick' && d.formula && d.variant) dispatch({ type: 'pick', formula: d.formula, variant: d.variant as CatalogueVariant });
    else if (d.action === 'compose' && d.part) dispatch({ type: 'compose', part: d.part as CataloguePart, id: el.value });
  });
  root.addEventListener('input', (event) => {
    const el = event.target as HTMLInputElement;
    // The name is kept without re-rendering: the field is the person's while they type.
    if (el.dataset.action === 'name' && state) state = update(state, { type: 'name', name: el.value }, cat!);
  });

  void load();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
else run();
