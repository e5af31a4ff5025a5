#!/usr/bin/env node
/**
 * The npm registry mirror this project is developed against serves only the platform binaries of
 * this machine (linux x64), so `npm install` leaves other platforms' optional packages (swc and
 * unrs-resolver bindings) out of package-lock.json, and `npm ci` then refuses the lock as out of
 * sync. This adds those entries, with the os/cpu that keep npm from installing them here, so the
 * lock stays complete for every platform. Run after changing dependencies: `node tools/fix-lock-optionals.js`.
 */
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

function platformOf(name) {
  const tail = name.split('/').pop();
  const os = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openharmony', 'sunos', 'aix'].find(
    (o) => tail.includes(`-${o}-`) || tail.startsWith(`${o}-`),
  );
  const cpu = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32'].find((c) =>
    new RegExp(`-${c}(-|$)`).test(tail),
  );
  const libc = /-gnu/.test(tail) ? ['glibc'] : /-musl/.test(tail) ? ['musl'] : undefined;
  return { os, cpu, libc };
}

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const parentDir = location === '' ? '' : `${location}/`;
    const candidates = [`${parentDir}node_modules/${name}`, `node_modules/${name}`];
    if (candidates.some((c) => packages[c])) continue;
    const { os, cpu, libc } = platformOf(name);
    if (!cpu) continue;
    packages[`node_modules/${name}`] = {
      version: version.replace(/^[\^~=]/, ''),
      ...(cpu ? { cpu: [cpu] } : {}),
      dev: entry.dev,
      license: entry.license,
      optional: true,
      ...(os ? { os: [os] } : {}),
      ...(libc ? { libc } : {}),
    };
    added += 1;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`added ${added} platform-specific optional packages to package-lock.json\n`);
