/** Messages between the bench and its load generator process (bench/pipeline/load-generator.ts). */

/** The tickets the generator files, round robin: [subject, description]; each subject gets its request's number. */
export const PIPELINE_TICKETS: ReadonlyArray<readonly [subject: string, description: string]> = [
  ['Echo in every meeting', 'Participants hear an echo in meeting 123 456 789 whenever two people speak.'],
  ['Cannot share my screen', 'Screen sharing stays black for the other participants since this morning.'],
  ['Invoice shows the wrong plan', 'Our last invoice lists the Basic plan although we upgraded to Pro.'],
  ['Microphone not detected', 'The desktop app says no microphone was found, other apps can use it.'],
  ['Recording missing after webinar', "The cloud recording of yesterday's webinar never appeared in the list."],
];

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

/**
 * One request: [scheduled epoch ms, sent epoch ms (handed to the client), answered epoch ms, HTTP
 * status (0: no answer), ticket id, error, epoch ms it was written on a socket (null without an
 * answer; later than sent when all the generator's sockets were busy)]
 */
export type RequestRecord = [
  scheduledAt: number,
  sentAt: number,
  answeredAt: number,
  status: number,
  ticketId: string | null,
  error: string | null,
  writtenAt: number | null,
];

export type ToGenerator = { type: 'run'; step: LoadStep } | { type: 'exit' };

export type FromGenerator =
  | { type: 'ready' }
  | { type: 'sample'; ticketId: string; scheduledAt: number; tokenIndex: number }
  | { type: 'done'; records: RequestRecord[] };
