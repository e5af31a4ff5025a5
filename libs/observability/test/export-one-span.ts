// Run as its own process by observability.spec.ts: the OTLP exporter loads node:http with a dynamic
// import(), which Jest's module sandbox refuses. Usage: export-one-span.ts <endpoint> <headers>
import { ROOT_CONTEXT } from '@opentelemetry/api';
import { ServiceTracing } from '../src/tracing';

async function main(): Promise<void> {
  const [endpoint, headers] = process.argv.slice(2);
  const tracing = new ServiceTracing({ service: 'exported', version: '2.0.0', otlpEndpoint: endpoint, otlpHeaders: headers });
  tracing.tracer.startSpan('POST /v1/tickets', {}, ROOT_CONTEXT).end();
  await tracing.shutdown();
}

void main();
