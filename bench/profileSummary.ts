/**
 * `npm run bench:profile-summary -- <file.cpuprofile>`: where a V8 CPU profile's time went,
 * as text: self time by package or project file (idle and garbage collection on their own
 * lines), and inclusive time of the project's functions. Used on the views case's profiles
 * (BENCH_PROFILE=1) to say where a view's milliseconds go.
 */
import { readFileSync } from 'node:fs';
import type { Profiler, Runtime } from 'node:inspector';

const TOP = 25;

/** A frame's place: an npm package, a project file, node's own code, or V8's pseudo-frames. */
function placeOf(frame: Runtime.CallFrame): string {
  const { url, functionName } = frame;
  if (url === '') {
    return functionName.startsWith('(') ? functionName : '(native)';
  }
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inPackage) {
    return inPackage[1];
  }
  if (url.includes('deps/undici')) {
    return 'undici (fetch)';
  }
  if (url.startsWith('node:')) {
    return 'node internals';
  }
  const project = /\/(backend|bench|scripts|contract|dist-backend)\/(.+)$/.exec(url);
  return project ? `${project[1]}/${project[2]}` : url;
}

function isProject(frame: Runtime.CallFrame): boolean {
  return /\/(backend|contract|dist-backend)\//.test(frame.url) && !frame.url.includes('node_modules');
}

export function summarizeProfile(profile: Profiler.Profile): string {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) {
      parentOf.set(child, node.id);
    }
  }
  const selfUs = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, index) => selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[index] ?? 0)));
  const byPlace = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    totalUs += us;
    const leaf = nodes.get(id)!;
    const place = placeOf(leaf.callFrame);
    byPlace.set(place, (byPlace.get(place) ?? 0) + us);
    const counted = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = nodes.get(at)!.callFrame;
      const name = `${frame.functionName || '(anonymous)'} ${placeOf(frame)}:${frame.lineNumber + 1}`;
      if (isProject(frame) && !counted.has(name)) {
        counted.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + us);
      }
    }
  }
  const lines = (entries: Map<string, number>) =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([name, us]) => `${(us / 1000).toFixed(1).padStart(9)} ms  ${name}`);
  return [
    `profile: ${(totalUs / 1000).toFixed(0)} ms sampled`,
    'self time by place:',
    ...lines(byPlace),
    'inclusive time of project functions:',
    ...lines(inclusive),
  ].join('\n');
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run bench:profile-summary -- <file.cpuprofile>');
    process.exit(2);
  }
  console.log(summarizeProfile(JSON.parse(readFileSync(file, 'utf8'))));
}
