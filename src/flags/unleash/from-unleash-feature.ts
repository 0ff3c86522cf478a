import type { Constraint, FlagDefinition, Strategy, Variant } from '../evaluate/flag-definition.ts';
import type { FlagProblem } from '../evaluate/validate-flag-definition.ts';

/** What an Unleash feature looks like in its client API or an export, as far as we read it. */
export interface UnleashFeatureInput {
  readonly name?: unknown;
  readonly enabled?: unknown;
  readonly strategies?: unknown;
  readonly variants?: unknown;
}

export type ImportResult = { readonly flag: FlagDefinition; readonly problems: readonly [] } | { readonly problems: readonly FlagProblem[] };

interface RawStrategy {
  readonly name?: string;
  readonly parameters?: Record<string, unknown>;
  readonly constraints?: readonly Constraint[];
  readonly variants?: readonly RawVariant[];
  readonly segments?: readonly unknown[];
}

interface RawVariant {
  readonly name: string;
  readonly weight: number;
  readonly stickiness?: string;
  readonly payload?: Variant['payload'];
  readonly overrides?: Variant['overrides'];
}

/**
 * An Unleash feature as a Stepwise flag, for teams moving over. `flexibleRollout` and `default` carry
 * over as they are; the older built-ins become what they mean: `gradualRolloutUserId` /
 * `gradualRolloutSessionId` / `gradualRolloutRandom` a rollout sticky on that field, `userWithId`
 * a `default` strategy with `userId IN` the listed ids. Segments and custom strategies have no
 * counterpart and are reported at their pointer (`at` prefixes it, e.g. `/features/3`).
 */
export function fromUnleashFeature(feature: UnleashFeatureInput, at = ''): ImportResult {
  const problems: FlagProblem[] = [];
  if (typeof feature.name !== 'string' || feature.name === '') problems.push({ pointer: `${at}/name`, message: 'a feature needs a name' });
  if (typeof feature.enabled !== 'boolean') problems.push({ pointer: `${at}/enabled`, message: 'enabled must be true or false' });
  if (!Array.isArray(feature.strategies)) problems.push({ pointer: `${at}/strategies`, message: 'strategies must be an array' });
  if (feature.variants !== undefined && !Array.isArray(feature.variants)) problems.push({ pointer: `${at}/variants`, message: 'variants must be an array' });
  if (problems.length > 0) return { problems };
  const strategies: Strategy[] = [];
  (feature.strategies as readonly RawStrategy[]).forEach((raw, index) => {
    const strategy = convertStrategy(raw, `${at}/strategies/${index}`, problems);
    if (strategy) strategies.push(strategy);
  });
  if (problems.length > 0) return { problems };
  const variants = ((feature.variants ?? []) as readonly RawVariant[]).map(convertVariant);
  return {
    flag: { name: feature.name as string, enabled: feature.enabled as boolean, strategies, ...(variants.length > 0 ? { variants } : {}) },
    problems: [],
  };
}

function convertStrategy(raw: RawStrategy, at: string, problems: FlagProblem[]): Strategy | undefined {
  if ((raw.segments ?? []).length > 0) {
    problems.push({ pointer: `${at}/segments`, message: 'segments have no counterpart in Stepwise: copy their constraints onto the strategy' });
    return undefined;
  }
  const parameters = raw.parameters ?? {};
  const constraints = (raw.constraints ?? []).map((constraint) => ({ ...constraint }));
  const variants = (raw.variants ?? []).map(convertVariant);
  const extras = { ...(constraints.length > 0 ? { constraints } : {}), ...(variants.length > 0 ? { variants } : {}) };
  const groupId = typeof parameters.groupId === 'string' ? { groupId: parameters.groupId } : {};
  const rollout = (value: unknown) => Number(value ?? 100);
  switch (raw.name) {
    case 'default':
      return { name: 'default', ...(Object.keys(groupId).length > 0 ? { parameters: groupId } : {}), ...extras };
    case 'flexibleRollout':
      return { name: 'flexibleRollout', parameters: { rollout: rollout(parameters.rollout), stickiness: String(parameters.stickiness ?? 'default'), ...groupId }, ...extras };
    case 'gradualRolloutUserId':
    case 'gradualRolloutSessionId':
    case 'gradualRolloutRandom': {
      const stickiness = raw.name === 'gradualRolloutUserId' ? 'userId' : raw.name === 'gradualRolloutSessionId' ? 'sessionId' : 'random';
      // these older strategies hash with an empty groupId unless given one (not the feature name)
      return { name: 'flexibleRollout', parameters: { rollout: rollout(parameters.percentage), stickiness, groupId: String(parameters.groupId ?? '') }, ...extras };
    }
    case 'userWithId': {
      const ids = String(parameters.userIds ?? '').split(',').map((id) => id.trim()).filter((id) => id !== '');
      return { name: 'default', ...extras, constraints: [...constraints, { contextName: 'userId', operator: 'IN', values: ids }] };
    }
    default:
      problems.push({ pointer: `${at}/name`, message: `strategy "${raw.name}" has no counterpart in Stepwise: express it as constraints on a default strategy` });
      return undefined;
  }
}

function convertVariant(raw: RawVariant): Variant {
  return {
    name: raw.name,
    weight: raw.weight,
    ...(raw.stickiness ? { stickiness: raw.stickiness } : {}),
    ...(raw.payload ? { payload: raw.payload } : {}),
    ...(raw.overrides && raw.overrides.length > 0 ? { overrides: raw.overrides } : {}),
  };
}
