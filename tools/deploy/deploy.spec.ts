import { spawnSync } from 'node:child_process';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProjectFileMap, ProjectGraph } from '@nx/devkit';
import { SERVICES } from '../db/services';
import {
  allObjects,
  composeBytes,
  composeCrossCheckProblems,
  kubernetesBytes,
  parseYaml,
  composeSchemaProblems,
  DEPLOY,
  dockerfileProblems,
  documentedSecretKeys,
  environmentVariables,
  k8sRoot,
  kubernetesCrossCheckProblems,
  kubernetesFieldProblems,
  kubernetesSchemaProblems,
  loadCompose,
  type K8sObject,
  type KustomizeTree,
} from './deploy-checks';
import { projectGraphWithFiles, serviceClosure } from './service-package';
import { MIGRATION_JOB_VARIABLES } from '@support/nest-bootstrap';
import { SERVICE_SEMI_SPACE_MB } from '../launcher/service-runtime';

const clone = <T>(value: T): T => structuredClone(value);

describe('deploy/compose.yaml', () => {
  const compose = loadCompose();

  it('is valid against the Compose Specification schema (deploy/schemas/compose-spec.json)', () => {
    expect(composeSchemaProblems(compose)).toEqual([]);
  });

  it('builds every service from its own image, publishes its port, sets only variables it reads, fits its heap in its memory limit with the launcher’s young generation, and runs its migrations job first', () => {
    expect(composeCrossCheckProblems(compose, SERVICES)).toEqual([]);
  });

  it('catches a schema violation, a variable no service reads, a wrong port and a missing image', () => {
    const broken = clone(compose) as unknown as { services: Record<string, Record<string, unknown>> };
    (broken.services['kafka']!['healthcheck'] as Record<string, unknown>)['interval'] = 5;
    broken.services['mysql']!['restart_policy'] = 'always';
    const schemaProblems = composeSchemaProblems(broken);
    expect(schemaProblems).toContain('compose.yaml/services/kafka/healthcheck/interval: must be string');
    expect(schemaProblems).toContain('compose.yaml/services/mysql: must NOT have additional properties (restart_policy)');

    (broken.services['entitlements']!['environment'] as Record<string, string>)['KAFKA_BROKER'] = 'kafka:9092';
    broken.services['sla-escalation']!['ports'] = ['3003:3030'];
    broken.services['knowledge-base']!['image'] = 'support-desk/knowledge-bse:local';
    const problems = composeCrossCheckProblems(broken as never, SERVICES).join('\n');
    expect(problems).toContain('sets KAFKA_BROKER, which entitlements does not read');
    expect(problems).toContain('publishes container port 3030, but sla-escalation listens on 3003');
    expect(problems).toContain('is tagged support-desk/knowledge-bse:local, not support-desk/knowledge-base:<tag>');
  });

  it('catches a container without a heap limit, a heap over its memory limit and a container without the launcher’s young generation', () => {
    const broken = clone(compose) as unknown as { services: Record<string, Record<string, any>> };
    delete broken.services['entitlements']!['environment']['NODE_OPTIONS'];
    broken.services['sla-escalation-migrate']!['environment'] = {
      ...broken.services['sla-escalation-migrate']!['environment'],
      NODE_OPTIONS: '--enable-source-maps --max-old-space-size=480',
    };
    delete broken.services['knowledge-base']!['deploy'];
    broken.services['entitlements-migrate']!['environment']['NODE_OPTIONS'] = '--max-old-space-size=lots --max-semi-space-size=8';
    // Node.js takes an option's last occurrence, and so do the checks
    broken.services['ticketing']!['environment']['NODE_OPTIONS'] =
      '--max-old-space-size=384 --max-semi-space-size=64 --max-old-space-size=480';
    const problems = composeCrossCheckProblems(broken as never, SERVICES).join('\n');
    expect(problems).toContain('services.entitlements sets no NODE_OPTIONS=--max-old-space-size (V8 would');
    expect(problems).toContain('services.entitlements-migrate sets no NODE_OPTIONS=--max-old-space-size in MiB (it sets "lots")');
    expect(problems).toContain(`services.ticketing sets no NODE_OPTIONS=--max-semi-space-size=${SERVICE_SEMI_SPACE_MB} (it sets 64)`);
    expect(problems).toContain('services.ticketing: an old space of 480 MiB does not fit its 512M memory limit');
    expect(problems).toContain(`services.sla-escalation-migrate sets no NODE_OPTIONS=--max-semi-space-size=${SERVICE_SEMI_SPACE_MB}:`);
    expect(problems).toContain('services.sla-escalation-migrate: an old space of 480 MiB does not fit its 384M memory limit');
    expect(problems).toContain('services.knowledge-base has no memory limit its heap could fit');
  });
});

