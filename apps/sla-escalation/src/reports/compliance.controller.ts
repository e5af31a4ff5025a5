import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ComplianceReportResponse } from './compliance.responses';
import { ApiError, Roles } from '@support/platform';
import { parseInstant } from '../instant';
import { ComplianceService } from './compliance.service';
import { ComplianceQueryDto } from './dto/compliance-query.dto';

/** A year and a day: enough for any yearly report, small enough to answer from one query. */
const LONGEST_WINDOW_MS = 366 * 86_400_000;

@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports')
export class ComplianceController {
  constructor(private readonly compliance: ComplianceService) {}

  /**
   * First-response compliance of the tickets whose clock started in [from, to): per plan and
   * priority, how many, met, breached, and the median and 90th-percentile response time.
   */
  @Get('compliance')
  @Roles('agent', 'admin')
  @ApiOkResponse({ type: ComplianceReportResponse })
  async get(@Query() query: ComplianceQueryDto): Promise<ComplianceReportResponse> {
    const from = parseInstant(query.from, 'from');
    const to = parseInstant(query.to, 'to');
    if (to <= from) throw ApiError.badRequest('invalid_window', 'to: must be later than from');
    if (to.getTime() - from.getTime() > LONGEST_WINDOW_MS) {
      throw ApiError.badRequest('invalid_window', 'to: the window from..to may span at most 366 days');
    }
    const report = await this.compliance.report(from, to);
    return { from: from.toISOString(), to: to.toISOString(), metric: 'first_response', ...report };
  }
}
