import { createServer } from 'node:net';
import { freePort } from '../lib/influxd';
import { isPortFree, preferredPort } from './ports';

describe('preferredPort', () => {
  it('keeps a free port and replaces a taken one', async () => {
    const port = await freePort();
    expect(await preferredPort(port)).toBe(port);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      expect(await isPortFree(port)).toBe(false);
      const other = await preferredPort(port);
      expect(other).not.toBe(port);
      expect(await isPortFree(other)).toBe(true);
    } finally {
      server.close();
    }
  });
});
