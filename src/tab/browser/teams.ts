/** The Teams content page (side panel, meeting stage, tab): SSO, board session, live feed, share button. */
import { app, FrameContexts } from '@microsoft/teams-js';
import { openBoardStream } from './events';
import type { BootData } from './parse';
import { openSession, type SessionResult } from './session';
import { showShareButton } from './share';
import { enterTeams } from './teamsHost';
import type { BoardView } from './view';

/** A renewal at most this often when the board token expires (else: the expired message). */
const RENEW_MIN_INTERVAL_MS = 60_000;
/** How often the tab asks again while no café has begun in the chat. */
const NO_CAFE_RETRY_MS = 15_000;

function showSessionError(view: BoardView, result: Exclude<SessionResult, { ok: true }>): void {
  const l = view.currentLabels;
  const detail = result.detail ? `${l.detail}${l.locale === 'fr' ? ' : ' : ': '}${result.detail}` : undefined;
  if (result.reason === 'network') {
    view.notice({ testid: 'session-error', title: l.networkTitle, paragraphs: [l.networkText], detail, retry: l.retry });
  } else {
    view.notice({ testid: 'sso-error', title: l.ssoTitle, paragraphs: [l.ssoText, l.ssoFallback], detail });
  }
}

export async function runTeamsPage(boot: BootData, view: BoardView, toolbar: HTMLElement): Promise<void> {
  const context = await enterTeams(boot, view);
  if (!context) return;
  const frame = context.page.frameContext;
  const onStage = frame === FrameContexts.meetingStage || new URLSearchParams(window.location.search).get('stage') === '1';
  document.body.classList.toggle('is-stage', onStage);
  document.body.classList.toggle('is-panel', frame === FrameContexts.sidePanel);
  app.notifySuccess();

  const conversationId = context.chat?.id ?? context.channel?.id;
  if (!conversationId) {
    const l = view.currentLabels;
    view.notice({ testid: 'no-conversation', title: l.noConversationTitle, paragraphs: [l.noConversationText] });
    return;
  }
  const locale = view.currentLabels.locale;
  view.setStatus(view.currentLabels.connecting);
  let session = await openSession(conversationId, locale);
  // The tab is often added before the café starts: say so, and ask again until it does.
  while (!session.ok && session.reason === 'no-cafe') {
    view.noCafe();
    await new Promise((resolve) => window.setTimeout(resolve, NO_CAFE_RETRY_MS));
    session = await openSession(conversationId, locale);
  }
  if (!session.ok) {
    showSessionError(view, session);
    return;
  }
  if (session.canShare && frame === FrameContexts.sidePanel) {
    const base = boot.publicBase ?? window.location.origin;
    showShareButton(toolbar, view.currentLabels, `${base}/tab?stage=1`);
  }

  let lastRenewal = 0;
  const connect = (token: string): void => {
    openBoardStream(token, {
      snapshot: (s) => view.show(s),
      reconnecting: () => view.reconnecting(),
      noCafe: () => view.noCafe(),
      expired: () => {
        // A meeting outlives a board token: ask for a new one once in a while.
        if (Date.now() - lastRenewal < RENEW_MIN_INTERVAL_MS) return view.expired();
        lastRenewal = Date.now();
        view.reconnecting();
        void openSession(conversationId, locale).then((again) => (again.ok ? connect(again.token) : showSessionError(view, again)));
      },
    });
  };
  connect(session.token);
}
