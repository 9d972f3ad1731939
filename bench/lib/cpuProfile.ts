/**
 * A V8 CPU profile of this process while `run` runs, written to `file` (open it in Chrome's
 * DevTools or speedscope). The views case profiles this way because its backend runs in this
 * process; child backends use node's --cpu-prof instead (backendProcess.ts).
 */
import { writeFileSync } from 'node:fs';
import { Session, type Profiler } from 'node:inspector';

export async function withCpuProfile<T>(file: string | undefined, run: () => Promise<T>): Promise<T> {
  if (file === undefined) {
    return run();
  }
  const session = new Session();
  session.connect();
  const post = <R>(method: string) =>
    new Promise<R>((resolve, reject) =>
      session.post(method, (error, result) => (error ? reject(error) : resolve(result as R)))
    );
  await post('Profiler.enable');
  await post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await post<Profiler.StopReturnType>('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}
