/** Which way a value travels: requests are sent by clients, responses are read by them. */
export type FlowDirection = 'request' | 'response';

/** One raw change found inside a schema, before it is tied to the operations that use it. */
export interface SchemaChange {
  readonly rule: string;
  readonly details: Readonly<Record<string, unknown>>;
  /** Where the changed element is, in each document (a component schema's pointer, when shared). */
  readonly before?: { readonly file: string; readonly pointer: string };
  readonly after?: { readonly file: string; readonly pointer: string };
  /** Property path from the schema where comparison started: `items[]`, `address.city`. */
  readonly path: readonly string[];
  /** An instance of the compared schema that shows the change (see example-payload.ts). */
  readonly example?: { readonly value: unknown };
}
