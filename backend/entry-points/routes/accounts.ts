/** Accounts' subscription periods: read by the account's own keys, managed with an admin key. */
import express, { Router, type Request } from 'express';
import { ACCOUNT_PATTERN } from '../../domain/events';
import { ApiError, badRequest } from '../../domain/errors';
import type { Services } from '../services';

/** The account named in the path, which the caller may read (its own) or manage (admin). */
function pathAccount(req: Request, manage: boolean): string {
  const account = String(req.params.account);
  if (!ACCOUNT_PATTERN.test(account)) {
    throw badRequest('invalid_parameter', 'the account in the path must match [A-Za-z0-9_.-]{1,64}');
  }
  const caller = req.caller!;
  if (manage && !caller.admin) {
    throw new ApiError(403, 'forbidden_scope', 'subscription periods are managed with an admin key');
  }
  if (!caller.admin && account !== caller.account) {
    throw new ApiError(403, 'forbidden_account', `this key may not act for account ${JSON.stringify(account)}`);
  }
  return account;
}

export function accountsRouter(services: Services): Router {
  const router = Router();
  const json = express.json({ limit: '16kb', strict: false });
  const subscriptions = services.subscriptions;

  router.get('/accounts/:account', (req, res) => {
    res.json(subscriptions.describe(pathAccount(req, false)));
  });

  router.put('/accounts/:account/subscription', json, (req, res) => {
    res.json(subscriptions.subscribe(pathAccount(req, true), req.body, services.now()));
  });

  router.delete('/accounts/:account/subscription', json, (req, res) => {
    res.json(subscriptions.unsubscribe(pathAccount(req, true), req.body, services.now()));
  });

  return router;
}
