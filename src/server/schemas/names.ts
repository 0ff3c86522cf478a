import { Type } from 'typebox';

/** Names as they appear in paths and bodies; the same patterns the manifest uses. */
export const ServiceName = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]*$', maxLength: 100, description: 'Service name.' });
export const EnvironmentName = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]*$', maxLength: 100, description: 'Environment name.' });
export const VersionName = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._+\\-]*$', maxLength: 100, description: 'Version, e.g. 1.4.0.' });
export const TargetName = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._:/\\-]*$', maxLength: 200, description: 'Target inside the environment (instance, region); `default` when omitted.' });
