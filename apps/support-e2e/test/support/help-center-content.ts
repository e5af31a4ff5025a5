import { request } from '@support/testing';

/**
 * A category, its section and a published article that answers "echo" questions, created
 * through the knowledge base's admin routes (each step must succeed). Returns the article's id.
 */
export async function publishEchoArticle(knowledgeBaseUrl: string, adminToken: string, category: string, section: string): Promise<string> {
  const call = (method: string, route: string, body?: unknown) =>
    request(method, `${knowledgeBaseUrl}${route}`, { token: adminToken, body });
  expect((await call('POST', '/v1/categories', { slug: category, title: 'Audio', description: 'Sound in meetings.' })).status).toBe(201);
  expect((await call('POST', `/v1/categories/${category}/sections`, { slug: section, title: 'Echo' })).status).toBe(201);
  const article = await call('POST', '/v1/articles', {
    category,
    section,
    kind: 'faq',
    audience: 'everyone',
    title: 'Fix an echo in meetings',
    body: 'An echo in meetings comes from speakers picked up by a microphone: use a headset, or turn on echo cancellation.',
  });
  expect(article.status).toBe(201);
  expect((await call('POST', `/v1/articles/${article.body.id}/publish`)).status).toBe(200);
  return article.body.id as string;
}
