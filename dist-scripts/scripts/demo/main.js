"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/** `npm run demo:data -- ...`: prints what it sent, exactly, as JSON on its last line. */
const args_1 = require("./args");
const runDemo_1 = require("./runDemo");
async function main() {
    let args;
    try {
        args = (0, args_1.parseDemoArgs)(process.argv.slice(2), process.env);
    }
    catch (error) {
        console.error(`${error.message}\n\n${args_1.USAGE}`);
        process.exit(2);
    }
    const stop = new AbortController();
    process.once('SIGINT', () => stop.abort());
    process.once('SIGTERM', () => stop.abort());
    const log = (line) => console.log(`[demo ${new Date().toISOString()}] ${line}`);
    const totals = await (0, runDemo_1.runDemo)(args, { log, signal: stop.signal });
    console.log(JSON.stringify({ sent: totals }));
}
main().catch((error) => {
    console.error(`demo data failed: ${error.message}`);
    process.exit(1);
});
