/** POST /api/v1/events: a JSON array or NDJSON, plain or gzip; all or nothing. */
import express, { Router, type Request } from 'express';
import { badRequest } from '../../domain/errors';
import { actingAccount } from '../auth';
import { utf8Body } from '../bodyText';
import { parseEvents } from '../eventBody';
import type { Services } from '../services';

function parseBody(req: Request): unknown[] {
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return parseEvents(mediaType, utf8Body(req));
}

export function eventsRouter(services: Services): Router {
  const router = Router();
  router.post(
    '/events',
    express.raw({ type: () => true, limit: services.config.maxBodyBytes, inflate: true }),
    async (req, res) => {
      const account = actingAccount(req, 'ingest');
      const events = parseBody(req);
      if (events.length === 0) {
        throw badRequest('invalid_body', 'the batch holds no events');
      }
      const caller = req.caller!;
      const result = await services.ingest.ingest(events, {
        account,
        admin: caller.admin,
        defaultAccount: req.query.account === undefined ? undefined : account,
      });
      res.status(202).json(result);
    }
  );
  return router;
}
