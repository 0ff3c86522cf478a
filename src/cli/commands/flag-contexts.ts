import type { EvaluationContext } from '../../flags/evaluate/flag-definition.ts';
import { StepwiseError } from '../../model/errors.ts';

/**
 * Contexts from a JSON Lines file: one JSON object per line, blank lines skipped. The first bad line
 * is an error naming the file and the line, before anything is evaluated.
 */
export function parseContextLines(text: string, file: string): EvaluationContext[] {
  const contexts: EvaluationContext[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new StepwiseError('BAD_INPUT', `${file}:${index + 1}: not valid JSON (${(error as Error).message})`, { file, line: index + 1 });
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new StepwiseError('BAD_INPUT', `${file}:${index + 1}: a context must be a JSON object such as {"userId": "u1"}`, { file, line: index + 1 });
    }
    const properties = (value as { properties?: unknown }).properties;
    if (properties !== undefined && (properties === null || typeof properties !== 'object' || Array.isArray(properties))) {
      throw new StepwiseError('BAD_INPUT', `${file}:${index + 1}: "properties" must be an object`, { file, line: index + 1, pointer: '/properties' });
    }
    contexts.push(value as EvaluationContext);
  });
  return contexts;
}
