import type { ActAnswer, ApiError, JoinAnswer, StartAnswer, WebView } from '../../src/web/contract';
import { Paths } from '../../src/web/contract';

/** An HTTP answer of the web API: its status and its JSON body. */
export interface Answer<T> {
  status: number;
  body: T & Partial<ApiError>;
  headers: Headers;
}

async function call<T>(url: string, init: RequestInit): Promise<Answer<T>> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T & Partial<ApiError>, headers: res.headers };
}

function post<T>(base: string, path: string, body: unknown, token?: string): Promise<Answer<T>> {
  return call<T>(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

/** The console's token, from the link's fragment. */
export function tokenOfConsoleUrl(url: string): string {
  const t = new URL(url).hash.match(/^#t=(.+)$/)?.[1];
  if (!t) throw new Error(`no token in ${url}`);
  return t;
}

/**
 * A web page as the tests drive it: the API calls a page makes, and its event stream, whose views
 * it keeps (the latest one is what the page shows).
 */
export class WebPage {
  /** The latest view the stream brought (only the latest is kept: a load test holds hundreds of pages). */
  private last?: WebView;
  /** How many views the stream brought. */
  received = 0;
  private abort?: AbortController;
  private waiters: Array<() => void> = [];
  /** Events other than `view` (expired, gone). */
  events: string[] = [];

  constructor(readonly base: string, public token: string) {}

  static async start(base: string, body: Record<string, unknown>): Promise<{ answer: Answer<StartAnswer>; page?: WebPage }> {
    const answer = await post<StartAnswer>(base, Paths.start, body);
    return { answer, ...(answer.status === 201 ? { page: new WebPage(base, tokenOfConsoleUrl(answer.body.consoleUrl)) } : {}) };
  }

  static async join(base: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ answer: Answer<JoinAnswer>; page?: WebPage }> {
    const answer = await call<JoinAnswer>(`${base}${Paths.join}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { answer, ...(answer.status === 200 ? { page: new WebPage(base, answer.body.token) } : {}) };
  }

  act(data: Record<string, unknown>): Promise<Answer<ActAnswer>> {
    return post<ActAnswer>(this.base, Paths.act, { data }, this.token);
  }

  hand(body: Record<string, unknown>) {
    return post<{ consoleUrl: string; message?: string }>(this.base, Paths.hand, body, this.token);
  }

  async view(): Promise<WebView> {
    const a = await call<WebView>(`${this.base}${Paths.view}?t=${encodeURIComponent(this.token)}`, {});
    if (a.status !== 200) throw new Error(`view: ${a.status} ${JSON.stringify(a.body)}`);
    return a.body;
  }

  get latest(): WebView | undefined {
    return this.last;
  }

  /** Opens the event stream; resolves once the first view came. */
  async listen(): Promise<void> {
    this.abort = new AbortController();
    const res = await fetch(`${this.base}${Paths.events}?t=${encodeURIComponent(this.token)}`, { signal: this.abort.signal });
    if (res.status !== 200 || !res.body) throw new Error(`events: ${res.status}`);
    const first = this.until(() => this.received > 0 || this.events.length > 0, 8000);
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.+)$/m.exec(block)?.[1];
            const data = /^data: (.+)$/m.exec(block)?.[1];
            if (event === 'view' && data) {
              this.last = JSON.parse(data) as WebView;
              this.received++;
            }
            else if (event) this.events.push(event);
            this.wake();
          }
        }
      } catch {
        // Closed by close() or by the server.
      }
    })();
    await first;
  }

  close(): void {
    this.abort?.abort();
  }

  /** Waits until `test` holds for what the page received (views, events). */
  until(test: () => boolean, timeoutMs = 8000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`the page did not get there in ${timeoutMs} ms; latest view: ${JSON.stringify(this.latest)?.slice(0, 600)}`));
      }, timeoutMs);
      const check = () => {
        if (!test()) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        resolve();
      };
      this.waiters.push(check);
    });
  }

  /** Waits for a view that passes `test`, and gives it. */
  async viewWhere(test: (v: WebView) => boolean, timeoutMs = 8000): Promise<WebView> {
    await this.until(() => !!this.latest && test(this.latest), timeoutMs);
    return this.latest!;
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }
}
