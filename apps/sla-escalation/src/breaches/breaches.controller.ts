import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { BreachPageResponse } from './breaches.responses';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiError, Roles } from '@support/platform';
import type { DataSource } from 'typeorm';
import { SlaClockRecord } from '../clocks/sla-clock.entity';
import { parseInstant } from '../instant';
import { SlaTimeSource } from '../time-source';
import { BreachesQueryDto } from './dto/breaches-query.dto';

const DAY_MS = 86_400_000;

interface BreachCursor {
  breachedAt: Date;
  clockId: string;
}

@ApiTags('sla')
@ApiBearerAuth()
@Controller('v1/breaches')
export class BreachesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly time: SlaTimeSource,
  ) {}

  /**
   * Clocks that missed their deadline at or after `since`, oldest deadline first, whatever
   * happened to them since (still running, answered late, escalated).
   */
  @Get()
  @Roles('agent', 'admin')
  @ApiOkResponse({ type: BreachPageResponse })
  async list(@Query() query: BreachesQueryDto): Promise<BreachPageResponse> {
    const since = query.since ? parseInstant(query.since, 'since') : new Date(this.time.now().getTime() - DAY_MS);
    const limit = query.limit ?? 100;
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
    const builder = this.dataSource
      .getRepository(SlaClockRecord)
      .createQueryBuilder('clock')
      .where('clock.breached_at >= :since', { since })
      .orderBy('clock.breached_at', 'ASC')
      .addOrderBy('clock.id', 'ASC')
      .take(limit + 1);
    if (after) {
      builder.andWhere('(clock.breached_at > :afterAt OR (clock.breached_at = :afterAt AND clock.id > :afterId))', {
        afterAt: after.breachedAt,
        afterId: after.clockId,
      });
    }
    const rows = await builder.getMany();
    // the query returns breached clocks only
    const page = rows.slice(0, limit).map((record) => ({ record, breachedAt: record.breachedAt as Date }));
    const last = page[page.length - 1];
    return {
      since: since.toISOString(),
      breaches: page.map(({ record, breachedAt }) => ({
        clockId: record.id,
        ticketId: record.ticketId,
        accountId: record.accountId,
        plan: record.plan,
        metric: record.metric,
        cycle: record.cycle,
        priority: record.priority,
        startedAt: record.startedAt.toISOString(),
        breachedAt: breachedAt.toISOString(),
        escalationLevel: record.escalationLevel,
        state: record.clockState,
        stoppedAt: record.stoppedAt?.toISOString() ?? null,
        outcome: record.outcome,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor({ breachedAt: last.breachedAt, clockId: last.record.id }) : null,
    };
  }
}

function encodeCursor(cursor: BreachCursor): string {
  return Buffer.from(`${cursor.breachedAt.getTime()}|${cursor.clockId}`).toString('base64url');
}

function decodeCursor(text: string): BreachCursor {
  const match = /^(\d{1,15})\|([0-9a-f-]{36})$/.exec(Buffer.from(text, 'base64url').toString());
  if (!match) throw ApiError.badRequest('invalid_cursor', 'cursor: not a nextCursor returned by this endpoint');
  return { breachedAt: new Date(Number(match[1])), clockId: match[2] };
}
