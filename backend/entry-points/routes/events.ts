/** POST /api/v1/events: a JSON array or NDJSON, plain or gzip; all or nothing. */
import express, { Router, type Request } from 'express';
import { ApiError, badRequest } from '../../domain/errors';
import { actingAccount } from '../auth';
import { utf8Body } from '../bodyText';
import type { Services } from '../services';

function parseBody(req: Request): unknown[] {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const text = utf8Body(req);
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw badRequest('invalid_json', `the body is not valid JSON: ${(error as Error).message}`);
    }
    if (!Array.isArray(parsed)) {
      throw badRequest('invalid_body', 'the body must be a JSON array of events');
    }
    return parsed;
  }
  if (type === 'application/x-ndjson' || type === 'application/jsonl') {
    const lines = text.split('\n');
    const events: unknown[] = [];
    lines.forEach((line, index) => {
      if (line.trim() === '') {
        return;
      }
      try {
        events.push(JSON.parse(line));
      } catch (error) {
        throw badRequest('invalid_json', `line ${index + 1} is not valid JSON: ${(error as Error).message}`, [
          { index: events.length, message: `line ${index + 1} is not valid JSON` },
        ]);
      }
    });
    return events;
  }
  throw new ApiError(415, 'unsupported_media_type', 'Content-Type must be application/json or application/x-ndjson');
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
