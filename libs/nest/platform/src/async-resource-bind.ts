import { AsyncResource } from 'node:async_hooks';

/**
 * Node.js 20's `AsyncResource.prototype.bind` costs about 20 µs a call (measured here: 19.8–21.5
 * µs against 0.7 for the same binding without it): it gives every bound function an
 * `asyncResource` accessor wrapped twice in `util.deprecate` (DEP0172), and `deprecate` resets the
 * wrapper's prototype, which V8 makes slow. Fastify binds once per request with a body (its
 * content-type parser's `AsyncResource`), Nest once per interceptor; a CPU profile of ticketing at
 * 300–500 tickets/s put `deprecate` at 1.1 % of its main thread, all of it under Fastify's
 * parser. Node.js fixed the cost in later lines (nodejs/node#58218, #59195) and removes the
 * property (#58618); raw-body stopped calling the method for the same reason
 * (stream-utils/raw-body#173).
 *
 * `cheapAsyncResourceBind()` replaces the method, once per process, with one that binds the same
 * way (the function runs in the resource's async scope, with the bound function's `this` or the
 * given `thisArg`, its arguments and return value passed through, its `length` kept) without the
 * deprecated property. It changes nothing on a Node.js whose bound functions no longer carry
 * that property.
 */
let installed: boolean | undefined;

/** Installs the cheaper `bind` (idempotent); false when this Node.js needs none. */
export function cheapAsyncResourceBind(): boolean {
  if (installed !== undefined) return installed;
  const probe = new AsyncResource('support.bind-probe').bind(String);
  if (!Object.prototype.hasOwnProperty.call(probe, 'asyncResource')) return (installed = false);
  AsyncResource.prototype.bind = bindInScope as typeof AsyncResource.prototype.bind;
  return (installed = true);
}

function bindInScope(this: AsyncResource, fn: (...args: unknown[]) => unknown, thisArg?: unknown): (...args: unknown[]) => unknown {
  if (typeof fn !== 'function') throw new TypeError(`The "fn" argument must be of type function. Received ${typeof fn}`);
  const bound = thisArg === undefined ? boundToCaller(this, fn) : this.runInAsyncScope.bind(this, fn, thisArg);
  Object.defineProperty(bound, 'length', { configurable: true, enumerable: false, value: fn.length, writable: false });
  return bound as (...args: unknown[]) => unknown;
}

/** A function that runs `fn` in `resource`'s scope with its own caller's `this`, as Node's bind without a thisArg. */
function boundToCaller(resource: AsyncResource, fn: (...args: unknown[]) => unknown) {
  return function boundInScope(this: unknown, ...args: unknown[]) {
    return resource.runInAsyncScope(fn, this, ...args);
  };
}
