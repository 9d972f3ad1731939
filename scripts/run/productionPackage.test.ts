import { productionManifest, requiredPackages } from './productionPackage';

describe('production package', () => {
  it('finds the packages that compiled code requires, without built-ins or relative paths', () => {
    const sources = [
      'const express_1 = __importDefault(require("express"));\nconst x = require("./domain/views");',
      'const fs = require("node:fs"); const zlib = require("zlib"); const l = require("luxon/src/x");',
      'const s = require("@grafana/data"); const t = require("@grafana/data/unstable");',
    ];
    expect([...requiredPackages(sources)].sort()).toEqual(['@grafana/data', 'express', 'luxon']);
  });

  it('keeps only those dependencies, with the root ranges, and names one that is missing', () => {
    const root = {
      name: 'mail-delivery-analytics',
      version: '1.0.0',
      dependencies: { express: '^5.1.0', luxon: '^3.7.0', react: '^19.0.0' },
    };
    expect(productionManifest(root, new Set(['luxon', 'express']))).toEqual({
      name: 'mail-delivery-analytics',
      version: '1.0.0',
      private: true,
      dependencies: { express: '^5.1.0', luxon: '^3.7.0' },
    });
    expect(() => productionManifest(root, new Set(['pino']))).toThrow(
      'pino is required at run time but is not in package.json "dependencies"'
    );
  });
});
