import { logger as sdkLogger } from 'matrix-js-sdk/lib/logger.js';
import pino from 'pino';
import { routeMatrixLogs } from '../../../src/channel/tchap/sdkLogs';

describe("matrix-js-sdk's logs, in Barista's log", () => {
  it('go to the logger at their level, named for the SDK and its part, filtered by LOG_LEVEL', () => {
    const lines: Array<Record<string, unknown>> = [];
    const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const debug = jest.spyOn(global.console, 'debug').mockImplementation(() => undefined);
    const warn = jest.spyOn(global.console, 'warn').mockImplementation(() => undefined);
    routeMatrixLogs(log);
    const child = sdkLogger.getChild('[MatrixRTCSessionManager]');
    child.warn('Got room state event for unknown room', { room: '!abc' });
    child.debug('a detail no one asked for');
    sdkLogger.error(new Error('sync failed'));
    expect(lines.map((l) => [l.level, l.component, l.sdk, l.msg])).toEqual([
      [40, 'matrix-js-sdk', '[MatrixRTCSessionManager]', 'Got room state event for unknown room {"room":"!abc"}'],
      [50, 'matrix-js-sdk', undefined, 'sync failed'],
    ]);
    // Nothing on the console: stdout stays Barista's JSON lines
    expect(debug).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });
});
