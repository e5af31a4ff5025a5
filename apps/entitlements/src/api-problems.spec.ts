import { problemsToApiError, unknownFields } from './api-problems';

describe('problemsToApiError', () => {
  it('groups the domain problems by field, in the shape of the validation pipe', () => {
    const error = problemsToApiError('invalid_plan', [
      'slaTargets.urgent: "P1M" is not a duration',
      'roles.owner.ticket: must be one of sla, best_effort, none',
      'slaTargets.urgent: missing',
      'a problem without a field',
    ]);
    expect(error.getStatus()).toBe(400);
    expect(error.getResponse()).toEqual({
      statusCode: 400,
      code: 'invalid_plan',
      message: 'slaTargets.urgent: "P1M" is not a duration; roles.owner.ticket: must be one of sla, best_effort, none; slaTargets.urgent: missing; a problem without a field',
      errors: [
        { field: 'slaTargets.urgent', problems: ['"P1M" is not a duration', 'missing'] },
        { field: 'roles.owner.ticket', problems: ['must be one of sla, best_effort, none'] },
        { field: '', problems: ['a problem without a field'] },
      ],
    });
  });
});

describe('unknownFields', () => {
  it('names each field the body may not carry, under its path', () => {
    expect(unknownFields({ number: '+1', fax: true }, ['number'], 'hotlines[2].')).toEqual([
      'hotlines[2].fax: is not a known field (expected number)',
    ]);
  });
});
