"use strict";
/**
 * The one definition of every statistics view: its metrics, labels, units and rate
 * formulas. The backend computes from it, the Grafana plugin builds frames and editors
 * from it, and the Excel export takes its columns from it. Pure data and pure functions
 * only: this module is bundled into the browser.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.NO_TEMPLATE = exports.OTHER_DOMAINS = exports.VIEW_IDS = exports.VIEWS = exports.SENDING_LIMIT_VIEW = exports.RESULT_CODES_VIEW = exports.DOMAINS_VIEW = exports.SEND_DATE_VIEW = exports.REQUEST_DATE_VIEW = exports.FILTER_LABELS = exports.INTERVAL_LABELS = exports.INTERVALS = exports.METRIC_DEFINITIONS = exports.RATE_DEFINITIONS = exports.COUNT_DEFINITIONS = exports.RATE_METRICS = exports.COUNT_METRICS = void 0;
exports.zeroCounts = zeroCounts;
exports.ratio = ratio;
exports.computeRates = computeRates;
exports.isViewId = isViewId;
exports.COUNT_METRICS = [
    'requestCount',
    'sentCount',
    'deliveredCount',
    'bouncedCount',
    'openedCount',
    'unsubscribeCount',
    'canceledCount',
];
exports.RATE_METRICS = ['deliveryRate', 'openRate', 'unsubscribeRate', 'bounceRate'];
const countMetric = (key, label, description) => ({
    key,
    label,
    unit: 'count',
    description,
});
exports.COUNT_DEFINITIONS = {
    requestCount: countMetric('requestCount', 'Request count', 'Recipient mails requested for delivery'),
    sentCount: countMetric('sentCount', 'Sent count', 'Recipient mails that left the system (delivered or bounced)'),
    deliveredCount: countMetric('deliveredCount', 'Delivered count', 'Recipient mails delivered'),
    bouncedCount: countMetric('bouncedCount', 'Bounced count', 'Recipient mails sent and bounced'),
    openedCount: countMetric('openedCount', 'Opened count', 'Sent mails that recipients opened'),
    unsubscribeCount: countMetric('unsubscribeCount', 'Unsubscribe count', 'Clicks on the unsubscribe link'),
    canceledCount: countMetric('canceledCount', 'Canceled count', 'Recipient mails canceled before sending'),
};
const rate = (key, label, numerator, denominator, description) => ({ key, label, unit: 'percent', numerator, denominator, description });
/** Rates are fractions from 0 to 1; null where the denominator is 0 (domain.md, "Rates"). */
exports.RATE_DEFINITIONS = {
    deliveryRate: rate('deliveryRate', 'Delivery rate', 'sentCount', 'requestCount', 'Sent mails to requested mails'),
    openRate: rate('openRate', 'Open rate', 'openedCount', 'sentCount', 'Opened mails to sent mails'),
    unsubscribeRate: rate('unsubscribeRate', 'Unsubscribe rate', 'unsubscribeCount', 'openedCount', 'Unsubscribe clicks to opened mails'),
    bounceRate: rate('bounceRate', 'Bounce rate', 'bouncedCount', 'sentCount', 'Bounced mails to sent mails'),
};
exports.METRIC_DEFINITIONS = {
    ...exports.COUNT_DEFINITIONS,
    ...exports.RATE_DEFINITIONS,
};
function zeroCounts() {
    return {
        requestCount: 0,
        sentCount: 0,
        deliveredCount: 0,
        bouncedCount: 0,
        openedCount: 0,
        unsubscribeCount: 0,
        canceledCount: 0,
    };
}
function ratio(numerator, denominator) {
    return denominator === 0 ? null : numerator / denominator;
}
function computeRates(counts) {
    const rates = {};
    for (const key of exports.RATE_METRICS) {
        const { numerator, denominator } = exports.RATE_DEFINITIONS[key];
        rates[key] = ratio(counts[numerator], counts[denominator]);
    }
    return rates;
}
exports.INTERVALS = ['1h', '1d', '1w', '1M'];
exports.INTERVAL_LABELS = {
    '1h': 'Hour',
    '1d': 'Day',
    '1w': 'Week (Monday)',
    '1M': 'Month',
};
exports.FILTER_LABELS = {
    template: 'Template',
    domain: 'Domain',
    resultCode: 'Result code',
};
const metricColumns = (metrics) => metrics.map((key) => ({ key, label: exports.METRIC_DEFINITIONS[key].label, unit: exports.METRIC_DEFINITIONS[key].unit }));
const timeColumn = { key: 'time', label: 'Time', unit: 'time' };
const REQUEST_DATE_METRICS = [...exports.COUNT_METRICS, ...exports.RATE_METRICS];
const SEND_DATE_METRICS = REQUEST_DATE_METRICS.filter((key) => key !== 'requestCount' && key !== 'canceledCount' && key !== 'deliveryRate');
exports.REQUEST_DATE_VIEW = {
    id: 'request-date',
    title: 'By request date',
    path: '/stats/request-date',
    shape: 'time',
    axis: 'request',
    metrics: REQUEST_DATE_METRICS,
    filters: ['template', 'domain'],
    columns: [timeColumn, ...metricColumns(REQUEST_DATE_METRICS)],
};
exports.SEND_DATE_VIEW = {
    id: 'send-date',
    title: 'By send date',
    path: '/stats/send-date',
    shape: 'time',
    axis: 'send',
    metrics: SEND_DATE_METRICS,
    filters: ['template', 'domain'],
    columns: [timeColumn, ...metricColumns(SEND_DATE_METRICS)],
};
const countColumn = { key: 'count', label: 'Count', unit: 'count' };
const shareColumn = { key: 'share', label: 'Share', unit: 'percent' };
exports.DOMAINS_VIEW = {
    id: 'domains',
    title: 'By domain',
    path: '/stats/domains',
    shape: 'distribution',
    dimension: 'domain',
    drillDown: { view: 'result-codes', filter: 'domain' },
    filters: ['template', 'domain', 'resultCode'],
    columns: [{ key: 'domain', label: 'Domain', unit: 'text' }, countColumn, shareColumn],
};
exports.RESULT_CODES_VIEW = {
    id: 'result-codes',
    title: 'By result code',
    path: '/stats/result-codes',
    shape: 'distribution',
    dimension: 'resultCode',
    drillDown: { view: 'domains', filter: 'resultCode' },
    filters: ['template', 'domain', 'resultCode'],
    columns: [
        { key: 'resultCode', label: 'Result code', unit: 'text' },
        { key: 'class', label: 'Class', unit: 'text' },
        countColumn,
        shareColumn,
    ],
};
exports.SENDING_LIMIT_VIEW = {
    id: 'sending-limit',
    title: 'By sending limit',
    path: '/stats/sending-limit',
    shape: 'limit',
    filters: [],
    columns: [
        { key: 'date', label: 'Date', unit: 'date' },
        { key: 'volume', label: 'Daily volume', unit: 'count' },
        { key: 'cumulative', label: 'Cumulative volume', unit: 'count' },
        { key: 'dailyShare', label: 'Share of daily limit', unit: 'percent' },
    ],
    monthColumns: [
        { key: 'month', label: 'Month', unit: 'month' },
        { key: 'used', label: 'Used', unit: 'count' },
        { key: 'remaining', label: 'Remaining', unit: 'count' },
        { key: 'share', label: 'Share of monthly limit', unit: 'percent' },
        { key: 'projected', label: 'Projected month-end total', unit: 'count' },
    ],
};
exports.VIEWS = {
    'request-date': exports.REQUEST_DATE_VIEW,
    'send-date': exports.SEND_DATE_VIEW,
    domains: exports.DOMAINS_VIEW,
    'result-codes': exports.RESULT_CODES_VIEW,
    'sending-limit': exports.SENDING_LIMIT_VIEW,
};
exports.VIEW_IDS = Object.keys(exports.VIEWS);
function isViewId(value) {
    return Object.prototype.hasOwnProperty.call(exports.VIEWS, value);
}
/** Label of the row that sums every domain beyond the top N. */
exports.OTHER_DOMAINS = '(other)';
/** Template name of mails sent without a template. */
exports.NO_TEMPLATE = '(none)';
