import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_POLICY_ID, defaultSlaPolicy, type SlaPolicy } from '@support/domain-sla';
import type { DataSource, EntityManager } from 'typeorm';
import { SlaPolicyRecord } from './sla-policy.entity';

/** SLA policies are data: the default one is stored at first start, then edited by admins. */
@Injectable()
export class PolicyCatalogService implements OnApplicationBootstrap {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    const policy = defaultSlaPolicy();
    await this.dataSource.query(
      'INSERT IGNORE INTO sla_policy (id, version, definition, updated_at) VALUES (?, 1, ?, ?)',
      [policy.id, JSON.stringify(policy), new Date()],
    );
  }

  async get(id: string = DEFAULT_POLICY_ID, manager: EntityManager = this.dataSource.manager): Promise<SlaPolicy> {
    const record = await manager.findOneBy(SlaPolicyRecord, { id });
    return record?.definition ?? defaultSlaPolicy();
  }
}
