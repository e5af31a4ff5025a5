import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { defaultPlans, nextPlanVersion, validatePlanDefinition, type PlanCode, type PlanDefinition } from '@support/domain-entitlements';
import { ApiError, type Principal } from '@support/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { isRecord, unknownFields } from '../json-body';
import { EntitlementsEnvironment } from '../environment';
import { PlanRecord, PlanVersionRecord } from './plan.entity';

/** What an administrator sends to replace a plan; code and version may be omitted. */
const PLAN_FIELDS = ['code', 'name', 'version', 'paid', 'roles', 'slaTargets', 'servicePriority'] as const;

export interface PlanUpdate {
  plan: PlanRecord;
  /** false when the definition sent was identical to the stored one (no new version) */
  changed: boolean;
}

/** Plans are data: filled with the shipped defaults once, then edited by admins, every version kept. */
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
      await this.dataSource.query('INSERT IGNORE INTO plan (code, version, definition, updated_at) VALUES (?, ?, ?, ?)', [
        plan.code,
        plan.version,
        JSON.stringify(plan),
        now,
      ]);
      await this.dataSource.query(
        'INSERT IGNORE INTO plan_version (code, version, definition, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
        [plan.code, plan.version, JSON.stringify(plan), now, 'system:defaults'],
      );
    }
  }

  async load(manager: EntityManager = this.dataSource.manager): Promise<ReadonlyMap<PlanCode, PlanDefinition>> {
    const records = await manager.find(PlanRecord);
    return new Map(records.map((r) => [r.code, definitionOf(r)]));
  }

  list(): Promise<PlanRecord[]> {
    return this.dataSource.getRepository(PlanRecord).find();
  }

  async get(code: PlanCode): Promise<PlanRecord> {
    const record = await this.dataSource.getRepository(PlanRecord).findOneBy({ code });
    if (!record) throw ApiError.notFound('plan', code);
    return record;
  }

  /** Every version of a plan, newest first: the definitions earlier decisions were made under. */
  async versions(code: PlanCode): Promise<PlanVersionRecord[]> {
    const versions = await this.dataSource.getRepository(PlanVersionRecord).find({ where: { code }, order: { version: 'DESC' } });
    if (versions.length === 0) throw ApiError.notFound('plan', code);
    return versions;
  }

  async version(code: PlanCode, version: number): Promise<PlanVersionRecord> {
    const record = await this.dataSource.getRepository(PlanVersionRecord).findOneBy({ code, version });
    if (!record) throw ApiError.notFound(`plan ${code} version`, String(version));
    return record;
  }

  /**
   * Replaces a plan's definition. A change stores a new version beside the old ones; an identical
   * re-save stores nothing. A `version` in the body is the one the administrator edited: if the
   * plan has moved on since, the change is refused rather than silently overwriting the other.
   */
  async update(code: PlanCode, body: unknown, actor: Principal): Promise<PlanUpdate> {
    if (!isRecord(body)) throw ApiError.validationFailed(['plan: must be a JSON object'], 'invalid_plan');
    const shapeProblems: string[] = unknownFields(body, PLAN_FIELDS);
    if (body.code !== undefined && body.code !== code) {
      shapeProblems.push(`code: must be the plan named in the path ('${code}'), got ${JSON.stringify(body.code)}`);
    }
    if (body.version !== undefined && (!Number.isInteger(body.version) || (body.version as number) < 1)) {
      shapeProblems.push(`version: must be the whole number of the version being edited (got ${JSON.stringify(body.version)})`);
    }
    // The stored version is the authority: the definition is judged with the path's code and
    // whatever version it will get, so only the administrator's own fields can be at fault.
    const problems = [...shapeProblems, ...validatePlanDefinition({ ...body, code, version: 1 })];
    if (problems.length > 0) throw ApiError.validationFailed(problems, 'invalid_plan');

    return this.dataSource.transaction(async (manager) => {
      const record = await manager.findOne(PlanRecord, { where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!record) throw ApiError.notFound('plan', code);
      if (body.version !== undefined && body.version !== record.version) {
        throw ApiError.conflict(
          'version_conflict',
          `version: plan '${code}' is at version ${record.version}, not ${String(body.version)}; read it again and reapply the change`,
          { currentVersion: record.version },
        );
      }
      const candidate = { ...body, code, version: record.version } as unknown as PlanDefinition;
      const next = nextPlanVersion(definitionOf(record), candidate);
      if (next.version === record.version) return { plan: record, changed: false };

      const now = new Date();
      Object.assign(record, { version: next.version, definition: next, updatedAt: now });
      await manager.save(record);
      await manager.insert(PlanVersionRecord, {
        code,
        version: next.version,
        definition: next,
        createdAt: now,
        createdBy: actor.userId,
      });
      return { plan: record, changed: true };
    });
  }
}

/** The stored row's version is the authority, whatever the JSON document says. */
function definitionOf(record: PlanRecord | PlanVersionRecord): PlanDefinition {
  return { ...record.definition, version: record.version };
}

export function planView(record: PlanRecord) {
  return { ...definitionOf(record), updatedAt: record.updatedAt.toISOString() };
}

export function planVersionView(record: PlanVersionRecord) {
  return { ...definitionOf(record), createdAt: record.createdAt.toISOString(), createdBy: record.createdBy };
}
