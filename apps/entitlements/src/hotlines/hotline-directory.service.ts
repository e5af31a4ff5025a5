import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { defaultHotlines, validateHotline, type HotlineNumber } from '@support/domain-entitlements';
import { ApiError, type Principal } from '@support/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { isRecord, unknownFields } from '../json-body';
import { HotlineDirectoryRecord, HotlineRecord } from './hotline.entity';

/** The directory is one row; its lines hang off it in order. */
const DIRECTORY_ID = 1;
const HOTLINE_FIELDS = ['country', 'countryName', 'number', 'extension', 'language', 'tollFree'] as const;
const DIRECTORY_FIELDS = ['hotlines', 'version'] as const;
/** More lines than any desk publishes; the bound keeps one request from filling the table. */
export const MAX_HOTLINES = 100;

export interface HotlineDirectory {
  version: number;
  updatedAt: Date;
  updatedBy: string;
  hotlines: HotlineNumber[];
}

/** The phone numbers customers with the phone channel are given, editable by admins. */
@Injectable()
export class HotlineDirectoryService implements OnApplicationBootstrap {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Publishes the numbers of domain.md the first time the service starts. The directory row
   * marks it as done, so a directory an admin emptied on purpose is not refilled at the next boot.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const result = (await manager.query(
        'INSERT IGNORE INTO hotline_directory (id, version, updated_at, updated_by) VALUES (?, 1, ?, ?)',
        [DIRECTORY_ID, new Date(), 'system:defaults'],
      )) as { affectedRows: number };
      if (result.affectedRows === 1) await this.writeLines(manager, defaultHotlines());
    });
  }

  async get(manager: EntityManager = this.dataSource.manager): Promise<HotlineDirectory> {
    const directory = await manager.findOneBy(HotlineDirectoryRecord, { id: DIRECTORY_ID });
    const lines = await manager.find(HotlineRecord, { order: { position: 'ASC' } });
    return {
      version: directory?.version ?? 0,
      updatedAt: directory?.updatedAt ?? new Date(0),
      updatedBy: directory?.updatedBy ?? 'system:defaults',
      hotlines: lines.map(toHotline),
    };
  }

  /** The lines in force, for the contact page of users whose plan opens the phone channel. */
  async hotlines(manager: EntityManager = this.dataSource.manager): Promise<HotlineNumber[]> {
    return (await manager.find(HotlineRecord, { order: { position: 'ASC' } })).map(toHotline);
  }

  /**
   * Replaces the whole directory in the order given. A `version` in the body is the one the admin
   * edited; a directory changed since is refused instead of being overwritten.
   */
  async replace(body: unknown, actor: Principal): Promise<{ directory: HotlineDirectory; changed: boolean }> {
    const hotlines = readDirectory(body);
    const expectedVersion = (body as { version?: number }).version;
    return this.dataSource.transaction(async (manager) => {
      const directory = await manager.findOne(HotlineDirectoryRecord, { where: { id: DIRECTORY_ID }, lock: { mode: 'pessimistic_write' } });
      if (!directory) throw ApiError.notFound('hotline directory', String(DIRECTORY_ID));
      if (expectedVersion !== undefined && expectedVersion !== directory.version) {
        throw ApiError.conflict(
          'version_conflict',
          `version: the hotline directory is at version ${directory.version}, not ${expectedVersion}; read it again and reapply the change`,
          { currentVersion: directory.version },
        );
      }
      const current = await this.hotlines(manager);
      if (sameLines(current, hotlines)) return { directory: await this.get(manager), changed: false };

      Object.assign(directory, { version: directory.version + 1, updatedAt: new Date(), updatedBy: actor.userId });
      await manager.save(directory);
      await manager.createQueryBuilder().delete().from(HotlineRecord).execute();
      await this.writeLines(manager, hotlines);
      return { directory: await this.get(manager), changed: true };
    });
  }

  private async writeLines(manager: EntityManager, hotlines: HotlineNumber[]): Promise<void> {
    if (hotlines.length === 0) return;
    await manager.insert(
      HotlineRecord,
      hotlines.map((hotline, position) => ({ position, ...hotline })),
    );
  }
}

function toHotline(record: HotlineRecord): HotlineNumber {
  return {
    country: record.country,
    countryName: record.countryName,
    number: record.number,
    extension: record.extension,
    language: record.language,
    tollFree: record.tollFree,
  };
}

function sameLines(a: HotlineNumber[], b: HotlineNumber[]): boolean {
  return a.length === b.length && a.every((line, i) => HOTLINE_FIELDS.every((field) => line[field] === b[i][field]));
}

/** Checks the whole body and names every bad field as hotlines[i].field, or returns the lines. */
function readDirectory(body: unknown): HotlineNumber[] {
  if (!isRecord(body)) throw ApiError.validationFailed(['body: must be a JSON object with hotlines'], 'invalid_hotlines');
  const problems = unknownFields(body, DIRECTORY_FIELDS);
  if (body.version !== undefined && (!Number.isInteger(body.version) || (body.version as number) < 1)) {
    problems.push(`version: must be the whole number of the directory version being edited (got ${JSON.stringify(body.version)})`);
  }
  if (!Array.isArray(body.hotlines)) {
    problems.push('hotlines: must be an array of hotline numbers (an empty array withdraws every line)');
    throw ApiError.validationFailed(problems, 'invalid_hotlines');
  }
  if (body.hotlines.length > MAX_HOTLINES) problems.push(`hotlines: at most ${MAX_HOTLINES} lines (got ${body.hotlines.length})`);
  const seen = new Map<string, number>();
  body.hotlines.forEach((line: unknown, index: number) => {
    const path = `hotlines[${index}]`;
    if (!isRecord(line)) {
      problems.push(`${path}: must be an object with ${HOTLINE_FIELDS.join(', ')}`);
      return;
    }
    problems.push(...validateHotline(line).map((problem) => `${path}.${problem}`));
    problems.push(...unknownFields(line, HOTLINE_FIELDS, `${path}.`));
    if (typeof line.number === 'string') {
      const first = seen.get(line.number);
      if (first !== undefined) problems.push(`${path}.number: ${line.number} is already listed as hotlines[${first}]`);
      else seen.set(line.number, index);
    }
  });
  if (problems.length > 0) throw ApiError.validationFailed(problems, 'invalid_hotlines');
  return (body.hotlines as Record<string, unknown>[]).map((line) => ({
    country: line.country as string,
    countryName: (line.countryName as string).trim(),
    number: line.number as string,
    extension: line.extension as string,
    language: line.language as string,
    tollFree: line.tollFree as boolean,
  }));
}
