import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ServiceMetrics } from '@support/observability';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';

/**
 * Prometheus text exposition. Public like /health: it carries route templates, topics, event
 * types and counts, never ids or payloads; keep it off the public ingress (see README).
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ServiceMetrics) {}

  @Get()
  async scrape(@Res() reply: FastifyReply): Promise<void> {
    const { contentType, body } = await this.metrics.scrape();
    await reply.header('Content-Type', contentType).send(body);
  }
}
