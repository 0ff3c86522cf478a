/** The contract languages Stepwise can check. */
export const CONTRACT_KINDS = ['openapi', 'protobuf', 'jsonschema', 'avro'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

export function isContractKind(text: string): text is ContractKind {
  return (CONTRACT_KINDS as readonly string[]).includes(text);
}
