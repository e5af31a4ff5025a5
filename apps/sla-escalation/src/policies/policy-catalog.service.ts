import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_POLICY_ID, defaultSlaPolicy, type SlaPolicy } from '@support/domain-sla';
import type { DataSource, EntityManager } from 'typeorm';
import { SlaPolicyRecord, SlaPolicyVersionRecord } from './sla-policy.entity';

export interface PolicyInForce {
  policy: SlaPolicy;
  version: number;
}

const SEEDED_BY = 'system:defaults';

/**
 * SLA policies are data: the default one is stored at first start, then edited by admins. Each
 * edit is a new version; a clock keeps the version it started under, so an edit never moves a
 * deadline that has already been announced.
 */
@Injectable()
export class PolicyCatalogService implements OnApplicationBootstrap {
  /** versions never change once written, so they can be kept for the life of the process */
  private readonly versions = new Map<string, SlaPolicy>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    const policy = defaultSlaPolicy();
    const now = new Date();
    // INSERT IGNORE: replicas booting together store it once, and admins' edits stay
    await this.dataSource.query('INSERT IGNORE INTO sla_policy (id, version, definition, updated_at, updated_by) VALUES (?, 1, ?, ?, ?)', [
      policy.id,
      JSON.stringify(policy),
      now,
      SEEDED_BY,
    ]);
    await this.dataSource.query(
      'INSERT IGNORE INTO sla_policy_version (policy_id, version, definition, created_at, created_by) VALUES (?, 1, ?, ?, ?)',
      [policy.id, JSON.stringify(policy), now, SEEDED_BY],
    );
  }

  /** The version new clocks start under. */
  async inForce(id: string = DEFAULT_POLICY_ID, manager: EntityManager = this.dataSource.manager): Promise<PolicyInForce> {
    const record = await manager.findOneBy(SlaPolicyRecord, { id });
    if (!record) throw new Error(`SLA policy ${id} is missing: the service seeds it at start-up`);
    return { policy: record.definition, version: record.version };
  }

  /** The terms a clock started under. */
  async atVersion(id: string, version: number, manager: EntityManager = this.dataSource.manager): Promise<SlaPolicy> {
    const key = `${id}@${version}`;
    const cached = this.versions.get(key);
    if (cached) return cached;
    const record = await manager.findOneBy(SlaPolicyVersionRecord, { policyId: id, version });
    if (!record) throw new Error(`SLA policy ${id} version ${version} is missing`);
    this.versions.set(key, record.definition);
    return record.definition;
  }

  list(): Promise<SlaPolicyRecord[]> {
    return this.dataSource.getRepository(SlaPolicyRecord).find({ order: { id: 'ASC' } });
  }

  find(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<SlaPolicyRecord | null> {
    return manager.findOne(SlaPolicyRecord, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  history(id: string): Promise<SlaPolicyVersionRecord[]> {
    return this.dataSource.getRepository(SlaPolicyVersionRecord).find({ where: { policyId: id }, order: { version: 'ASC' } });
  }

  /** Stores a validated definition as the next version of an existing policy. */
  async storeNextVersion(
    manager: EntityManager,
    current: SlaPolicyRecord,
    definition: SlaPolicy,
    by: string,
    at: Date,
  ): Promise<SlaPolicyRecord> {
    const version = current.version + 1;
    await manager.insert(SlaPolicyVersionRecord, { policyId: current.id, version, definition, createdAt: at, createdBy: by });
    Object.assign(current, { version, definition, updatedAt: at, updatedBy: by });
    await manager.save(current);
    return current;
  }
}
