import { parseDemoArgs } from './args';

describe('parseDemoArgs', () => {
  it('has defaults and reads the keys from the environment', () => {
    expect(parseDemoArgs([], { MDA_API_KEY: 'demoKey0123456789abc', MDA_ADMIN_KEY: 'opsKey0123456789abcd' })).toEqual({
      days: 90,
      rate: 2000,
      url: 'http://127.0.0.1:3001',
      key: 'demoKey0123456789abc',
      adminKey: 'opsKey0123456789abcd',
      account: 'demo',
      seed: '1',
      follow: false,
      tickSeconds: 10,
      batchSize: 2000,
    });
  });

  it('reads every option', () => {
    const args = parseDemoArgs(
      ['--days', '3', '--rate', '500', '--url', 'http://backend:3001/', '--key', 'k', '--follow', '--tick', '0.5'],
      {}
    );
    expect(args).toMatchObject({
      days: 3,
      rate: 500,
      url: 'http://backend:3001',
      key: 'k',
      follow: true,
      tickSeconds: 0.5,
    });
    expect(args.adminKey).toBeUndefined();
  });

  it('names the problem', () => {
    expect(() => parseDemoArgs([], {})).toThrow('--key (or MDA_API_KEY) is required');
    expect(() => parseDemoArgs(['--key', 'k', '--days', 'ninety'], {})).toThrow(
      '--days must be a non-negative whole number, not ninety'
    );
    expect(() => parseDemoArgs(['--key', 'k', '--rate'], {})).toThrow('--rate needs a value');
    expect(() => parseDemoArgs(['--key', 'k', '--fast'], {})).toThrow('unknown option --fast');
  });
});
