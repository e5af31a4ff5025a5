import { dueTimers, type SlaPolicy } from '@support/domain-sla';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { clockFromJson } from '../clocks/clock-state';

/** clocks whose rows `down` rebuilds per round */
const CHUNK = 1000;

/**
 * Each clock keeps one timer row, its next threshold (`owedTimers`), instead of one per threshold
 * still ahead: the scheduler fires whatever the clock's state has due when it claims that row,
 * and writes the next one. `up` keeps each clock's earliest row (a tie goes to the one `dueTimers`
 * lists first: warning, breach, escalations by level) and deletes the rest.
 *
 * `down` writes the other rows back: the previous release trusts a clock's rows to be all of
 * `dueTimers`, and would skip a threshold whose row is missing. The instants come from business
 * calendars, which SQL cannot compute, so `down` runs the domain's `dueTimers` over each clock
 * that has a row, under the policy version it started with, and inserts what is missing.
 */
export class NextTimerOnly1763800000330 implements MigrationInterface {
  name = 'NextTimerOnly1763800000330';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DELETE t FROM sla_timer t JOIN (
        SELECT id FROM (
          SELECT id, ROW_NUMBER() OVER (
                   PARTITION BY clock_id ORDER BY due_at, FIELD(kind, 'warning', 'breach', 'escalation'), level, id) AS position
            FROM sla_timer) ranked
         WHERE position > 1) later ON later.id = t.id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const policies = new Map<string, SlaPolicy>();
    for (const row of (await queryRunner.query('SELECT policy_id, version, definition FROM sla_policy_version')) as Array<{
      policy_id: string;
      version: number;
      definition: string | SlaPolicy;
    }>) {
      const definition = typeof row.definition === 'string' ? (JSON.parse(row.definition) as SlaPolicy) : row.definition;
      policies.set(`${row.policy_id}@${row.version}`, definition);
    }
    let after = '';
    for (;;) {
      const clocks: Array<{ id: string; ticket_id: string; policy_id: string; policy_version: number; state: string | object }> =
        await queryRunner.query(
          `SELECT c.id, c.ticket_id, c.policy_id, c.policy_version, c.state FROM sla_clock c
            WHERE c.id > ? AND EXISTS (SELECT 1 FROM sla_timer t WHERE t.clock_id = c.id) ORDER BY c.id LIMIT ${CHUNK}`,
          [after],
        );
      if (clocks.length === 0) return;
      after = clocks[clocks.length - 1].id;
      const rows: unknown[][] = [];
      const now = new Date();
      for (const clock of clocks) {
        const policy = policies.get(`${clock.policy_id}@${clock.policy_version}`);
        if (!policy) throw new Error(`SLA policy ${clock.policy_id} version ${clock.policy_version} is missing`);
        const state = typeof clock.state === 'string' ? (JSON.parse(clock.state) as Record<string, unknown>) : clock.state;
        for (const timer of dueTimers(clockFromJson(state as Record<string, unknown>), policy)) {
          rows.push([clock.id, clock.ticket_id, timer.kind, timer.kind === 'escalation' ? timer.level : 0, timer.at, now]);
        }
      }
      // the row each clock kept is there already (unique per clock, kind and level): set to its instant
      if (rows.length > 0)
        await queryRunner.query(
          'INSERT INTO sla_timer (clock_id, ticket_id, kind, level, due_at, created_at) VALUES ? ON DUPLICATE KEY UPDATE due_at = VALUES(due_at)',
          [rows],
        );
    }
  }
}
