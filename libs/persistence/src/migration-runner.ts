import { DataSource, type DataSourceOptions } from 'typeorm';

/** Applies pending migrations; returns the names applied. Used by deploy jobs and the launcher. */
export async function runMigrations(options: DataSourceOptions): Promise<string[]> {
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Reverts the last applied migration. */
export async function revertLastMigration(options: DataSourceOptions): Promise<void> {
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  try {
    await dataSource.undoLastMigration({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/** Whether the database lacks some of the given migrations (nothing is changed). */
export async function hasPendingMigrations(options: DataSourceOptions): Promise<boolean> {
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  try {
    return await dataSource.showMigrations();
  } finally {
    await dataSource.destroy();
  }
}
