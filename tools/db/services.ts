/* eslint-disable @nx/enforce-module-boundaries --
 * tools read the apps' manifests (and the launcher the knowledge-base seed) by path, as the
 * cross-service tests do; production code never imports an app.
 */
import type { ServiceManifest } from '@support/nest-bootstrap';
import { ENTITLEMENTS_SERVICE } from '../../apps/entitlements/src/service';
import { KNOWLEDGE_BASE_SERVICE } from '../../apps/knowledge-base/src/service';
import { SLA_SERVICE } from '../../apps/sla-escalation/src/service';
import { TICKETING_SERVICE } from '../../apps/ticketing/src/service';

/** The four services, as the launcher and the migrations job see them. */
export const SERVICES: Record<string, ServiceManifest> = {
  ticketing: TICKETING_SERVICE,
  entitlements: ENTITLEMENTS_SERVICE,
  'sla-escalation': SLA_SERVICE,
  'knowledge-base': KNOWLEDGE_BASE_SERVICE,
};
