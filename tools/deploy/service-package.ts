/**
 * One service's deployable package, built from only what the service imports:
 *
 *   ts-node tools/deploy/service-package.ts <service> --list          # its projects, files and npm packages
 *   ts-node tools/deploy/service-package.ts <service> --out <dir>     # compile and prune into <dir>
 *
 * The Nx project graph says which workspace projects and npm packages the service's production
 * files import (transitively); TypeScript compiles the service's two entry points (the server and
 * its migrations job) and, following their imports, nothing else. The output holds the compiled
 * files, a package.json and package-lock.json pruned to those npm packages (Nx's own pruning,
 * so `npm ci --omit=dev` installs only them), and two entry scripts:
 *   node service.js        the service
 *   node migrate.js [up]   its migrations job (`down` reverts the last migration)
 *   node healthcheck.js    exits 0 when /health/live answers (the image's HEALTHCHECK)
 * deploy/Dockerfile runs it in its build stage (`--build-arg SERVICE=<service>`).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createProjectGraphAsync, type ProjectFileMap, type ProjectGraph } from '@nx/devkit';
import { readFileMapCache } from '@nx/devkit/internal';
import { createLockFile, createPackageJson } from '@nx/js';
import type { ServiceManifest } from '@support/nest-bootstrap';
import * as ts from 'typescript';
import { ENTRY_SCRIPTS } from './layout';

const WORKSPACE = resolve(__dirname, '../..');

/**
 * Packages the service needs at run time that no source file imports: `@fastify/static` is the
 * optional peer `@nestjs/platform-fastify` loads when Swagger UI is served at /docs.
 */
const RUNTIME_PACKAGES = ['tsconfig-paths', '@fastify/static'];

