/** Reading JSON bodies checked by hand (the plan and hotline editors), before their domain validation. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Fields a body may not carry: the JSON bodies checked by hand refuse them like the validation pipe does. */
export function unknownFields(body: Record<string, unknown>, allowed: readonly string[], prefix = ''): string[] {
  return Object.keys(body)
    .filter((key) => !allowed.includes(key))
    .map((key) => `${prefix}${key}: is not a known field (expected ${allowed.join(', ')})`);
}
