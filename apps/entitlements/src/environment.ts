import { TICKET_POLICY_MODES, type TicketPolicyMode } from '@support/domain-entitlements';
import { CommonEnvironment } from '@support/platform';
import { IsIn, IsInt, Max, Min } from 'class-validator';

export class EntitlementsEnvironment extends CommonEnvironment {
  @IsInt() @Min(0) @Max(65535) ENTITLEMENTS_PORT: number = 3002;

  /**
   * Which source's rules the shipped plans follow when the plan table is first filled:
   * paid_admins_only (French source, default) or all_registered (Russian source: everyone may
   * file, free plans and end users as best effort).
   */
  @IsIn(TICKET_POLICY_MODES) TICKET_POLICY_MODE: TicketPolicyMode = 'paid_admins_only';

  /** How often accounts whose paid plan has just ended get their open tickets re-decided. */
  @IsInt() @Min(100) @Max(3_600_000) PLAN_EXPIRY_SWEEP_INTERVAL_MS: number = 60_000;
}
