import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** The lowest port the kernel hands out to sockets bound to port 0 (Linux; 32768 elsewhere). */
function ephemeralLow(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 0 ? low : 32768;
  } catch {
    return 32768;
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

const LOWEST = 10_000;
/** Ports this process has handed out: each is the caller's until its process binds it, which may be seconds later. */
const handedOut = new Set<number>();

/**
 * A TCP port free on 127.0.0.1 now, for a process the caller starts next. It is picked at random
 * BELOW the kernel's ephemeral range: a port asked of the kernel (port 0) is free only until
 * something else binds port 0, and the development broker's three listeners do exactly that
 * (a service once failed with EADDRINUSE on a port the broker had taken after the test had picked
 * it). Checked by listening on it; random, so that runs side by side seldom try the same one.
 * Never the same port twice in one process: a fault platform picks every service's port before it
 * starts the first, and a port picked twice lets one service answer for another: the readiness
 * check passes for both, and the second's routes answer 404 (most likely what a CI run met once,
 * "Cannot PUT /v1/accounts/…" from the port picked for entitlements).
 */
export async function freePort(): Promise<number> {
  const high = ephemeralLow();
  for (let attempt = 0; attempt < 200 && high - LOWEST > 1000; attempt++) {
    const port = LOWEST + Math.floor(Math.random() * (high - LOWEST));
    if (handedOut.has(port) || !(await canListen(port))) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error(`no free port found between ${LOWEST} and the ephemeral range (${high})`);
}
