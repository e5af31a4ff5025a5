import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  maxOldSpaceMb,
  SERVICE_GLIBC_TUNABLES,
  serviceCommand,
  serviceEnvironment,
  serviceNodeBinary,
  serviceNodeFlags,
  serviceProcess,
  serviceRuntime,
} from './service-runtime';

describe('service command line', () => {
  it('passes SERVICE_NODE_FLAGS to Node after the heap limit, before the script', () => {
    const flags = serviceNodeFlags({ SERVICE_NODE_FLAGS: '  --trace-gc   --heap-growing-percent=100 ' });
    expect(flags).toEqual(['--trace-gc', '--heap-growing-percent=100']);
    const command = serviceCommand('ticketing', '/tmp/compiled', 160, flags);
    expect(command.slice(1, 5)).toEqual([
      '--max-old-space-size=160',
      '--max-semi-space-size=8',
      '--trace-gc',
      '--heap-growing-percent=100',
    ]);
    expect(command.at(-1)).toBe('/tmp/compiled/apps/ticketing/src/main.js');
  });

  it('adds nothing when SERVICE_NODE_FLAGS is unset or blank', () => {
    expect(serviceNodeFlags({})).toEqual([]);
    expect(serviceNodeFlags({ SERVICE_NODE_FLAGS: '   ' })).toEqual([]);
    expect(serviceCommand('entitlements', false, 0, [])).toEqual([
      process.execPath,
      '-r',
      'ts-node/register',
      'apps/entitlements/src/main.ts',
    ]);
  });

  it('refuses a word that is not an option, naming it (it would be run as a script)', () => {
    expect(() => serviceNodeFlags({ SERVICE_NODE_FLAGS: '--trace-gc evil.js' })).toThrow(/not "evil\.js"/);
    expect(() => serviceNodeFlags({ SERVICE_NODE_FLAGS: '-e' })).toThrow(/each starting with "--"/);
    expect(() => serviceNodeFlags({ SERVICE_NODE_FLAGS: '--' })).toThrow(/not "--"/);
  });

  it("runs the services on SERVICE_NODE_BINARY when it names an executable, else on the launcher's Node.js", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'service-node-'));
    try {
      const node = path.join(dir, 'node');
      writeFileSync(node, '#!/bin/sh\n');
      chmodSync(node, 0o755);
      expect(serviceNodeBinary({ SERVICE_NODE_BINARY: node })).toBe(node);
      expect(serviceCommand('ticketing', '/tmp/compiled', 160, [], node)[0]).toBe(node);
      expect(serviceNodeBinary({})).toBe(process.execPath);
      expect(serviceNodeBinary({ SERVICE_NODE_BINARY: '' })).toBe(process.execPath);
      expect(() => serviceNodeBinary({ SERVICE_NODE_BINARY: 'node24/bin/node' })).toThrow(/absolute path .* not "node24\/bin\/node"/);
      expect(() => serviceNodeBinary({ SERVICE_NODE_BINARY: path.join(dir, 'missing') })).toThrow(/names no executable file/);
      expect(() => serviceNodeBinary({ SERVICE_NODE_BINARY: dir })).toThrow(/names no executable file/);
      chmodSync(node, 0o644);
      expect(() => serviceNodeBinary({ SERVICE_NODE_BINARY: node })).toThrow(/names no executable file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the services at most two malloc arenas, as the images do, unless GLIBC_TUNABLES says otherwise', () => {
    expect(SERVICE_GLIBC_TUNABLES).toBe('glibc.malloc.arena_max=2');
    expect(serviceEnvironment({})['GLIBC_TUNABLES']).toBe(SERVICE_GLIBC_TUNABLES);
    expect(serviceEnvironment({ GLIBC_TUNABLES: '' })['GLIBC_TUNABLES']).toBe(SERVICE_GLIBC_TUNABLES);
    expect(serviceEnvironment({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=4' })['GLIBC_TUNABLES']).toBe('glibc.malloc.arena_max=4');
    // the rest of the caller's environment goes through untouched
    expect(serviceEnvironment({ KB_PORT: '3004' })).toEqual({ KB_PORT: '3004', GLIBC_TUNABLES: SERVICE_GLIBC_TUNABLES });
  });

  it('starts a service with its command line and its environment together, from settings read once', () => {
    const env = { SERVICE_MAX_OLD_SPACE_MB: '200', SERVICE_NODE_FLAGS: '--trace-gc', TICKETING_PORT: '3001' };
    const settings = serviceRuntime(env, true);
    expect(settings).toEqual({ maxOldSpaceMb: 200, nodeFlags: ['--trace-gc'], node: process.execPath, cpuProfileDir: null });
    const service = serviceProcess('ticketing', '/tmp/compiled', settings, env);
    expect([service.command, ...service.args]).toEqual(serviceCommand('ticketing', '/tmp/compiled', 200, ['--trace-gc']));
    expect(service.env).toEqual({ ...env, GLIBC_TUNABLES: SERVICE_GLIBC_TUNABLES });
    // a wrong setting stops the launch before anything is built
    expect(() => serviceRuntime({ SERVICE_NODE_FLAGS: 'trace-gc' }, true)).toThrow(/SERVICE_NODE_FLAGS/);
  });

  it('profiles each service into its own folder of SERVICE_CPU_PROFILE_DIR, read from the environment given, not the launcher’s', () => {
    const settings = serviceRuntime({ SERVICE_CPU_PROFILE_DIR: '/tmp/profiles' }, true);
    expect(settings.cpuProfileDir).toBe('/tmp/profiles');
    const { args } = serviceProcess('knowledge-base', '/tmp/compiled', settings, {});
    expect(args.slice(2, 4)).toEqual(['--cpu-prof', '--cpu-prof-dir=/tmp/profiles/knowledge-base']);
    const before = process.env['SERVICE_CPU_PROFILE_DIR'];
    process.env['SERVICE_CPU_PROFILE_DIR'] = '/tmp/elsewhere';
    try {
      const unprofiled = serviceProcess('knowledge-base', '/tmp/compiled', serviceRuntime({}, true), {});
      expect(unprofiled.args).not.toContain('--cpu-prof');
    } finally {
      if (before === undefined) delete process.env['SERVICE_CPU_PROFILE_DIR'];
      else process.env['SERVICE_CPU_PROFILE_DIR'] = before;
    }
  });

  it('reads SERVICE_MAX_OLD_SPACE_MB as whole megabytes', () => {
    expect(maxOldSpaceMb({}, true)).toBe(160);
    expect(maxOldSpaceMb({}, false)).toBe(0);
    expect(maxOldSpaceMb({ SERVICE_MAX_OLD_SPACE_MB: '256' }, true)).toBe(256);
    expect(() => maxOldSpaceMb({ SERVICE_MAX_OLD_SPACE_MB: '1.5' }, true)).toThrow(/whole number/);
  });
});
