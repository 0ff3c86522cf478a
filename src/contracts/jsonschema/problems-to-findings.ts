import type { Finding, SourceLocation } from '../../model/finding.ts';
import type { SubsetChecker } from './subset-checker.ts';
import { instancePath, type Problem } from './problem.ts';
import { renderMessage } from './render-message.ts';
import { escapePointer, type SchemaNode } from './schema-node.ts';

/** Which document each side of a finding is: the writer may be the `before` or the `after` document. */
export interface Orientation {
  readonly writerIs: 'before' | 'after';
  /** Added to details so FULL mode tells its two directions apart. */
  readonly direction?: string;
}

/**
 * Turns raw problems into findings: every counterexample is wrapped into a whole document and
 * verified with ajv (valid under the writer, invalid under the reader). A problem without a
 * verified counterexample is kept, as a warning — never dropped.
 */
export function problemsToFindings(checker: SubsetChecker, problems: readonly Problem[], orientation: Orientation): Finding[] {
  // One root cause, one finding: problems raised by the same rule at the same pair of schema
  // locations (a shared definition reached from many places) are grouped, and the group needs
  // one verified counterexample; the other instance paths are listed in `also`.
  const groups = new Map<string, Problem[]>();
  for (const problem of problems) {
    const key = `${problem.rule}|${problem.writer?.id ?? ''}|${problem.reader.id}|${problem.keyword ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(problem);
    else groups.set(key, [problem]);
  }
  const findings = new Map<string, Finding>();
  for (const group of groups.values()) {
    let chosen = group[0]!;
    let root: { value: unknown } | undefined;
    for (const problem of group.slice(0, 8)) {
      const candidate = checker.rootExample(problem);
      if (candidate && checker.verifies(candidate.value)) {
        chosen = problem;
        root = candidate;
        break;
      }
    }
    const verified = root !== undefined;
    const subject = instancePath(chosen.path) || '/';
    const fingerprint = `${chosen.rule}:${subject}:${chosen.keyword ?? ''}${orientation.direction ? `:${orientation.direction}` : ''}`;
    const existing = findings.get(fingerprint);
    if (existing && (existing.severity === 'breaking' || !verified)) continue;
    const writerLocation = chosen.writer ? locate(chosen.writer) : undefined;
    const readerLocation = locate(chosen.reader, chosen.keyword);
    const [before, after] = orientation.writerIs === 'before' ? [writerLocation, readerLocation] : [readerLocation, writerLocation];
    const details = { ...chosen.details, ...(orientation.direction ? { mode: orientation.direction } : {}), ...(verified ? {} : { undecided: true }) };
    const others = [...new Set(group.map((p) => instancePath(p.path) || '/'))].filter((path) => path !== subject);
    findings.set(fingerprint, {
      rule: chosen.rule,
      kind: 'jsonschema',
      severity: verified ? 'breaking' : chosen.rule === 'DIALECT_NO_CHANGE' ? 'info' : 'warning',
      direction: 'message',
      subject,
      ...(before ? { before } : {}),
      ...(after ? { after } : {}),
      ...(others.length > 0 ? { also: others.map((path) => ({ pointer: path })) } : {}),
      message: renderMessage(chosen.rule, subject === '/' ? '' : subject, details, !verified),
      fingerprint,
      ...(verified ? { example: root!.value } : {}),
      details,
    });
  }
  return [...findings.values()];
}

function locate(node: SchemaNode, keyword?: string): SourceLocation {
  const pointer = keyword ? `${node.pointer}/${keyword.split('/').map(escapePointer).join('/')}` : node.pointer;
  return node.doc.location(pointer);
}
