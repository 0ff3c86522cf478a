import { Type } from 'typebox';
import { REASON_CODES, type ReasonCode } from '../../decide/reason-code.ts';
import { ServiceName, TargetName, VersionName } from '../schemas/names.ts';

export const IgnoreSchema = Type.Object(
  {
    service: ServiceName,
    version: Type.Optional(VersionName),
    reason: Type.String({ minLength: 3, maxLength: 1000, description: 'Why the counterpart may be left out; shown in the verdict and audited.' }),
    until: Type.String({ minLength: 10, maxLength: 40, description: 'When the ignore lapses: an ISO date or timestamp.' }),
  },
  { additionalProperties: false, description: 'Leaves a counterpart out of the decision, with a reason and an expiry.' },
);

export const ReasonSchema = Type.Object({
  code: Type.Unsafe<ReasonCode>(Type.String({ enum: Object.keys(REASON_CODES), description: 'Stable reason code (see docs/can-i-deploy.md).' })),
  effect: Type.Union([Type.Literal('no'), Type.Literal('unknown'), Type.Literal('warning'), Type.Literal('info')]),
  service: Type.String(),
  version: Type.String(),
  interface: Type.Optional(Type.String()),
  counterpart: Type.Optional(Type.String({ description: 'The other side of the pair, `service@version`.' })),
  rule: Type.Optional(Type.String()),
  message: Type.String(),
  location: Type.Optional(
    Type.Object({ pointer: Type.String(), file: Type.Optional(Type.String()), line: Type.Optional(Type.Integer()), column: Type.Optional(Type.Integer()) }),
  ),
  ignore: Type.Optional(Type.Object({ reason: Type.String(), until: Type.String() })),
});

export const VerdictSchema = Type.Object({
  verdict: Type.Union([Type.Literal('yes'), Type.Literal('no'), Type.Literal('unknown')]),
  service: Type.String(),
  version: Type.String(),
  environment: Type.String(),
  at: Type.String({ description: 'The moment the environment was looked at.' }),
  reasons: Type.Array(ReasonSchema),
});

export const CandidateFields = {
  service: ServiceName,
  version: VersionName,
  target: Type.Optional(TargetName),
  ignores: Type.Optional(Type.Array(IgnoreSchema, { maxItems: 100 })),
};
