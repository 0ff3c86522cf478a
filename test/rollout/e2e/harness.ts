import { LocalTarget } from '../../../src/rollout/targets/local/local-target.ts';
import { RolloutRunner } from '../../../src/rollout/runner/rollout-runner.ts';
import { bringUpEnvironment } from '../../../src/rollout/runner/bring-up-environment.ts';
import { startRollout } from '../../../src/rollout/runner/start-rollout.ts';
import { getRollout, listRolloutEvents } from '../../../src/rollout/runner/rollout-store.ts';
import type { RolloutRecord } from '../../../src/rollout/runner/rollout-record.ts';
import { createWorld, until, type World } from '../support/rollout-world.ts';
import { FIXTURES } from '../support/rollout-world.ts';

/** A world plus an in-process control plane (target + runner) for the environment `local`. */
export async function controlPlane(world: World, maxConcurrent = 2) {
  const target = new LocalTarget(world.dir, 'local');
  const runner = new RolloutRunner({ db: world.store.db, target, environment: 'local', intervalMs: 100, maxConcurrent });
  const up = await bringUpEnvironment(world.store.db, target, 'local', FIXTURES, new Date());
  runner.start();
  for (const service of up) {
    await until(`${service.service}@${service.version} healthy`, async () =>
      (await target.observe(service.service, [service.version])).versions[service.version]!.healthy ? true : undefined,
    );
  }
  return {
    target,
    runner,
    up,
    gatewayUrl: (service = 'orders') => `http://127.0.0.1:${target.gateway(service)!.port}/`,
    start: (version: string, service = 'orders') =>
      startRollout(world.store.db, { environment: 'local', service, version, actor: 'alice', at: new Date(), baseDir: FIXTURES, maxConcurrent }).then((started) => {
        runner.kick();
        return started.rollout;
      }),
    finished: (id: number, timeoutMs = 45_000) =>
      until(`rollout #${id} to finish`, async () => {
        const rollout = await getRollout(world.store.db, id);
        return rollout.status.phase === 'succeeded' || rollout.status.phase === 'rolled-back' ? rollout : undefined;
      }, timeoutMs),
    phase: (id: number, phase: string, timeoutMs = 30_000): Promise<RolloutRecord> =>
      until(`rollout #${id} to be ${phase}`, async () => {
        const rollout = await getRollout(world.store.db, id);
        return rollout.status.phase === phase ? rollout : undefined;
      }, timeoutMs),
    events: async (id: number) => (await listRolloutEvents(world.store.db, id)).map((event) => event.kind),
    async close() {
      await runner.stop();
      await target.close({ stopVersions: true });
    },
  };
}

export async function withWorld(work: (world: World) => Promise<void>): Promise<void> {
  const world = await createWorld();
  try {
    await work(world);
  } finally {
    await world.close();
  }
}

export async function liveVersions(world: World, service = 'orders'): Promise<string[]> {
  const rows = await world.store.db.selectFrom('live_versions').select(['version', 'target']).where('service', '=', service).where('until', 'is', null).orderBy('id').execute();
  return rows.map((row) => `${row.version}@${row.target}`);
}
