/**
 * The documentation is self-contained: docs/api.md lists exactly the routes the backend's
 * openapi.json serves, and every relative link of every Markdown file in the repository
 * resolves to a file inside the repository.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { startTestBackend, type TestBackend } from '../support/backend';
import { readText, ROOT } from './repoFiles';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** `METHOD path` of every row of docs/api.md's "Routes" table. */
function documentedRoutes(markdown: string): string[] {
  const section = markdown.split(/^## Routes$/m)[1]?.split(/^## /m)[0] ?? '';
  return [...section.matchAll(/^\|\s*(GET|PUT|POST|DELETE|PATCH)\s*\|\s*(\/\S*)\s*\|/gm)].map(
    ([, method, path]) => `${method} ${path}`
  );
}

/** Markdown files of the repository (tracked or new, not ignored). */
function markdownFiles(): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.md'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => file !== '' && existsSync(resolve(ROOT, file)));
}

/** Link targets: inline links and images `[text](target)`, and reference definitions `[name]: target`. */
function linkTargets(markdown: string): string[] {
  const withoutCode = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  const inline = [...withoutCode.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]);
  const references = [...withoutCode.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((match) => match[1]);
  return [...inline, ...references];
}

describe('docs/api.md and openapi.json', () => {
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await startTestBackend();
  });
  afterAll(() => backend.stop());

  test('list the same routes and methods', async () => {
    const document = await (await fetch(`${backend.url}/api/v1/openapi.json`)).json();
    const served = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => METHODS.includes(key))
        .map((method) => `${method.toUpperCase()} ${path}`)
    );
    const documented = documentedRoutes(readText('docs/api.md'));
    expect(documented.length).toBeGreaterThan(0);
    expect([...documented].sort()).toEqual([...served].sort());
  });

  test('the prose names no route that is not served', () => {
    const table = new Set(documentedRoutes(readText('docs/api.md')));
    const prose = readText('docs/api.md').replace(/^## Routes$[\s\S]*?^(?=## )/m, '');
    // `GET /api/v1/values/templates|domains|result-codes` names three routes
    const named = [...prose.matchAll(/`(GET|PUT|POST|DELETE|PATCH) (\/[^\s`?]+)/g)].flatMap(([, method, paths]) => {
      const [first, ...others] = paths.split('|');
      const base = first.slice(0, first.lastIndexOf('/') + 1);
      return [first, ...others.map((other) => base + other)].map((path) => `${method} ${path}`);
    });
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((route) => !table.has(route))).toEqual([]);
  });
});

describe('Markdown links', () => {
  const files = markdownFiles();

  test('the repository has its Markdown files', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'docs/api.md', 'docs/running.md']));
  });

  test.each(files)('every relative link of %s resolves inside the repository', (file) => {
    const broken = linkTargets(readText(file))
      .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#'))
      .map((target) => {
        const path = decodeURIComponent(target.split('#')[0]);
        const absolute = resolve(ROOT, path.startsWith('/') ? `.${path}` : resolve(dirname(resolve(ROOT, file)), path));
        const inside = !relative(ROOT, absolute).startsWith('..') && !path.startsWith('/');
        return inside && existsSync(absolute) ? undefined : target;
      })
      .filter((target) => target !== undefined);
    expect(broken).toEqual([]);
  });

  test.each(files)('%s names no path outside the repository', (file) => {
    expect(readText(file)).not.toMatch(/\.\.\/shared\/|\/work\//);
  });
});
