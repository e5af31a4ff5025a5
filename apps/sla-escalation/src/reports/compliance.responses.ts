import { TICKET_PRIORITIES } from '@support/contracts';
import { ApiInstant, ApiInteger, ApiNested, ApiNumber, ApiOneOf, ApiText } from '@support/platform';

export class ComplianceFiguresResponse {
  @ApiInteger({ description: 'tickets whose first-response clock started in the window and still applies' }) count!: number;
  @ApiInteger() met!: number;
  @ApiInteger() breached!: number;
  @ApiInteger({ description: 'neither answered nor breached yet' }) open!: number;
  @ApiNumber({ nullable: true, minimum: 0, maximum: 1, description: 'met / (met + breached); null while nothing is decided' }) compliance!:
    number | null;
  @ApiInteger({ nullable: true, description: 'working time to the first response, pauses excluded' }) medianFirstResponseMs!: number | null;
  @ApiInteger({ nullable: true }) p90FirstResponseMs!: number | null;
}

export class ComplianceGroupResponse extends ComplianceFiguresResponse {
  @ApiText() plan!: string;
  @ApiOneOf(TICKET_PRIORITIES) priority!: string;
}

/** GET /v1/reports/compliance. */
export class ComplianceReportResponse {
  @ApiInstant() from!: string;
  @ApiInstant() to!: string;
  @ApiOneOf(['first_response']) metric!: string;
  @ApiNested(() => ComplianceGroupResponse, { isArray: true, description: 'per plan and priority' }) groups!: ComplianceGroupResponse[];
  @ApiNested(() => ComplianceFiguresResponse) total!: ComplianceFiguresResponse;
}
