import { defaultSlaPolicy, slaPolicyWithDefaults, validateSlaPolicy, type SlaPolicy, type SlaPolicyInput } from '@support/domain-sla';

export type PolicyEdit = Omit<SlaPolicyInput, 'id'>;

export type CheckedPolicyEdit = { policy: SlaPolicy; problems: [] } | { policy: null; problems: string[] };

/**
 * The policy an admin's edit makes, defaults filled in, or every problem with it (each starting
 * with the field at fault). The edit is validated as sent, with the defaults beside it, before
 * `slaPolicyWithDefaults` copies it: that function keeps only the metrics it knows and spreads
 * lists, so a misspelt metric would vanish and a number where a list belongs would throw.
 */
export function checkPolicyEdit(id: string, edit: PolicyEdit): CheckedPolicyEdit {
  const defaults = defaultSlaPolicy();
  const asSent = {
    id,
    name: edit.name,
    // targets given for some metrics replace the defaults entirely, as in slaPolicyWithDefaults
    targets: edit.targets ? { first_response: {}, next_reply: {}, resolution: {}, ...edit.targets } : defaults.targets,
    warningAt: edit.warningAt ?? defaults.warningAt,
    escalation: edit.escalation ?? defaults.escalation,
    pausedStatuses: { ...defaults.pausedStatuses, ...edit.pausedStatuses },
    calendar: edit.calendar ?? defaults.calendar,
  };
  const problems = validateSlaPolicy(asSent);
  return problems.length > 0 ? { policy: null, problems } : { policy: slaPolicyWithDefaults({ ...edit, id }), problems: [] };
}
