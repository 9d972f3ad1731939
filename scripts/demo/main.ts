/** `npm run demo:data -- ...`: prints what it sent, exactly, as JSON on its last line. */
import { parseDemoArgs, USAGE } from './args';
import { runDemo } from './runDemo';

async function main(): Promise<void> {
  let args;
  try {
    args = parseDemoArgs(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  process.once('SIGTERM', () => stop.abort());
  const log = (line: string) => console.log(`[demo ${new Date().toISOString()}] ${line}`);
  const totals = await runDemo(args, { log, signal: stop.signal });
  console.log(JSON.stringify({ sent: totals }));
}

main().catch((error: Error) => {
  console.error(`demo data failed: ${error.message}`);
  process.exit(1);
});