/** Files that never ship: tests, test helpers, Jest configurations, documentation. */
const NOT_PRODUCTION = [/\.(spec|int-spec|e2e-spec)\.ts$/, /(^|\/)test\//, /(^|\/)jest[^/]*\.config\.js$/, /\.md$/];

export interface ServiceClosure {
  service: string;
  /** the service's app and every library its production files reach */
  projects: string[];
  /** npm packages those files import */
  packages: string[];
}

/** The project graph and, per project, its files with what each imports (the cache Nx writes as it builds the graph). */
export async function projectGraphWithFiles(): Promise<{ graph: ProjectGraph; files: ProjectFileMap }> {
  const graph = await createProjectGraphAsync({ exitOnError: true });
  const files = readFileMapCache()?.fileMap.projectFileMap;
  if (!files) throw new Error('Nx wrote no file map: run with NX_DAEMON=false');
  return { graph, files };
}

/** A workspace project's folder. */
function rootOf(graph: ProjectGraph, project: string): string {
  const node = graph.nodes[project];
  if (!node) throw new Error(`no project "${project}" in the Nx graph`);
  return node.data.root;
}

export function isProductionFile(file: string): boolean {
  return !NOT_PRODUCTION.some((pattern) => pattern.test(file));
}

/** The projects and npm packages a service's production files import, followed through libraries. */
export function serviceClosure(service: string, graph: ProjectGraph, files: ProjectFileMap): ServiceClosure {
  const node = graph.nodes[service];
  if (!node || node.type !== 'app') {
    const apps = Object.values(graph.nodes)
      .filter((n) => n.type === 'app')
      .map((n) => n.name);
    throw new Error(`"${service}" is not an application of this workspace; one of ${apps.sort().join(', ')}`);
  }
  const projects = new Set<string>();
  const packages = new Set<string>();
  const visit = (project: string): void => {
    if (projects.has(project)) return;
    projects.add(project);
    for (const file of files[project] ?? []) {
      if (!isProductionFile(file.file)) continue;
      for (const dep of file.deps ?? []) {
        const target = typeof dep === 'string' ? dep : dep[0];
        if (graph.nodes[target]) visit(target);
        else if (graph.externalNodes?.[target]) packages.add(graph.externalNodes[target].data.packageName);
      }
    }
  };
  visit(service);
  return { service, projects: [...projects].sort(), packages: [...packages].sort() };
}

/** `@support/x` → the compiled index of library x, for the libraries the service uses. */
function runtimePaths(closure: ServiceClosure, graph: ProjectGraph): Record<string, string> {
  const base = ts.readConfigFile(join(WORKSPACE, 'tsconfig.base.json'), ts.sys.readFile).config as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  const roots = closure.projects.map((p) => rootOf(graph, p) + '/');
  const paths: Record<string, string> = {};
  for (const [alias, [target]] of Object.entries(base.compilerOptions.paths)) {
    if (target && roots.some((root) => target.startsWith(root))) paths[alias] = './' + target.replace(/\.ts$/, '.js');
  }
  return paths;
}

/**
 * Compiles the entry points and what they import, with the ambient declarations (`*.d.ts`) of the
 * service's projects; returns the workspace files compiled.
 */
function compile(service: string, closure: ServiceClosure, graph: ProjectGraph, out: string): string[] {
  const root = rootOf(graph, service);
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(WORKSPACE, 'tsconfig.build.json'),
    { outDir: out, rootDir: WORKSPACE, declaration: false },
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error('cannot read tsconfig.build.json');
  const entries = ['src/main.ts', 'src/migrate.ts'].map((file) => join(WORKSPACE, root, file));
  const roots = closure.projects.map((p) => join(WORKSPACE, rootOf(graph, p)) + '/');
  const declarations = parsed.fileNames.filter((f) => f.endsWith('.d.ts') && roots.some((r) => f.startsWith(r)));
  const program = ts.createProgram([...entries, ...declarations], parsed.options);
  const result = program.emit();
  const problems = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
  if (problems.length > 0) {
    throw new Error(
      ts.formatDiagnosticsWithColorAndContext(problems, {
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => WORKSPACE,
        getNewLine: () => '\n',
      }),
    );
  }
  return program
    .getSourceFiles()
    .filter((f) => !f.isDeclarationFile && !f.fileName.includes('/node_modules/'))
    .map((f) => relative(WORKSPACE, f.fileName))
    .sort();
}

function entryScript(paths: Record<string, string>, module: string): string {
  return [
    '// generated by tools/deploy/service-package.ts: resolves the @support/* libraries, then runs the module',
    "require('tsconfig-paths').register({ baseUrl: __dirname, paths: " +
      JSON.stringify(Object.fromEntries(Object.entries(paths).map(([k, v]) => [k, [v]]))) +
      ' });',
    `require('./${module}');`,
    '',
  ].join('\n');
}

function healthcheckScript(portVariable: string, port: number): string {
  return [
    '// generated by tools/deploy/service-package.ts: the image HEALTHCHECK (liveness of this process)',
    `const port = process.env.${portVariable} || ${port};`,
    'fetch(`http://127.0.0.1:${port}/health/live`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1));',
    '',
  ].join('\n');
}

/** The manifest the app exports from src/service.ts (its port variable and default port). */
async function serviceManifest(root: string): Promise<ServiceManifest> {
  const exported = (await import(join(WORKSPACE, root, 'src/service'))) as Record<string, unknown>;
  const manifest = Object.values(exported).find(
    (value): value is ServiceManifest => typeof value === 'object' && value !== null && 'portVariable' in value,
  );
  if (!manifest) throw new Error(`${root}/src/service.ts exports no service manifest`);
  return manifest;
}

export async function buildServicePackage(service: string, out: string): Promise<{ closure: ServiceClosure; files: string[] }> {
  const { graph, files: fileMap } = await projectGraphWithFiles();
  const closure = serviceClosure(service, graph, fileMap);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const files = compile(service, closure, graph, out);
  const root = rootOf(graph, service);
  const manifest = await serviceManifest(root);
  const defaultPort = manifest.port(new manifest.Environment());
  const foreign = files.filter((file) => !closure.projects.some((p) => file.startsWith(rootOf(graph, p) + '/')));
  if (foreign.length > 0)
    throw new Error(`compiled files outside the service's projects (the project graph missed an import?): ${foreign.join(', ')}`);

  const paths = runtimePaths(closure, graph);
  const rootPackage = (await import(join(WORKSPACE, 'package.json'))) as {
    version: string;
    engines?: Record<string, string>;
    dependencies: Record<string, string>;
  };
  const pruned = createPackageJson(service, graph, { isProduction: true, root: WORKSPACE, skipPackageManager: true, target: 'build' });
  const dependencies: Record<string, string> = { ...(pruned.dependencies ?? {}) };
  for (const name of RUNTIME_PACKAGES) {
    const version = rootPackage.dependencies[name];
    if (!version) throw new Error(`${name} must be a dependency of the workspace (the service needs it at run time)`);
    dependencies[name] = version;
  }
  const packageJson = {
    name: `@support-desk/${service}`,
    version: rootPackage.version,
    private: true,
    license: 'MIT',
    engines: rootPackage.engines,
    scripts: { start: `node ${ENTRY_SCRIPTS.service}`, migrate: `node ${ENTRY_SCRIPTS.migrate} up` },
    dependencies: Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b))),
    ...(pruned.peerDependencies ? { peerDependencies: pruned.peerDependencies } : {}),
  };
  writeFileSync(join(out, 'package-lock.json'), createLockFile(packageJson, graph, 'npm'));
  writeFileSync(join(out, 'package.json'), JSON.stringify(packageJson, null, 2) + '\n');
  writeFileSync(join(out, ENTRY_SCRIPTS.service), entryScript(paths, `${root}/src/main.js`));
  writeFileSync(join(out, ENTRY_SCRIPTS.migrate), entryScript(paths, `${root}/src/migrate.js`));
  writeFileSync(join(out, ENTRY_SCRIPTS.healthcheck), healthcheckScript(manifest.portVariable, defaultPort));
  return { closure, files };
}

async function main(): Promise<void> {
  const [service, ...rest] = process.argv.slice(2);
  if (!service || service.startsWith('-')) throw new Error('usage: service-package.ts <service> (--list | --out <dir>)');
  if (rest[0] === '--list') {
    const { graph, files } = await projectGraphWithFiles();
    const closure = serviceClosure(service, graph, files);
    process.stdout.write(`${JSON.stringify(closure, null, 2)}\n`);
    return;
  }
  if (rest[0] !== '--out' || !rest[1]) throw new Error('usage: service-package.ts <service> (--list | --out <dir>)');
  const out = resolve(rest[1]);
  const { closure, files } = await buildServicePackage(service, out);
  process.stdout.write(
    `${service}: ${files.length} files from ${closure.projects.join(', ')}; ${closure.packages.length} npm packages imported → ${relative(process.cwd(), out) || '.'}\n`,
  );
}

if (require.main === module) {
  main().catch((error: Error) => {
    process.stderr.write(`service-package: ${error.message}\n`);
    process.exit(1);
  });
}
