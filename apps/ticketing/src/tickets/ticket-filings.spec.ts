import { OutboxWriter } from '@support/messaging';
import type { UnitOfWork } from '@support/nest-messaging';
import type { EntityManager } from 'typeorm';
import { IdempotencyKey } from './idempotency/idempotency-key.entity';
import { IdempotencyKeys, IdempotencyKeyTaken } from './idempotency/idempotency-keys';
import { Ticket } from './ticket.entity';
import { TicketFilings, type NewFiling } from './ticket-filings';
import { TicketStatusChange } from './ticket-status-change.entity';
import { TicketStatusRecorder } from './ticket-status.recorder';

/**
 * A database stand-in that records each transaction's statements, can hold transactions open
 * (to make requests queue) and refuses duplicate idempotency keys as the primary key would.
 */
class FakeDatabase {
  readonly transactions: Array<{ tickets: string[]; statusRows: number; outboxRows: string[]; keys: string[]; committed: boolean }> = [];
  readonly committedKeys = new Set<string>();
  /** keys inserted by transactions still open: another insert of one waits for that transaction, as on a primary key */
  private readonly lockedKeys = new Map<string, Promise<void>>();
  private gate: Promise<void> = Promise.resolve();
  private open: () => void = () => undefined;

  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open();
  }

  readonly unitOfWork = {
    run: async <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> => {
      const record = { tickets: [] as string[], statusRows: 0, outboxRows: [] as string[], keys: [] as string[], committed: false };
      this.transactions.push(record);
      await this.gate;
      let end: () => void = () => undefined;
      const ended = new Promise<void>((resolve) => (end = resolve));
      try {
        const result = await work(this.manager(record, ended));
        record.keys.forEach((key) => this.committedKeys.add(key));
        record.committed = true;
        return result;
      } finally {
        record.keys.forEach((key) => this.lockedKeys.delete(key));
        end();
      }
    },
  } as unknown as UnitOfWork;

  private manager(record: FakeDatabase['transactions'][number], ended: Promise<void>): EntityManager {
    // insertRows reads each table's columns from the metadata: one column each is enough to tell the rows apart
    const oneColumn = (tableName: string, property: 'id' | 'ticketId') => ({
      tableName,
      columns: [
        { isInsert: true, isVersion: false, databaseName: property, getEntityValue: (row: Record<string, unknown>) => row[property] },
      ],
    });
    const tables = new Map<unknown, ReturnType<typeof oneColumn>>([
      [Ticket, oneColumn('ticket', 'id')],
      [TicketStatusChange, oneColumn('ticket_status_change', 'ticketId')],
    ]);
    const keyOf = (claim: { callerId: string; key: string }) => `${claim.callerId}/${claim.key}`;
    const manager = {
      queryRunner: { isTransactionActive: true },
      connection: { getMetadata: (target: unknown) => tables.get(target), driver: { preparePersistentValue: (value: unknown) => value } },
      insert: async (entity: unknown, rows: Array<{ callerId: string; key: string }> | { callerId: string; key: string }) => {
        if (entity !== IdempotencyKey) throw new Error('unexpected insert');
        for (const row of Array.isArray(rows) ? rows : [rows]) {
          const key = keyOf(row);
          for (let lock = this.lockedKeys.get(key); lock && !record.keys.includes(key); lock = this.lockedKeys.get(key)) await lock;
          if (this.committedKeys.has(key) || record.keys.includes(key))
            throw Object.assign(new Error('Duplicate entry'), { code: 'ER_DUP_ENTRY' });
          record.keys.push(key);
          this.lockedKeys.set(key, ended);
        }
      },
      query: async (sql: string, parameters: unknown[]) => {
        if (sql.startsWith('INSERT INTO `ticket` ')) record.tickets.push(...(parameters as string[]));
        else if (sql.startsWith('INSERT INTO `ticket_status_change` ')) record.statusRows += parameters.length;
        else record.outboxRows.push(...(parameters[0] as Array<[string, string, string]>).map((row) => row[2]));
      },
    };
    return manager as unknown as EntityManager;
  }
}

