import type { Story } from '../story.ts';

const dir = 'examples/bad-canary';
const publish = (service: string, version: string) => ['publish', '--version', version, '--manifest', `${dir}/${service}@${version}/stepwise.yaml`];
const rollout = (service: string, version: string) => ['rollout', 'start', '--service', service, '--version', version, '--env', 'production', '--watch'];

/**
 * A bad release caught by its canary: prices 1.1 fails one request in five. The rollout sends it
 * half the traffic, the analysis compares its error rate with the threshold, and the rollout
 * rolls back on its own while prices 1.0 keeps serving.
 */
export const canaryStory: Story = {
  name: 'canary',
  title: 'A bad canary, rolled back on its own',
  environment: 'production',
  steps: [
    { say: 'prices 1.0 serves prices; shoppers look them up 40 times a second through its gateway.' },
    { run: publish('prices', '1.0'), expect: 0 },
    { run: publish('shopper', '1.0'), expect: 0 },
    { run: rollout('prices', '1.0'), expect: 0 },
    { run: rollout('shopper', '1.0'), expect: 0 },
    { request: { service: 'prices', method: 'GET', path: '/prices/sku-1' }, expectStatus: 200 },
    { pause: 'prices 1.1 passes its contract checks, but one request in five fails.' },
    { run: publish('prices', '1.1'), expect: 0 },
    { run: ['can-i-deploy', '--service', 'prices', '--version', '1.1', '--to', 'production'], expect: 0, why: 'contracts are fine: this is a runtime fault' },
    { run: rollout('prices', '1.1'), expect: 1, why: 'half the traffic, judged on its error rate: rolled back' },
    { request: { service: 'prices', method: 'GET', path: '/prices/sku-1' }, expectStatus: 200, why: 'prices 1.0 answers, as it did throughout' },
    { request: { service: 'shopper', method: 'GET', path: '/stats' }, expectStatus: 200, why: 'what shoppers saw: a few errors during the canary, then none' },
    { run: ['status', '--env', 'production'], expect: 0 },
  ],
  next: ['stepwise rollout status', 'stepwise audit', 'stepwise rollout start --service prices --version 1.1 --env production --watch'],
};
