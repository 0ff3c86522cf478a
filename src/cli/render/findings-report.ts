import type { Finding, SourceLocation } from '../../model/finding.ts';

/** What every findings renderer receives: the findings plus the two inputs' names. */
export interface FindingsReport {
  readonly findings: readonly Finding[];
  readonly before: string;
  readonly after: string;
  readonly consumer?: boolean;
}

export const SEVERITY_ORDER = { breaking: 0, warning: 1, info: 2 } as const;

/** Findings ordered for reading: breaking first, then by subject. */
export function ordered(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.subject.localeCompare(b.subject) || a.rule.localeCompare(b.rule));
}

/** The location a reader should open: the new document's, else the old one's. */
export function primaryLocation(finding: Finding): SourceLocation | undefined {
  return finding.after ?? finding.before;
}

export function describeLocation(location: SourceLocation | undefined): string {
  if (!location) return '';
  const file = [location.file, location.line].filter((x) => x !== undefined).join(':');
  return file ? `${file}${location.pointer ? ` (${location.pointer})` : ''}` : location.pointer;
}

export function counts(findings: readonly Finding[]): { breaking: number; warning: number; info: number } {
  const out = { breaking: 0, warning: 0, info: 0 };
  for (const finding of findings) out[finding.severity]++;
  return out;
}

export function summary(findings: readonly Finding[]): string {
  const c = counts(findings);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(c.breaking, 'breaking change')}, ${plural(c.warning, 'warning')}, ${c.info} info`;
}
