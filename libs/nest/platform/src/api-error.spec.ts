import 'reflect-metadata';
import { HttpStatus, type ArgumentMetadata } from '@nestjs/common';
import { ApiError, fieldProblem } from './api-error';
import { ParamPipe, PatternParamPipe, UuidParamPipe } from './param-pipe';

const body = (error: unknown) => (error as ApiError).getResponse();
const param = (data: string): ArgumentMetadata => ({ type: 'param', data });

function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected a refusal');
}

describe('ApiError', () => {
  it('names every field at fault in one 400, problems grouped by field', () => {
    const error = ApiError.validationFailed([
      { field: 'slug', message: 'must be lowercase' },
      'title: is required',
      { field: 'slug', message: 'is too long' },
    ]);
    expect(error.getStatus()).toBe(HttpStatus.BAD_REQUEST);
    expect(body(error)).toEqual({
      statusCode: 400,
      code: 'validation_failed',
      message: 'slug: must be lowercase; title: is required; slug: is too long',
      errors: [
        { field: 'slug', problems: ['must be lowercase', 'is too long'] },
        { field: 'title', problems: ['is required'] },
      ],
    });
  });

  it('keeps a problem without a field whole, and takes a code of the contract', () => {
    expect(fieldProblem('plan: must be a JSON object')).toEqual({ field: 'plan', message: 'must be a JSON object' });
    expect(body(ApiError.validationFailed(['the body is empty'], 'invalid_plan'))).toEqual({
      statusCode: 400,
      code: 'invalid_plan',
      message: 'the body is empty',
      errors: [{ field: '', problems: ['the body is empty'] }],
    });
  });

  it('groups domain problems written "field: problem" in the order their fields first appear', () => {
    const error = ApiError.validationFailed(
      [
        'slaTargets.urgent: "P1M" is not a duration',
        'roles.owner.ticket: must be one of sla, best_effort, none',
        'slaTargets.urgent: missing',
        'a problem without a field',
      ],
      'invalid_plan',
    );
    expect(body(error)).toEqual({
      statusCode: 400,
      code: 'invalid_plan',
      message:
        'slaTargets.urgent: "P1M" is not a duration; roles.owner.ticket: must be one of sla, best_effort, none; slaTargets.urgent: missing; a problem without a field',
      errors: [
        { field: 'slaTargets.urgent', problems: ['"P1M" is not a duration', 'missing'] },
        { field: 'roles.owner.ticket', problems: ['must be one of sla, best_effort, none'] },
        { field: '', problems: ['a problem without a field'] },
      ],
    });
  });

  it('says what was not found, with the code of the kind where given', () => {
    expect(body(ApiError.notFound('plan', 'pro'))).toEqual({ statusCode: 404, code: 'not_found', message: 'plan pro was not found' });
    expect(body(ApiError.notFound('article', '"a-b"', 'article_not_found'))).toMatchObject({
      code: 'article_not_found',
      message: 'article "a-b" was not found',
    });
    expect(body(ApiError.conflict('slug_taken', 'slug: taken'))).toEqual({ statusCode: 409, code: 'slug_taken', message: 'slug: taken' });
    expect(ApiError.unauthenticated('send a token').getStatus()).toBe(HttpStatus.UNAUTHORIZED);
  });
});

describe('parameter pipes', () => {
  it('hands a UUID on in lower case and refuses anything else, naming the parameter', () => {
    const pipe = new UuidParamPipe();
    expect(pipe.transform('0193A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B', param('id'))).toBe('0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
    expect(body(refusal(() => pipe.transform('42', param('attachmentId'))))).toEqual({
      statusCode: 400,
      code: 'validation_failed',
      message: 'attachmentId: must be a UUID',
      errors: [{ field: 'attachmentId', problems: ['must be a UUID'] }],
    });
  });

  it('checks a pattern with the code the route names, and a rule with the refused value in its problem', () => {
    const PolicyId = PatternParamPipe(/^[a-z]{1,4}$/, 'a policy id is 1 to 4 letters', { code: 'invalid_policy_id' });
    expect(new PolicyId().transform('gold', param('id'))).toBe('gold');
    expect(body(refusal(() => new PolicyId().transform('Gold!', param('id'))))).toMatchObject({
      code: 'invalid_policy_id',
      message: 'id: a policy id is 1 to 4 letters',
    });
    const Colour = ParamPipe({
      accepts: (v) => v === 'red',
      problem: (v) => `must be red (got ${JSON.stringify(v)})`,
      schema: { enum: ['red'] },
    });
    expect(body(refusal(() => new Colour().transform('blue', param('colour'))))).toMatchObject({
      message: 'colour: must be red (got "blue")',
    });
  });
});
