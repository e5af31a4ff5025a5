/**
 * Offline checks of deploy/: the Compose file against the Compose Specification's JSON schema,
 * every Kubernetes object against its schema (kubernetes-models' validators, plus TypeScript's
 * excess-property check against the same models' interfaces, which catches a misspelled field the
 * schemas let through), and cross-checks that every image, port, variable, ConfigMap and Secret
 * key the manifests name exists. Each check returns the problems it found, as sentences.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ServiceManifest } from '@support/nest-bootstrap';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { getMetadataStorage } from 'class-validator';
import * as ts from 'typescript';
import { loadAll, YAML11_SCHEMA } from 'js-yaml';
import { SERVICE_GLIBC_TUNABLES, SERVICE_SEMI_SPACE_MB } from '../launcher/service-runtime';
import { ENTRY_SCRIPTS, serviceImage } from './layout';

export const WORKSPACE = resolve(__dirname, '../..');
export const DEPLOY = join(WORKSPACE, 'deploy');

export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  [key: string]: unknown;
};
export interface LoadedObject {
  file: string;
  object: K8sObject;
}

/** Where each kind's model lives in kubernetes-models (module path, class and interface names). */
const MODELS: Record<string, { module: string; name: string }> = {
  'v1/Namespace': { module: 'kubernetes-models/v1/Namespace', name: 'Namespace' },
  'v1/ConfigMap': { module: 'kubernetes-models/v1/ConfigMap', name: 'ConfigMap' },
  'v1/Service': { module: 'kubernetes-models/v1/Service', name: 'Service' },
  'v1/PersistentVolumeClaim': { module: 'kubernetes-models/v1/PersistentVolumeClaim', name: 'PersistentVolumeClaim' },
  'apps/v1/Deployment': { module: 'kubernetes-models/apps/v1/Deployment', name: 'Deployment' },
  'batch/v1/Job': { module: 'kubernetes-models/batch/v1/Job', name: 'Job' },
  'policy/v1/PodDisruptionBudget': { module: 'kubernetes-models/policy/v1/PodDisruptionBudget', name: 'PodDisruptionBudget' },
  'autoscaling/v2/HorizontalPodAutoscaler': {
    module: 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler',
    name: 'HorizontalPodAutoscaler',
  },
};

/**
 * The documents of a YAML file. js-yaml (already installed with @nestjs/swagger) with the YAML 1.1
 * schema, for the merge keys (`<<: *env`) Compose files use.
 */
export function parseYaml(text: string): unknown[] {
  return loadAll(text, { schema: YAML11_SCHEMA }) as unknown[];
}

export function readYamlDocuments(file: string): unknown[] {
  try {
    return parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}

// ---------------------------------------------------------------- Compose

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}
interface ComposeService {
  image?: string;
  mem_limit?: string | number;
  deploy?: { resources?: { limits?: { memory?: string } } };
  build?: { context: string; dockerfile?: string; args?: Record<string, string> };
  command?: string[];
  environment?: Record<string, string | number | boolean | null>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
}

export function loadCompose(file = join(DEPLOY, 'compose.yaml')): ComposeFile {
  return readYamlDocuments(file)[0] as ComposeFile;
}

