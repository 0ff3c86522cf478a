import type { Finding, SourceLocation } from '../../model/finding.ts';
import { fingerprint } from '../fingerprint.ts';
import type { RuleDefinition } from '../rule.ts';
import type { ProtoPlace, ProtoReport } from './proto-rule.ts';

function location(place: ProtoPlace | undefined, subject: string): SourceLocation | undefined {
  if (!place) return undefined;
  return place.span
    ? { pointer: subject, file: place.file, line: place.span.line, column: place.span.column }
    : { pointer: subject, file: place.file };
}

export function toFinding(rule: RuleDefinition, report: ProtoReport): Finding {
  return {
    rule: rule.id,
    kind: 'protobuf',
    severity: rule.severity,
    direction: rule.direction,
    subject: report.subject,
    before: location(report.before, report.subject),
    after: location(report.after, report.subject),
    message: report.message,
    fingerprint: fingerprint([rule.id, report.subject, report.message]),
    details: {
      ...report.details,
      ...(report.after?.span ? { endLine: report.after.span.endLine, endColumn: report.after.span.endColumn } : {}),
    },
  };
}
