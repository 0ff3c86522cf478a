import { Type, type Static } from 'typebox';

/**
 * The `stepwise.yaml` manifest a service keeps in its repository. This shape is public: later
 * features add fields, they never rename one. Contract paths are relative to the manifest.
 */
const InterfaceName = Type.String({
  pattern: '^(http|grpc|event|store|db):[A-Za-z0-9][A-Za-z0-9._\\-/]*$',
  description: 'Interface id `<kind>:<name>`, e.g. `http:orders`, `store:reports`.',
});

const ContractKindSchema = Type.Union(
  [Type.Literal('openapi'), Type.Literal('protobuf'), Type.Literal('jsonschema'), Type.Literal('avro')],
  { description: 'The contract language.' },
);

const MediaTypeMap = Type.Record(Type.String({ minLength: 1 }), Type.String({ minLength: 1 }), {
  description: 'Media type -> path of the schema of documents in that format.',
});

export const ProvidedInterfaceSchema = Type.Object(
  {
    interface: InterfaceName,
    kind: ContractKindSchema,
    contract: Type.Optional(Type.String({ minLength: 1, description: 'Path of the contract file.' })),
    formats: Type.Optional(MediaTypeMap),
    retention: Type.Optional(
      Type.String({ pattern: '^[0-9]+(ms|s|m|h|d|w)$', description: 'How long written data stays, e.g. `30d`; default forever.' }),
    ),
    sync: Type.Optional(Type.Boolean({ description: 'Whether callers wait on it during a user request (default: true for http/grpc).' })),
  },
  { additionalProperties: false },
);
export type ProvidedInterface = Static<typeof ProvidedInterfaceSchema>;

export const ConsumedInterfaceSchema = Type.Object(
  {
    interface: InterfaceName,
    kind: ContractKindSchema,
    contract: Type.Optional(Type.String({ minLength: 1, description: 'Path of the subset contract the consumer relies on.' })),
    formats: Type.Optional(MediaTypeMap),
    operations: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), { description: 'Operations used (operationId, `METHOD /path`, or gRPC method).' }),
    ),
    required: Type.Optional(Type.Boolean({ description: 'Whether the service fails without it (default true).' })),
    flag: Type.Optional(Type.String({ minLength: 1, description: 'Feature flag that guards the use of this dependency.' })),
  },
  { additionalProperties: false },
);
export type ConsumedInterface = Static<typeof ConsumedInterfaceSchema>;

export const RunSpecSchema = Type.Object(
  {
    command: Type.String({ minLength: 1 }),
    health: Type.Optional(Type.String()),
    cwd: Type.Optional(Type.String()),
    env: Type.Optional(Type.Record(Type.String(), Type.String())),
    port: Type.Optional(Type.String({ description: 'Environment variable that receives the assigned port (default PORT).' })),
  },
  { additionalProperties: true },
);

/** Accepted and stored as given; the rollout engine validates it against its own spec. */
export const RolloutSpecSchema = Type.Record(Type.String(), Type.Unknown());

export const ManifestSchema = Type.Object(
  {
    service: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]*$', maxLength: 100 }),
    owner: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    provides: Type.Optional(Type.Array(ProvidedInterfaceSchema)),
    consumes: Type.Optional(Type.Array(ConsumedInterfaceSchema)),
    run: Type.Optional(RunSpecSchema),
    rollout: Type.Optional(RolloutSpecSchema),
  },
  { additionalProperties: false },
);
export type Manifest = Static<typeof ManifestSchema>;
