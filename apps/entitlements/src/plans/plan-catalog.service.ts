import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { defaultPlans, type PlanCode, type PlanDefinition } from '@support/domain-entitlements';
import type { DataSource, EntityManager } from 'typeorm';
import { EntitlementsEnvironment } from '../environment';
import { PlanRecord } from '../entities';

/** Plans are data: filled with the shipped defaults once, then edited by admins. */
@Injectable()
export class PlanCatalogService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: EntitlementsEnvironment,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const now = new Date();
    // INSERT IGNORE: replicas booting together fill the table once, and admins' edits stay.
    for (const plan of defaultPlans(this.env.TICKET_POLICY_MODE)) {
      await this.dataSource.query(
        'INSERT IGNORE INTO plan (code, version, definition, updated_at) VALUES (?, ?, ?, ?)',
        [plan.code, plan.version, JSON.stringify(plan), now],
      );
      await this.dataSource.query(
        'INSERT IGNORE INTO plan_version (code, version, definition, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
        [plan.code, plan.version, JSON.stringify(plan), now, 'system:defaults'],
      );
    }
  }

  async load(manager: EntityManager = this.dataSource.manager): Promise<ReadonlyMap<PlanCode, PlanDefinition>> {
    const records = await manager.find(PlanRecord);
    return new Map(records.map((r) => [r.code, { ...r.definition, version: r.version }]));
  }
}
