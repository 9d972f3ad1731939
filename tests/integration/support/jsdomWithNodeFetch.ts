/**
 * jsdom (the plugin's browser-like world) plus what the in-process backend needs from Node:
 * fetch for InfluxDB and for the test's stand-in of Grafana's proxy, setImmediate for Express, and
 * Node's timers (the backend unref()s its intervals, which jsdom's numeric timer ids cannot) and
 * Node's URL (the backend uses URL.canParse, which jsdom's URL lacks).
 * Use with a `@jest-environment ./tests/integration/support/jsdomWithNodeFetch.ts` docblock.
 */
import JSDOMEnvironment from 'jest-environment-jsdom';

export default class JsdomWithNodeFetchEnvironment extends JSDOMEnvironment {
  constructor(...args: ConstructorParameters<typeof JSDOMEnvironment>) {
    super(...args);
    Object.assign(this.global, {
      fetch,
      URL,
      URLSearchParams,
      Headers,
      Request,
      Response,
      AbortController,
      AbortSignal,
      setImmediate,
      clearImmediate,
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      structuredClone,
    });
  }
}
