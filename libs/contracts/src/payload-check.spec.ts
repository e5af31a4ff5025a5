import { plainToInstance, Type } from 'class-transformer';
import { IsString, MaxLength, ValidateNested, validateSync } from 'class-validator';
import { validatePayload } from './envelope';
import type { EventDefinition } from './event-definition';
import { EVENT_EXAMPLES } from './examples';
import { payloadCheck } from './payload-check';
import { EVENT_DEFINITIONS } from './registry';
import { ODD_VALUES as COMMON_ODD_VALUES } from '../test/odd-values';

/** The reference: what class-transformer and class-validator say about the data (validatePayload's slow path). */
function fullValidationAccepts(definition: EventDefinition, data: object): boolean {
  return validateSync(plainToInstance(definition.payload, data) as object, { forbidUnknownValues: false }).length === 0;
}

/** Values a wrong or hostile producer could put anywhere: wrong types, empty, long, nested, and valid values of other fields. */
const ODD_VALUES: unknown[] = [
  ...COMMON_ODD_VALUES,
  'a'.repeat(300),
  -1,
  1.5,
  Number.NaN,
  false,
  [null],
  [[]],
  [{}],
  [undefined],
  { a: 1 },
  '2026-12-02T10:15:00.000Z',
  '2026-12-02',
  '2026-13-45T99:00:00Z',
  'PT1H',
  'not an email',
  'someone@example.com',
  ['someone@example.com'],
  Array.from({ length: 21 }, (_, i) => `p${i}@example.com`),
];

/** Every example with one field (or one field of a nested object or list element) set to each odd value or removed. */
function* mutations(example: Record<string, unknown>, others: unknown[]): Generator<Record<string, unknown>> {
  for (const [property, value] of Object.entries(example)) {
    for (const odd of [...ODD_VALUES, ...others]) {
      yield { ...example, [property]: odd };
    }
    const { [property]: _removed, ...without } = example;
    yield without;
    if (Array.isArray(value)) {
      for (const odd of ODD_VALUES) yield { ...example, [property]: [...value, odd] };
      for (const [index, element] of value.entries())
        if (element && typeof element === 'object')
          for (const inner of mutations(element as Record<string, unknown>, others)) {
            const list = [...value];
            list[index] = inner;
            yield { ...example, [property]: list };
          }
    } else if (value && typeof value === 'object') {
      for (const inner of mutations(value as Record<string, unknown>, others)) yield { ...example, [property]: inner };
    }
  }
  yield { ...example, unknownField: 'x' };
}

describe('payloadCheck: the quick yes of the event payload validation', () => {
  const examples = [...EVENT_EXAMPLES] as Array<[EventDefinition, Record<string, unknown>]>;
  // every valid value of every example, so that a field also gets values valid for another field
  const others = [...new Set(examples.flatMap(([, data]) => Object.values(data)).filter((v) => typeof v !== 'object'))];

  it('has an example for every registered event type, and compiles a quick check for each', () => {
    expect(new Set(examples.map(([definition]) => definition.type))).toEqual(new Set(EVENT_DEFINITIONS.keys()));
    for (const definition of EVENT_DEFINITIONS.values())
      expect([definition.type, payloadCheck(definition.payload)]).toEqual([definition.type, expect.any(Function)]);
  });

  it('agrees with class-transformer + class-validator on every example and thousands of wrong payloads', () => {
    let cases = 0;
    let accepted = 0;
    const disagreements: string[] = [];
    for (const [definition, example] of examples) {
      const check = payloadCheck(definition.payload);
      expect(check?.(example)).toBe(true);
      for (const data of mutations(example, others)) {
        cases += 1;
        const quick = check?.(data) ?? false;
        const full = fullValidationAccepts(definition, data);
        if (full) accepted += 1;
        if (quick !== full) disagreements.push(`${definition.type} ${JSON.stringify(data)}: quick ${quick}, full ${full}`);
      }
    }
    expect(cases).toBeGreaterThan(5000);
    expect(accepted).toBeGreaterThan(500); // the cases are not all refusals
    expect(disagreements).toEqual([]);
  });

  it('validatePayload still names every problem: a no of the quick check is never the answer', () => {
    const [definition, example] = examples.find(([d]) => d.type === 'support.kb.articles_suggested.v1')!;
    const suggestions = example['suggestions'] as Array<Record<string, unknown>>;
    expect(validatePayload(definition, example)).toEqual([]);
    expect(validatePayload(definition, { ...example, ticketId: '', suggestions: [{ ...suggestions[0], score: 'high' }] })).toEqual([
      'ticketId: ticketId should not be empty',
      'suggestions.0.score: score must be a number conforming to the specified constraints',
    ]);
  });

  it('refuses data that is a list, where the full validation alone found nothing to check', () => {
    const [definition] = examples[0];
    expect(validatePayload(definition, [])).toEqual(['data must be an object']);
    expect(validatePayload(definition, [examples[0][1]])).toEqual(['data must be an object']);
  });

  it('sees only what class-transformer copies: own enumerable properties, not a getter of a class', () => {
    const [definition, example] = examples.find(([d]) => d.type === 'support.ticket.created.v1')!;
    const { subject, ...rest } = example;
    const withGetter = Object.assign(
      Object.create({
        get subject() {
          return subject;
        },
      }) as Record<string, unknown>,
      rest,
    );
    expect(withGetter['subject']).toBe(subject);
    expect(payloadCheck(definition.payload)?.(withGetter)).toBe(false);
    expect(fullValidationAccepts(definition, withGetter)).toBe(false);
    expect(validatePayload(definition, withGetter)).toEqual(expect.arrayContaining([expect.stringMatching(/^subject: /)]));
  });

  it('leaves to the full validation what it cannot mirror exactly: a class nested in itself', () => {
    class Node {
      @IsString() @MaxLength(5) name: string;
      @ValidateNested() @Type(() => Node) child?: Node;
    }
    expect(payloadCheck(Node)).toBeNull();
    const definition = {
      type: 't',
      topic: 'support.tickets',
      payload: Node,
      key: () => 'k',
      subject: () => 'k',
    } as unknown as EventDefinition;
    expect(validatePayload(definition, { name: 'a', child: { name: 'too long' } })).toEqual([
      'child.name: name must be shorter than or equal to 5 characters',
    ]);
  });
});
