/**
 * The container's package.json: only the dependencies that the built backend and demo
 * generator actually require (the root package.json also lists the Grafana plugin's).
 * Usage: node productionPackage.js <out/package.json> <built dir>...
 */
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const BUILTINS = new Set(builtinModules);

/** Package names required by CommonJS sources (relative paths and Node built-ins left out). */
export function requiredPackages(sources: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const source of sources) {
    for (const [, specifier] of source.matchAll(/\brequire\("([^"]+)"\)/g)) {
      if (specifier.startsWith('.') || specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0])) {
        continue;
      }
      const parts = specifier.split('/');
      names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
    }
  }
  return names;
}

interface PackageJson {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
}

export function productionManifest(root: PackageJson, required: ReadonlySet<string>): PackageJson & { private: true } {
  const dependencies: Record<string, string> = {};
  for (const name of [...required].sort()) {
    const range = root.dependencies?.[name];
    if (!range) {
      throw new Error(`${name} is required at run time but is not in package.json "dependencies"`);
    }
    dependencies[name] = range;
  }
  return { name: root.name, version: root.version, private: true, dependencies };
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => join(dir, file));
}

if (require.main === module) {
  const [out, ...dirs] = process.argv.slice(2);
  const sources = dirs.flatMap(jsFiles).map((file) => readFileSync(file, 'utf8'));
  const root = JSON.parse(readFileSync('package.json', 'utf8')) as PackageJson;
  writeFileSync(out, JSON.stringify(productionManifest(root, requiredPackages(sources)), null, 2) + '\n');
}
