import { parseRunOptions } from './runOptions';

describe('parseRunOptions', () => {
  it('defaults to 90 days at 2000 mails a day', () => {
    expect(parseRunOptions([])).toEqual({ days: 90, rate: 2000, seed: '1', demo: true });
  });

  it('reads every option', () => {
    expect(parseRunOptions(['--days', '7', '--rate', '300', '--seed', 'x', '--no-demo'])).toEqual({
      days: 7,
      rate: 300,
      seed: 'x',
      demo: false,
    });
  });

  it('names the problem', () => {
    expect(() => parseRunOptions(['--days', '-1'])).toThrow('--days must be a whole number, not -1');
    expect(() => parseRunOptions(['--rate'])).toThrow('--rate needs a value');
    expect(() => parseRunOptions(['--port', '1'])).toThrow('unknown option --port');
  });
});
