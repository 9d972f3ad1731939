/**
 * Options of `npm start -- [--days N] [--rate N] [--seed TEXT] [--no-demo] [--port N]
 * [--influx-port N] [--run-dir DIR]`. Ports default to 3001 and 8086 when free (else any
 * free port); 0 asks for any free port.
 */
export interface RunOptions {
  days: number;
  rate: number;
  seed: string;
  demo: boolean;
  port?: number;
  influxPort?: number;
  runDir: string;
}

const NUMBERS = { '--days': 'days', '--rate': 'rate', '--port': 'port', '--influx-port': 'influxPort' } as const;

export function parseRunOptions(argv: readonly string[]): RunOptions {
  const options: RunOptions = { days: 90, rate: 2000, seed: '1', demo: true, runDir: '.run' };
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
    } else if (name === '--run-dir') {
      options.runDir = value;
    } else if (name in NUMBERS) {
      if (!/^\d+$/.test(value)) {
        throw new Error(`${name} must be a whole number, not ${value}`);
      }
      if ((name === '--port' || name === '--influx-port') && Number(value) > 65535) {
        throw new Error(`${name} must be a port number (0 for any free port), not ${value}`);
      }
      options[NUMBERS[name as keyof typeof NUMBERS]] = Number(value);
    } else {
      throw new Error(
        `unknown option ${name} (use --days N, --rate N, --seed TEXT, --no-demo, --port N, --influx-port N, --run-dir DIR)`
      );
    }
  }
  return options;
}
