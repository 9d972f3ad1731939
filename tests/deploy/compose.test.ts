/** docker-compose.yml, Dockerfile and .env.example: parse, pinned images, files that exist. */
import { loadConfig } from '../../backend/config';
import { APP_PLUGIN_ID, DATASOURCE_PLUGIN_ID } from '../../src/datasource/types';
import { exists, readText, readYaml } from './repoFiles';

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  healthcheck?: { disable?: boolean };
}

const compose = readYaml<{ services: Record<string, Service> }>('docker-compose.yml');
const services = compose.services;

describe('docker-compose.yml', () => {
  it('replaces the scaffold compose file and leaves the scaffold base untouched in place', () => {
    expect(exists('docker-compose.yaml')).toBe(false);
    expect(exists('.config/docker-compose-base.yaml')).toBe(true);
    expect(Object.keys(services).sort()).toEqual(['backend', 'demo', 'grafana', 'influxdb']);
  });

  it('pins every pulled image to an exact version: InfluxDB 1.x and Grafana 13.x, never latest', () => {
    expect(services.influxdb.image).toBe('influxdb:1.11.8');
    expect(services.grafana.image).toMatch(/^grafana\/grafana:13\.\d+\.\d+$/);
    for (const [name, service] of Object.entries(services)) {
      expect(service.image).not.toMatch(/:latest$|^[^:]+$/);
      if (!service.build) {
        expect(`${name} ${service.image}`).toMatch(/:\d+\.\d+\.\d+$/);
      }
    }
  });

  it('builds the backend and the demo generator from the Dockerfile, same image', () => {
    expect(services.backend.build).toBe('.');
    expect(services.demo.build).toBe('.');
    expect(services.demo.image).toBe(services.backend.image);
    expect(exists('Dockerfile')).toBe(true);
    expect(exists('.dockerignore')).toBe(true);
    expect(services.demo.command?.slice(0, 2)).toEqual(['node', 'dist-scripts/scripts/demo/main.js']);
    expect(services.demo.command).toContain('--follow');
    expect(services.demo.healthcheck).toEqual({ disable: true });
    expect(exists('scripts/demo/main.ts')).toBe(true);
    expect(readText('scripts/run/tsconfig.json')).toContain('"../demo/main.ts"');
  });

  it('fails clearly when a key is missing from .env, and .env.example names every required variable', () => {
    const text = readText('docker-compose.yml');
    const required = [...text.matchAll(/\$\{([A-Z_]+):\?([^}]+)\}/g)];
    expect(new Set(required.map(([, name]) => name))).toEqual(new Set(['MDA_API_KEY', 'MDA_ADMIN_KEY']));
    for (const [, name, message] of required) {
      expect(message).toBe(`set ${name} in .env (see .env.example)`);
    }
    expect(services.backend.environment?.API_KEYS).toBe(
      'demo:ingest+read:${MDA_API_KEY:?set MDA_API_KEY in .env (see .env.example)},ops:admin:${MDA_ADMIN_KEY:?set MDA_ADMIN_KEY in .env (see .env.example)}'
    );
    expect(services.grafana.environment?.MDA_API_KEY).toBe(
      '${MDA_API_KEY:?set MDA_API_KEY in .env (see .env.example)}'
    );
    const example = readText('.env.example');
    expect(example).toMatch(/^MDA_API_KEY=$/m);
    expect(example).toMatch(/^MDA_ADMIN_KEY=$/m);
  });

  it('mounts the built app plugin and the provisioning folder into Grafana and allows both unsigned plugins', () => {
    const volumes = services.grafana.volumes ?? [];
    expect(volumes).toContain(`./dist:/var/lib/grafana/plugins/${APP_PLUGIN_ID}:ro`);
    expect(volumes).toContain('./provisioning:/etc/grafana/provisioning:ro');
    expect(exists('provisioning/plugins/app.yaml')).toBe(true);
    expect(services.grafana.environment?.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS).toBe(
      `${APP_PLUGIN_ID},${DATASOURCE_PLUGIN_ID}`
    );
    for (const volume of Object.values(services).flatMap((service) => service.volumes ?? [])) {
      const source = volume.split(':')[0];
      if (source.startsWith('./') && source !== './dist') {
        expect(exists(source)).toBe(true); // ./dist is made by npm run build
      }
    }
  });

  it('passes the optional adapter keys through from .env, unset leaving both adapters off', () => {
    const passedThrough = Object.entries(services.backend.environment ?? {}).filter(
      ([name, value]) => value === `\${${name}:-}`
    );
    expect(passedThrough.map(([name]) => name)).toEqual([
      'NCLOUD_ACCESS_KEY',
      'NCLOUD_SECRET_KEY',
      'NCLOUD_ACCOUNT',
      'NCLOUD_REGION',
      'WEBHOOK_SOURCES',
    ]);
    const example = readText('.env.example');
    for (const [name] of passedThrough) {
      expect(example).toMatch(new RegExp(`^# ${name}=`, 'm'));
    }
    // compose gives an unset `${NAME:-}` as an empty string
    const config = loadConfig({
      API_KEYS: 'demo:ingest+read:demoKey0123456789abc',
      ...Object.fromEntries(passedThrough.map(([name]) => [name, ''])),
    });
    expect(config.ncloud).toBeUndefined();
    expect(config.webhookSources).toEqual([]);
  });

  it('points the backend at the influxdb service', () => {
    expect(services.backend.environment).toMatchObject({
      INFLUX_URL: 'http://influxdb:8086',
      INFLUX_DATABASE: 'mail_delivery',
    });
  });
});

describe('Dockerfile', () => {
  const dockerfile = readText('Dockerfile');

  it('builds on node:20-bookworm and runs on node:20-bookworm-slim as a non-root user', () => {
    const stages = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map(([, image]) => image);
    expect(stages).toEqual(['node:20-bookworm', 'node:20-bookworm-slim']);
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/HOST=0\.0\.0\.0/);
    expect(runtime).toMatch(/^EXPOSE 3001$/m);
    expect(runtime).toMatch(/^VOLUME \["\/data"\]$/m);
    expect(runtime).toMatch(/DATA_DIR=\/data/);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n.*\/healthz/m);
    expect(runtime).toMatch(/^CMD \["node", "dist-backend\/main\.js"\]$/m);
  });

  it('copies only production dependencies and built code into the runtime image', () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    const copies = [...runtime.matchAll(/^COPY --from=build (.+)$/gm)].map(([, what]) => what);
    expect(copies).toEqual([
      '/prod/package.json /prod/package-lock.json ./',
      '/prod/node_modules ./node_modules',
      '/app/dist-backend ./dist-backend',
      '/app/dist-scripts ./dist-scripts',
    ]);
    expect(dockerfile).toContain('npm install --omit=dev');
    for (const path of ['backend/tsconfig.json', 'scripts/run/tsconfig.json', 'scripts/run/productionPackage.ts']) {
      expect(exists(path)).toBe(true);
    }
  });
});
