import { coDeployments, type CoDeployment } from './co-deployments.ts';
import type { DeliveryFacts } from './delivery-facts.ts';
import { serviceDeliveries, type DeliveryPeriod, type ServiceDelivery } from './delivery-metrics.ts';
import { deploymentHistory } from './deployment-history.ts';

export interface DeliveryReportOptions extends DeliveryPeriod {
  /** Two deployments this close count as deployed together. */
  readonly coDeployWindowMs: number;
}

export interface DeliveryReport {
  readonly services: ServiceDelivery[];
  /** Pairs of services that nearly always deployed together in the period. */
  readonly coDeployments: CoDeployment[];
}

/** Delivery metrics per service and the co-deploying pairs, from one derivation of the history. */
export function deliveryReport(facts: DeliveryFacts, options: DeliveryReportOptions): DeliveryReport {
  const history = deploymentHistory(facts, options.until);
  const inPeriod = history.filter((deployment) => deployment.at >= options.since);
  return {
    services: serviceDeliveries(history, facts, options),
    coDeployments: coDeployments(inPeriod.map(({ service, at }) => ({ service, at })), { windowMs: options.coDeployWindowMs }),
  };
}
