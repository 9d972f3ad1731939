import { parseRunOptions } from './runOptions';

describe('parseRunOptions', () => {
  it('defaults to 90 days at 2000 mails a day in ./.run, on the usual ports', () => {
    expect(parseRunOptions([])).toEqual({ days: 90, rate: 2000, seed: '1', demo: true, runDir: '.run' });
  });

  it('reads every option', () => {
    expect(
      parseRunOptions([
        '--days',
        '7',
        '--rate',
        '300',
        '--seed',
        'x',
        '--no-demo',
        '--port',
        '0',
        '--influx-port',
        '18086',
        '--run-dir',
        '/tmp/r',
      ])
    ).toEqual({ days: 7, rate: 300, seed: 'x', demo: false, port: 0, influxPort: 18086, runDir: '/tmp/r' });
  });

  it('names the problem', () => {
    expect(() => parseRunOptions(['--days', '-1'])).toThrow('--days must be a whole number, not -1');
    expect(() => parseRunOptions(['--rate'])).toThrow('--rate needs a value');
    expect(() => parseRunOptions(['--port', '70000'])).toThrow(
      '--port must be a port number (0 for any free port), not 70000'
    );
    expect(() => parseRunOptions(['--host', '1'])).toThrow('unknown option --host');
  });
});
