import type { MetricsWindow } from '../analysis/metrics-window.ts';
import type { VersionObservation } from '../machine/rollout-observation.ts';

/** How to run one version: the manifest's `run:` section, resolved against where the manifest lives. */
export interface VersionRunSpec {
  readonly service: string;
  readonly version: string;
  readonly command: string;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  readonly portVariable: string;
  readonly health?: string;
  /** Fixed gateway ports from the manifest (`run.gatewayPort`, `run.previewPort`). */
  readonly gatewayPort?: number;
  readonly previewPort?: number;
}

/** A service's stable entry point. */
export interface ServiceTrafficSpec {
  readonly service: string;
  /** Fixed gateway port; otherwise the target picks one and keeps it across restarts. */
  readonly port?: number;
  readonly previewPort?: number;
  readonly sticky: { readonly header?: string; readonly cookie?: string };
}

export interface ServiceObservation {
  readonly versions: Readonly<Record<string, VersionObservation>>;
  /** Version -> weight the gateway applies now. */
  readonly weights: Readonly<Record<string, number>>;
  readonly preview: string | null;
}

/**
 * Where versions run and how traffic reaches them. The runner speaks only this interface, so a
 * Kubernetes target (Deployments + a mesh or ingress for weights, Prometheus for metrics) can be
 * added beside the local one without touching the engine. Every method is idempotent.
 */
export interface Target {
  readonly name: string;
  /** New each time the target starts; the machine uses it to tell a restart from a crash. */
  readonly incarnation: string;
  ensureService(spec: ServiceTrafficSpec): Promise<{ readonly port: number; readonly previewPort: number }>;
  startVersion(spec: VersionRunSpec): Promise<void>;
  stopVersion(service: string, version: string): Promise<void>;
  setWeights(service: string, weights: Readonly<Record<string, number>>): Promise<void>;
  setPreview(service: string, version: string | null): Promise<void>;
  observe(service: string, versions: readonly string[]): Promise<ServiceObservation>;
  metrics(service: string, version: string, fromMs: number, toMs: number): Promise<MetricsWindow>;
  /** Called when a version's process or health changes, so the runner can reconcile at once. */
  onChange(listener: (service: string) => void): void;
  /** `stopVersions: false` leaves versions running for the next incarnation to adopt. */
  close(options: { readonly stopVersions: boolean }): Promise<void>;
}
