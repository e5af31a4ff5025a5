/** Messages between the bench and its load generator process (bench/pipeline/load-generator.ts). */

export interface LoadStep {
  /** tickets per second, sent on a fixed schedule whatever the answers do (open loop) */
  rate: number;
  durationMs: number;
  /** epoch ms of the first scheduled send */
  startAt: number;
  ticketingUrl: string;
  /** customer tokens, used round robin (one a Pro account owner) */
  tokens: string[];
  /** every n-th accepted ticket is handed to the visibility sampler */
  sampleEvery: number;
  /** a request without an answer after this long counts as an error */
  timeoutMs: number;
  maxSockets: number;
}

/** One request: [scheduled epoch ms, sent epoch ms, answered epoch ms, HTTP status (0: no answer), ticket id, error] */
export type RequestRecord = [
  scheduledAt: number,
  sentAt: number,
  answeredAt: number,
  status: number,
  ticketId: string | null,
  error: string | null,
];

export type ToGenerator = { type: 'run'; step: LoadStep } | { type: 'exit' };

export type FromGenerator =
  | { type: 'ready' }
  | { type: 'sample'; ticketId: string; scheduledAt: number; tokenIndex: number }
  | { type: 'done'; records: RequestRecord[] };
