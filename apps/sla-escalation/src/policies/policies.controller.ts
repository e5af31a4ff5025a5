import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
  async list() {
    return { policies: (await this.catalog.list()).map(policyView) };
  }

  @Get(':id')
  @Roles('agent', 'admin')
  async get(@Param('id', PolicyIdPipe) id: string) {
    const record = await this.catalog.find(id);
    if (!record) throw ApiError.notFound('SLA policy', id);
    return { ...policyView(record), versions: (await this.catalog.history(id)).map(policyVersionView) };
  }

  /** Replaces a policy with a new version (admins). Running clocks keep their version. */
  @Put(':id')
  @Roles('admin')
  async put(@Param('id', PolicyIdPipe) id: string, @Body() dto: PutPolicyDto, @CurrentPrincipal() principal: Principal) {
    return policyView(await this.policies.replace(id, dto, principal));
  }
}
