/**
 * The scaffold's webpack config (.config/, overwritten by `create-plugin update`), extended as
 * @grafana/create-plugin documents: a root config that merges into it.
 */
import fs from 'fs';
import path from 'path';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import type { Configuration } from 'webpack';
import { merge } from 'webpack-merge';
import grafanaConfig, { type Env } from './.config/webpack/webpack.config.ts';

// Grafana serves a nested plugin's assets from its own folder (public/plugins/<data source id>/,
// which is dist/datasource/), so a logo path cannot leave it with ../. The scaffold copies only
// the app's logos: ship each logo the data source's plugin.json names from the app's img/.
const datasourceJson = JSON.parse(fs.readFileSync(path.resolve(process.cwd(), 'src/datasource/plugin.json'), 'utf8'));
// Array.from, not a spread: webpack loads this file through ts-node, which compiles to ES5 here.
const datasourceLogos: string[] = Array.from(
  new Set<string>([datasourceJson.info.logos.small, datasourceJson.info.logos.large])
);

const config = async (env: Env): Promise<Configuration> =>
  merge(await grafanaConfig(env), {
    plugins: [
      new CopyWebpackPlugin({
        patterns: datasourceLogos.map((logo) => ({ from: logo, to: path.join('datasource', logo) })),
      }),
    ],
  });

export default config;
