"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.newKey = newKey;
exports.loadOrCreateKeys = loadOrCreateKeys;
exports.apiKeysSetting = apiKeysSetting;
/**
 * The API keys of a local run, made once and kept in .run/keys.env (mode 600) in the
 * same KEY=value form as docker compose's .env, so the file can serve as both.
 */
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const KEY_PATTERN = /^[A-Za-z0-9_-]{16,}$/;
const NAMES = { demo: 'MDA_API_KEY', ops: 'MDA_ADMIN_KEY' };
function newKey() {
    return (0, node_crypto_1.randomBytes)(24).toString('base64url');
}
function parseEnvFile(text) {
    const values = new Map();
    for (const line of text.split(/\r?\n/)) {
        const match = /^\s*([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
        if (match) {
            values.set(match[1], match[2].trim());
        }
    }
    return values;
}
function loadOrCreateKeys(file) {
    if (!(0, node_fs_1.existsSync)(file)) {
        const keys = { demo: newKey(), ops: newKey() };
        (0, node_fs_1.writeFileSync)(file, `# Made by scripts/start.sh; keep it secret. Also usable as docker compose's .env.\n` +
            `${NAMES.demo}=${keys.demo}\n${NAMES.ops}=${keys.ops}\n`, { mode: 0o600 });
        (0, node_fs_1.chmodSync)(file, 0o600); // in case the umask widened it
        return keys;
    }
    const values = parseEnvFile((0, node_fs_1.readFileSync)(file, 'utf8'));
    const read = (name) => {
        const value = values.get(name) ?? '';
        if (!KEY_PATTERN.test(value)) {
            throw new Error(`${file}: ${name} must be 16 or more characters of A-Za-z0-9_- (delete the file to make new keys)`);
        }
        return value;
    };
    return { demo: read(NAMES.demo), ops: read(NAMES.ops) };
}
/** The backend's API_KEYS setting (api.md). */
function apiKeysSetting(keys) {
    return `demo:ingest+read:${keys.demo},ops:admin:${keys.ops}`;
}
