/** Values for Grafana variables, and the sending limits. */
import express, { Router } from 'express';
import { ApiError } from '../../domain/errors';
import { parseLimits } from '../../domain/limits';
import { parseRange, parseZone } from '../../domain/statsParams';
import { clampToWindow, requestedWindow } from '../../domain/subscriptions';
import { listValues, VALUE_KINDS } from '../../domain/values';
import { actingAccount } from '../auth';
import { requireUtf8 } from '../bodyText';
import type { Services } from '../services';

export function valuesAndLimitsRouter(services: Services): Router {
  const router = Router();

  router.get('/values/:kind', async (req, res) => {
    const kind = req.params.kind;
    if (!Object.prototype.hasOwnProperty.call(VALUE_KINDS, kind)) {
      throw new ApiError(
        404,
        'unknown_values',
        `no values ${JSON.stringify(kind.slice(0, 100))}; use ${Object.keys(VALUE_KINDS).join(', ')}`
      );
    }
    const account = actingAccount(req, 'read');
    const tz = parseZone(req.query, services.config.defaultTz);
    const window = requestedWindow(services.subscriptions, account, req.query.period, req.caller!.admin);
    const range = clampToWindow(parseRange(req.query, tz, services.now(), 30), window);
    const search = typeof req.query.q === 'string' ? req.query.q : '';
    res.json({ values: await listValues(services.stats, kind, account, range, search) });
  });

  router.get('/limits', (req, res) => {
    res.json(services.limits.get(actingAccount(req, 'read')));
  });

  router.put('/limits', express.json({ limit: '16kb', strict: false, verify: requireUtf8 }), async (req, res) => {
    const account = actingAccount(req, 'admin');
    res.json(await services.limits.set(account, parseLimits(req.body), services.now()));
  });

  return router;
}