function newTicket(index: number): Ticket {
  const now = new Date();
  return Object.assign(new Ticket(), {
    id: `00000000-0000-7000-8000-${String(index).padStart(12, '0')}`,
    accountId: 'acct',
    requesterId: `user-${index}`,
    subject: `Ticket ${index}`,
    description: 'Something broke.',
    priority: 'normal',
    device: 'desktop',
    ccEmails: [],
    meetingId: null,
    occurredAt: null,
    status: 'new',
    createdAt: now,
    updatedAt: now,
  });
}

function filing(index: number, key?: string): NewFiling {
  const ticket = newTicket(index);
  const claim = key
    ? { callerAccountId: 'acct', callerId: key.split('/')[0], key: key.split('/')[1], requestHash: 'h', ticketId: ticket.id }
    : null;
  return { ticket, claim, correlationId: `corr-${index}` };
}

describe('TicketFilings (group commit of new tickets)', () => {
  let db: FakeDatabase;

  function filings(concurrency: number, maxBatch = 100): TicketFilings {
    const outbox = new OutboxWriter('ticketing');
    return new TicketFilings(db.unitOfWork, outbox, new IdempotencyKeys(null as never), new TicketStatusRecorder(outbox), {
      concurrency,
      maxBatch,
      expectsSuggestions: true,
    });
  }

  beforeEach(() => {
    db = new FakeDatabase();
  });

  it('writes a ticket at once, alone, while a transaction slot is free', async () => {
    const entry = await filings(2).file(filing(1));
    expect(entry).toMatchObject({ ticketId: newTicket(1).id, previousStatus: null, status: 'new', changedBy: 'user-1' });
    expect(db.transactions).toEqual([
      { tickets: [newTicket(1).id], statusRows: 1, outboxRows: [newTicket(1).id], keys: [], committed: true },
    ]);
  });

  it('groups the requests that wait for a slot into one transaction, each ticket with its history row and its created event, in arrival order', async () => {
    const writer = filings(1);
    db.hold();
    const first = writer.file(filing(0));
    const waiting = Array.from({ length: 7 }, (_, index) => writer.file(filing(index + 1)));
    db.release();
    const entries = await Promise.all([first, ...waiting]);
    expect(entries.map((entry) => entry.changedBy)).toEqual(Array.from({ length: 8 }, (_, index) => `user-${index}`));
    expect(db.transactions).toHaveLength(2);
    const ids = Array.from({ length: 7 }, (_, index) => newTicket(index + 1).id);
    expect(db.transactions[1]).toEqual({ tickets: ids, statusRows: 7, outboxRows: ids, keys: [], committed: true });
  });

  it('puts at most maxBatch tickets in one transaction', async () => {
    const writer = filings(1, 3);
    db.hold();
    const all = Array.from({ length: 8 }, (_, index) => writer.file(filing(index)));
    db.release();
    await Promise.all(all);
    expect(db.transactions.map((t) => t.tickets.length)).toEqual([1, 3, 3, 1]);
  });

  it('retries a batch that fails one ticket per transaction: a key used twice files once and the other request learns the key is taken', async () => {
    const writer = filings(1);
    db.hold();
    const first = writer.file(filing(0));
    const results = await Promise.allSettled([
      (db.release(), first),
      writer.file(filing(1, 'alice/k1')),
      writer.file(filing(2, 'alice/k1')),
      writer.file(filing(3, 'bob/k1')),
      writer.file(filing(4)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason).toBeInstanceOf(IdempotencyKeyTaken);
    const committed = db.transactions.filter((t) => t.committed);
    // the batch of four failed on the repeated key (before writing a ticket); then each went alone
    expect(db.transactions[1]).toMatchObject({ keys: ['alice/k1'], tickets: [], committed: false });
    expect(db.transactions).toHaveLength(6);
    expect(committed.flatMap((t) => t.tickets).sort()).toEqual([0, 1, 3, 4].map((i) => newTicket(i).id));
    expect(committed.flatMap((t) => t.outboxRows).sort()).toEqual([0, 1, 3, 4].map((i) => newTicket(i).id));
    expect([...db.committedKeys].sort()).toEqual(['alice/k1', 'bob/k1']);
  });
});
