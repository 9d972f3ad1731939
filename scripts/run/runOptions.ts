/** Options of `npm start -- [--days N] [--rate N] [--seed TEXT] [--no-demo]`. */
export interface RunOptions {
  days: number;
  rate: number;
  seed: string;
  demo: boolean;
}

export function parseRunOptions(argv: readonly string[]): RunOptions {
  const options: RunOptions = { days: 90, rate: 2000, seed: '1', demo: true };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    if (name === '--no-demo') {
      options.demo = false;
      continue;
    }
    const value = argv[++i];
    if (value === undefined) {
      throw new Error(`${name} needs a value`);
    }
    if (name === '--seed') {
      options.seed = value;
    } else if (name === '--days' || name === '--rate') {
      if (!/^\d+$/.test(value)) {
        throw new Error(`${name} must be a whole number, not ${value}`);
      }
      options[name === '--days' ? 'days' : 'rate'] = Number(value);
    } else {
      throw new Error(`unknown option ${name} (use --days N, --rate N, --seed TEXT, --no-demo)`);
    }
  }
  return options;
}
