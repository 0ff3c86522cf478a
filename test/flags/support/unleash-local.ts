import { EventEmitter } from 'node:events';
import { Unleash } from 'unleash-client';
import type { FlagDefinition } from '../../../src/flags/evaluate/flag-definition.ts';
import { toUnleashFeature } from '../../../src/flags/unleash/to-unleash-feature.ts';

/**
 * unleash-client evaluating our flag definitions locally, converted as the Unleash-compatible API
 * serves them: a repository held in memory, so the SDK never opens a connection (its URL points at
 * a closed loopback port and nothing is started).
 */
export function unleashLocal(flags: readonly FlagDefinition[]): Unleash {
  const toggles = new Map(flags.map((flag) => [flag.name, toUnleashFeature(flag, [])]));
  const repository = Object.assign(new EventEmitter(), {
    getToggle: (name: string) => toggles.get(name),
    getToggles: () => [...toggles.values()],
    getTogglesWithSegmentData: () => [...toggles.values()],
    getSegment: () => undefined,
    start: async () => {},
    stop: () => {},
  });
  const unleash = new Unleash({
    appName: 'stepwise-parity',
    url: 'http://127.0.0.1:9/api/',
    // its repository type is wider than what the SDK calls; the calls above are all it uses
    repository: repository as never,
    disableMetrics: true,
    disableAutoStart: true,
    skipInstanceCountWarning: true,
  });
  repository.emit('ready');
  return unleash;
}
