import { Body, Controller, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ACCOUNT_ROLES, PLAN_CODES, TICKET_CHANNELS, TICKET_PRIORITIES, type PlanCode } from '@support/domain-entitlements';
import { ApiError, CurrentPrincipal, Roles, type Principal } from '@support/platform';
import { PlanCatalogService, planVersionView, planView } from './plan-catalog.service';
import { PlanCodePipe } from './plan-code.pipe';
import { PlanListResponse, PlanResponse, PlanUpdatedResponse, PlanVersionResponse, PlanVersionsResponse } from './plans.responses';

const ROLE_CHANNELS_SCHEMA = {
  type: 'object',
  required: ['selfService', 'ticket', 'chat', 'phone'],
  properties: {
    selfService: { type: 'boolean', enum: [true] },
    ticket: { type: 'string', enum: [...TICKET_CHANNELS] },
    chat: { type: 'boolean' },
    phone: { type: 'boolean' },
  },
};

const PLAN_BODY_SCHEMA = {
  type: 'object',
  required: ['name', 'paid', 'roles', 'slaTargets', 'servicePriority'],
  properties: {
    code: { type: 'string', enum: [...PLAN_CODES], description: 'optional; must be the plan in the path' },
    version: { type: 'integer', description: 'optional; the version being edited, refused with 409 if the plan has moved on' },
    name: { type: 'string' },
    paid: { type: 'boolean' },
    servicePriority: { type: 'integer', minimum: 0, description: 'queue order across plans: higher is served first' },
    roles: { type: 'object', properties: Object.fromEntries(ACCOUNT_ROLES.map((role) => [role, ROLE_CHANNELS_SCHEMA])) },
    slaTargets: {
      type: 'object',
      nullable: true,
      description: 'first-response targets as ISO-8601 durations (PT1H, PT30S); null when the plan commits to none',
      properties: Object.fromEntries(TICKET_PRIORITIES.map((priority) => [priority, { type: 'string', example: 'PT4H' }])),
    },
  },
};

@ApiTags('plans')
@ApiBearerAuth()
@Controller('v1/plans')
export class PlansController {
  constructor(private readonly plans: PlanCatalogService) {}

  /** The current definition of every plan: what each role may use, and its SLA targets. */
  @Get()
  @ApiOkResponse({ type: PlanListResponse })
  async list(): Promise<PlanListResponse> {
    return { plans: (await this.plans.list()).map(planView) };
  }

  @Get(':plan')
  @ApiOkResponse({ type: PlanResponse })
  async get(@Param('plan', PlanCodePipe) code: PlanCode): Promise<PlanResponse> {
    return planView(await this.plans.get(code));
  }

  /** Every version ever stored; decisions name the version they were made under. */
  @Get(':plan/versions')
  @Roles('agent', 'admin')
  @ApiOkResponse({ type: PlanVersionsResponse })
  async versions(@Param('plan', PlanCodePipe) code: PlanCode): Promise<PlanVersionsResponse> {
    return { code, versions: (await this.plans.versions(code)).map(planVersionView) };
  }

  @Get(':plan/versions/:version')
  @Roles('agent', 'admin')
  @ApiOkResponse({ type: PlanVersionResponse })
  async version(
    @Param('plan', PlanCodePipe) code: PlanCode,
    @Param(
      'version',
      new ParseIntPipe({ exceptionFactory: () => ApiError.badRequest('invalid_version', 'version: must be a whole number') }),
    )
    version: number,
  ): Promise<PlanVersionResponse> {
    return planVersionView(await this.plans.version(code, version));
  }

  /** Replaces the plan's definition; any change becomes a new version, an identical re-save does not. */
  @Put(':plan')
  @Roles('admin')
  @ApiBody({ schema: PLAN_BODY_SCHEMA })
  @ApiOkResponse({ type: PlanUpdatedResponse })
  @ApiConflictResponse({ description: '`version` names a plan version that has moved on' })
  async put(
    @Param('plan', PlanCodePipe) code: PlanCode,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PlanUpdatedResponse> {
    const { plan, changed } = await this.plans.update(code, body, principal);
    return { ...planView(plan), changed };
  }
}
