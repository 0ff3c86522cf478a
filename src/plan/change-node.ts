/**
 * One thing the plan does: a deploy or undeploy of one service, or a flag flip. Nodes of the
 * precedence graph; `index` is their position in the input, the last tie-breaker of the order.
 */
export type ChangeNode =
  | {
      readonly kind: 'deploy';
      readonly id: string;
      readonly index: number;
      readonly service: string;
      readonly version: string;
      /** The version it replaces; absent for a first deployment. */
      readonly from?: string;
    }
  | { readonly kind: 'undeploy'; readonly id: string; readonly index: number; readonly service: string; readonly from: string }
  | {
      readonly kind: 'enable-flag' | 'disable-flag';
      readonly id: string;
      readonly index: number;
      readonly flag: string;
      /** The services whose use of the flag made the step necessary. */
      readonly service?: undefined;
    };

export function nodeLabel(node: ChangeNode): string {
  switch (node.kind) {
    case 'deploy':
      return `${node.service}@${node.version}`;
    case 'undeploy':
      return `${node.service}@-`;
    default:
      return `${node.kind} ${node.flag}`;
  }
}
