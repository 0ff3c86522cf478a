import { ordered, primaryLocation, summary, type FindingsReport } from './findings-report.ts';

const COMMAND = { breaking: 'error', warning: 'warning', info: 'notice' } as const;

/** GitHub Actions workflow commands: each finding becomes an annotation on its file and line. */
export function renderFindingsGithub(report: FindingsReport): string {
  const lines: string[] = [];
  for (const finding of ordered(report.findings)) {
    const where = primaryLocation(finding);
    const properties = [where?.file ? `file=${property(where.file)}` : '', where?.line ? `line=${where.line}` : '', `title=${property(finding.rule)}`].filter(Boolean).join(',');
    lines.push(`::${COMMAND[finding.severity]} ${properties}::${data(finding.message)}`);
  }
  lines.push(`${report.before} -> ${report.after}: ${summary(report.findings)}`);
  return `${lines.join('\n')}\n`;
}

function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
