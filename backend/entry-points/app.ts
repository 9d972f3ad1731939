/** The HTTP application: routing, authentication and error mapping over the domain services. */
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from '../observability/logger';
import type { BackendMetrics } from '../observability/metrics';
import { RateLimiter } from './rateLimit';
import { authenticate, requireAdmin } from './auth';
import { errorHandler, notFound } from './errors';
import { openApiDocument } from './openapi';
import { requestLog } from './requestLog';
import { strictUrl } from './requestUrl';
import { accountsRouter } from './routes/accounts';
import { eventsRouter } from './routes/events';
import { healthRouter, type OutboxAge } from './routes/health';
import { sourcesRouter } from './routes/sources';
import { statsRouter } from './routes/stats';
import { valuesAndLimitsRouter } from './routes/valuesAndLimits';
import { webhooksRouter } from './routes/webhooks';
import type { Services } from './services';

export interface AppObservability {
  logger: Logger;
  metrics: BackendMetrics;
  outboxAgeSeconds: OutboxAge;
  /** Unexpected errors (never shown to callers). */
  log(error: Error): void;
  /** /metrics is served on the API port (admin key) unless a separate metrics port serves it. */
  metricsOnApiPort: boolean;
}

/**
 * Answers are JSON or downloads, never pages: nothing may frame, script or embed them.
 * Strict-Transport-Security belongs to the TLS terminator in front (docs/operations.md).
 */
export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  next();
};

export function metricsHandler(metrics: BackendMetrics): RequestHandler {
  return async (_req, res) => {
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  };
}

export function createApp(services: Services, observability: AppObservability): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', false); // strictUrl parses the query: every parameter or a 400
  app.use(requestLog(observability.logger, observability.metrics));
  app.use(securityHeaders);
  app.use(strictUrl);
  app.use(healthRouter(services, observability.outboxAgeSeconds));
  app.get('/api/v1/openapi.json', (_req, res) => {
    res.json(openApiDocument);
  });
  const limit = services.config.rateLimitPerMinute;
  const auth = authenticate(services.config.apiKeys, limit === undefined ? undefined : new RateLimiter(limit));
  if (observability.metricsOnApiPort) {
    app.get('/metrics', auth, requireAdmin, metricsHandler(observability.metrics));
  }
  app.use('/api/v1', webhooksRouter(services)); // verified by the vendor's scheme, not by an API key
  app.use('/api/v1', auth);
  app.use('/api/v1', eventsRouter(services));
  app.use('/api/v1', statsRouter(services));
  app.use('/api/v1', valuesAndLimitsRouter(services));
  app.use('/api/v1', accountsRouter(services));
  app.use('/api/v1', sourcesRouter(services));
  app.use(notFound);
  app.use(errorHandler(observability.log));
  return app;
}
