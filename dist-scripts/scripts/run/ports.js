"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isPortFree = isPortFree;
exports.preferredPort = preferredPort;
/** Picks the usual port when it is free, else any free one. */
const node_net_1 = require("node:net");
const influxd_1 = require("../lib/influxd");
function isPortFree(port, host = '127.0.0.1') {
    return new Promise((resolve) => {
        const server = (0, node_net_1.createServer)();
        server.once('error', () => resolve(false));
        server.listen(port, host, () => server.close(() => resolve(true)));
    });
}
async function preferredPort(port) {
    return (await isPortFree(port)) ? port : (0, influxd_1.freePort)();
}
