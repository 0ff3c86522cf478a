import { Type } from 'typebox';

export const RolloutEventSchema = Type.Object({
  id: Type.Integer(),
  rolloutId: Type.Integer(),
  at: Type.String(),
  kind: Type.String({ description: 'queued, started, step, paused, resumed, aborted, promoting, succeeded, rolled-back, steps-changed, adopted' }),
  message: Type.String(),
});

export const RolloutSchema = Type.Object(
  {
    id: Type.Integer(),
    environment: Type.String(),
    service: Type.String(),
    version: Type.String(),
    stableVersion: Type.Union([Type.String(), Type.Null()]),
    strategy: Type.Union([Type.Literal('canary'), Type.Literal('blueGreen')]),
    steps: Type.Array(Type.String(), { description: 'The steps in words.' }),
    phase: Type.String({ description: 'queued, progressing, paused, promoting, aborting, succeeded or rolled-back' }),
    status: Type.Record(Type.String(), Type.Unknown(), { description: 'The machine status: step index, weight, pause, abort, last analysis, timestamps.' }),
    revision: Type.Integer(),
    createdBy: Type.String(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    events: Type.Optional(Type.Array(RolloutEventSchema)),
  },
  { $id: 'Rollout' },
);
