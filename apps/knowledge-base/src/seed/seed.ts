/**
 * `npx nx run knowledge-base:seed`: migrates the knowledge base's database if needed and loads the
 * help center's starting content (seed-data.ts) through the service's own write path. Safe to
 * run again: content that already matches is left alone. Published articles are announced
 * through the outbox; the running service relays them to Kafka.
 */
import 'reflect-metadata';
import { UnitOfWork } from '@support/nest-messaging';
import { migrateServiceDatabase, serviceDataSourceOptions } from '@support/nest-bootstrap';
import { OutboxWriter } from '@support/messaging';
import { loadEnvironment } from '@support/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ArticleAdminQueries } from '../articles/article-admin-queries.service';
import { ArticleAnnouncer } from '../articles/article-announcer';
import { ArticleAuthoringService } from '../articles/article-authoring.service';
import { ArticleReaderService } from '../articles/article-reader.service';
import { CatalogEditor } from '../catalog/catalog-editor.service';
import { CatalogService } from '../catalog/catalog.service';
import { ViewCounter } from '../engagement/view-counter.service';
import { KnowledgeBaseEnvironment } from '../environment';
import { MysqlSearchEngine } from '../search/article-search.service';
import { KNOWLEDGE_BASE_SERVICE } from '../service';
import { TopResourcesService } from '../top-resources/top-resources.service';
import { SEED_ARTICLES, SEED_CATEGORIES } from './seed-data';
import { loadSeed, type SeedSummary } from './seed-loader';

/**
 * The knowledge base's database, opened as the seed and the tools that read the seeded help center
 * (relevance tests, bench diagnostics) open it: with the service's settings from `source`, the
 * broker and token ones, which only the running service uses, filled in when absent.
 */
export async function openKnowledgeBaseDatabase(
  source: Record<string, string | undefined> = process.env,
): Promise<{ env: KnowledgeBaseEnvironment; dataSource: DataSource }> {
  const env = loadEnvironment(KnowledgeBaseEnvironment, {
    KAFKA_BROKERS: 'unused-without-the-service:9092',
    AUTH_JWT_SECRET: 'unused-without-the-service-0123456789',
    ...source,
  });
  const dataSource = new DataSource(serviceDataSourceOptions(KNOWLEDGE_BASE_SERVICE, env));
  await dataSource.initialize();
  return { env, dataSource };
}

/** Seeds the database the environment names (DATABASE_URL, DB_NAME_PREFIX). */
export async function seedKnowledgeBase(source: Record<string, string | undefined> = process.env): Promise<SeedSummary> {
  await migrateServiceDatabase(KNOWLEDGE_BASE_SERVICE, 'up', source);
  const { env, dataSource } = await openKnowledgeBaseDatabase(source);
  try {
    const outbox = new OutboxWriter(`/support/${KNOWLEDGE_BASE_SERVICE.name}`);
    const catalog = new CatalogService(dataSource);
    const search = new MysqlSearchEngine(dataSource, env);
    const reader = new ArticleReaderService(dataSource, catalog, search, new ViewCounter(dataSource, env));
    return await loadSeed(
      {
        catalog,
        catalogEditor: new CatalogEditor(dataSource, catalog),
        authoring: new ArticleAuthoringService(
          dataSource,
          new UnitOfWork(dataSource, outbox),
          new ArticleAnnouncer(outbox),
          catalog,
          search,
          env,
        ),
        articles: new ArticleAdminQueries(dataSource),
        topResources: new TopResourcesService(dataSource, reader),
      },
      SEED_CATEGORIES,
      SEED_ARTICLES,
      { correlationId: `seed-${randomUUID()}` },
    );
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  seedKnowledgeBase()
    .then((summary) => {
      process.stdout.write(
        `knowledge base seeded: ${summary.categoriesCreated} categories, ${summary.sectionsCreated} sections and ` +
          `${summary.articlesCreated} articles created, ${summary.articlesPublished} published, ${summary.changes} other changes, ` +
          `top resources ${summary.topResourcesChanged ? 'set' : 'unchanged'}\n`,
      );
    })
    .catch((error: Error) => {
      process.stderr.write(`seeding failed: ${error.message}\n`);
      process.exit(1);
    });
}
