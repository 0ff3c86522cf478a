import { Type } from 'typebox';
import { CONSTRAINT_OPERATORS } from '../../flags/evaluate/flag-definition.ts';
import { LiveVersionSchema } from '../schemas/version-schemas.ts';

/** Flag names in paths and bodies (the evaluator's FLAG_NAME_PATTERN). */
export const FlagName = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._\\-:]{0,99}$', description: 'Flag name.' });

const ConstraintSchema = Type.Object(
  {
    contextName: Type.String({ minLength: 1, description: 'Context field, top level or under `properties`.' }),
    operator: Type.Union(CONSTRAINT_OPERATORS.map((operator) => Type.Literal(operator))),
    values: Type.Optional(Type.Array(Type.String(), { description: 'For IN, NOT_IN and STR_ operators.' })),
    value: Type.Optional(Type.String({ description: 'For NUM_, DATE_ and SEMVER_ operators.' })),
    inverted: Type.Optional(Type.Boolean()),
    caseInsensitive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const VariantSchema = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    weight: Type.Integer({ minimum: 0, maximum: 1000, description: 'Share of the total weight of the variant set.' }),
    stickiness: Type.Optional(Type.String({ minLength: 1 })),
    payload: Type.Optional(
      Type.Object(
        { type: Type.Union([Type.Literal('string'), Type.Literal('json'), Type.Literal('csv'), Type.Literal('number')]), value: Type.String() },
        { additionalProperties: false },
      ),
    ),
    overrides: Type.Optional(
      Type.Array(Type.Object({ contextName: Type.String({ minLength: 1 }), values: Type.Array(Type.String()) }, { additionalProperties: false })),
    ),
  },
  { additionalProperties: false },
);

const StrategySchema = Type.Object(
  {
    name: Type.Union([Type.Literal('flexibleRollout'), Type.Literal('default')]),
    parameters: Type.Optional(
      Type.Object(
        {
          rollout: Type.Optional(Type.Number({ description: 'Percentage 0..100 (whole numbers).' })),
          stickiness: Type.Optional(Type.String({ description: '`default`, `random`, `userId`, `sessionId` or any context field.' })),
          groupId: Type.Optional(Type.String({ description: 'Contexts with the same groupId and stickiness value share a bucket.' })),
        },
        { additionalProperties: false },
      ),
    ),
    constraints: Type.Optional(Type.Array(ConstraintSchema)),
    variants: Type.Optional(Type.Array(VariantSchema)),
  },
  { additionalProperties: false },
);

const ConditionSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('fully-rolled-out'), Type.Literal('no-live-older-than')], {
      description: '`fully-rolled-out`: on only while every live version of the service is at least `version`. `no-live-older-than`: off while any live version is older.',
    }),
    service: Type.String({ minLength: 1 }),
    version: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);

export const FlagDefinitionSchema = Type.Object({
  name: Type.String(),
  enabled: Type.Boolean(),
  killed: Type.Optional(Type.Boolean()),
  strategies: Type.Array(StrategySchema),
  variants: Type.Optional(Type.Array(VariantSchema)),
  conditions: Type.Optional(Type.Array(ConditionSchema)),
});

export const StoredFlagSchema = Type.Object({
  name: Type.String(),
  environment: Type.String(),
  description: Type.Optional(Type.String()),
  definition: FlagDefinitionSchema,
  revision: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  updatedBy: Type.String({ description: 'Who made the last change.' }),
  updateReason: Type.Optional(Type.String({ description: 'Why.' })),
});

export const FlagChangeSchema = Type.Union([
  Type.Object({ kind: Type.Literal('enable') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('disable') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('kill') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('revive') }, { additionalProperties: false }),
  Type.Object(
    {
      kind: Type.Literal('rollout'),
      percent: Type.Number({ description: 'Whole percentage 0..100.' }),
      groupId: Type.Optional(Type.String({ minLength: 1 })),
      stickiness: Type.Optional(Type.String({ minLength: 1 })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('update'),
      enabled: Type.Optional(Type.Boolean()),
      strategies: Type.Optional(Type.Array(StrategySchema)),
      variants: Type.Optional(Type.Array(VariantSchema)),
      conditions: Type.Optional(Type.Array(ConditionSchema)),
    },
    { additionalProperties: false },
  ),
]);

export const FlagEventSchema = Type.Object({
  id: Type.Integer(),
  environment: Type.String(),
  flag: Type.String(),
  action: Type.String(),
  actor: Type.String(),
  reason: Type.Optional(Type.String()),
  at: Type.String(),
  definition: FlagDefinitionSchema,
  previous: Type.Optional(FlagDefinitionSchema),
});

export const EvaluationContextSchema = Type.Record(Type.String(), Type.Unknown(), {
  description: 'Unleash-style context: userId, sessionId, remoteAddress, currentTime, any field, and `properties`.',
});

export const FlagEvaluationSchema = Type.Object({
  flag: Type.String(),
  enabled: Type.Boolean(),
  variant: Type.String({ description: '`disabled` when no variant applies.' }),
  payload: Type.Optional(Type.Object({ type: Type.String(), value: Type.String() })),
  reason: Type.String({ description: 'STATIC, TARGETING_MATCH, SPLIT, DEFAULT, DISABLED, KILLED, DEPLOYMENT_CONDITION or ERROR.' }),
  errorCode: Type.Optional(Type.String({ description: 'FLAG_NOT_FOUND for an unknown flag (OpenFeature).' })),
});

export const FlagSnapshotSchema = Type.Object({
  environment: Type.String(),
  revision: Type.String({ description: 'Changes whenever a flag or a live version a condition reads changes; also the ETag.' }),
  flags: Type.Array(FlagDefinitionSchema),
  live: Type.Array(LiveVersionSchema),
});
