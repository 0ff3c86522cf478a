import type { Finding, SourceLocation } from '../../model/finding.ts';
import { fingerprint } from '../fingerprint.ts';
import { renderMessage } from '../render-message.ts';
import type { OpenApiDocument } from './openapi-document.ts';
import { OPENAPI_RULE_BY_ID } from './openapi-rules.ts';
import type { SchemaChange } from './schema-change.ts';

type Place = { readonly file: string; readonly pointer: string };

interface Pending {
  readonly rule: string;
  subject: string;
  details: Record<string, unknown>;
  readonly before?: Place;
  readonly after?: Place;
  example?: { readonly value: unknown };
  readonly also: Place[];
  /** Where the schema holding the change is used, for the subject's own usage. */
  usedAt?: Place;
}

/**
 * Collects findings and folds repeats of one root cause together: a change inside a shared schema
 * reached from many operations becomes one finding whose `also` lists every other place it shows.
 */
export class FindingSink {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly before: OpenApiDocument,
    private readonly after: OpenApiDocument,
  ) {}

  add(rule: string, subject: string, details: Record<string, unknown>, before?: Place, after?: Place): void {
    const key = `${rule}|${subject}|${JSON.stringify(details)}`;
    if (this.pending.has(key)) return;
    this.pending.set(key, { rule, subject, details, ...(before ? { before: place(before) } : {}), ...(after ? { after: place(after) } : {}), also: [] });
  }

  /** Ties raw schema changes to the place that uses the schema (`POST /pets request body application/json`). */
  schema(changes: readonly SchemaChange[], usage: string, usedAt: Place): void {
    for (const change of changes) {
      const key = `${change.rule}|${change.before?.file}#${change.before?.pointer}|${change.after?.file}#${change.after?.pointer}|${JSON.stringify(change.details)}`;
      const known = this.pending.get(key);
      const path = change.path.join('.').replace(/\.\[\]/g, '[]');
      const subject = path ? `${usage} ${path}` : usage;
      if (known) {
        // the shortest way to reach the change names it; the other places are listed
        if (subject.length < known.subject.length && known.usedAt) {
          known.also.push(known.usedAt);
          known.subject = subject;
          known.usedAt = place(usedAt);
          known.details = { ...change.details, ...(path ? { path } : {}) };
          if (change.example) known.example = change.example;
        } else known.also.push(place(usedAt));
        continue;
      }
      this.pending.set(key, {
        usedAt: place(usedAt),
        rule: change.rule,
        subject,
        details: { ...change.details, ...(path ? { path } : {}) },
        ...(change.before ? { before: change.before } : {}),
        ...(change.after ? { after: change.after } : {}),
        ...(change.example ? { example: change.example } : {}),
        also: [],
      });
    }
  }

  findings(): Finding[] {
    const out: Finding[] = [];
    const beforePlaces: Place[] = [];
    const afterPlaces: Place[] = [];
    for (const item of this.pending.values()) {
      if (item.before) beforePlaces.push(item.before);
      if (item.after) afterPlaces.push(item.after);
      afterPlaces.push(...item.also);
    }
    this.before.locate(beforePlaces);
    this.after.locate(afterPlaces);
    for (const item of this.pending.values()) {
      const definition = OPENAPI_RULE_BY_ID.get(item.rule);
      if (!definition) throw new Error(`unknown OpenAPI rule ${item.rule}`);
      const text = renderMessage(definition.message ?? definition.purpose, item.details);
      out.push({
        rule: item.rule,
        kind: 'openapi',
        severity: definition.severity,
        direction: definition.direction,
        subject: item.subject,
        ...(item.before ? { before: this.before.where(item.before) as SourceLocation } : {}),
        ...(item.after ? { after: this.after.where(item.after) as SourceLocation } : {}),
        ...(item.also.length > 0 ? { also: item.also.map((p) => this.after.where(p) as SourceLocation) } : {}),
        message: `${item.subject}: ${text}`,
        fingerprint: fingerprint([item.rule, item.subject, JSON.stringify(item.details)]),
        ...(item.example ? { example: item.example.value } : {}),
        details: item.details,
      });
    }
    return out;
  }
}

function place(at: Place): Place {
  return { file: at.file, pointer: at.pointer };
}
