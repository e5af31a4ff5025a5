import type { EventDefinition } from './event-definition';
import { AccountPlanChanged } from './events/account-plan-changed.event';
import { EntitlementChecked } from './events/entitlement-checked.event';
import { KbArticlePublished } from './events/kb-article-published.event';
import { KbArticlesSuggested } from './events/kb-articles-suggested.event';
import { SlaBreached } from './events/sla-breached.event';
import { SlaClockPaused, SlaClockResumed } from './events/sla-clock-paused.event';
import { SlaClockRetimed } from './events/sla-clock-retimed.event';
import { SlaClockStarted } from './events/sla-clock-started.event';
import { SlaClockStopped } from './events/sla-clock-stopped.event';
import { SlaEscalated } from './events/sla-escalated.event';
import { SlaWarning } from './events/sla-warning.event';
import { TicketCommented } from './events/ticket-commented.event';
import { TicketCreated } from './events/ticket-created.event';
import { TicketAssigneeChanged } from './events/ticket-assignee-changed.event';
import { TicketFirstResponded } from './events/ticket-first-responded.event';
import { TicketPriorityChanged } from './events/ticket-priority-changed.event';
import { TicketStatusChanged } from './events/ticket-status-changed.event';

/** Every event type of the public surface, by its wire type. */
export const EVENT_DEFINITIONS: ReadonlyMap<string, EventDefinition> = new Map(
  (
    [
      TicketCreated,
      TicketPriorityChanged,
      TicketStatusChanged,
      TicketCommented,
      TicketFirstResponded,
      TicketAssigneeChanged,
      EntitlementChecked,
      AccountPlanChanged,
      SlaClockStarted,
      SlaClockRetimed,
      SlaClockPaused,
      SlaClockResumed,
      SlaWarning,
      SlaBreached,
      SlaEscalated,
      SlaClockStopped,
      KbArticlePublished,
      KbArticlesSuggested,
    ] as EventDefinition[]
  ).map((definition) => [definition.type, definition]),
);
