import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CreateTicketDto } from './create-ticket.dto';
import { isIsoInstant } from './form-rules';

async function problems(body: Record<string, unknown>): Promise<string[]> {
  const form = plainToInstance(CreateTicketDto, body);
  const errors = await validate(form, { whitelist: true, forbidNonWhitelisted: true });
  return errors.map((e) => e.property).sort();
}

const valid = { subject: 'No audio', description: 'Nobody hears me.', priority: 'urgent', device: 'mobile' };

describe('ticket form validation', () => {
  it.each([
    ['2026-11-21', true],
    ['2026-11-21T10:00Z', true],
    ['2026-11-21T10:00:00.123+02:00', true],
    ['2026-11-21T10:00:00', false],
    ['2026-13-45', false],
    ['2026-02-30T10:00:00Z', false],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-11-21T24:00:00Z', false],
    ['21/11/2026', false],
  ])('reads %s as an ISO instant: %s', (value, expected) => {
    expect(isIsoInstant(value)).toBe(expected);
  });

  it('takes the subject as one line, the description as many', async () => {
    expect(await problems({ ...valid, subject: 'Echo\nin meetings', description: 'first\n\tsecond\r\n' })).toEqual(['subject']);
    expect(await problems({ ...valid, subject: '  Echo in meetings\n' })).toEqual([]);
  });

  it('accepts the minimal form', async () => {
    expect(await problems(valid)).toEqual([]);
  });

  it('names every bad field of one form together', async () => {
    expect(
      await problems({
        subject: ' ',
        description: 'x'.repeat(64 * 1024 + 1),
        priority: 'p1',
        device: 'tv',
        ccEmails: ['x'],
        meetingId: '1',
        occurredAt: '2999-01-01',
        extra: 1,
      }),
    ).toEqual(['ccEmails', 'description', 'device', 'extra', 'meetingId', 'occurredAt', 'priority', 'subject']);
  });

  it('stores what it validated: the trimmed subject, the distinct addresses, the meeting ID digits', () => {
    const form = plainToInstance(CreateTicketDto, {
      ...valid,
      subject: '  Echo  ',
      ccEmails: ['a@x.io', 'A@X.IO'],
      meetingId: '123 456 789',
    });
    expect(form).toMatchObject({ subject: 'Echo', ccEmails: ['a@x.io'], meetingId: '123456789' });
  });
});
