import type { Finding } from '../../model/finding.ts';
import { primaryLocation, type FindingsReport } from './findings-report.ts';
import { renderFindingsGithub } from './render-findings-github.ts';
import { renderFindingsJunit } from './render-findings-junit.ts';
import { renderFindingsMarkdown } from './render-findings-markdown.ts';
import { renderFindingsText } from './render-findings-text.ts';

export const FINDINGS_FORMATS = ['text', 'json', 'markdown', 'junit', 'github'] as const;
export type FindingsFormat = (typeof FINDINGS_FORMATS)[number];

/** Renders a findings report in one of the CLI's formats. */
export function renderFindings(report: FindingsReport, format: FindingsFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(findingsJson(report.findings), null, 2)}\n`;
    case 'markdown':
      return renderFindingsMarkdown(report);
    case 'junit':
      return renderFindingsJunit(report);
    case 'github':
      return renderFindingsGithub(report);
    default:
      return renderFindingsText(report);
  }
}

/** The JSON shape scripts rely on: `{ breaking, findings: [{ rule, severity, location, message, … }] }`. */
export function findingsJson(findings: readonly Finding[]): { breaking: boolean; findings: Record<string, unknown>[] } {
  return {
    breaking: findings.some((finding) => finding.severity === 'breaking'),
    findings: findings.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      location: primaryLocation(finding) ?? null,
      message: finding.message,
      subject: finding.subject,
      direction: finding.direction,
      kind: finding.kind,
      fingerprint: finding.fingerprint,
      ...(finding.before ? { before: finding.before } : {}),
      ...(finding.after ? { after: finding.after } : {}),
      ...(finding.also ? { also: finding.also } : {}),
      ...(finding.example !== undefined ? { example: finding.example } : {}),
      ...(finding.details ? { details: finding.details } : {}),
    })),
  };
}
