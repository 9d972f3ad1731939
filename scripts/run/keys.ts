/**
 * The API keys of a local run, made once and kept in .run/keys.env (mode 600) in the
 * same KEY=value form as docker compose's .env, so the file can serve as both.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface RunKeys {
  /** Account `demo`, scopes ingest+read: the data source and the demo generator use it. */
  demo: string;
  /** Account `ops`, scope admin: sets limits, reads every account. */
  ops: string;
}

const KEY_PATTERN = /^[A-Za-z0-9_-]{16,}$/;
const NAMES = { demo: 'MDA_API_KEY', ops: 'MDA_ADMIN_KEY' } as const;

export function newKey(): string {
  return randomBytes(24).toString('base64url');
}

function parseEnvFile(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match) {
      values.set(match[1], match[2].trim());
    }
  }
  return values;
}

export function loadOrCreateKeys(file: string): RunKeys {
  if (!existsSync(file)) {
    const keys: RunKeys = { demo: newKey(), ops: newKey() };
    writeFileSync(
      file,
      `# Made by scripts/start.sh; keep it secret. Also usable as docker compose's .env.\n` +
        `${NAMES.demo}=${keys.demo}\n${NAMES.ops}=${keys.ops}\n`,
      { mode: 0o600 }
    );
    chmodSync(file, 0o600); // in case the umask widened it
    return keys;
  }
  const values = parseEnvFile(readFileSync(file, 'utf8'));
  const read = (name: string): string => {
    const value = values.get(name) ?? '';
    if (!KEY_PATTERN.test(value)) {
      throw new Error(
        `${file}: ${name} must be 16 or more characters of A-Za-z0-9_- (delete the file to make new keys)`
      );
    }
    return value;
  };
  return { demo: read(NAMES.demo), ops: read(NAMES.ops) };
}

/** The backend's API_KEYS setting (api.md). */
export function apiKeysSetting(keys: RunKeys): string {
  return `demo:ingest+read:${keys.demo},ops:admin:${keys.ops}`;
}
