/**
 * Renders a rule's message template from a finding's details: `{name}` is replaced by the detail's
 * text. Lists are joined with commas; a missing detail stays visible as `{name}` so a template bug
 * shows instead of silently vanishing.
 */
export function renderMessage(template: string, details: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g, (whole, name: string) => {
    if (!(name in details)) return whole;
    return describeValue(details[name]);
  });
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(describeValue).join(', ');
  if (typeof value === 'string') return value;
  if (value === undefined) return 'none';
  return JSON.stringify(value);
}
