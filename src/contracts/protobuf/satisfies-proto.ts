import type { Finding } from '../../model/finding.ts';
import type { CheckOptions, ConsumerExpectation } from '../engine.ts';
import { applyPolicies } from '../policy/apply-policies.ts';
import { runProtoRules } from './compare-proto-sets.ts';
import { EMPTY_BUF_CONFIG } from './buf-config.ts';
import type { LoadedProtoSet } from './load-proto-set.ts';
import type { ProtoEnum, ProtoMessage, ProtoService } from './proto-model.ts';
import { protoRule } from './proto-rule.ts';
import type { ProtoSet } from './proto-set.ts';
import { PROTO_RULES, RULES } from './rules/index.ts';

/** What a generated client relies on: the RPCs it calls and the wire shape of what it sends and reads. */
const CLIENT_RULE_IDS = [
  'RPC_NO_DELETE', 'RPC_SAME_REQUEST_TYPE', 'RPC_SAME_RESPONSE_TYPE', 'RPC_SAME_CLIENT_STREAMING', 'RPC_SAME_SERVER_STREAMING',
  'FIELD_NO_DELETE', 'FIELD_WIRE_COMPATIBLE_TYPE', 'FIELD_WIRE_COMPATIBLE_CARDINALITY', 'FIELD_SAME_ONEOF', 'MESSAGE_SAME_REQUIRED_FIELDS',
  'ENUM_VALUE_NO_DELETE',
];

/** A client's service or message the provider does not have at all. */
const MISSING = protoRule('PACKAGE_SERVICE_NO_DELETE', ['PACKAGE'], 'Checks that no service disappears from its package.', (context) => {
  for (const [name, service] of context.before.services) {
    if (context.after.services.has(name)) continue;
    context.report({ subject: name, before: { file: service.file, span: service.span }, message: `The provider has no service "${name}" the client calls.` });
  }
});

const MISSING_MESSAGE = protoRule('PACKAGE_MESSAGE_NO_DELETE', ['PACKAGE'], 'Checks that no message disappears from its package.', (context) => {
  for (const [name, message] of context.before.messages) {
    if (context.after.messages.has(name)) continue;
    context.report({ subject: name, before: { file: message.file, span: message.span }, message: `The provider has no message "${name}" the client uses.` });
  }
});

function usedMethods(service: ProtoService, operations: readonly string[] | undefined): ProtoService | undefined {
  if (!operations || operations.length === 0) return service;
  const methods = service.methods.filter((method) => operations.some((operation) => {
    const [svc, name] = operation.replace(/^\//, '').split('/');
    return name === method.name && (svc === service.fullName || svc === service.name);
  }));
  return methods.length > 0 ? { ...service, methods } : undefined;
}

/** The part of the client's set reachable from the RPCs it calls. */
function reachable(client: ProtoSet, operations: readonly string[] | undefined): ProtoSet {
  const services = new Map<string, ProtoService>();
  const messages = new Map<string, ProtoMessage>();
  const enums = new Map<string, ProtoEnum>();
  const pending: string[] = [];
  for (const [name, service] of client.services) {
    const used = usedMethods(service, operations);
    if (!used) continue;
    services.set(name, used);
    for (const method of used.methods) pending.push(method.inputType, method.outputType);
  }
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (messages.has(name) || enums.has(name)) continue;
    const message = client.messages.get(name);
    if (message) {
      messages.set(name, message);
      for (const field of message.fields) pending.push(field.resolvedType);
      continue;
    }
    const value = client.enums.get(name);
    if (value) enums.set(name, value);
  }
  return { ...client, services, messages, enums, extensions: new Map() };
}

/** Whether the provider's .proto serves a client generated from its own copy of the .proto. */
export function satisfiesProto(provider: LoadedProtoSet, client: LoadedProtoSet, expectation: ConsumerExpectation, options: CheckOptions = {}): Finding[] {
  const used = reachable(client.set, expectation.operations);
  const rules = [MISSING, MISSING_MESSAGE, ...PROTO_RULES.filter((rule) => CLIENT_RULE_IDS.includes(rule.definition.id))];
  return applyPolicies(runProtoRules(used, provider.set, rules, EMPTY_BUF_CONFIG), RULES, options);
}
