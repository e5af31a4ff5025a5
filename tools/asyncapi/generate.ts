/** Writes docs/asyncapi.json from the contract classes: `npx ts-node tools/asyncapi/generate.ts`. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildAsyncApi } from './asyncapi';

export const ASYNCAPI_FILE = path.resolve(__dirname, '../../docs/asyncapi.json');

if (require.main === module) {
  writeFileSync(ASYNCAPI_FILE, `${JSON.stringify(buildAsyncApi(), null, 2)}\n`);
  process.stdout.write(`wrote ${ASYNCAPI_FILE}\n`);
}
