import { useEffect, useState } from 'react';
import { useApi } from '../use-api.ts';

export interface EnvironmentChoice {
  readonly environment: string;
  readonly setEnvironment: (name: string) => void;
  readonly names: readonly string[];
}

/**
 * The environment a view shows: `?env=` from the address, else the last in promotion order —
 * usually production, the one people come to look at.
 */
export function useEnvironmentChoice(query: URLSearchParams): EnvironmentChoice {
  const environments = useApi<{ environments: Array<{ name: string }> }>('/v1/environments');
  const [environment, setEnvironment] = useState(query.get('env') ?? '');
  const names = environments.data?.environments.map((e) => e.name) ?? [];
  useEffect(() => {
    if (!environment && names.length > 0) setEnvironment(names[names.length - 1]!);
  }, [environments.data, environment]);
  return { environment, setEnvironment, names };
}

export function EnvironmentSelect({ choice }: { choice: EnvironmentChoice }) {
  return (
    <label>
      Environment{' '}
      <select value={choice.environment} onChange={(event) => choice.setEnvironment(event.target.value)}>
        {choice.names.map((name) => (
          <option key={name}>{name}</option>
        ))}
      </select>
    </label>
  );
}
