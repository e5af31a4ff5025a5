import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutboxWriter } from '@support/messaging';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a change and the events it records in one transaction, then wakes the relay. Services use
 * this for HTTP-driven changes; event handlers already run inside the inbox transaction.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(work);
    this.outbox.notifyCommitted();
    return result;
  }
}
