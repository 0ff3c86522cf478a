/**
 * Rule ids the decision itself emits, beside the contract engines' catalog: facts about a link
 * as a whole that no single contract comparison sees.
 */
export const DECISION_RULES = {
  /** A live consumer requires an interface that nothing would provide after the deployment. */
  INTERFACE_PROVIDED: 'INTERFACE_PROVIDED',
  /** A provider changed the set of media types it writes; a reader with no expectation may not read the new set. */
  FORMAT_SET_UNCHANGED: 'FORMAT_SET_UNCHANGED',
} as const;
