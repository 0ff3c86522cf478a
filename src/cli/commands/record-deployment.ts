import type { RegisterCommand } from '../command.ts';
import { deploymentCommand } from './deployment-command.ts';

/** `stepwise record-deployment`: the version now runs on the target, replacing what ran there. */
export const registerRecordDeployment: RegisterCommand = (program, context) =>
  deploymentCommand(program, context, {
    name: 'record-deployment',
    kind: 'deployed',
    description: 'record that a version was deployed (it replaces what ran on the target)',
    target: 'instance or region inside the environment (default: default)',
    done: 'recorded deployment of',
  });
