import { ApiInstant, ApiInteger, ApiNested, ApiText } from '@support/platform';

export class EntitlementsConsistencyCountersResponse {
  @ApiInteger({ description: 'recorded decisions announced again because their ticket was re-driven (or announced twice)' })
  decisionsReemitted!: number;
}

/** GET /v1/admin/consistency of entitlements. */
export class EntitlementsConsistencyResponse {
  @ApiText({ example: 'entitlements' }) service!: string;
  @ApiInstant() checkedAt!: string;
  @ApiNested(() => EntitlementsConsistencyCountersResponse, { description: 'since this replica started' })
  counters!: EntitlementsConsistencyCountersResponse;
}
