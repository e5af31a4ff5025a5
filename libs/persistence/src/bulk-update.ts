import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Writes back several rows of one table that were read and changed in memory, with ONE statement:
 * `UPDATE t SET a = CASE pk WHEN ? THEN ? … END, … WHERE pk IN (…)`. Only the given properties are
 * written; values go through TypeORM's own conversion (dates, JSON, transformers). The table must
 * have a single-column primary key. A @VersionColumn is incremented.
 */
export async function updateRows<E extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<E>,
  rows: readonly E[],
  properties: ReadonlyArray<keyof E & string>,
): Promise<void> {
  if (rows.length === 0 || properties.length === 0) return;
  const metadata = manager.connection.getMetadata(target);
  if (metadata.primaryColumns.length !== 1) throw new Error(`updateRows: ${metadata.tableName} needs a single-column primary key`);
  const key = metadata.primaryColumns[0];
  const driver = manager.connection.driver;
  const ids = rows.map((row) => key.getEntityValue(row));
  const parameters: unknown[] = [];
  const assignments = properties.map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`updateRows: ${metadata.tableName} has no property ${property}`);
    const cases = rows.map((row, index) => {
      parameters.push(ids[index], driver.preparePersistentValue(column.getEntityValue(row), column));
      return 'WHEN ? THEN ?';
    });
    return `\`${column.databaseName}\` = CASE \`${key.databaseName}\` ${cases.join(' ')} END`;
  });
  // an entity with a @VersionColumn counts this write like save() would (optimistic locking)
  const version = metadata.versionColumn;
  if (version) assignments.push(`\`${version.databaseName}\` = \`${version.databaseName}\` + 1`);
  parameters.push(ids);
  await manager.query(`UPDATE \`${metadata.tableName}\` SET ${assignments.join(', ')} WHERE \`${key.databaseName}\` IN (?)`, parameters);
}
