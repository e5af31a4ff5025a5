import type { HttpAppOptions } from '@support/platform';

/** The head of this service's OpenAPI document (served at /docs-json, committed as docs/openapi/knowledge-base.json). */
export const KNOWLEDGE_BASE_OPENAPI: HttpAppOptions = {
  title: 'Knowledge base',
  description: 'The multilingual help center: articles, search, top resources and ticket deflection.',
};
