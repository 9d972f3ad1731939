import { FieldType } from '@grafana/data';
import type { SendingLimitResponse } from '../../../contract/apiTypes';
import { limitDaysFrame, limitMonthsFrame } from './limitFrames';

const response: SendingLimitResponse = {
  view: 'sending-limit',
  tz: 'Europe/Berlin',
  limit: { monthly: 1000, daily: 100, changeRequestUrl: 'https://support.example/limits' },
  months: [
    {
      month: '2026-02',
      used: 300,
      remaining: 700,
      share: 0.3,
      projected: 300,
      days: [
        { date: '2026-02-27', volume: 200, cumulative: 200, dailyShare: 2 },
        { date: '2026-02-28', volume: 100, cumulative: 300, dailyShare: 1 },
      ],
    },
    {
      month: '2026-03',
      used: 50,
      remaining: 950,
      share: 0.05,
      projected: 1550,
      days: [{ date: '2026-03-29', volume: 50, cumulative: 50, dailyShare: 0.5 }],
    },
  ],
};

describe('limitDaysFrame', () => {
  it('has the local midnight of each day, volumes, limits and share of the daily limit', () => {
    const frame = limitDaysFrame(response, 'A');
    expect(frame.meta?.custom).toBeUndefined();
    expect(frame.fields).toEqual([
      {
        name: 'date',
        type: FieldType.time,
        values: [
          Date.parse('2026-02-26T23:00:00Z'),
          Date.parse('2026-02-27T23:00:00Z'),
          Date.parse('2026-03-28T23:00:00Z'),
        ],
        config: { displayName: 'Date' },
      },
      {
        name: 'volume',
        type: FieldType.number,
        values: [200, 100, 50],
        config: { displayName: 'Daily volume', unit: 'short' },
      },
      {
        name: 'cumulative',
        type: FieldType.number,
        values: [200, 300, 50],
        config: { displayName: 'Cumulative volume', unit: 'short' },
      },
      {
        name: 'monthlyLimit',
        type: FieldType.number,
        values: [1000, 1000, 1000],
        config: { displayName: 'Monthly limit', unit: 'short' },
      },
      {
        name: 'dailyLimit',
        type: FieldType.number,
        values: [100, 100, 100],
        config: { displayName: 'Daily limit', unit: 'short' },
      },
      {
        name: 'dailyShare',
        type: FieldType.number,
        values: [2, 1, 0.5],
        config: { displayName: 'Share of daily limit', unit: 'percentunit' },
      },
    ]);
  });

  it('keeps null limits and shares when no limit is set', () => {
    const unlimited: SendingLimitResponse = {
      ...response,
      limit: { monthly: null, daily: null, changeRequestUrl: null },
      months: [
        {
          ...response.months[1],
          remaining: null,
          share: null,
          days: [{ ...response.months[1].days[0], dailyShare: null }],
        },
      ],
    };
    const frame = limitDaysFrame(unlimited, 'A');
    expect(frame.fields.slice(3).map((field) => field.values)).toEqual([[null], [null], [null]]);
    expect(frame.meta?.custom).toBeUndefined();
    expect(limitMonthsFrame(unlimited, 'A').fields.map((field) => field.values)).toEqual([
      ['2026-03'],
      [50],
      [null],
      [null],
      [1550],
      [null],
    ]);
  });
});

describe('limitMonthsFrame', () => {
  it('has one row per month with used, remaining, share, projection and the monthly limit', () => {
    const frame = limitMonthsFrame(response, 'A');
    expect(frame.meta?.custom).toBeUndefined();
    expect(frame.fields).toEqual([
      { name: 'month', type: FieldType.string, values: ['2026-02', '2026-03'], config: { displayName: 'Month' } },
      { name: 'used', type: FieldType.number, values: [300, 50], config: { displayName: 'Used', unit: 'short' } },
      {
        name: 'remaining',
        type: FieldType.number,
        values: [700, 950],
        config: { displayName: 'Remaining', unit: 'short' },
      },
      {
        name: 'share',
        type: FieldType.number,
        values: [0.3, 0.05],
        config: { displayName: 'Share of monthly limit', unit: 'percentunit' },
      },
      {
        name: 'projected',
        type: FieldType.number,
        values: [300, 1550],
        config: { displayName: 'Projected month-end total', unit: 'short' },
      },
      {
        name: 'monthlyLimit',
        type: FieldType.number,
        values: [1000, 1000],
        config: { displayName: 'Monthly limit', unit: 'short' },
      },
    ]);
  });
});
