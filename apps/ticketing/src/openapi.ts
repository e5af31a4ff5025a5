import type { HttpAppOptions } from '@support/platform';

/** The head of this service's OpenAPI document (served at /docs-json, committed as docs/openapi/ticketing.json). */
export const TICKETING_OPENAPI: HttpAppOptions = {
  title: 'Ticketing',
  description: 'Requesters file tickets; agents work them through their lifecycle.',
};
