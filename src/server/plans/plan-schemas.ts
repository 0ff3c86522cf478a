import { Type } from 'typebox';
import { EnvironmentName, ServiceName, VersionName } from '../schemas/names.ts';

/** The plan as the API returns it: the same shape as `stepwise plan --format json`. */
const Location = Type.Object({
  pointer: Type.String(),
  file: Type.Optional(Type.String()),
  line: Type.Optional(Type.Integer()),
  column: Type.Optional(Type.Integer()),
});

export const PlanStepSchema = Type.Object(
  {
    action: Type.Union([Type.Literal('deploy'), Type.Literal('undeploy'), Type.Literal('enable-flag'), Type.Literal('disable-flag'), Type.Literal('build')]),
    environment: Type.Optional(Type.String()),
    service: Type.Optional(Type.String()),
    version: Type.Optional(Type.String()),
    from: Type.Optional(Type.String()),
    flag: Type.Optional(Type.String()),
    reversible: Type.Boolean(),
    irreversibleAfter: Type.Optional(Type.Integer({ description: 'The step after which undoing this one is no longer safe.' })),
    reason: Type.String(),
    verdict: Type.Optional(
      Type.Object({
        verdict: Type.Union([Type.Literal('yes'), Type.Literal('no'), Type.Literal('unknown')]),
        reasons: Type.Array(Type.Object({ code: Type.String(), message: Type.String() })),
      }),
    ),
    contracts: Type.Optional(
      Type.Array(
        Type.Object({
          interface: Type.String(),
          role: Type.Union([Type.Literal('provides'), Type.Literal('consumes')]),
          phase: Type.Union([Type.Literal('expand'), Type.Literal('contract')]),
          mediaTypes: Type.Optional(Type.Array(Type.String())),
          description: Type.String(),
        }),
      ),
    ),
  },
);

export const PlanSchema = Type.Object({
  environments: Type.Array(Type.String()),
  steps: Type.Array(PlanStepSchema),
  lockstep: Type.Array(
    Type.Object({
      environment: Type.Optional(Type.String()),
      services: Type.Array(Type.String()),
      bindings: Type.Array(
        Type.Object({ interface: Type.String(), rule: Type.String(), location: Type.Optional(Location), between: Type.Array(Type.String()), message: Type.String() }),
      ),
      proposal: Type.Array(PlanStepSchema),
      noProposal: Type.Optional(Type.String({ description: 'When the proposal is empty: whether a decomposition was searched for, and why none is given.' })),
    }),
  ),
});

export const PlanTargetSchema = Type.Object(
  { service: ServiceName, version: Type.Optional(VersionName), remove: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const CreatePlanBody = Type.Object(
  {
    environments: Type.Array(EnvironmentName, { minItems: 1, maxItems: 20, description: 'Environments in the order the change goes through them.' }),
    targets: Type.Array(PlanTargetSchema, { minItems: 1, maxItems: 5000 }),
  },
  { additionalProperties: false },
);

export const StoredPlanSchema = Type.Object({
  id: Type.Integer(),
  outcome: Type.Union([Type.Literal('ready'), Type.Literal('blocked')]),
  environments: Type.Array(Type.String()),
  targets: Type.Array(PlanTargetSchema),
  createdBy: Type.String(),
  createdAt: Type.String(),
  progress: Type.Array(
    Type.Object({
      position: Type.Integer(),
      status: Type.String({ description: '`pending`, `running`, `done`, `failed`, or `waiting` (for a version to be published; applying again resumes).' }),
      updatedAt: Type.String(),
      message: Type.Optional(Type.String({ description: 'What the last execution said: why the step failed, or which version to publish.' })),
    }),
  ),
  plan: PlanSchema,
});