describe('configuration documents', () => {
  const named = (text: string) => new Set([...text.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]));
  const readme = readFileSync(join(DEPLOY, '..', 'README.md'), 'utf8');
  const configuration = readme.slice(
    readme.indexOf('\n## Configuration'),
    readme.indexOf('\n## ', readme.indexOf('\n## Configuration') + 1),
  );
  const variables = new Set<string>(MIGRATION_JOB_VARIABLES);
  for (const manifest of Object.values(SERVICES)) for (const name of environmentVariables(manifest.Environment)) variables.add(name);

  it("docs/contracts.md and the README's configuration table name every variable a service or its migrations job reads", () => {
    expect(variables.size).toBeGreaterThan(50);
    const contracts = named(readFileSync(join(DEPLOY, '..', 'docs', 'contracts.md'), 'utf8'));
    const table = named(configuration);
    expect([...variables].filter((name) => !contracts.has(name))).toEqual([]);
    expect([...variables].filter((name) => !table.has(name))).toEqual([]);
  });
});

describe('memory quantities', () => {
  it('reads Kubernetes quantities (binary and decimal suffixes) and Compose byte values (Docker: powers of 1024)', () => {
    expect(kubernetesBytes('512Mi')).toBe(512 * 1024 * 1024);
    expect(kubernetesBytes('1Gi')).toBe(1024 ** 3);
    expect(kubernetesBytes('500M')).toBe(500e6);
    expect(kubernetesBytes('129e6')).toBe(129e6);
    expect(kubernetesBytes('128974848')).toBe(128974848);
    expect(kubernetesBytes('lots')).toBeNaN();
    expect(composeBytes('512M')).toBe(512 * 1024 * 1024);
    expect(composeBytes('512mb')).toBe(512 * 1024 * 1024);
    expect(composeBytes('1g')).toBe(1024 ** 3);
    expect(composeBytes('1048576')).toBe(1024 * 1024);
    expect(composeBytes('512Mi')).toBeNaN();
  });
});

