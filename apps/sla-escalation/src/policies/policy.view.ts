import type { SlaPolicy } from '@support/domain-sla';
import type { SlaPolicyRecord, SlaPolicyVersionRecord } from './sla-policy.entity';

export interface PolicyView extends SlaPolicy {
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export function policyView(record: SlaPolicyRecord): PolicyView {
  return {
    ...record.definition,
    id: record.id,
    version: record.version,
    updatedAt: record.updatedAt.toISOString(),
    updatedBy: record.updatedBy,
  };
}

export function policyVersionView(record: SlaPolicyVersionRecord) {
  return { version: record.version, createdAt: record.createdAt.toISOString(), createdBy: record.createdBy, definition: record.definition };
}
