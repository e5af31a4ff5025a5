import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Rows that travel as JSON, so that rows of several tables come back in ONE statement (a
 * `UNION ALL` of `JSON_OBJECT`s, each branch one part of a page) instead of one round trip each.
 *
 * `jsonObjectOfColumns` is the `JSON_OBJECT(…)` of the columns of an entity's table that
 * `Repository.find` reads (not those marked `select: false`), keyed by column name;
 * `entityFromJsonObject` turns such an object back into the entity, each value
 * converted as TypeORM converts a row it reads (`prepareHydratedValue`: booleans, JSON,
 * transformers). DATETIME values arrive as JSON text ("2026-12-03 16:00:00.120"), which
 * `storedInstant` reads as UTC, as the connections store them (`timezone: 'Z'`).
 */
export function jsonObjectOfColumns<E extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<E>, alias: string): string {
  const metadata = dataSource.getMetadata(target);
  const values = selectedColumns(metadata).map((column) => {
    const type = String(column.type);
    if (/blob|binary/.test(type))
      throw new Error(`jsonObjectOfColumns: ${metadata.tableName}.${column.databaseName} holds bytes, which JSON cannot carry`);
    const value = `${alias}.\`${column.databaseName}\``;
    // as text, as the connections read them (bigNumberStrings): a JSON number would lose digits past 2^53
    return `'${column.databaseName}', ${type === 'bigint' || type === 'decimal' ? `CAST(${value} AS CHAR)` : value}`;
  });
  return `JSON_OBJECT(${values.join(', ')})`;
}

export function entityFromJsonObject<E extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<E>,
  object: Record<string, unknown>,
): E {
  const metadata = dataSource.getMetadata(target);
  const driver = dataSource.driver;
  const entity = metadata.create() as E;
  for (const column of selectedColumns(metadata)) {
    if (!(column.databaseName in object)) throw new Error(`entityFromJsonObject: ${metadata.tableName}.${column.databaseName} is missing`);
    let value = object[column.databaseName];
    if (value !== null && (column.type === 'datetime' || column.type === 'timestamp' || column.type === Date)) value = storedInstant(value);
    column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
  }
  return entity;
}

/** The columns TypeORM reads when a query names none: all but those declared `select: false`. */
function selectedColumns(metadata: EntityMetadata): EntityMetadata['columns'] {
  return metadata.columns.filter((column) => column.isSelect);
}

/** A DATETIME as `JSON_OBJECT` writes it ("2026-12-03 16:00:00.120"; MySQL adds digits), stored in UTC. */
export function storedInstant(value: unknown): Date {
  if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(value))
    throw new Error(`not a stored instant: ${String(value)}`);
  return new Date(`${value.replace(' ', 'T')}Z`);
}

/** The reverse: an instant as a DATETIME(3) in UTC, for values sent inside JSON (JSON_TABLE's DATETIME columns). */
export function storedDatetime(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new Error('not an instant: Invalid Date');
  return instant.toISOString().slice(0, 23).replace('T', ' ');
}