describe('deploy/k8s', () => {
  const root = k8sRoot();
  const objects = allObjects(root);
  const secretKeys = documentedSecretKeys();

  it('holds, per service, a Deployment, Service, PodDisruptionBudget, HorizontalPodAutoscaler and migrations Job', () => {
    for (const service of Object.keys(SERVICES)) {
      const kinds = objects
        .filter((o) => o.file.includes(`/k8s/${service}/`))
        .map((o) => o.object.kind)
        .sort();
      expect(kinds).toEqual(expect.arrayContaining(['Deployment', 'HorizontalPodAutoscaler', 'Job', 'PodDisruptionBudget', 'Service']));
    }
  });

  it('every object is valid against its Kubernetes schema (kubernetes-models)', () => {
    expect(objects.length).toBeGreaterThanOrEqual(22);
    expect(kubernetesSchemaProblems(objects)).toEqual([]);
  });

  it('no object carries a field its kind does not have (excess-property check against the models)', () => {
    expect(kubernetesFieldProblems(objects)).toEqual([]);
  });

  it('every image, port, variable, ConfigMap, Secret key, volume and selector named exists; every container fits its heap in its memory limit and runs with the launcher’s young generation', () => {
    expect(secretKeys).toEqual(new Set(['DATABASE_URL', 'AUTH_JWT_SECRET', 'KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD']));
    expect(kubernetesCrossCheckProblems(root, SERVICES, secretKeys)).toEqual([]);
  });

  it('catches a wrong type, a misspelled field, a wrong port, an unknown variable or Secret key, a fixed Job name, a heap that does not fit and a container without the launcher’s young generation', () => {
    const broken = clone(root);
    const folder = (name: string) => broken.children.find((c) => c.dir.endsWith(`/${name}`))!;
    const object = (tree: KustomizeTree, kind: string) =>
      tree.objects.find((o) => o.object.kind === kind)!.object as K8sObject & { spec: any };

    const ticketing = object(folder('ticketing'), 'Deployment');
    ticketing.spec.template.spec.containers[0].ports[0].containerPort = 3010;
    ticketing.spec.template.spec.containers[0].livenessProbe.periodSecond = 10;
    ticketing.spec.template.spec.containers[0].env.push({
      name: 'DATABASE_PASSWORD',
      valueFrom: { secretKeyRef: { name: 'ticketing', key: 'DATABASE_PASSWORD' } },
    });
    delete ticketing.spec.template.spec.initContainers[0].env.find((e: { name: string }) => e.name === 'NODE_OPTIONS').value;
    const sla = object(folder('sla-escalation'), 'Deployment');
    sla.spec.template.spec.containers[0].env.find((e: { name: string }) => e.name === 'NODE_OPTIONS').value = '--max-old-space-size=500';
    object(folder('knowledge-base'), 'Job').spec.template.spec.containers[0].env.find(
      (e: { name: string }) => e.name === 'NODE_OPTIONS',
    ).value = '--max-old-space-size=64';
    const hpa = object(folder('entitlements'), 'HorizontalPodAutoscaler');
    hpa.spec.minReplicas = 'two';
    folder('sla-escalation').kustomization.replacements = [];
    const all = allObjects(broken);

    expect(kubernetesSchemaProblems(all).join('\n')).toContain(
      'HorizontalPodAutoscaler/entitlements: data/spec/minReplicas must be integer',
    );
    expect(kubernetesFieldProblems(all).join('\n')).toMatch(/Deployment\/ticketing: .*"periodSecond".* does not exist in type 'IProbe'/);
    const problems = kubernetesCrossCheckProblems(broken, SERVICES, secretKeys).join('\n');
    expect(problems).toContain('containerPort 3010, but ticketing listens on 3001');
    expect(problems).toContain('sets DATABASE_PASSWORD, which ticketing does not read');
    expect(problems).toContain('reads the Secret key DATABASE_PASSWORD, which deploy/README.md does not tell teams to create');
    expect(problems).toContain("deploy/k8s/sla-escalation/kustomization.yaml does not put the release into the Job's name");
    expect(problems).toContain('Deployment/ticketing container wait-for-migrations sets no NODE_OPTIONS=--max-old-space-size');
    expect(problems).toContain(
      'Deployment/sla-escalation container sla-escalation: an old space of 500 MiB does not fit its 512Mi memory limit',
    );
    expect(problems).toContain('container migrate: an old space of 64 MiB uses less than 50 % of its 384Mi memory limit');
    expect(problems).toContain(
      `Deployment/sla-escalation container sla-escalation sets no NODE_OPTIONS=--max-semi-space-size=${SERVICE_SEMI_SPACE_MB}: tools/launcher runs the services with it`,
    );
    expect(problems).toContain(
      `Deployment/ticketing container wait-for-migrations sets no NODE_OPTIONS=--max-semi-space-size=${SERVICE_SEMI_SPACE_MB}:`,
    );
  });

  const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  // kubectl's own kustomize, when the machine has it: the rendering teams will apply
  (kubectl.status === 0 ? it : it.skip)(
    'renders with kubectl kustomize: each migrations Job is named after its release, which each service reports as its version',
    () => {
      for (const service of Object.keys(SERVICES)) {
        const rendered = spawnSync('kubectl', ['kustomize', join(DEPLOY, 'k8s', service)], { encoding: 'utf8' });
        expect(rendered.stderr).toBe('');
        const docs = parseYaml(rendered.stdout) as (K8sObject & { spec: any })[];
        const tag = (folderOf(root, service).kustomization.images ?? [])[0]!.newTag;
        const job = docs.find((d) => d.kind === 'Job')!;
        expect(job.metadata.name).toBe(`${service}-migrate-${tag}`);
        expect(job.spec.template.spec.containers[0].image).toMatch(new RegExp(`/support-desk/${service}:${tag!.replace(/\./g, '\\.')}$`));
        const deployment = docs.find((d) => d.kind === 'Deployment')!;
        const main = deployment.spec.template.spec.containers.find((c: { name: string }) => c.name === service);
        expect(main.env.find((e: { name: string }) => e.name === 'SERVICE_VERSION')).toEqual({ name: 'SERVICE_VERSION', value: tag });
        expect(docs.every((d) => d.kind === 'Namespace' || (d.metadata as { namespace?: string }).namespace === 'support-desk')).toBe(true);
      }
    },
  );
});

function folderOf(root: KustomizeTree, service: string): KustomizeTree {
  return root.children.find((c) => c.dir.endsWith(`/${service}`))!;
}

