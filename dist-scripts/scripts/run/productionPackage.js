"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.requiredPackages = requiredPackages;
exports.productionManifest = productionManifest;
/**
 * The container's package.json: only the dependencies that the built backend and demo
 * generator actually require (the root package.json also lists the Grafana plugin's).
 * Usage: node productionPackage.js <out/package.json> <built dir>...
 */
const node_module_1 = require("node:module");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const BUILTINS = new Set(node_module_1.builtinModules);
/** Package names required by CommonJS sources (relative paths and Node built-ins left out). */
function requiredPackages(sources) {
    const names = new Set();
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
function productionManifest(root, required) {
    const dependencies = {};
    for (const name of [...required].sort()) {
        const range = root.dependencies?.[name];
        if (!range) {
            throw new Error(`${name} is required at run time but is not in package.json "dependencies"`);
        }
        dependencies[name] = range;
    }
    return { name: root.name, version: root.version, private: true, dependencies };
}
function jsFiles(dir) {
    return (0, node_fs_1.readdirSync)(dir, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.js'))
        .map((file) => (0, node_path_1.join)(dir, file));
}
if (require.main === module) {
    const [out, ...dirs] = process.argv.slice(2);
    const sources = dirs.flatMap(jsFiles).map((file) => (0, node_fs_1.readFileSync)(file, 'utf8'));
    const root = JSON.parse((0, node_fs_1.readFileSync)('package.json', 'utf8'));
    (0, node_fs_1.writeFileSync)(out, JSON.stringify(productionManifest(root, requiredPackages(sources)), null, 2) + '\n');
}
