import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PolicyListResponse, PolicyResponse, PolicyWithVersionsResponse } from './policies.responses';
import { ApiError, CurrentPrincipal, Roles, type Principal } from '@support/platform';
import { PutPolicyDto } from './dto/put-policy.dto';
import { PoliciesService } from './policies.service';
import { PolicyCatalogService } from './policy-catalog.service';
import { policyVersionView, policyView } from './policy.view';
import { PolicyIdPipe } from './policy-id.pipe';

@ApiTags('policies')
@ApiBearerAuth()
@Controller('v1/policies')
export class PoliciesController {
  constructor(
    private readonly catalog: PolicyCatalogService,
    private readonly policies: PoliciesService,
  ) {}

  /** The policies in force: targets, warning threshold, escalation ladder, pauses, calendar. */
  @Get()
  @Roles('agent', 'admin')
  @ApiOkResponse({ type: PolicyListResponse })
  async list(): Promise<PolicyListResponse> {
    return { policies: (await this.catalog.list()).map(policyView) };
  }

  @Get(':id')
  @Roles('agent', 'admin')
  @ApiOkResponse({ type: PolicyWithVersionsResponse })
  async get(@Param('id', PolicyIdPipe) id: string): Promise<PolicyWithVersionsResponse> {
    const record = await this.catalog.find(id);
    if (!record) throw ApiError.notFound('SLA policy', id);
    return { ...policyView(record), versions: (await this.catalog.history(id)).map(policyVersionView) };
  }

  /** Replaces a policy with a new version (admins). Running clocks keep their version. */
  @Put(':id')
  @Roles('admin')
  @ApiOkResponse({ type: PolicyResponse, description: 'the new version' })
  @ApiConflictResponse({ description: 'the policy changed since the version the edit was based on' })
  async put(
    @Param('id', PolicyIdPipe) id: string,
    @Body() dto: PutPolicyDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PolicyResponse> {
    return policyView(await this.policies.replace(id, dto, principal));
  }
}
