import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Inserts rows of one table with ONE multi-row `INSERT … VALUES (…), (…)`, as TypeORM's
 * `createQueryBuilder().insert().into(target).values(rows)` does for MySQL, without its per-value
 * parameter bookkeeping (named parameters looked up and renamed one by one: several per cent of a
 * consumer's CPU for a batch of wide rows). The same columns (every insertable one), the same
 * conversion of each value (`preparePersistentValue`: dates, JSON, transformers), `DEFAULT` for
 * an undefined value and 1 for an undefined @VersionColumn. Generated ids are not read back. One
 * statement whatever the number of rows, as the query builder's: the caller's batch bounds its
 * size (max_allowed_packet; the outbox, whose batches are longer, slices its own inserts).
 */
export async function insertRows<E extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<E>,
  rows: readonly E[],
): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  // loops, not closures made per call (CONTRIBUTING.md, "Hot paths")
  const columns: ColumnMetadata[] = [];
  const names: string[] = [];
  for (const column of metadata.columns) {
    if (!column.isInsert) continue;
    columns.push(column);
    names.push(`\`${column.databaseName}\``);
  }
  const parameters: unknown[] = [];
  const tuples: string[] = [];
  for (const row of rows) {
    const values: string[] = [];
    for (const column of columns) {
      const value: unknown = driver.preparePersistentValue(column.getEntityValue(row), column);
      if (value === undefined) {
        values.push(column.isVersion ? '1' : 'DEFAULT');
        continue;
      }
      if (typeof value === 'function') throw new Error(`insertRows: ${metadata.tableName}.${column.databaseName} is an SQL expression`);
      parameters.push(value);
      values.push('?');
    }
    tuples.push(`(${values.join(', ')})`);
  }
  await manager.query(`INSERT INTO \`${metadata.tableName}\` (${names.join(', ')}) VALUES ${tuples.join(', ')}`, parameters);
}

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
  const ids: unknown[] = [];
  for (const row of rows) ids.push(key.getEntityValue(row));
  const parameters: unknown[] = [];
  const assignments: string[] = [];
  const cases = ' WHEN ? THEN ?'.repeat(rows.length);
  for (const property of properties) {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`updateRows: ${metadata.tableName} has no property ${property}`);
    for (let index = 0; index < rows.length; index += 1) {
      parameters.push(ids[index], driver.preparePersistentValue(column.getEntityValue(rows[index]), column));
    }
    assignments.push(`\`${column.databaseName}\` = CASE \`${key.databaseName}\`${cases} END`);
  }
  // an entity with a @VersionColumn counts this write like save() would (optimistic locking)
  const version = metadata.versionColumn;
  if (version) assignments.push(`\`${version.databaseName}\` = \`${version.databaseName}\` + 1`);
  parameters.push(ids);
  await manager.query(`UPDATE \`${metadata.tableName}\` SET ${assignments.join(', ')} WHERE \`${key.databaseName}\` IN (?)`, parameters);
}