describe('deploy/Dockerfile (read statically: no Docker daemon needed)', () => {
  it('builds one service per image on a current Node.js LTS, runs it unprivileged, with a health check', () => {
    expect(dockerfileProblems()).toEqual([]);
  });

  it('catches an outdated base image, a root runtime and allocator settings other than the launcher’s', () => {
    const path = join(DEPLOY, 'Dockerfile');
    const original = readFileSync(path, 'utf8');
    const mutated = original
      .replace('node:24-bookworm-slim', 'node:20-bookworm-slim')
      .replace(/^USER node$/m, 'USER root')
      .replace(/^ENV GLIBC_TUNABLES=.*$/m, 'ENV GLIBC_TUNABLES=glibc.malloc.arena_max=8');
    const tmp = join(tmpdir(), `Dockerfile-${process.pid}`);
    writeFileSync(tmp, mutated);
    const problems = dockerfileProblems(tmp).join('\n');
    unlinkSync(tmp);
    expect(problems).toContain('Node.js 20 is not a current LTS line');
    expect(problems).toContain('the runtime stage runs as root');
    expect(problems).toContain(
      'the runtime stage does not set ENV GLIBC_TUNABLES=glibc.malloc.arena_max=2, as tools/launcher runs the services',
    );
  });
});

describe('service packages (tools/deploy/service-package.ts)', () => {
  // a workspace in miniature: two apps sharing a library, one test-only library
  const node = (name: string, type: 'app' | 'lib', root: string) => ({ name, type, data: { root } });
  const graph = {
    nodes: {
      shop: node('shop', 'app', 'apps/shop'),
      billing: node('billing', 'app', 'apps/billing'),
      money: node('money', 'lib', 'libs/money'),
      'test-kit': node('test-kit', 'lib', 'libs/test-kit'),
    },
    externalNodes: {
      'npm:kafkajs': { name: 'npm:kafkajs', type: 'npm', data: { packageName: 'kafkajs', version: '2.2.4' } },
      'npm:luxon': { name: 'npm:luxon', type: 'npm', data: { packageName: 'luxon', version: '3.7.2' } },
      'npm:supertest': { name: 'npm:supertest', type: 'npm', data: { packageName: 'supertest', version: '7.3.2' } },
    },
    dependencies: {},
  } as unknown as ProjectGraph;
  const files = {
    shop: [
      { file: 'apps/shop/src/main.ts', hash: '1', deps: ['money', 'npm:kafkajs'] },
      { file: 'apps/shop/src/main.spec.ts', hash: '2', deps: ['test-kit', 'npm:supertest'] },
      { file: 'apps/shop/test/flow.int-spec.ts', hash: '3', deps: ['test-kit'] },
      { file: 'apps/shop/test/helpers.ts', hash: '4', deps: ['test-kit'] },
    ],
    money: [
      { file: 'libs/money/src/index.ts', hash: '5', deps: ['npm:luxon'] },
      { file: 'libs/money/src/index.spec.ts', hash: '6', deps: ['npm:supertest'] },
    ],
    'test-kit': [{ file: 'libs/test-kit/src/index.ts', hash: '7', deps: ['npm:supertest'] }],
    billing: [{ file: 'apps/billing/src/main.ts', hash: '8', deps: ['money'] }],
  } as unknown as ProjectFileMap;

  it('follows production imports through libraries, leaving out tests, test helpers and other apps', () => {
    expect(serviceClosure('shop', graph, files)).toEqual({ service: 'shop', projects: ['money', 'shop'], packages: ['kafkajs', 'luxon'] });
  });

  it('on this workspace: a service takes its own projects and shared libraries, never another app or a test kit', async () => {
    process.env['NX_DAEMON'] = 'false';
    const { graph, files } = await projectGraphWithFiles();
    const tags = (project: string) => (graph.nodes[project]?.data.tags ?? []) as string[];
    for (const service of Object.keys(SERVICES)) {
      const { projects, packages } = serviceClosure(service, graph, files);
      const scope = tags(service).find((t) => t.startsWith('scope:'));
      expect(projects).toContain(service);
      for (const project of projects) {
        expect([project, tags(project).some((t) => t === 'scope:shared' || t === scope)]).toEqual([project, true]);
        expect([
          project,
          tags(project).filter((t) => t === 'type:testing' || t === 'type:e2e' || (t === 'type:app' && project !== service)),
        ]).toEqual([project, []]);
      }
      expect(packages).toEqual(expect.arrayContaining(['@nestjs/core', 'kafkajs', 'mysql2', 'typeorm']));
      expect(packages).not.toContain('supertest');
    }
  }, 120_000);

  it('names the applications when asked for something else', () => {
    expect(() => serviceClosure('money', graph, files)).toThrow('"money" is not an application of this workspace; one of billing, shop');
  });
});
