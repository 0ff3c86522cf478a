import { describeLocation, ordered, primaryLocation, summary, type FindingsReport } from './findings-report.ts';
import { truncate } from './render-findings-text.ts';

const ICON = { breaking: ':x:', warning: ':warning:', info: ':information_source:' } as const;

/** A Markdown report for pull-request comments and job summaries. */
export function renderFindingsMarkdown(report: FindingsReport): string {
  const lines = [`### Contract changes: \`${report.before}\` → \`${report.after}\``, '', `**${summary(report.findings)}**`, ''];
  if (report.findings.length === 0) return `${lines.join('\n')}No differences that matter to clients.\n`;
  lines.push('| | rule | where | what |', '|---|---|---|---|');
  for (const finding of ordered(report.findings)) {
    const where = describeLocation(primaryLocation(finding));
    const also = finding.also?.length ? ` (+${finding.also.length} more)` : '';
    const example = finding.example !== undefined ? `<br>example: \`${escape(truncate(JSON.stringify(finding.example), 120))}\`` : '';
    lines.push(`| ${ICON[finding.severity]} | \`${finding.rule}\` | ${escape(where)}${also} | ${escape(finding.message)}${example} |`);
  }
  return `${lines.join('\n')}\n`;
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