/** The Compose Specification's schema, vendored with its source in deploy/schemas/README.md. */
export function composeSchemaProblems(compose: unknown): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  // the schema names its meta-schema by the https address; Ajv knows draft-07 by the http one
  const draft7 = require('ajv/dist/refs/json-schema-draft-07.json') as Record<string, unknown>;
  ajv.addMetaSchema({ ...draft7, $id: 'https://json-schema.org/draft-07/schema' });
  const validate = ajv.compile(JSON.parse(readFileSync(join(DEPLOY, 'schemas/compose-spec.json'), 'utf8')) as object);
  if (validate(compose)) return [];
  return (validate.errors ?? []).map(
    (e) =>
      `compose.yaml${e.instancePath || '/'}: ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params['additionalProperty'])})` : ''}`,
  );
}

/** The service a Compose entry runs (from the image it builds or names), or undefined for third-party images. */
function composeServiceOf(entry: ComposeService, services: Record<string, ServiceManifest>): string | undefined {
  const built = entry.build?.args?.['SERVICE'];
  if (built) return built;
  return Object.keys(services).find((name) => entry.image?.split(':')[0] === serviceImage(name));
}

export function composeCrossCheckProblems(compose: ComposeFile, services: Record<string, ServiceManifest>): string[] {
  const problems: string[] = [];
  for (const [key, entry] of Object.entries(compose.services)) {
    const service = composeServiceOf(entry, services);
    if (!service) continue;
    const manifest = services[service];
    const where = `compose.yaml services.${key}`;
    if (!manifest) {
      problems.push(`${where} builds SERVICE=${service}, which is no service of the platform`);
      continue;
    }
    if (entry.build) {
      if (entry.build.dockerfile !== 'deploy/Dockerfile')
        problems.push(`${where} builds from ${entry.build.dockerfile}, not deploy/Dockerfile`);
      if (!existsSync(resolve(DEPLOY, entry.build.context, entry.build.dockerfile ?? 'Dockerfile')))
        problems.push(`${where}: no Dockerfile at its build context`);
    }
    if (entry.image?.split(':')[0] !== serviceImage(service))
      problems.push(`${where} is tagged ${entry.image}, not ${serviceImage(service)}:<tag>`);
    const isJob = entry.command !== undefined;
    if (isJob && JSON.stringify(entry.command) !== JSON.stringify(['node', ENTRY_SCRIPTS.migrate, 'up'])) {
      problems.push(`${where} runs ${JSON.stringify(entry.command)}; the image's migrations job is node ${ENTRY_SCRIPTS.migrate} up`);
    }
    problems.push(...unknownVariables(Object.keys(entry.environment ?? {}), manifest, isJob, where));
    const limit = entry.deploy?.resources?.limits?.memory ?? entry.mem_limit;
    problems.push(
      ...heapProblems(
        where,
        entry.environment?.['NODE_OPTIONS'],
        limit === undefined ? undefined : composeBytes(String(limit)),
        String(limit),
      ),
    );
    problems.push(...semiSpaceProblems(where, entry.environment?.['NODE_OPTIONS']));
    if (!isJob) {
      const port = listeningPort(manifest, entry.environment ?? {});
      for (const mapping of entry.ports ?? []) {
        const container = Number(String(mapping).split(':').pop());
        if (container !== port) problems.push(`${where} publishes container port ${container}, but ${service} listens on ${port}`);
      }
      const waitsForJob = Object.entries(entry.depends_on ?? {}).some(([dep, c]) => {
        const job = compose.services[dep];
        return (
          !!job?.command?.includes(ENTRY_SCRIPTS.migrate) &&
          c.condition === 'service_completed_successfully' &&
          composeServiceOf(job, services) === service
        );
      });
      if (!waitsForJob) {
        problems.push(`${where} does not wait for its own migrations job (service_completed_successfully)`);
      }
    }
    for (const volume of entry.volumes ?? []) {
      const [source = ''] = volume.split(':');
      if (source.startsWith('.') || source.startsWith('/')) {
        if (!existsSync(resolve(DEPLOY, source))) problems.push(`${where} mounts ${source}, which does not exist`);
      } else if (!(compose.volumes && source in compose.volumes))
        problems.push(`${where} mounts the volume ${source}, which is not declared`);
    }
  }
  for (const service of Object.keys(services)) {
    if (!Object.values(compose.services).some((entry) => composeServiceOf(entry, services) === service && entry.command === undefined))
      problems.push(`compose.yaml runs no ${service}`);
  }
  return problems;
}

// ---------------------------------------------------------------- environment classes

/** Every variable an environment class declares (its own and inherited validated properties). */
export function environmentVariables(Environment: new () => object): Set<string> {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(Environment, '', true, false);
  return new Set([...metadata.map((m) => m.propertyName), ...Object.keys(new Environment())]);
}

/** Variables Node.js itself reads, which a container may set for any service. */
const NODE_RUNTIME_VARIABLES = new Set(['NODE_OPTIONS']);

function unknownVariables(names: string[], manifest: ServiceManifest, migrationJob: boolean, where: string): string[] {
  const known = environmentVariables(manifest.Environment);
  const jobOnly = migrationJob ? new Set<string>(migrationJobVariables()) : new Set<string>();
  return names
    .filter((name) => !known.has(name) && !jobOnly.has(name) && !NODE_RUNTIME_VARIABLES.has(name))
    .map((name) => `${where} sets ${name}, which ${manifest.name} does not read (not in ${manifest.Environment.name})`);
}

function migrationJobVariables(): readonly string[] {
  return (require('@support/nest-bootstrap') as typeof import('@support/nest-bootstrap')).MIGRATION_JOB_VARIABLES;
}

// ---------------------------------------------------------------- heap and memory limit

