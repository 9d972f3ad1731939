/** Webhook sources (scope admin): PUT/GET/DELETE /api/v1/sources/{sourceId}, GET /api/v1/sources. Secrets are never shown. */
import express, { Router, type Request } from 'express';
import { publicView } from '../../adapters/webhooks/sourceConfig';
import { ApiError, badRequest } from '../../domain/errors';
import type { Services } from '../services';

function requireAdmin(req: Request): void {
  if (!req.caller?.admin) {
    throw new ApiError(403, 'forbidden_scope', 'webhook sources need an admin key');
  }
}

export function sourcesRouter(services: Services): Router {
  const router = Router();
  const sources = services.webhooks.sources;
  const notFound = (id: string) =>
    new ApiError(404, 'unknown_source', `no webhook source ${JSON.stringify(id.slice(0, 64))}`);
  router.get('/sources', (req, res) => {
    requireAdmin(req);
    res.json({ sources: sources.list() });
  });
  router.get('/sources/:sourceId', (req, res) => {
    requireAdmin(req);
    const found = sources.list().find((source) => source.id === req.params.sourceId);
    if (!found) {
      throw notFound(req.params.sourceId);
    }
    res.json(found);
  });
  router.put('/sources/:sourceId', express.raw({ type: () => true, limit: '64kb' }), (req, res) => {
    requireAdmin(req);
    let body: unknown;
    try {
      body = JSON.parse(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '');
    } catch {
      throw badRequest('invalid_json', 'the body must be a JSON object {"vendor", "account", ...secrets}');
    }
    const { source, created } = sources.put(req.params.sourceId, body);
    res.status(created ? 201 : 200).json(publicView(source, 'api'));
  });
  router.delete('/sources/:sourceId', (req, res) => {
    requireAdmin(req);
    if (!sources.delete(req.params.sourceId)) {
      throw notFound(req.params.sourceId);
    }
    res.status(204).end();
  });
  return router;
}
