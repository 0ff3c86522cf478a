import type { Story } from '../story.ts';

const dir = 'examples/blog-pictures';
const publish = (service: string, version: string) => ['publish', '--version', version, '--manifest', `${dir}/${service}@${version}/stepwise.yaml`];
const rollout = (service: string, version: string) => ['rollout', 'start', '--service', service, '--version', version, '--env', 'production', '--watch'];
const plan = (...targets: string[]) => ['plan', '--env', 'production', ...targets.flatMap((target) => ['--target', target])];
const canIDeploy = (service: string, version: string) => ['can-i-deploy', '--service', service, '--version', version, '--to', 'production'];
// a 1x1 PNG
const PICTURE = { name: 'dot.png', data: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==' };

/**
 * The lock-step article: letting customers upload pictures touches the web front end, the posts
 * API and a new media store. Designed as one change (posts become blocks; body disappears), the
 * web and the posts API can only go out together. Designed backward compatible (body stays,
 * pictures is optional, uploads behind a flag), the same feature goes out one service at a time.
 */
export const blogStory: Story = {
  name: 'blog',
  title: 'Blog pictures: one feature, three services, lock-step or not',
  environment: 'production',
  scratch: ['.stepwise/examples/blog'],
  steps: [
    { say: 'The blog runs a web front end over a posts API. A post is a title and a body.' },
    { run: publish('posts', '1.0'), expect: 0 },
    { run: publish('web', '1.0'), expect: 0 },
    { run: rollout('posts', '1.0'), expect: 0 },
    { run: rollout('web', '1.0'), expect: 0 },
    { request: { service: 'web', method: 'GET', path: '/posts/hello' }, expectStatus: 200 },
    { pause: 'Change A: customers upload pictures. Posts become blocks of text and pictures, in a new media store.' },
    { run: publish('media', '1.0'), expect: 0 },
    { run: publish('posts', '2.0'), expect: 0 },
    { run: publish('web', '2.0'), expect: 0 },
    { run: canIDeploy('posts', '2.0'), expect: 1, why: 'no: web 1.0 still reads body' },
    { run: canIDeploy('web', '2.0'), expect: 1, why: 'no: posts 1.0 has no blocks' },
    { run: plan('media@1.0', 'posts@2.0', 'web@2.0'), expect: 1, why: 'the media store can go first; web and posts only together' },
    { say: 'The media store is new and nothing depends on it yet: it goes out on its own.' },
    { run: rollout('media', '1.0'), expect: 0 },
    { run: plan('posts@2.0', 'web@2.0'), expect: 1, why: 'still lock-step, and the way out: a web that reads both shapes first' },
    { pause: 'Lock-step means a release window, a runbook and a manual rollback, or an extra expand step. Better: design the change to be compatible.' },
    { say: 'Change B keeps body, adds pictures as an optional field, and puts uploads behind the blog-pictures flag.' },
    { run: publish('posts', '2.1'), expect: 0 },
    { run: publish('web', '2.1'), expect: 0 },
    { run: ['flag', 'create', 'blog-pictures', '--env', 'production', '--description', 'Customers may upload pictures'], expect: 0 },
    { run: plan('posts@2.1', 'web@2.1'), expect: 0, why: 'service by service, then the switch' },
    { run: rollout('posts', '2.1'), expect: 0 },
    { run: rollout('web', '2.1'), expect: 0 },
    { request: { service: 'web', method: 'GET', path: '/posts/hello' }, expectStatus: 200, why: 'all three deployed; readers see the same blog' },
    { request: { service: 'web', method: 'POST', path: '/posts/hello/pictures', body: PICTURE }, expectStatus: 404, why: 'uploads are off until the flag says so' },
    { run: ['flag', 'set', 'blog-pictures', '--env', 'production', '--on', '--reason', 'launch pictures'], expect: 0 },
    { request: { service: 'web', method: 'POST', path: '/posts/hello/pictures', body: PICTURE }, expectStatus: 201, why: 'a customer uploads a picture' },
    { request: { service: 'web', method: 'GET', path: '/posts/hello' }, expectStatus: 200, why: 'the post shows it' },
  ],
  next: [
    'stepwise status --env production',
    'stepwise diff examples/blog-pictures/posts@1.0/post.schema.json examples/blog-pictures/posts@2.0/post.schema.json',
    'stepwise can-i-deploy --service web --version 1.0 --to production',
    'stepwise flag kill blog-pictures --reason "uploads misbehave"',
  ],
};
