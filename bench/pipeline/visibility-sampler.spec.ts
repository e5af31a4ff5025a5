import http from 'node:http';
import type net from 'node:net';
import { nowMs } from '../stats';
import { VisibilitySampler, visibleFloorMs, type VisibilitySample } from './visibility-sampler';

/** A ticketing stand-in: GET /v1/tickets/:id answers "not decided yet" `hiddenAnswers` times, then the complete page. */
async function ticketPages(hiddenAnswers: number) {
  const asked: Array<{ id: string; at: number; auth: string | undefined }> = [];
  const server = http.createServer((request, response) => {
    const id = request.url?.split('/').pop() ?? '';
    asked.push({ id, at: nowMs(), auth: request.headers.authorization });
    const shown = asked.filter((entry) => entry.id === id).length > hiddenAnswers;
    const page = shown
      ? { id, entitlement: { decidedAt: '2026-12-07T22:00:00.000Z' }, sla: { firstResponseDueAt: '2026-12-07T23:00:00.000Z' } }
      : { id, entitlement: { decidedAt: null }, sla: { firstResponseDueAt: null } };
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(page));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    asked,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function settle(sampler: VisibilitySampler): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!sampler.settled()) {
    if (Date.now() > deadline) throw new Error('the sampler did not settle within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('VisibilitySampler', () => {
  it('counts a ticket visible at the answer that showed it, and its floor at the last GET sent before that answered "not yet"', async () => {
    const pages = await ticketPages(2);
    const sampler = new VisibilitySampler(pages.url, ['token-a'], (_id, start) => start());
    try {
      const scheduledAt = nowMs();
      sampler.track('t-1', scheduledAt, 0);
      await settle(sampler);
      const [sample] = sampler.takeSamples();
      // three GETs: two "not yet" (polled again 100 ms apart), then the page
      expect(pages.asked.map((entry) => entry.id)).toEqual(['t-1', 't-1', 't-1']);
      expect(pages.asked.every((entry) => entry.auth === 'Bearer token-a')).toBe(true);
      expect(sample.visibleAt).not.toBeNull();
      expect(sample.hiddenAt).not.toBeNull();
      const [, secondAsked, thirdAsked] = pages.asked.map((entry) => entry.at);
      // the floor is the second GET's send: before the server read it, after the first
      expect(sample.hiddenAt!).toBeLessThanOrEqual(secondAsked);
      expect(sample.hiddenAt!).toBeGreaterThan(pages.asked[0].at);
      expect(sample.visibleAt!).toBeGreaterThanOrEqual(thirdAsked);
      expect(thirdAsked - secondAsked).toBeGreaterThanOrEqual(95);
      expect(visibleFloorMs(sample)).toBe(sample.hiddenAt! - scheduledAt);
      expect(visibleFloorMs(sample)).toBeLessThan(sample.visibleAt! - scheduledAt);
    } finally {
      sampler.close();
      await pages.close();
    }
  });

  it('leaves the floor at the scheduled time when the first answer already showed the page', async () => {
    const pages = await ticketPages(0);
    const sampler = new VisibilitySampler(pages.url, ['token-a'], (_id, start) => start());
    try {
      const scheduledAt = nowMs() - 250;
      sampler.track('t-2', scheduledAt, 0);
      await settle(sampler);
      const [sample] = sampler.takeSamples();
      expect(pages.asked).toHaveLength(1);
      expect(sample.hiddenAt).toBeNull();
      expect(visibleFloorMs(sample)).toBe(0);
      expect(sample.visibleAt! - scheduledAt).toBeGreaterThanOrEqual(250);
    } finally {
      sampler.close();
      await pages.close();
    }
  });

  it('does not poll before the gate opens', async () => {
    const pages = await ticketPages(0);
    let open: (() => void) | undefined;
    const sampler = new VisibilitySampler(pages.url, ['token-a'], (_id, start) => (open = start));
    try {
      sampler.track('t-3', nowMs(), 0);
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(pages.asked).toHaveLength(0);
      expect(sampler.settled()).toBe(false);
      open!();
      await settle(sampler);
      const samples: VisibilitySample[] = sampler.takeSamples();
      expect(pages.asked).toHaveLength(1);
      expect(samples[0].visibleAt).not.toBeNull();
    } finally {
      sampler.close();
      await pages.close();
    }
  });
});
