/** Response shapes of the API routes the dashboard reads (see /openapi.json). */
export interface LiveVersion {
  service: string;
  version: string;
  target: string;
  mode: 'deployed' | 'released';
  since: string;
}

export interface StatusMatrix {
  environments: string[];
  services: Array<{ service: string; owner?: string; live: Record<string, LiveVersion[]> }>;
}

export interface InterfaceEntry {
  role: 'provides' | 'consumes';
  interface: string;
  kind: string;
  contract?: string;
  formats?: Record<string, string>;
  operations?: string[];
  required: boolean;
  flag?: string;
  retention?: string;
}

export interface VersionDetails {
  service: string;
  version: string;
  branch?: string;
  commit?: string;
  hasContracts: boolean;
  publishedAt: string;
  owner?: string;
  provides: InterfaceEntry[];
  consumes: InterfaceEntry[];
}

export interface ServiceDetails {
  service: { name: string; owner?: string; description?: string };
  versions: Array<{ version: string; hasContracts: boolean; publishedAt: string; branch?: string; commit?: string }>;
}

export interface Location {
  pointer: string;
  file?: string;
  line?: number;
}

export interface Finding {
  rule: string;
  severity: string;
  direction: string;
  subject: string;
  message: string;
  before?: Location;
  after?: Location;
  also?: Location[];
  example?: unknown;
}

export interface VersionDiff {
  service: string;
  from: string;
  to: string;
  breaking: boolean;
  interfaces: Array<{ role: string; interface: string; kind: string; change: string; findings: Finding[]; error?: string }>;
}

export interface Reason {
  code: string;
  effect: 'no' | 'unknown' | 'warning' | 'info';
  service: string;
  version: string;
  interface?: string;
  counterpart?: string;
  rule?: string;
  message: string;
}

export interface Verdict {
  verdict: 'yes' | 'no' | 'unknown';
  service: string;
  version: string;
  environment: string;
  reasons: Reason[];
}

export interface GraphLink {
  consumer: string;
  provider: string;
  interface: string;
  sync: boolean;
  required: boolean;
  status: 'compatible' | 'breaking' | 'unknown';
  problems: string[];
}

export interface Graph {
  environment: string;
  services: Array<{ service: string; versions: string[] }>;
  links: GraphLink[];
  cycles: string[][];
  syncChains: string[][];
  sharedDatabases: Array<{ interface: string; services: string[] }>;
  unversionedContracts: Array<{ service: string; interface: string }>;
}

/** GET /v1/environments/:environment/insights: delivery metrics per service over a period. Durations in ms. */
export interface Insights {
  environment: string;
  period: { since: string; until: string };
  reworkWindowMinutes: number;
  coDeployWindowMinutes: number;
  services: Array<{
    service: string;
    deployments: number;
    perWeek: number;
    leadTime: { median: number | null; p90: number | null; measured: number };
    failures: number;
    changeFailureRate: number | null;
    timeToRestore: { median: number | null; restored: number; unrestored: number };
    reworks: number;
    reworkRate: number | null;
  }>;
  coDeployments: Array<{ services: string[]; together: number; ratio: number }>;
}

export interface AuditEvent {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  data?: unknown;
  previous?: unknown;
}