/**
 * V8 sizes its old space from the machine's memory, not the container's limit: a process that
 * lets garbage pile up towards a heap limit above its memory limit is killed by the kernel before
 * it collects. So every container of a service sets NODE_OPTIONS=--max-old-space-size within its
 * limit: at most HEAP_SHARE_MAX of it (the rest holds new space, code, stacks and native buffers),
 * at least HEAP_SHARE_MIN (less wastes the memory the limit grants).
 */
export const HEAP_SHARE_MIN = 0.5;
export const HEAP_SHARE_MAX = 0.8;
const MIB = 1024 * 1024;

/** The value NODE_OPTIONS gives `option` (`--name`): its last occurrence, as Node.js takes it; undefined without one. */
function nodeOption(nodeOptions: unknown, option: string): string | undefined {
  const words = typeof nodeOptions === 'string' ? nodeOptions.split(/\s+/) : [];
  return words
    .filter((word) => word.startsWith(`${option}=`))
    .map((word) => word.slice(option.length + 1))
    .pop();
}

export function heapProblems(where: string, nodeOptions: unknown, limitBytes: number | undefined, limitText: string): string[] {
  const heap = nodeOption(nodeOptions, '--max-old-space-size');
  if (heap === undefined || !/^\d+$/.test(heap))
    return [
      `${where} sets no NODE_OPTIONS=--max-old-space-size${heap === undefined ? '' : ` in MiB (it sets "${heap}")`} (V8 would size its heap from the machine, not the container)`,
    ];
  if (limitBytes === undefined || !Number.isFinite(limitBytes)) return [`${where} has no memory limit its heap could fit`];
  const heapMib = Number(heap);
  const limitMib = limitBytes / MIB;
  if (heapMib > limitMib * HEAP_SHARE_MAX)
    return [`${where}: an old space of ${heapMib} MiB does not fit its ${limitText} memory limit (at most ${HEAP_SHARE_MAX * 100} %)`];
  if (heapMib < limitMib * HEAP_SHARE_MIN)
    return [`${where}: an old space of ${heapMib} MiB uses less than ${HEAP_SHARE_MIN * 100} % of its ${limitText} memory limit`];
  return [];
}

/**
 * Every container runs with the young generation tools/launcher gives the services (V8's
 * `--max-semi-space-size`, SERVICE_SEMI_SPACE_MB), the one the bench's CPU and memory figures were
 * measured at. Without it Node 24's V8 lets its new space grow to 64 MB whatever the old space's
 * limit: beside 384 MB the services then took 291-360 MB at 1,000 tickets/s, and beside 160 MB they
 * spent 71-74 % of their CPU on V8's helper threads and fell behind (bench/README.md, 2026-12-07
 * 21:07 and 21:23); the migrations job and the init container have old spaces of 144-288 MB.
 */
export function semiSpaceProblems(where: string, nodeOptions: unknown): string[] {
  const given = nodeOption(nodeOptions, '--max-semi-space-size');
  if (given === String(SERVICE_SEMI_SPACE_MB)) return [];
  return [
    `${where} sets no NODE_OPTIONS=--max-semi-space-size=${SERVICE_SEMI_SPACE_MB}${given === undefined ? '' : ` (it sets ${given})`}: tools/launcher runs the services with it, and the bench measures them so`,
  ];
}

