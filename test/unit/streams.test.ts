// A reader that goes away ends radar quietly, whichever way the system says so: EPIPE on a
// pipe, ECONNRESET on a socket pair (how Node and many shells' tools hand a child its stdout).
import { describe, expect, it } from 'vitest';
import { writeFailure } from '../../src/cli/commands/streams';

const failed = (code: string) => writeFailure(Object.assign(new Error(code), { code }));

describe('a failed write of standard output', () => {
  it('is quiet when the reader closed a pipe or a socket', () => {
    expect(failed('EPIPE')).toEqual({ quiet: true });
    expect(failed('ECONNRESET')).toEqual({ quiet: true });
  });

  it('is one line in words when the disk is full', () => {
    expect(failed('ENOSPC')).toEqual({ quiet: false, message: 'radar: cannot write standard output: no space left on the device\n' });
  });
});
