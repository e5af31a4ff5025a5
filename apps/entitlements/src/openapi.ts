import type { HttpAppOptions } from '@support/platform';

/** The head of this service's OpenAPI document (served at /docs-json, committed as docs/openapi/entitlements.json). */
export const ENTITLEMENTS_OPENAPI: HttpAppOptions = {
  title: 'Entitlements',
  description: 'Plans and account roles decide who may use which support channel; every ticket gets a recorded plan check.',
};
