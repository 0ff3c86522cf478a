import { describeLocation, counts, ordered, primaryLocation, type FindingsReport } from './findings-report.ts';

/** JUnit XML: one test case per finding; breaking ones fail, the rest pass with their message as output. */
export function renderFindingsJunit(report: FindingsReport): string {
  const c = counts(report.findings);
  const name = `${report.before} -> ${report.after}`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="stepwise diff" tests="${Math.max(report.findings.length, 1)}" failures="${c.breaking}">`,
    `  <testsuite name="${xml(name)}" tests="${Math.max(report.findings.length, 1)}" failures="${c.breaking}">`,
  ];
  if (report.findings.length === 0) lines.push(`    <testcase classname="contract" name="no breaking changes"/>`);
  for (const finding of ordered(report.findings)) {
    const where = describeLocation(primaryLocation(finding));
    lines.push(`    <testcase classname="${xml(finding.rule)}" name="${xml(finding.subject)}">`);
    if (finding.severity === 'breaking') lines.push(`      <failure message="${xml(finding.message)}" type="${finding.rule}">${xml(`${finding.message}\nat ${where}`)}</failure>`);
    else lines.push(`      <system-out>${xml(`${finding.severity}: ${finding.message}\nat ${where}`)}</system-out>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
