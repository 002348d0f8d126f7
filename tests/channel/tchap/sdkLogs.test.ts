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
    sdkLogger.error('/sync error %s', new Error('fetch failed'));
    // The Rust crypto's tracing writes to the console itself: its lines come to the logger too
    global.console.debug('DEBUG matrix_sdk_crypto::olm::account: Marking account as shared');
    global.console.warn('WARN matrix_sdk_crypto::olm::account: Failed to decrypt a pre-key message');
    expect(lines.map((l) => [l.level, l.component, l.sdk, l.msg])).toEqual([
      [40, 'matrix-js-sdk', '[MatrixRTCSessionManager]', 'Got room state event for unknown room {"room":"!abc"}'],
      [50, 'matrix-js-sdk', undefined, '/sync error fetch failed'],
      [40, 'matrix-js-sdk', 'rust-crypto', 'WARN matrix_sdk_crypto::olm::account: Failed to decrypt a pre-key message'],
    ]);
    // Anything else on the console is left as it was
    global.console.warn('a warning of something else');
    expect(warn).toHaveBeenCalledWith('a warning of something else');
    // Nothing on the console: stdout stays Barista's JSON lines
    expect(debug).not.toHaveBeenCalled();
  });
});
