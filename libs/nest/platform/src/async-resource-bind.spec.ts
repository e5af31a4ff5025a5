import { AsyncLocalStorage, AsyncResource, executionAsyncId } from 'node:async_hooks';
import { cheapAsyncResourceBind } from './async-resource-bind';

describe('cheapAsyncResourceBind (AsyncResource.bind without the deprecated accessor)', () => {
  beforeAll(() => {
    cheapAsyncResourceBind();
  });

  it('leaves bound functions without the deprecated asyncResource property', () => {
    const bound = new AsyncResource('test').bind(() => 1);
    expect(Object.prototype.hasOwnProperty.call(bound, 'asyncResource')).toBe(false);
    expect(cheapAsyncResourceBind()).toBe(cheapAsyncResourceBind());
  });

  it('runs the function in the async context of the resource, not of its caller', () => {
    const storage = new AsyncLocalStorage<string>();
    const bound = storage.run('request-1', () => new AsyncResource('test').bind(() => storage.getStore()));
    const staticBound = storage.run('request-2', () => AsyncResource.bind(() => storage.getStore()));
    expect(storage.run('elsewhere', () => [bound(), staticBound()])).toEqual(['request-1', 'request-2']);
  });

  it("runs in the resource's own async scope, as Node's bind does", () => {
    const resource = new AsyncResource('test');
    expect(resource.bind(() => executionAsyncId())()).toBe(resource.asyncId());
  });

  it('passes arguments, the return value and thrown errors through, and keeps the length', () => {
    const add = new AsyncResource('test').bind((a: number, b: number) => a + b);
    expect(add(2, 3)).toBe(5);
    expect(add.length).toBe(2);
    const fails = new AsyncResource('test').bind(() => {
      throw new Error('inside');
    });
    expect(() => fails()).toThrow('inside');
  });

  it("calls with the bound function's this, or with the thisArg given", () => {
    function self(this: unknown) {
      return this;
    }
    const owner = { method: new AsyncResource('test').bind(self) };
    expect(owner.method()).toBe(owner);
    const fixed = { name: 'fixed' };
    // Node's bind takes a thisArg, which @types/node does not list
    const bindWith = AsyncResource.prototype.bind as unknown as (fn: () => unknown, thisArg: unknown) => () => unknown;
    expect(bindWith.call(new AsyncResource('test'), self, fixed).call({ name: 'other' })).toBe(fixed);
  });

  it('refuses what is not a function, as Node does', () => {
    // by name and message: the patch may come from another test file's module context (Jest
    // shares node:async_hooks between them), whose TypeError is not this file's
    expect(() => new AsyncResource('test').bind(42 as unknown as () => void)).toThrow(
      expect.objectContaining({ name: 'TypeError', message: expect.stringContaining('"fn" argument must be of type function') }),
    );
  });
});