/** A Kubernetes memory quantity in bytes (128974848, 129e6, 129M, 123Mi, 1Gi). */
export function kubernetesBytes(quantity: string): number {
  const match = /^(\d+(?:\.\d+)?)(?:e(\d+))?(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(quantity.trim());
  if (!match) return NaN;
  const units: Record<string, number> = { Ki: 1024, Mi: MIB, Gi: 1024 * MIB, Ti: 1024 * 1024 * MIB, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };
  return Number(match[1]) * 10 ** Number(match[2] ?? 0) * (match[3] ? (units[match[3]] ?? NaN) : 1);
}

/** A Compose byte value in bytes: Docker reads its k, m and g (either case, optionally with b) as powers of 1024. */
export function composeBytes(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([bkmgt])?b?$/i.exec(value.trim());
  if (!match) return NaN;
  return Number(match[1]) * 1024 ** 'bkmgt'.indexOf((match[2] ?? 'b').toLowerCase());
}

/** The port the service listens on with these variables (its port variable, or the class default). */
function listeningPort(manifest: ServiceManifest, env: Record<string, unknown>): number {
  const given = env[manifest.portVariable];
  return given !== undefined ? Number(given) : manifest.port(new manifest.Environment());
}

// ---------------------------------------------------------------- Kubernetes

interface Kustomization {
  namespace?: string;
  resources?: string[];
  images?: { name: string; newName?: string; newTag?: string }[];
  replacements?: {
    source: { kind: string; name?: string; fieldPath: string; options?: { delimiter?: string; index?: number } };
    targets: { select: { kind: string; name?: string }; fieldPaths: string[]; options?: { delimiter?: string; index?: number } }[];
  }[];
}

export interface KustomizeTree {
  dir: string;
  kustomization: Kustomization;
  objects: LoadedObject[];
  children: KustomizeTree[];
}

/** Reads a kustomization and what it lists (folders recursively), without rendering it. */
export function loadKustomization(dir: string): KustomizeTree {
  const kustomization = readYamlDocuments(join(dir, 'kustomization.yaml'))[0] as Kustomization;
  const tree: KustomizeTree = { dir, kustomization, objects: [], children: [] };
  for (const resource of kustomization.resources ?? []) {
    const path = join(dir, resource);
    if (!existsSync(path)) throw new Error(`${join(dir, 'kustomization.yaml')} lists ${resource}, which does not exist`);
    if (existsSync(join(path, 'kustomization.yaml'))) tree.children.push(loadKustomization(path));
    else for (const object of readYamlDocuments(path)) if (object) tree.objects.push({ file: path, object: object as K8sObject });
  }
  return tree;
}

export function allObjects(tree: KustomizeTree): LoadedObject[] {
  return [...tree.objects, ...tree.children.flatMap(allObjects)];
}

const label = (o: LoadedObject) => `${o.file.replace(WORKSPACE + '/', '')} ${o.object.kind}/${o.object.metadata?.name}`;

/** kubernetes-models' JSON-schema validation of each object. */
export function kubernetesSchemaProblems(objects: LoadedObject[]): string[] {
  const problems: string[] = [];
  for (const loaded of objects) {
    const model = MODELS[`${loaded.object.apiVersion}/${loaded.object.kind}`];
    if (!model) {
      problems.push(
        `${label(loaded)}: no schema known for ${loaded.object.apiVersion} ${loaded.object.kind} (add it to MODELS in tools/deploy/deploy-checks.ts)`,
      );
      continue;
    }
    const Model = (require(model.module) as Record<string, new (data: unknown) => { validate(): void }>)[model.name];
    try {
      if (!Model) throw new Error(`${model.module} exports no ${model.name}`);
      new Model(loaded.object).validate();
    } catch (error) {
      problems.push(`${label(loaded)}: ${(error as Error).message}`);
    }
  }
  return problems;
}

/**
 * The schemas accept fields they do not know (a misspelled `periodSecond` passes); TypeScript's
 * excess-property check against the models' interfaces does not.
 */
export function kubernetesFieldProblems(objects: LoadedObject[]): string[] {
  const known = objects.flatMap((o) => {
    const model = MODELS[`${o.object.apiVersion}/${o.object.kind}`];
    return model ? [{ loaded: o, model }] : [];
  });
  const source = [
    ...Object.values(MODELS).map((m) => `import type { I${m.name} } from '${m.module}';`),
    ...known.map(({ loaded, model }, i) => `export const object${i}: I${model.name} = ${JSON.stringify(loaded.object)};`),
  ].join('\n');
  const fileName = join(WORKSPACE, 'tools/deploy/__manifests__.ts');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    target: ts.ScriptTarget.ES2022,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (f) => (f === fileName ? source : readFile(f));
  host.fileExists = (f) => f === fileName || ts.sys.fileExists(f);
  host.getSourceFile = (f, v, onError, create) =>
    f === fileName ? ts.createSourceFile(f, source, v) : getSourceFile(f, v, onError, create);
  const program = ts.createProgram([fileName], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : -1;
    const index = line - Object.keys(MODELS).length;
    const object = known[index];
    const which = object ? label(object.loaded) : 'manifests';
    return `${which}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

type Container = {
  name: string;
  image: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: {
    name: string;
    value?: string;
    valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean }; configMapKeyRef?: { name: string; key: string } };
  }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  startupProbe?: { httpGet?: { port: string | number; path: string } };
  readinessProbe?: { httpGet?: { port: string | number; path: string } };
  livenessProbe?: { httpGet?: { port: string | number; path: string } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  volumeMounts?: { name: string }[];
};
type PodSpec = {
  containers: Container[];
  initContainers?: Container[];
  volumes?: { name: string; persistentVolumeClaim?: { claimName: string }; secret?: { secretName: string; optional?: boolean } }[];
  topologySpreadConstraints?: { labelSelector?: { matchLabels?: Record<string, string> } }[];
};
type Workload = K8sObject & {
  spec: {
    replicas?: number;
    selector?: { matchLabels: Record<string, string> };
    template: { metadata?: { labels?: Record<string, string> }; spec: PodSpec };
  };
};

const matches = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  !!selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels?.[k] === v);

/**
 * Per service folder (deploy/k8s/<service>): its image is the service's, its ports the service's,
 * every variable one its environment class declares, every ConfigMap it reads exists (and holds
 * only variables every service reads), every Secret key one documented for the Secret, every
 * selector finds the pods, and the Deployment has what a rollout needs (autoscaler, probes,
 * spread, resources, a per-release migrations Job and an init container waiting for it).
 */
export function kubernetesCrossCheckProblems(
  root: KustomizeTree,
  services: Record<string, ServiceManifest>,
  documentedSecretKeys: Set<string>,
): string[] {
  const problems: string[] = [];
  const objects = allObjects(root);
  const configMaps = new Map(
    objects
      .filter((o) => o.object.kind === 'ConfigMap')
      .map((o) => [o.object.metadata.name, o.object as K8sObject & { data?: Record<string, string> }]),
  );
  const folderName = (tree: KustomizeTree) => tree.dir.split('/').pop() ?? '';
  const serviceFolders = root.children.filter((child) => services[folderName(child)]);
  for (const name of Object.keys(services))
    if (!serviceFolders.some((f) => f.dir.endsWith(`/${name}`))) problems.push(`deploy/k8s has no folder for ${name}`);

  for (const map of configMaps.values()) {
    for (const key of Object.keys(map.data ?? {})) {
      for (const manifest of Object.values(services)) {
        if (!environmentVariables(manifest.Environment).has(key))
          problems.push(`ConfigMap ${map.metadata.name} sets ${key}, which ${manifest.name} does not read`);
      }
    }
  }

  for (const folder of serviceFolders) {
    const service = folderName(folder);
    const manifest = services[service];
    if (!manifest) continue;
    const here = (o: LoadedObject) => label(o);
    const kinds = (kind: string) => folder.objects.filter((o) => o.object.kind === kind);
    const image = serviceImage(service);
    const images = folder.kustomization.images ?? [];
    if (!images.some((i) => i.name === image && i.newTag))
      problems.push(`deploy/k8s/${service}/kustomization.yaml sets no tag for ${image}`);
    if (!folder.kustomization.namespace) problems.push(`deploy/k8s/${service}/kustomization.yaml names no namespace`);

    const deployments = kinds('Deployment');
    const deployment = deployments[0];
    if (!deployment || deployments.length !== 1) {
      problems.push(`deploy/k8s/${service} holds ${deployments.length} Deployments, not one`);
      continue;
    }
    const workload = deployment.object as Workload;
    const podLabels = workload.spec.template.metadata?.labels;
    const pod = workload.spec.template.spec;
    const main = pod.containers.find((c) => c.name === service);
    if (!main) {
      problems.push(`${here(deployment)} has no container named ${service}`);
      continue;
    }
    if (workload.spec.replicas !== undefined) problems.push(`${here(deployment)} sets replicas, which its HorizontalPodAutoscaler owns`);
    if (!matches(workload.spec.selector?.matchLabels, podLabels))
      problems.push(`${here(deployment)}: its selector does not match its pod labels`);
    if (!main.startupProbe || !main.readinessProbe || !main.livenessProbe)
      problems.push(`${here(deployment)}: ${service} needs startup, readiness and liveness probes`);
    if (!pod.topologySpreadConstraints?.length) problems.push(`${here(deployment)} has no topology spread constraints`);
    for (const c of pod.topologySpreadConstraints ?? [])
      if (!matches(c.labelSelector?.matchLabels, podLabels))
        problems.push(`${here(deployment)}: a topology spread constraint selects other pods than its own`);

    const serviceEnv = Object.fromEntries((main.env ?? []).map((e) => [e.name, e.value]));
    const port = listeningPort(manifest, serviceEnv);
    const http = main.ports?.find((p) => p.name === 'http');
    if (!http) problems.push(`${here(deployment)}: ${service} names no port "http"`);
    else if (http.containerPort !== port)
      problems.push(`${here(deployment)}: containerPort ${http.containerPort}, but ${service} listens on ${port}`);
    const scrapePort = (workload.spec.template.metadata as { annotations?: Record<string, string> } | undefined)?.annotations?.[
      'prometheus.io/port'
    ];
    if (scrapePort !== undefined && Number(scrapePort) !== port)
      problems.push(`${here(deployment)}: Prometheus would scrape port ${scrapePort}, but ${service} serves /metrics on ${port}`);
    for (const probe of [main.startupProbe, main.readinessProbe, main.livenessProbe]) {
      const probePort = probe?.httpGet?.port;
      if (probePort !== undefined && probePort !== 'http' && probePort !== port)
        problems.push(`${here(deployment)}: a probe targets port ${probePort}, not the service's`);
      if (probe?.httpGet && !['/health/live', '/health/ready'].includes(probe.httpGet.path))
        problems.push(`${here(deployment)}: a probe asks ${probe.httpGet.path}, which the service does not answer`);
    }
    for (const svc of kinds('Service')) {
      const spec = (svc.object as K8sObject & { spec: { selector?: Record<string, string>; ports: { targetPort: string | number }[] } })
        .spec;
      if (!matches(spec.selector, podLabels)) problems.push(`${here(svc)}: its selector finds no pod of the Deployment`);
      for (const p of spec.ports)
        if (p.targetPort !== 'http' && p.targetPort !== port)
          problems.push(`${here(svc)}: targetPort ${p.targetPort} is not the service's port`);
    }
    for (const pdb of kinds('PodDisruptionBudget')) {
      if (
        !matches(
          (pdb.object as K8sObject & { spec: { selector: { matchLabels: Record<string, string> } } }).spec.selector.matchLabels,
          podLabels,
        )
      )
        problems.push(`${here(pdb)}: its selector finds no pod of the Deployment`);
    }
    const hpas = kinds('HorizontalPodAutoscaler');
    if (hpas.length !== 1) problems.push(`deploy/k8s/${service} holds ${hpas.length} HorizontalPodAutoscalers, not one`);
    for (const hpa of hpas) {
      const target = (hpa.object as K8sObject & { spec: { scaleTargetRef: { kind: string; name: string } } }).spec.scaleTargetRef;
      if (target.kind !== 'Deployment' || target.name !== workload.metadata.name)
        problems.push(`${here(hpa)} scales ${target.kind}/${target.name}, not the Deployment`);
    }

    const jobs = kinds('Job');
    if (jobs.length !== 1) problems.push(`deploy/k8s/${service} holds ${jobs.length} migrations Jobs, not one`);
    for (const job of jobs) problems.push(...releaseNameProblems(job, folder.kustomization, service));
    const initWaits = (pod.initContainers ?? []).some(
      (c) => JSON.stringify(c.command) === JSON.stringify(['node', ENTRY_SCRIPTS.migrate, 'wait']),
    );
    if (!initWaits)
      problems.push(`${here(deployment)} has no init container waiting for its migrations (node ${ENTRY_SCRIPTS.migrate} wait)`);

    const pods: [LoadedObject, PodSpec, boolean][] = [
      [deployment, pod, false],
      ...jobs.map((j): [LoadedObject, PodSpec, boolean] => [j, (j.object as Workload).spec.template.spec, true]),
    ];
    for (const [owner, spec, isJob] of pods) {
      for (const container of [...(spec.initContainers ?? []), ...spec.containers]) {
        const where = `${here(owner)} container ${container.name}`;
        if (container.image !== image) problems.push(`${where} runs ${container.image}, not ${image}`);
        if (!container.resources?.requests?.['cpu'] || !container.resources.requests['memory'] || !container.resources.limits?.['memory'])
          problems.push(`${where} lacks cpu/memory requests or a memory limit`);
        const limit = container.resources?.limits?.['memory'];
        const nodeOptions = container.env?.find((e) => e.name === 'NODE_OPTIONS')?.value;
        problems.push(...heapProblems(where, nodeOptions, limit === undefined ? undefined : kubernetesBytes(limit), String(limit)));
        problems.push(...semiSpaceProblems(where, nodeOptions));
        const migrates = isJob || container.command?.includes(ENTRY_SCRIPTS.migrate) === true;
        if (container.command && container.command.join(' ') !== `node ${ENTRY_SCRIPTS.migrate} ${isJob ? 'up' : 'wait'}`)
          problems.push(`${where} runs ${container.command.join(' ')}, which the image does not provide`);
        problems.push(
          ...unknownVariables(
            (container.env ?? []).map((e) => e.name),
            manifest,
            migrates,
            where,
          ),
        );
        for (const from of container.envFrom ?? []) {
          if (from.configMapRef && !configMaps.has(from.configMapRef.name))
            problems.push(`${where} reads the ConfigMap ${from.configMapRef.name}, which deploy/k8s does not define`);
          if (from.secretRef)
            problems.push(`${where} reads a whole Secret (${from.secretRef.name}); name each key (secretKeyRef) so that it can be checked`);
        }
        for (const e of container.env ?? []) {
          const ref = e.valueFrom?.secretKeyRef;
          if (!ref) continue;
          if (ref.name !== service) problems.push(`${where} reads the Secret ${ref.name}; a service reads only its own (${service})`);
          if (ref.key !== e.name) problems.push(`${where} sets ${e.name} from the Secret key ${ref.key}; keys carry the variable's name`);
          if (!documentedSecretKeys.has(ref.key))
            problems.push(`${where} reads the Secret key ${ref.key}, which deploy/README.md does not tell teams to create`);
        }
        for (const mount of container.volumeMounts ?? [])
          if (!spec.volumes?.some((v) => v.name === mount.name))
            problems.push(`${where} mounts ${mount.name}, which the pod does not declare`);
      }
      for (const volume of spec.volumes ?? []) {
        const claim = volume.persistentVolumeClaim?.claimName;
        if (claim && !objects.some((o) => o.object.kind === 'PersistentVolumeClaim' && o.object.metadata.name === claim))
          problems.push(`${here(owner)} claims ${claim}, which deploy/k8s does not define`);
        if (volume.secret && !volume.secret.optional)
          problems.push(`${here(owner)} needs the Secret ${volume.secret.secretName} to exist (mark it optional, as TLS material is)`);
      }
    }
  }
  return problems;
}

