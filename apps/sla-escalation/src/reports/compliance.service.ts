import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PLAN_CODES } from '@support/contracts';
import { median, percentile, TICKET_PRIORITIES, type TicketPriority } from '@support/domain-sla';
import type { DataSource } from 'typeorm';
import { SlaClockRecord } from '../clocks/sla-clock.entity';

export interface ComplianceFigures {
  /** tickets whose first-response clock started in the window and still applies */
  count: number;
  met: number;
  breached: number;
  /** neither answered nor breached yet */
  open: number;
  /** met / (met + breached), null while nothing is decided */
  compliance: number | null;
  /** over tickets answered: working time to the first response, pauses excluded */
  medianFirstResponseMs: number | null;
  p90FirstResponseMs: number | null;
}

export interface ComplianceGroup extends ComplianceFigures {
  plan: string;
  priority: TicketPriority;
}

type ClockRow = Pick<SlaClockRecord, 'plan' | 'priority' | 'outcome' | 'breachedAt' | 'stopReason' | 'elapsedMs'>;

/** First-response compliance per plan and priority over the clocks started in a window. */
@Injectable()
export class ComplianceService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(from: Date, to: Date): Promise<{ groups: ComplianceGroup[]; total: ComplianceFigures }> {
    // a cancelled clock no longer applied (plan downgrade, closed unanswered): not part of the SLA
    const rows: ClockRow[] = await this.dataSource
      .getRepository(SlaClockRecord)
      .createQueryBuilder('clock')
      .select(['clock.plan', 'clock.priority', 'clock.outcome', 'clock.breachedAt', 'clock.stopReason', 'clock.elapsedMs'])
      .where("clock.metric = 'first_response'")
      .andWhere('clock.started_at >= :from AND clock.started_at < :to', { from, to })
      .andWhere("(clock.outcome IS NULL OR clock.outcome <> 'cancelled')")
      .getMany();

    const byGroup = new Map<string, { plan: string; priority: TicketPriority; rows: ClockRow[] }>();
    for (const row of rows) {
      const plan = row.plan ?? 'none';
      const key = `${plan}/${row.priority}`;
      const group = byGroup.get(key) ?? { plan, priority: row.priority, rows: [] };
      group.rows.push(row);
      byGroup.set(key, group);
    }
    const planOrder = (plan: string) => {
      const index = (PLAN_CODES as readonly string[]).indexOf(plan);
      return index < 0 ? PLAN_CODES.length : index;
    };
    const groups = [...byGroup.values()]
      .sort(
        (a, b) =>
          planOrder(a.plan) - planOrder(b.plan) ||
          a.plan.localeCompare(b.plan) ||
          TICKET_PRIORITIES.indexOf(a.priority) - TICKET_PRIORITIES.indexOf(b.priority),
      )
      .map((group) => ({ plan: group.plan, priority: group.priority, ...figures(group.rows) }));
    return { groups, total: figures(rows) };
  }
}

function figures(rows: ClockRow[]): ComplianceFigures {
  const met = rows.filter((row) => row.outcome === 'met').length;
  const breached = rows.filter((row) => row.breachedAt !== null).length;
  const responseTimes = rows
    .filter((row) => row.stopReason === 'first_responded' && row.elapsedMs !== null)
    .map((row) => row.elapsedMs as number);
  const p50 = median(responseTimes);
  const p90 = percentile(responseTimes, 90);
  return {
    count: rows.length,
    met,
    breached,
    open: rows.length - met - breached,
    compliance: met + breached === 0 ? null : met / (met + breached),
    medianFirstResponseMs: p50 === null ? null : Math.round(p50),
    p90FirstResponseMs: p90 === null ? null : Math.round(p90),
  };
}
