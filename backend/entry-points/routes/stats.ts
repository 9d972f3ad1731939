/** Statistics views as JSON or streamed xlsx, and the whole-workbook export. */
import { Router, type Request, type Response } from 'express';
import { computeView } from '../../domain/computeView';
import { badRequest, ApiError } from '../../domain/errors';
import { parseStatsParams, type StatsRequest } from '../../domain/statsParams';
import { clampToWindow, requestedWindow, windowFields } from '../../domain/subscriptions';
import { takesTop } from '../../contract/params';
import { isViewId, VIEW_IDS, VIEWS, type ViewDefinition } from '../../contract/views';
import { sheetFromResponse, streamWorkbook, workbookFor, type SheetSpec } from '../../export';
import { DEFAULT_MAX_CONCURRENT_EXPORTS } from '../../config';
import { actingAccount } from '../auth';
import { ExportSlots } from '../exportSlots';
import type { Services } from '../services';

/** Aborted when the client goes away, so InfluxDB queries and exports stop too. */
function clientSignal(res: Response): AbortSignal {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) {
      controller.abort();
    }
  });
  return controller.signal;
}

export function statsRouter(services: Services): Router {
  const router = Router();

  const exportSlots = new ExportSlots(services.config.maxConcurrentExports ?? DEFAULT_MAX_CONCURRENT_EXPORTS);

  /** `beforeReading` runs once the parameters are valid: a refused request never takes an export slot. */
  async function sheet(
    req: Request,
    view: ViewDefinition,
    account: string,
    strict: boolean,
    signal: AbortSignal,
    beforeReading: (request: StatsRequest) => void = () => undefined
  ) {
    const now = services.now();
    const window = requestedWindow(services.subscriptions, account, req.query.period, req.caller!.admin);
    const request = clampToWindow(
      parseStatsParams(req.query, view, account, services.config.defaultTz, now, strict),
      window
    );
    beforeReading(request);
    const response = {
      ...(await computeView(services.stats, services.limits, view, request, now, signal, window)),
      ...windowFields(window, request.tz),
    };
    const context = {
      account: request.account,
      filters: request.filters,
      ...(takesTop(view) ? { top: request.top } : {}),
    };
    return { request, response, spec: () => sheetFromResponse(view, response, context) };
  }

  router.get('/stats/:view', async (req, res) => {
    const id = req.params.view;
    if (!isViewId(id)) {
      throw new ApiError(
        404,
        'unknown_view',
        `no view ${JSON.stringify(id.slice(0, 100))}; views are ${VIEW_IDS.join(', ')}`
      );
    }
    const view = VIEWS[id];
    const account = actingAccount(req, 'read');
    const signal = clientSignal(res);
    const { request, response, spec } = await sheet(req, view, account, true, signal, (parsed) => {
      if (parsed.format === 'xlsx') {
        exportSlots.hold(res);
      }
    });
    if (request.format === 'xlsx') {
      await streamWorkbook(res, workbookFor([spec()], new Date(services.now())), signal);
      return;
    }
    res.json(response);
  });

  router.get('/export', async (req, res) => {
    const account = actingAccount(req, 'read');
    const text = typeof req.query.views === 'string' ? req.query.views : VIEW_IDS.join(',');
    const ids = [
      ...new Set(
        text
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id !== '')
      ),
    ];
    const unknown = ids.filter((id) => !isViewId(id));
    if (ids.length === 0 || unknown.length > 0) {
      throw badRequest(
        'invalid_parameter',
        `views must list views from ${VIEW_IDS.join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`
      );
    }
    const signal = clientSignal(res);
    exportSlots.hold(res);
    const sheets: SheetSpec[] = [];
    for (const id of ids) {
      sheets.push((await sheet(req, VIEWS[id as keyof typeof VIEWS], account, false, signal)).spec());
    }
    await streamWorkbook(res, workbookFor(sheets, new Date(services.now())), signal);
  });

  return router;
}
