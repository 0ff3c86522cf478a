import { describeLocation, ordered, primaryLocation, summary, type FindingsReport } from './findings-report.ts';

const MARK = { breaking: '✖', warning: '⚠', info: 'ℹ' } as const;

/** Plain text that reads in a terminal and pastes into a pull-request comment unchanged. */
export function renderFindingsText(report: FindingsReport): string {
  const { findings } = report;
  const verb = report.consumer ? 'does the provider serve the consumer' : 'changes';
  const head = `${report.before} -> ${report.after} (${verb}): ${summary(findings)}`;
  if (findings.length === 0) return `${head}\nno differences that matter to clients\n`;
  const lines = [head, ''];
  for (const finding of ordered(findings)) {
    lines.push(`${MARK[finding.severity]} ${finding.severity.toUpperCase()} ${finding.rule}`);
    lines.push(`    ${finding.message}`);
    const where = describeLocation(primaryLocation(finding));
    if (where) lines.push(`    at ${where}${finding.also?.length ? ` and ${finding.also.length} more place${finding.also.length === 1 ? '' : 's'}` : ''}`);
    if (finding.example !== undefined) lines.push(`    example: ${truncate(JSON.stringify(finding.example))}`);
    lines.push(`    fingerprint ${finding.fingerprint}`);
  }
  return `${lines.join('\n')}\n`;
}

export function truncate(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
