import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isDuplicateKeyError } from '@support/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { IdempotencyKey } from './idempotency-key.entity';

/** The key is already claimed by an earlier (committed) request of the same caller. */
export class IdempotencyKeyTaken extends Error {
  constructor() {
    super('idempotency key already used');
    this.name = 'IdempotencyKeyTaken';
  }
}

@Injectable()
export class IdempotencyKeys {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims the key inside the transaction that files the ticket. A concurrent request with the
   * same key blocks on the primary key until this transaction ends: it then fails with a
   * duplicate (and replays) or, if this one rolled back, takes the key itself.
   */
  async claim(manager: EntityManager, claim: Omit<IdempotencyKey, 'createdAt'>, at: Date): Promise<void> {
    try {
      await manager.insert(IdempotencyKey, { ...claim, createdAt: at });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new IdempotencyKeyTaken();
      throw error;
    }
  }

  find(caller: { accountId: string | null; userId: string }, key: string): Promise<IdempotencyKey | null> {
    return this.dataSource
      .getRepository(IdempotencyKey)
      .findOneBy({ callerAccountId: caller.accountId ?? '', callerId: caller.userId, key });
  }
}
