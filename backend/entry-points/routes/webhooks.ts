/** POST /api/v1/webhooks/{vendor}/{sourceId}: no API key; the vendor's signature or basic auth verifies the call. */
import express, { Router } from 'express';
import { receiveWebhook } from '../../adapters/webhooks/receivers';
import type { Services } from '../services';

export function webhooksRouter(services: Services): Router {
  const router = Router();
  router.post(
    '/webhooks/:vendor/:sourceId',
    // Raw bytes: the signatures cover the body exactly as sent.
    express.raw({ type: () => true, limit: services.config.maxBodyBytes, inflate: true }),
    async (req, res) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const answer = await receiveWebhook(
        req.params.vendor,
        req.params.sourceId,
        { body, header: (name) => req.get(name) },
        services.webhooks
      );
      res.status(200).json(answer);
    }
  );
  return router;
}
