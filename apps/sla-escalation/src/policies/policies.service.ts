import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiError, type Principal } from '@support/platform';
import type { DataSource } from 'typeorm';
import { SlaTimeSource } from '../time-source';
import type { PutPolicyDto } from './dto/put-policy.dto';
import { checkPolicyEdit } from './policy-edit';
import { PolicyCatalogService } from './policy-catalog.service';
import type { SlaPolicyRecord } from './sla-policy.entity';

@Injectable()
export class PoliciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: PolicyCatalogService,
    private readonly time: SlaTimeSource,
  ) {}

  /**
   * Validates the edit as a whole policy and stores it as the next version. Clocks already
   * running keep the version they started under; clocks started from now on use this one.
   */
  async replace(id: string, dto: PutPolicyDto, principal: Principal): Promise<SlaPolicyRecord> {
    if (dto.id !== undefined && dto.id !== id) {
      throw ApiError.badRequest('id_mismatch', `id: the body names policy "${dto.id}" but the path names "${id}"`);
    }
    const { id: _id, version: _version, ...edit } = dto;
    const checked = checkPolicyEdit(id, edit);
    if (checked.policy === null) throw ApiError.validationFailed(checked.problems, 'invalid_policy');
    const definition = checked.policy;
    return this.dataSource.transaction(async (manager) => {
      const current = await this.catalog.find(id, manager, true);
      if (!current) {
        throw ApiError.notFound('SLA policy', id);
      }
      if (dto.version !== undefined && dto.version !== current.version) {
        throw ApiError.conflict(
          'version_conflict',
          `version: the edit is based on version ${dto.version} but version ${current.version} is in force; reload and apply the edit again`,
          { currentVersion: current.version },
        );
      }
      return this.catalog.storeNextVersion(manager, current, definition, principal.userId, this.time.now());
    });
  }
}
