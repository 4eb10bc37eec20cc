/**
 * Button payloads that start an intent directly: `intent:add_to_cart?item=42&qty=2`.
 * Buttons carry exact ids, so a pressed button never depends on the recognizer.
 */
const PREFIX = 'intent:';

/** An intent named by a button, with its arguments. */
export interface IntentPayload {
  intent: string;
  args: Record<string, string>;
}

/** Builds a payload for a button. */
export function intentPayload(intent: string, args: Record<string, string | number> = {}): string {
  const query = new URLSearchParams(Object.entries(args).map(([k, v]) => [k, String(v)])).toString();
  return query ? `${PREFIX}${intent}?${query}` : `${PREFIX}${intent}`;
}

/** Parses a payload built by {@link intentPayload}; undefined for anything else. */
export function parseIntentPayload(payload: string): IntentPayload | undefined {
  if (!payload.startsWith(PREFIX)) return undefined;
  const rest = payload.slice(PREFIX.length);
  const q = rest.indexOf('?');
  const intent = q === -1 ? rest : rest.slice(0, q);
  if (!/^[a-z_][a-z0-9_]*$/i.test(intent)) return undefined;
  const args = Object.fromEntries(new URLSearchParams(q === -1 ? '' : rest.slice(q + 1)));
  return { intent, args };
}
