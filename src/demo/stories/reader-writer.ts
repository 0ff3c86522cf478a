import type { Story } from '../story.ts';

const dir = 'examples/reader-writer';
const publish = (service: string, version: string) => ['publish', '--version', version, '--manifest', `${dir}/${service}@${version}/stepwise.yaml`];
const rollout = (service: string, version: string) => ['rollout', 'start', '--service', service, '--version', version, '--env', 'production', '--watch'];

/**
 * The deployment-pitfalls article: a Writer that switches its stored reports from XML to JSON
 * breaks a Reader that reads only XML, and once JSON reports exist, rolling the Reader back is
 * no longer safe. Stepwise refuses the unsafe order, finds the lock-step, proposes the expand
 * step (a Reader that reads both), rolls the safe order out, and then refuses the rollback.
 */
export const readerWriterStory: Story = {
  name: 'reader-writer',
  title: 'Reader/Writer: a stored format changes from XML to JSON',
  environment: 'production',
  scratch: ['.stepwise/examples/reports'],
  steps: [
    { say: 'Writer 1.0 stores reports as XML in a shared store; Reader 1.0 reads them and adds them up. Both publish their contracts.' },
    { run: publish('writer', '1.0'), expect: 0 },
    { run: publish('reader', '1.0'), expect: 0 },
    { run: rollout('writer', '1.0'), expect: 0, why: 'the first deployment of the writer, as a progressive rollout' },
    { run: rollout('reader', '1.0'), expect: 0 },
    { request: { service: 'writer', method: 'POST', path: '/reports', body: { id: 'q1', total: 120 } }, expectStatus: 201, why: 'Writer 1.0 stores an XML report' },
    { request: { service: 'reader', method: 'GET', path: '/totals' }, expectStatus: 200, why: 'Reader 1.0 adds it up' },
    { pause: 'Next: the writer team wants to store JSON instead.' },
    { say: 'Writer 2.0 stores JSON. Can it go to production on its own?' },
    { run: publish('writer', '2.0'), expect: 0 },
    { run: ['can-i-deploy', '--service', 'writer', '--version', '2.0', '--to', 'production'], expect: 1, why: 'no: Reader 1.0 reads only XML' },
    { say: 'The reader team has Reader 2.0, which reads JSON only. Plan both together:' },
    { run: publish('reader', '2.0'), expect: 0 },
    { run: ['plan', '--env', 'production', '--target', 'writer@2.0', '--target', 'reader@2.0'], expect: 1, why: 'lock-step on store:reports, with the way out' },
    { pause: 'Stepwise proposes an expand step: a Reader that reads both formats first.' },
    { say: 'Reader 1.1 reads XML and JSON. With it published, the change has a safe order:' },
    { run: publish('reader', '1.1'), expect: 0 },
    { run: ['plan', '--env', 'production', '--target', 'writer@2.0', '--target', 'reader@1.1'], expect: 0 },
    { run: rollout('reader', '1.1'), expect: 0, why: 'step 1: the Reader that reads both' },
    { run: rollout('writer', '2.0'), expect: 0, why: 'step 2: the Writer switches to JSON' },
    { request: { service: 'writer', method: 'POST', path: '/reports', body: { id: 'q2', total: 80 } }, expectStatus: 201, why: 'Writer 2.0 stores a JSON report' },
    { request: { service: 'reader', method: 'GET', path: '/totals' }, expectStatus: 200, why: 'Reader 1.1 reads both reports' },
    { pause: 'Now JSON reports exist. What if someone rolls the Reader back?' },
    { run: ['can-i-deploy', '--service', 'reader', '--version', '1.0', '--to', 'production'], expect: 1, why: 'no: JSON reports written by Writer 2.0 are still there' },
    { run: ['can-i-deploy', '--service', 'reader', '--version', '2.0', '--to', 'production'], expect: 1, why: 'not yet either: XML reports from Writer 1.0 are kept for 90 days' },
  ],
  next: [
    'stepwise status --env production',
    'stepwise plan --env production --target reader@2.0 --format mermaid',
    'stepwise diff examples/reader-writer/reader@1.0/report-xml.schema.json examples/reader-writer/reader@2.0/report-json.schema.json',
    'stepwise audit',
  ],
};
