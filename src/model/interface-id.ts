/**
 * An interface id names one thing services talk through: `<kind>:<name>`,
 * e.g. `http:orders`, `grpc:cart.CartService`, `event:order-created`, `store:reports`, `db:orders`.
 */
export const INTERFACE_KINDS = ['http', 'grpc', 'event', 'store', 'db'] as const;
export type InterfaceKind = (typeof INTERFACE_KINDS)[number];

export interface InterfaceId {
  readonly kind: InterfaceKind;
  readonly name: string;
}

const INTERFACE_ID = /^(http|grpc|event|store|db):([A-Za-z0-9][A-Za-z0-9._\-/]*)$/;

export function parseInterfaceId(text: string): InterfaceId | undefined {
  const match = INTERFACE_ID.exec(text);
  if (!match) return undefined;
  return { kind: match[1] as InterfaceKind, name: match[2]! };
}

/** Data at rest outlives the version that wrote it: these interfaces carry it. */
export function carriesDataAtRest(id: string): boolean {
  return id.startsWith('store:') || id.startsWith('event:') || id.startsWith('db:');
}
