/** The HTTP application: routing, authentication and error mapping over the domain services. */
import express, { type Express } from 'express';
import { authenticate } from './auth';
import { errorHandler, notFound } from './errors';
import { openApiDocument } from './openapi';
import { eventsRouter } from './routes/events';
import { healthRouter } from './routes/health';
import { statsRouter } from './routes/stats';
import { valuesAndLimitsRouter } from './routes/valuesAndLimits';
import type { Services } from './services';

export function createApp(services: Services, log: (error: Error) => void): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(healthRouter(services));
  app.get('/api/v1/openapi.json', (_req, res) => {
    res.json(openApiDocument);
  });
  app.use('/api/v1', authenticate(services.config.apiKeys));
  app.use('/api/v1', eventsRouter(services));
  app.use('/api/v1', statsRouter(services));
  app.use('/api/v1', valuesAndLimitsRouter(services));
  app.use(notFound);
  app.use(errorHandler(log));
  return app;
}
