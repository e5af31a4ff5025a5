import type { SlaClock } from '@support/domain-sla';

const DATE_FIELDS = ['startedAt', 'runningSince', 'pausedAt', 'dueAt', 'warningAt', 'warnedAt', 'stoppedAt', 'breachedAt'] as const;

/** The domain clock as stored JSON (dates as ISO strings) and back. */
export function clockToJson(clock: SlaClock): Record<string, unknown> {
  return JSON.parse(JSON.stringify(clock)) as Record<string, unknown>;
}

export function clockFromJson(json: Record<string, unknown>): SlaClock {
  const revived: Record<string, unknown> = { ...json };
  for (const field of DATE_FIELDS) {
    const value = json[field];
    revived[field] = typeof value === 'string' ? new Date(value) : null;
  }
  revived['segments'] = ((json['segments'] as Array<{ from: string; to: string; workingMs: number }>) ?? []).map((s) => ({
    from: new Date(s.from),
    to: new Date(s.to),
    workingMs: s.workingMs,
  }));
  return revived as unknown as SlaClock;
}
