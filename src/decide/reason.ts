import type { SourceLocation } from '../model/finding.ts';
import type { ReasonCode } from './reason-code.ts';

/**
 * One fact behind a verdict. `service`/`version` name the candidate the decision is about;
 * `counterpart` (`service@version`) names the other side of the pair, when there is one.
 */
export interface Reason {
  readonly code: ReasonCode;
  readonly service: string;
  readonly version: string;
  /** Interface id, e.g. `http:orders` or `store:reports`. */
  readonly interface?: string;
  /** The other side of the pair: `service@version`. */
  readonly counterpart?: string;
  /** Rule id from the contract catalog, or a decision rule such as `INTERFACE_PROVIDED`. */
  readonly rule?: string;
  /** A sentence a person can act on: what breaks, between whom, and what would fix it. */
  readonly message: string;
  readonly location?: SourceLocation;
  /** For `IGNORED`: why and until when, so the output can show it. */
  readonly ignore?: { readonly reason: string; readonly until: string };
}
