import type { Request, Response } from 'restify';

/** How often an open event stream says it is alive (proxies close silent connections). */
const HEARTBEAT_MS = 15_000;

export interface EventStream {
  /** Writes one event (`event: name`, `data: json`), unless the stream is closed. */
  send(event: string, data: string): void;
  /** Says `expired` and closes. */
  expire(): void;
}

/**
 * Opens a server-sent event stream on `res`: no caching, no proxy buffering, a reconnection delay
 * of a second (after a restart or a network cut the browser is back within a second), a heartbeat,
 * and `expired` once `expiresAt` passes. `watch` starts what feeds it and returns how to stop it;
 * the stream stops when the browser leaves, expires, or `streams` is closed (shutdown).
 */
export function openEventStream(
  req: Request, res: Response,
  o: { expiresAt: number; now: () => number; streams: Set<Response>; watch: (stream: EventStream) => () => void },
): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-content-type-options': 'nosniff',
  });
  res.write('retry: 1000\n\n');
  o.streams.add(res);
  const write = (chunk: string) => {
    if (!res.writableEnded) res.write(chunk);
  };
  const stream: EventStream = {
    send: (event, data) => {
      if (o.now() > o.expiresAt) return stream.expire();
      write(`event: ${event}\ndata: ${data}\n\n`);
    },
    expire: () => {
      write('event: expired\ndata: {}\n\n');
      stop();
    },
  };
  let unwatch: (() => void) | undefined;
  let stopped = false;
  const stop = () => {
    stopped = true;
    unwatch?.();
    unwatch = undefined;
    clearInterval(beat);
    clearTimeout(ending);
    o.streams.delete(res);
    if (!res.writableEnded) res.end();
  };
  const beat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
  const ending = setTimeout(stream.expire, Math.max(0, Math.min(o.expiresAt - o.now(), 2 ** 31 - 1)));
  beat.unref();
  ending.unref();
  const stopWatching = o.watch(stream);
  // Expired while it started: stop what was just started.
  if (stopped) stopWatching();
  else unwatch = stopWatching;
  req.on('close', stop);
}
