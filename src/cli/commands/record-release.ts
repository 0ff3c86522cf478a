import type { RegisterCommand } from '../command.ts';
import { deploymentCommand } from './deployment-command.ts';

/** `stepwise record-release`: the version joins those live (apps and libraries: old releases stay in use). */
export const registerRecordRelease: RegisterCommand = (program, context) =>
  deploymentCommand(program, context, {
    name: 'record-release',
    kind: 'released',
    description: 'record that a version was released (it joins the versions already live)',
    target: 'channel or store inside the environment (default: default)',
    done: 'recorded release of',
  });
