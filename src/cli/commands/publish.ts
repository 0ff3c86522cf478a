import { resolve } from 'node:path';
import type { PublishResult } from '../../store/registry/publish-version.ts';
import type { RegisterCommand } from '../command.ts';
import { clientFor, print, withRemoteOptions, type RemoteFlags } from '../remote-options.ts';

interface PublishFlags extends RemoteFlags {
  readonly version: string;
  readonly branch?: string;
  readonly commit?: string;
  readonly manifest: string;
}

/** `stepwise publish`: validates the manifest and its contracts here, then records the version on the server. */
export const registerPublish: RegisterCommand = (program, context) => {
  withRemoteOptions(
    program
      .command('publish')
      .description("publish this service's version with its contracts (from stepwise.yaml)")
      .requiredOption('--version <version>', 'the version to publish, e.g. 1.4.0')
      .option('--branch <branch>', 'branch it was built from')
      .option('--commit <sha>', 'commit it was built from')
      .option('--manifest <file>', 'manifest file', 'stepwise.yaml'),
  ).action(async (flags: PublishFlags) => {
    // The manifest schema and the contract engines load only when publishing: every other command starts faster without them.
    const { readManifest } = await import('../../manifest/read-manifest.ts');
    const { buildPublication } = await import('../../manifest/build-publication.ts');
    const loaded = await readManifest(resolve(context.cwd, flags.manifest));
    const manifestLabel = flags.manifest;
    const publication = await buildPublication(
      { ...loaded, file: manifestLabel },
      { version: flags.version, ...(flags.branch ? { branch: flags.branch } : {}), ...(flags.commit ? { commit: flags.commit } : {}) },
    );
    const service = loaded.manifest.service;
    const result = await clientFor(context, flags).post<PublishResult>(`/v1/services/${encodeURIComponent(service)}/versions`, publication);
    print(context, flags, result, () =>
      result.status === 'created'
        ? `published ${service}@${result.version} (${result.contracts.length} contract${result.contracts.length === 1 ? '' : 's'})`
        : `${service}@${result.version} is already published with this content; nothing changed`,
    );
  });
};
