/** Command line of `npm run demo:data`. */
export interface DemoArgs {
  days: number;
  rate: number;
  url: string;
  key: string;
  /** Admin key: when given, the demo account's sending limits are set too. */
  adminKey?: string;
  account: string;
  seed: string;
  follow: boolean;
  tickSeconds: number;
  batchSize: number;
}

export const USAGE = `Usage: npm run demo:data -- --key KEY [options]
  --url URL          backend base URL (default http://127.0.0.1:3001)
  --key KEY          ingest key of the demo account (or MDA_API_KEY)
  --admin-key KEY    admin key: also sets the account's sending limits (or MDA_ADMIN_KEY)
  --account NAME     account whose limits are set (default demo)
  --days N           days of history to backfill, from local midnight (default 90)
  --rate N           average recipient mails per day (default 2000)
  --seed TEXT        seed of the data set; the same seed gives the same events and ids (default 1)
  --follow           keep streaming live events after the backfill
  --tick SECONDS     how often live events are sent (default 10)
  --batch N          events per request (default 2000)`;

const NUMBER_OPTIONS = { '--days': 'days', '--rate': 'rate', '--tick': 'tickSeconds', '--batch': 'batchSize' } as const;
const TEXT_OPTIONS = {
  '--url': 'url',
  '--key': 'key',
  '--admin-key': 'adminKey',
  '--account': 'account',
  '--seed': 'seed',
} as const;

function isTextOption(name: string): name is keyof typeof TEXT_OPTIONS {
  return Object.prototype.hasOwnProperty.call(TEXT_OPTIONS, name);
}

function isNumberOption(name: string): name is keyof typeof NUMBER_OPTIONS {
  return Object.prototype.hasOwnProperty.call(NUMBER_OPTIONS, name);
}

/** Parses the arguments; throws an Error naming the bad one. */
export function parseDemoArgs(argv: readonly string[], env: NodeJS.ProcessEnv): DemoArgs {
  const args: DemoArgs = {
    days: 90,
    rate: 2000,
    url: 'http://127.0.0.1:3001',
    key: env.MDA_API_KEY ?? '',
    adminKey: env.MDA_ADMIN_KEY || undefined,
    account: 'demo',
    seed: '1',
    follow: false,
    tickSeconds: 10,
    batchSize: 2000,
  };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    if (name === '--follow') {
      args.follow = true;
      continue;
    }
    const value = argv[i + 1];
    if (!isTextOption(name) && !isNumberOption(name)) {
      throw new Error(`unknown option ${name}`);
    }
    if (value === undefined || value.startsWith('--')) {
      throw new Error(`${name} needs a value`);
    }
    i++;
    if (isTextOption(name)) {
      args[TEXT_OPTIONS[name]] = value;
      continue;
    }
    const number = Number(value);
    if (!Number.isFinite(number) || number < 0 || (name !== '--tick' && !Number.isInteger(number))) {
      throw new Error(`${name} must be a non-negative ${name === '--tick' ? 'number' : 'whole number'}, not ${value}`);
    }
    args[NUMBER_OPTIONS[name]] = number;
  }
  if (!args.key) {
    throw new Error('--key (or MDA_API_KEY) is required: an ingest key of the demo account');
  }
  if (args.batchSize < 1 || args.tickSeconds <= 0) {
    throw new Error('--batch must be at least 1 and --tick above 0');
  }
  args.url = args.url.replace(/\/+$/, '');
  return args;
}
