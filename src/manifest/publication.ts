import { Type, type Static } from 'typebox';

/**
 * What `stepwise publish` sends: the manifest with every contract file loaded, so the server
 * stores and checks self-contained text. Also the body of `POST /v1/services/{service}/versions`.
 */
export const ContractSourceSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('openapi'), Type.Literal('protobuf'), Type.Literal('jsonschema'), Type.Literal('avro')]),
    entry: Type.String({ minLength: 1 }),
    files: Type.Record(Type.String({ minLength: 1 }), Type.String()),
  },
  { additionalProperties: false, description: 'A contract: its entry file and every file it references, as text.' },
);

const InterfaceName = Type.String({ pattern: '^(http|grpc|event|store|db):[A-Za-z0-9][A-Za-z0-9._\\-/]*$' });
const Kind = Type.Union([Type.Literal('openapi'), Type.Literal('protobuf'), Type.Literal('jsonschema'), Type.Literal('avro')]);
const Formats = Type.Record(Type.String({ minLength: 1 }), ContractSourceSchema);

export const PublishedProvidesSchema = Type.Object(
  {
    interface: InterfaceName,
    kind: Kind,
    contract: Type.Optional(ContractSourceSchema),
    formats: Type.Optional(Formats),
    retention: Type.Optional(Type.String({ pattern: '^[0-9]+(ms|s|m|h|d|w)$' })),
    sync: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const PublishedConsumesSchema = Type.Object(
  {
    interface: InterfaceName,
    kind: Kind,
    contract: Type.Optional(ContractSourceSchema),
    formats: Type.Optional(Formats),
    operations: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    required: Type.Optional(Type.Boolean()),
    flag: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false },
);

export const PublicationSchema = Type.Object(
  {
    version: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9._+\\-]*$' }),
    branch: Type.Optional(Type.String({ maxLength: 200 })),
    commit: Type.Optional(Type.String({ maxLength: 100 })),
    owner: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    provides: Type.Array(PublishedProvidesSchema),
    consumes: Type.Array(PublishedConsumesSchema),
    run: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    rollout: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);

export type Publication = Static<typeof PublicationSchema>;
export type PublishedProvides = Static<typeof PublishedProvidesSchema>;
export type PublishedConsumes = Static<typeof PublishedConsumesSchema>;
