import { messagesBehind } from './kafka-batch.server';

describe('messagesBehind', () => {
  it('counts the messages after an offset up to the partition end', () => {
    // The high watermark is the offset the next message will get.
    expect(messagesBehind('10', '9')).toBe(0);
    expect(messagesBehind('10', '4')).toBe(5);
    expect(messagesBehind('9007199254741000', '9007199254740000')).toBe(999);
  });

  it('is never negative, even for a watermark read before the offset was written', () => {
    expect(messagesBehind('3', '7')).toBe(0);
  });
});