/**
 * The Job is named <service>-migrate-<placeholder>, and the kustomization replaces the placeholder
 * with the Deployment image's tag, so each release applies a Job of its own.
 */
function releaseNameProblems(job: LoadedObject, kustomization: Kustomization, service: string): string[] {
  const name = job.object.metadata.name;
  const prefix = `${service}-migrate-`;
  if (!name.startsWith(prefix)) return [`${label(job)} is not named ${prefix}<release>`];
  const replacement = (kustomization.replacements ?? []).find((r) =>
    r.targets.some((t) => t.select.kind === 'Job' && t.fieldPaths.includes('metadata.name')),
  );
  if (!replacement) return [`deploy/k8s/${service}/kustomization.yaml does not put the release into the Job's name`];
  const problems: string[] = [];
  const { source } = replacement;
  if (
    source.kind !== 'Deployment' ||
    source.name !== service ||
    source.fieldPath !== `spec.template.spec.containers.[name=${service}].image` ||
    source.options?.delimiter !== ':' ||
    source.options.index !== 1
  ) {
    problems.push(`deploy/k8s/${service}/kustomization.yaml: the Job's name must take the tag of the ${service} container's image`);
  }
  const target = replacement.targets.find((t) => t.select.kind === 'Job');
  const index = prefix.split('-').length - 1;
  if (target?.options?.delimiter !== '-' || target.options.index !== index)
    problems.push(`deploy/k8s/${service}/kustomization.yaml: the release must replace part ${index} of "${name}" split at "-"`);
  return problems;
}

