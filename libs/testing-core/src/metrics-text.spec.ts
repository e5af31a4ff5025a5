import { metricSample, parseMetricsText } from './metrics-text';

const EXPOSITION = `# HELP support_consumer_transaction_seconds Time a consumer took
# TYPE support_consumer_transaction_seconds histogram
support_consumer_transaction_seconds_bucket{le="0.005",consumer="ticketing.sla",topic="support.sla",service="ticketing"} 3
support_consumer_transaction_seconds_sum{consumer="ticketing.sla",topic="support.sla",service="ticketing"} 0.42
support_consumer_transaction_seconds_count{consumer="ticketing.sla",topic="support.sla",service="ticketing"} 7
http_server_request_duration_seconds_count{method="GET",route="/v1/tickets/:ticketId",status="200",service="ticketing"} 12
kb_note{text="a \\"quoted\\" word, and {braces}"} 1
sla_timers_due 0
`;

describe('the Prometheus text exposition', () => {
  it('reads every sample with its labels and value, and nothing of the comments', () => {
    const samples = parseMetricsText(EXPOSITION);
    expect(samples.map((sample) => sample.name)).toEqual([
      'support_consumer_transaction_seconds_bucket',
      'support_consumer_transaction_seconds_sum',
      'support_consumer_transaction_seconds_count',
      'http_server_request_duration_seconds_count',
      'kb_note',
      'sla_timers_due',
    ]);
    expect(samples[1]).toEqual({
      name: 'support_consumer_transaction_seconds_sum',
      labels: { consumer: 'ticketing.sla', topic: 'support.sla', service: 'ticketing' },
      value: 0.42,
    });
    expect(samples[4].labels).toEqual({ text: 'a \\"quoted\\" word, and {braces}' });
    expect(samples[5]).toEqual({ name: 'sla_timers_due', labels: {}, value: 0 });
  });

  it('finds the first sample of a name that carries the labels asked for', () => {
    expect(metricSample(EXPOSITION, 'support_consumer_transaction_seconds_count', { topic: 'support.sla' })).toBe(7);
    expect(metricSample(EXPOSITION, 'http_server_request_duration_seconds_count', { route: '/v1/tickets/:ticketId' })).toBe(12);
    expect(metricSample(EXPOSITION, 'sla_timers_due')).toBe(0);
    // a name that only starts the same, or labels that do not match, are not it
    expect(metricSample(EXPOSITION, 'support_consumer_transaction_seconds')).toBeNull();
    expect(metricSample(EXPOSITION, 'support_consumer_transaction_seconds_count', { topic: 'support.kb' })).toBeNull();
  });
});
