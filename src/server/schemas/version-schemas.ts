import { Type } from 'typebox';

const NormalisedInterface = Type.Object({
  role: Type.Union([Type.Literal('provides'), Type.Literal('consumes')]),
  interface: Type.String(),
  kind: Type.String(),
  contract: Type.Optional(Type.String({ description: 'Contract hash; fetch it at /v1/contracts/{hash}.' })),
  formats: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'Media type -> contract hash.' })),
  operations: Type.Optional(Type.Array(Type.String())),
  required: Type.Boolean(),
  flag: Type.Optional(Type.String()),
  retention: Type.Optional(Type.String()),
  retentionMs: Type.Optional(Type.Number()),
  sync: Type.Optional(Type.Boolean()),
});

export const VersionDetailsSchema = Type.Object({
  service: Type.String(),
  version: Type.String(),
  branch: Type.Optional(Type.String()),
  commit: Type.Optional(Type.String()),
  hasContracts: Type.Boolean({ description: 'False when the version was only seen in a deployment record.' }),
  contentHash: Type.Optional(Type.String()),
  publishedAt: Type.String(),
  owner: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
  provides: Type.Array(NormalisedInterface),
  consumes: Type.Array(NormalisedInterface),
  run: Type.Optional(Type.Unknown()),
  rollout: Type.Optional(Type.Unknown()),
});

export const VersionSummarySchema = Type.Object({
  version: Type.String(),
  hasContracts: Type.Boolean(),
  branch: Type.Optional(Type.String()),
  commit: Type.Optional(Type.String()),
  publishedAt: Type.String(),
});

export const PublishResultSchema = Type.Object({
  status: Type.Union([Type.Literal('created'), Type.Literal('unchanged')]),
  service: Type.String(),
  version: Type.String(),
  contentHash: Type.String(),
  contracts: Type.Array(Type.String()),
});

export const LiveVersionSchema = Type.Object({
  service: Type.String(),
  version: Type.String(),
  target: Type.String(),
  mode: Type.Union([Type.Literal('deployed'), Type.Literal('released')]),
  since: Type.String(),
});
