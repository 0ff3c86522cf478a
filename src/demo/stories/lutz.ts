import type { Story } from '../story.ts';

const dir = 'examples/lutz';
const publish = (service: string, version: string) => ['publish', '--version', version, '--manifest', `${dir}/${service}@${version}/stepwise.yaml`];
const rollout = (service: string, version: string) => ['rollout', 'start', '--service', service, '--version', version, '--env', 'production', '--watch'];
const TARGETS = ['queue@1.0', 'api@2.0', 'worker@1.0', 'results-db@1.0', 'api@3.0'];

/**
 * George Lutz's technical schedule: an existing service gains a queue, a background worker, a
 * results store and a read path behind a flag. Each piece goes out on its own, in the order the
 * planner derives from the contracts; users see no change until the flag is switched on.
 */
export const lutzStory: Story = {
  name: 'lutz',
  title: 'A technical schedule: five deployments, then one switch',
  environment: 'production',
  scratch: [`.stepwise/examples/lutz`],
  steps: [
    { say: 'The existing API computes each report inline, on request.' },
    { run: publish('api', '1.0'), expect: 0 },
    { run: rollout('api', '1.0'), expect: 0 },
    { request: { service: 'api', method: 'GET', path: '/reports/r42' }, expectStatus: 200, why: 'computed inline' },
    { pause: 'Next: precompute reports in the background, without users noticing until the end.' },
    { say: 'The new pieces: a message queue, the API enqueueing a job per request, a worker, a results store, and the API reading from the store behind the reports-from-store flag.' },
    { run: publish('queue', '1.0'), expect: 0 },
    { run: publish('api', '2.0'), expect: 0 },
    { run: publish('worker', '1.0'), expect: 0 },
    { run: publish('results-db', '1.0'), expect: 0 },
    { run: publish('api', '3.0'), expect: 0 },
    { run: ['flag', 'create', 'reports-from-store', '--env', 'production', '--description', 'Serve precomputed reports from the results store'], expect: 0 },
    { run: ['plan', '--env', 'production', ...TARGETS.flatMap((target) => ['--target', target])], expect: 0, why: 'one deployment at a time, then the switch' },
    { run: ['can-i-deploy', '--service', 'worker', '--version', '1.0', '--to', 'production'], expect: 1, why: 'not first: there is no queue, and nothing produces report jobs yet' },
    { pause: 'Step 1 and 2: the queue, then the enqueueing code.' },
    { run: rollout('queue', '1.0'), expect: 0 },
    { run: rollout('api', '2.0'), expect: 0 },
    { request: { service: 'api', method: 'GET', path: '/reports/r42' }, expectStatus: 200, why: 'the same answer, and now a job on the queue' },
    { request: { service: 'queue', method: 'GET', path: '/queues/report-jobs' }, expectStatus: 200, why: 'the queue is being populated: it can be monitored' },
    { pause: 'Step 3 and 4: the worker, then the data store.' },
    { run: rollout('worker', '1.0'), expect: 0, why: 'dequeues jobs; has nowhere to store them yet' },
    { run: rollout('results-db', '1.0'), expect: 0 },
    { request: { service: 'api', method: 'GET', path: '/reports/r7' }, expectStatus: 200, why: 'enqueues r7; the worker now stores its result' },
    { pause: 'Step 5: the API learns to read from the store, behind the flag.' },
    { run: rollout('api', '3.0'), expect: 0 },
    { request: { service: 'worker', method: 'GET', path: '/stats' }, expectStatus: 200, why: 'jobs processed, results stored' },
    { request: { service: 'api', method: 'GET', path: '/reports/r7' }, expectStatus: 200, why: 'still computed inline: the flag is off, users see no change' },
    { pause: 'Every piece is deployed and monitored. The business date arrives: flip the switch.' },
    { run: ['flag', 'set', 'reports-from-store', '--env', 'production', '--on', '--reason', 'go live'], expect: 0 },
    { request: { service: 'api', method: 'GET', path: '/reports/r7' }, expectStatus: 200, why: 'now served from the data store' },
  ],
  next: [
    'stepwise status --env production',
    'stepwise plan --env production --target api@3.0 --format mermaid',
    'stepwise flag set reports-from-store --env production --off --reason "back to inline"',
    'stepwise flag history reports-from-store --env production',
  ],
};
