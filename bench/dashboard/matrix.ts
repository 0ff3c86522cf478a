// How fast the dashboard's environments matrix renders for a large organisation, in Debian's
// Chromium against a real server. Run: node --import tsx bench/dashboard/matrix.ts [--services 2000]
import { performance } from 'node:perf_hooks';
import { launchBrowser } from '../../test/support/browser.ts';
import { startTestServer } from '../../test/support/server.ts';

const count = Number(process.argv[process.argv.indexOf('--services') + 1] || 2000) || 2000;
const environments = ['dev', 'staging', 'production'];
const contract = (name: string) => ({
  kind: 'openapi' as const,
  entry: `${name}.yaml`,
  files: { [`${name}.yaml`]: `openapi: 3.1.0\ninfo: { title: ${name}, version: '1' }\npaths: {}\n` },
});

const server = await startTestServer();
try {
  const seedStart = performance.now();
  for (const name of environments) await server.request('POST', '/v1/environments', { name });
  const names = Array.from({ length: count }, (_, i) => `service-${String(i).padStart(4, '0')}`);
  const inParallel = async (jobs: Array<() => Promise<unknown>>, width = 16) => {
    let next = 0;
    await Promise.all(Array.from({ length: width }, async () => {
      while (next < jobs.length) await jobs[next++]!();
    }));
  };
  await inParallel(
    names.map((service, i) => async () => {
      const body = { version: '1.0.0', owner: `team-${i % 40}`, provides: [{ interface: `http:${service}`, kind: 'openapi', contract: contract('shared') }], consumes: [] };
      const response = await server.request('POST', `/v1/services/${service}/versions`, body);
      if (response.status !== 201) throw new Error(`publish ${service}: ${response.status} ${JSON.stringify(response.body)}`);
    }),
  );
  await inParallel(
    names.flatMap((service, i) =>
      environments.slice(0, 1 + (i % 3)).map((env) => () => server.request('POST', `/v1/environments/${env}/deployments`, { service, version: '1.0.0', kind: 'deployed' })),
    ),
  );
  console.log(`seeded ${count} services in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
  await page.evaluate(`sessionStorage.setItem('stepwise.token', ${JSON.stringify(server.adminToken)})`);
  const samples: number[] = [];
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    await page.goto(`${server.url}/#/environments`);
    await page.reload();
    await page.getByTestId('service-count').filter({ hasText: `${count} of ${count} services` }).waitFor();
    await page.getByRole('row').filter({ hasText: 'service-0000' }).waitFor();
    samples.push(performance.now() - start);
  }
  const rendered = await page.locator('.matrix .row').count();
  samples.sort((a, b) => a - b);
  console.log(`| services | rows in the DOM | median load+render | worst of 5 |`);
  console.log(`|---:|---:|---:|---:|`);
  console.log(`| ${count} | ${rendered} | ${samples[2]!.toFixed(0)} ms | ${samples[4]!.toFixed(0)} ms |`);
  await browser.close();
} finally {
  await server.close();
}
