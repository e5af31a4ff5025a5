import { readFileSync } from 'node:fs';
import path from 'node:path';
import { imagesNodeMajor, majorOf, resolveServiceNode } from './service-node';

describe('the services’ Node.js in the bench', () => {
  it('takes the images’ major from deploy/Dockerfile', () => {
    expect(imagesNodeMajor('FROM x\nARG NODE_IMAGE=node:24-bookworm-slim\n')).toBe(24);
    expect(imagesNodeMajor('ARG NODE_IMAGE=node:22\n')).toBe(22);
    expect(imagesNodeMajor(readFileSync(path.join(__dirname, '..', 'deploy', 'Dockerfile'), 'utf8'))).toBeGreaterThanOrEqual(20);
    expect(() => imagesNodeMajor('ARG NODE_IMAGE=alpine:3\n')).toThrow(/names no NODE_IMAGE=node:<major>/);
  });

  it('reads a version’s major', () => {
    expect(majorOf('v24.22.3')).toBe(24);
    expect(majorOf(process.version)).toBe(Number(process.versions.node.split('.')[0]));
    expect(majorOf('24')).toBeNaN();
  });

  it('keeps the machine’s Node.js when told to, and runs a named one after checking it runs', () => {
    const log: string[] = [];
    expect(resolveServiceNode({ BENCH_SERVICE_NODE: 'machine' }, (line) => log.push(line))).toEqual({
      path: process.execPath,
      version: process.version,
      source: 'the machine’s, BENCH_SERVICE_NODE=machine',
    });
    expect(resolveServiceNode({ BENCH_SERVICE_NODE: process.execPath }, (line) => log.push(line))).toEqual({
      path: process.execPath,
      version: process.version,
      source: 'BENCH_SERVICE_NODE',
    });
    expect(() => resolveServiceNode({ BENCH_SERVICE_NODE: 'node24' }, () => undefined)).toThrow(
      /images, machine or the absolute path .* not "node24"/,
    );
    expect(() => resolveServiceNode({ BENCH_SERVICE_NODE: '/bin/false' }, () => undefined)).toThrow(
      /names no Node\.js that runs: "\/bin\/false"/,
    );
    expect(log).toEqual([]);
  });
});
