/** What a service image holds and how it is named: shared by the packager, Dockerfile checks and manifests. */

/** The scripts at the root of a service package (the image's working directory). */
export const ENTRY_SCRIPTS = { service: 'service.js', migrate: 'migrate.js', healthcheck: 'healthcheck.js' } as const;

/** The image of a service, before a registry and tag are added: support-desk/<service>. */
export function serviceImage(service: string): string {
  return `support-desk/${service}`;
}
