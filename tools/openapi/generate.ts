/** Writes docs/openapi/<service>.json for the four services: `npm run docs:api` (no database or broker needed). */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildServiceDocument, DOCUMENTED_SERVICES, documentFile, OPENAPI_DIRECTORY } from './openapi';

async function main(): Promise<void> {
  mkdirSync(OPENAPI_DIRECTORY, { recursive: true });
  for (const service of Object.keys(DOCUMENTED_SERVICES)) {
    const file = documentFile(service);
    writeFileSync(file, `${JSON.stringify(await buildServiceDocument(service), null, 2)}\n`);
    process.stdout.write(`wrote ${file}\n`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
