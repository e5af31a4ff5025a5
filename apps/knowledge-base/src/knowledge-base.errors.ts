import { ApiError } from '@support/platform';

/** The knowledge base's named refusals, over the shared ApiError factories; a reference (slug or id) is quoted. */

const quoted = (reference: string) => `"${reference}"`;

export const articleNotFound = (reference: string) => ApiError.notFound('article', quoted(reference), 'article_not_found');
export const categoryNotFound = (reference: string) => ApiError.notFound('category', quoted(reference), 'category_not_found');
export const sectionNotFound = (reference: string) => ApiError.notFound('section', quoted(reference), 'section_not_found');
export const suggestionNotFound = (id: string) => ApiError.notFound('suggestion', quoted(id), 'suggestion_not_found');
export const ticketSuggestionsNotFound = (ticketId: string) =>
  ApiError.notFound('suggestions for ticket', quoted(ticketId), 'suggestion_not_found');
export const synonymNotFound = (id: string) => ApiError.notFound('synonym rule', quoted(id), 'synonym_not_found');

export function slugTaken(what: string, slug: string): ApiError {
  return ApiError.conflict('slug_taken', `slug: a ${what} with the slug "${slug}" already exists`);
}
