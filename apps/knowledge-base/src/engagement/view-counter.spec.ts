import { Logger } from '@nestjs/common';
import { waitFor } from '@support/testing-core';
import type { DataSource } from 'typeorm';
import type { KnowledgeBaseEnvironment } from '../environment';
import { ViewCounter } from './view-counter.service';

const ARTICLE = '0190f3a0-0000-7000-8000-000000000001';

function counterWith(query: jest.Mock): ViewCounter {
  return new ViewCounter({ query } as unknown as DataSource, { KB_VIEW_FLUSH_INTERVAL_MS: 20 } as KnowledgeBaseEnvironment);
}

describe('ViewCounter on the shared polling loop', () => {
  // the warning a failed flush logs is expected here
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['error', 'warn', 'log']));

  it('flushes the tally every interval as one upsert, and what is left on shutdown', async () => {
    const query = jest.fn().mockResolvedValue({ affectedRows: 1 });
    const counter = counterWith(query);
    counter.onApplicationBootstrap();
    counter.record(ARTICLE, 'de', 'en');
    counter.record(ARTICLE, 'de', 'en');
    await waitFor(() => query.mock.calls.length === 1, { description: 'a flush' });
    expect(query.mock.calls[0][1]).toEqual([ARTICLE, expect.any(String), 'de', 'en', 2]);
    counter.record(ARTICLE, 'fr', 'fr');
    await counter.beforeApplicationShutdown();
    expect(query.mock.calls.at(-1)?.[1]).toEqual([ARTICLE, expect.any(String), 'fr', 'fr', 1]);
  });

  it('keeps the counts when the database is briefly away and writes them on a later pass', async () => {
    const lost = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const query = jest.fn().mockRejectedValueOnce(lost).mockResolvedValue({ affectedRows: 1 });
    const counter = counterWith(query);
    counter.record(ARTICLE, 'en', 'en');
    counter.onApplicationBootstrap();
    await waitFor(() => query.mock.calls.length >= 2, { description: 'the retry' });
    expect(query.mock.calls[1][1]).toEqual([ARTICLE, expect.any(String), 'en', 'en', 1]);
    await counter.beforeApplicationShutdown();
    expect(query).toHaveBeenCalledTimes(2);
  });
});
