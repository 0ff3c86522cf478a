import { findOption, type ProtoMethod, type ProtoService } from '../proto-model.ts';
import { protoRule, type ProtoRule, type ProtoRuleContext } from '../proto-rule.ts';
import { methodPairs, servicePairs } from '../pairs.ts';

type MethodCheck = (context: ProtoRuleContext, previous: ProtoMethod, current: ProtoMethod, service: ProtoService) => void;

function eachMethod(check: MethodCheck) {
  return (context: ProtoRuleContext): void => {
    for (const [previous, current, service] of methodPairs(context.before, context.after)) check(context, previous, current, service);
  };
}

function streaming(side: 'client' | 'server'): MethodCheck {
  return (context, previous, current, service) => {
    const was = side === 'client' ? previous.clientStreaming : previous.serverStreaming;
    const now = side === 'client' ? current.clientStreaming : current.serverStreaming;
    if (was === now) return;
    const word = (value: boolean) => (value ? 'streaming' : 'unary');
    context.report({
      subject: `${service.fullName}/${current.name}`, before: { file: service.file, span: previous.span }, after: { file: service.file, span: current.span },
      message: `RPC "${current.name}" on service "${service.name}" changed from ${side} ${word(was)} to ${side} ${word(now)}.`,
      details: { previous: word(was), current: word(now) },
    });
  };
}

function messageType(side: 'request' | 'response'): MethodCheck {
  return (context, previous, current, service) => {
    const was = side === 'request' ? previous.inputType : previous.outputType;
    const now = side === 'request' ? current.inputType : current.outputType;
    if (was === now) return;
    context.report({
      subject: `${service.fullName}/${current.name}`,
      before: { file: service.file, span: side === 'request' ? previous.inputSpan : previous.outputSpan },
      after: { file: service.file, span: side === 'request' ? current.inputSpan : current.outputSpan },
      message: `RPC "${current.name}" on service "${service.name}" changed ${side} type from "${was}" to "${now}".`, details: { previous: was, current: now },
    });
  };
}

const idempotency: MethodCheck = (context, previous, current, service) => {
  const wasOption = findOption(previous.options, 'idempotency_level');
  const nowOption = findOption(current.options, 'idempotency_level');
  const was = wasOption?.value ?? 'IDEMPOTENCY_UNKNOWN';
  const now = nowOption?.value ?? 'IDEMPOTENCY_UNKNOWN';
  if (was === now) return;
  context.report({
    subject: `${service.fullName}/${current.name}`, before: { file: service.file, span: wasOption?.span }, after: { file: service.file, span: nowOption?.span },
    message: `RPC "${current.name}" on service "${service.name}" changed option "idempotency_level" from "${was}" to "${now}".`, details: { previous: was, current: now },
  });
};

const ALL = ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE'] as const;

export const SERVICE_RULES: readonly ProtoRule[] = [
  protoRule('RPC_NO_DELETE', ['FILE', 'PACKAGE'], 'Checks that no RPC is removed from a service.', (context) => {
    for (const [previous, current] of servicePairs(context.before, context.after)) {
      const now = new Set(current.methods.map((method) => method.name));
      for (const method of previous.methods) {
        if (now.has(method.name)) continue;
        context.report({
          subject: `${current.fullName}/${method.name}`, before: { file: previous.file, span: previous.span }, after: { file: current.file, span: current.span },
          message: `Previously present RPC "${method.name}" on service "${current.name}" was deleted.`, details: { name: method.name },
        });
      }
    }
  }, { direction: 'request' }),
  protoRule('RPC_SAME_CLIENT_STREAMING', ALL, 'Checks that an RPC keeps whether its client streams.', eachMethod(streaming('client')), { direction: 'request' }),
  protoRule('RPC_SAME_SERVER_STREAMING', ALL, 'Checks that an RPC keeps whether its server streams.', eachMethod(streaming('server')), { direction: 'response' }),
  protoRule('RPC_SAME_REQUEST_TYPE', ALL, 'Checks that an RPC keeps its request message type.', eachMethod(messageType('request')), { direction: 'request' }),
  protoRule('RPC_SAME_RESPONSE_TYPE', ALL, 'Checks that an RPC keeps its response message type.', eachMethod(messageType('response')), { direction: 'response' }),
  protoRule('RPC_SAME_IDEMPOTENCY_LEVEL', ALL, 'Checks that an RPC keeps its idempotency level, which clients use to decide on retries.', eachMethod(idempotency), { direction: 'request' }),
];
