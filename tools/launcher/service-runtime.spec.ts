import { maxOldSpaceMb, serviceCommand, serviceNodeFlags } from './service-runtime';

describe('service command line', () => {
  it('passes SERVICE_NODE_FLAGS to Node after the heap limit, before the script', () => {
    const flags = serviceNodeFlags({ SERVICE_NODE_FLAGS: '  --trace-gc   --heap-growing-percent=100 ' });
    expect(flags).toEqual(['--trace-gc', '--heap-growing-percent=100']);
    const command = serviceCommand('ticketing', '/tmp/compiled', 160, flags);
    expect(command.slice(1, 4)).toEqual(['--max-old-space-size=160', '--trace-gc', '--heap-growing-percent=100']);
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

  it('reads SERVICE_MAX_OLD_SPACE_MB as whole megabytes', () => {
    expect(maxOldSpaceMb({}, true)).toBe(160);
    expect(maxOldSpaceMb({}, false)).toBe(0);
    expect(maxOldSpaceMb({ SERVICE_MAX_OLD_SPACE_MB: '256' }, true)).toBe(256);
    expect(() => maxOldSpaceMb({ SERVICE_MAX_OLD_SPACE_MB: '1.5' }, true)).toThrow(/whole number/);
  });
});
