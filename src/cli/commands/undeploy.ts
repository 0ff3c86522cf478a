import type { RegisterCommand } from '../command.ts';
import { deploymentCommand } from './deployment-command.ts';

/** `stepwise undeploy`: the version no longer runs (on one target, or on all). */
export const registerUndeploy: RegisterCommand = (program, context) =>
  deploymentCommand(program, context, {
    name: 'undeploy',
    kind: 'undeployed',
    description: 'record that a version stopped running',
    target: 'only on this target (default: on every target)',
    done: 'recorded undeployment of',
  });