/** The keys deploy/README.md tells a team to put into its service's Secret (its "| Secret key |" table). */
export function documentedSecretKeys(readme = readFileSync(join(DEPLOY, 'README.md'), 'utf8')): Set<string> {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => /^\|\s*Secret key\s*\|/.test(line));
  const keys = new Set<string>();
  if (start < 0) return keys;
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    for (const [, key] of (line.split('|')[1] ?? '').matchAll(/`([A-Z0-9_]+)`/g)) if (key) keys.add(key);
  }
  return keys;
}

// ---------------------------------------------------------------- Dockerfile

interface Instruction {
  command: string;
  args: string;
}

/** Instructions of a Dockerfile, continuation lines joined. */
export function dockerInstructions(text: string): Instruction[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [command = '', ...rest] = line.split(/\s+/);
      return { command: command.toUpperCase(), args: rest.join(' ') };
    });
}

/** A static reading of the Dockerfile: base image, stages, what it copies, user, entry points. */
export function dockerfileProblems(file = join(DEPLOY, 'Dockerfile')): string[] {
  const problems: string[] = [];
  const instructions = dockerInstructions(readFileSync(file, 'utf8'));
  const args = new Map<string, string>();
  for (const i of instructions) {
    if (i.command !== 'ARG') continue;
    const [name = '', value] = i.args.split('=');
    if (value !== undefined) args.set(name, value);
  }
  const froms = instructions
    .filter((i) => i.command === 'FROM')
    .map((i) => i.args.replace(/\$\{(\w+)\}/g, (_m, n: string) => args.get(n) ?? `\${${n}}`));
  for (const from of froms) {
    const major = /^node:(\d+)/.exec(from)?.[1];
    if (!major) problems.push(`FROM ${from}: not an official Node.js image`);
    else if (!['22', '24'].includes(major)) problems.push(`FROM ${from}: Node.js ${major} is not a current LTS line (22 or 24)`);
  }
  if (froms.length < 2) problems.push('the Dockerfile is not multi-stage (build, then runtime)');
  if (!instructions.some((i) => i.command === 'ARG' && i.args.startsWith('SERVICE')))
    problems.push('the Dockerfile takes no SERVICE build argument');
  if (!instructions.some((i) => i.command === 'RUN' && i.args.includes('tools/deploy/service-package.ts "$SERVICE"')))
    problems.push('the build stage does not package the one service (tools/deploy/service-package.ts "$SERVICE")');
  // what the packager needs in the build stage: the manifests, Nx's and ts-node's settings, the sources
  const copied = instructions
    .filter((i) => i.command === 'COPY' && !i.args.includes('--from='))
    .flatMap((i) => i.args.split(/\s+/).slice(0, -1));
  for (const needed of [
    'package.json',
    'package-lock.json',
    'nx.json',
    'tsconfig.json',
    'tsconfig.base.json',
    'tsconfig.build.json',
    'apps',
    'libs',
    'tools',
  ]) {
    if (!copied.includes(needed)) problems.push(`the build stage does not copy ${needed}, which tools/deploy/service-package.ts needs`);
  }
  const runtime = instructions.slice(instructions.map((i) => i.command).lastIndexOf('FROM'));
  const user = runtime.filter((i) => i.command === 'USER').pop();
  if (!user || ['root', '0'].includes(user.args)) problems.push('the runtime stage runs as root');
  const cmd = runtime.find((i) => i.command === 'CMD');
  if (cmd?.args !== JSON.stringify(['node', ENTRY_SCRIPTS.service]).replace(/,/g, ', '))
    problems.push(`the image's command is ${cmd?.args}, not ["node", "${ENTRY_SCRIPTS.service}"]`);
  // the allocator settings the launcher (and so the bench) gives the services, which the bench's memory figures assume
  const tunables = `GLIBC_TUNABLES=${SERVICE_GLIBC_TUNABLES}`;
  if (!runtime.some((i) => i.command === 'ENV' && i.args.split(/\s+/).includes(tunables)))
    problems.push(`the runtime stage does not set ENV ${tunables}, as tools/launcher runs the services`);
  const health = runtime.find((i) => i.command === 'HEALTHCHECK');
  if (!health?.args.includes(ENTRY_SCRIPTS.healthcheck)) problems.push(`the image's HEALTHCHECK does not run ${ENTRY_SCRIPTS.healthcheck}`);
  if (runtime.some((i) => i.command === 'COPY' && !i.args.includes('--from=') && /\b(apps|libs)\b/.test(i.args)))
    problems.push('the runtime stage copies sources from the context rather than the pruned package');
  for (const copy of instructions.filter((i) => i.command === 'COPY' && !i.args.includes('--from='))) {
    const parts = copy.args.split(/\s+/).filter((p) => !p.startsWith('--'));
    for (const source of parts.slice(0, -1))
      if (!existsSync(join(WORKSPACE, source))) problems.push(`COPY ${source}: not in the build context`);
  }
  const ignore = existsSync(join(WORKSPACE, '.dockerignore')) ? readFileSync(join(WORKSPACE, '.dockerignore'), 'utf8').split('\n') : [];
  for (const heavy of ['node_modules', 'dist', '.git'])
    if (!ignore.includes(heavy)) problems.push(`.dockerignore does not leave out ${heavy}`);
  return problems;
}

export const k8sRoot = () => loadKustomization(join(DEPLOY, 'k8s'));
export const relativeToDeploy = (path: string) => path.replace(dirname(DEPLOY) + '/', '');
