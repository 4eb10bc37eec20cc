import type { z } from 'zod';
import { ValidationError } from '../../core/errors.ts';

type Issue = z.core.$ZodIssue;

function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'body';
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

function describeIssue(issue: Issue): string {
  const where = describePath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `'${key}'`).join(', ');
    return `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}`;
  }
  return `${where}: ${issue.message}`;
}

/** Turns zod issues into one readable sentence naming each offending field. */
export function describeIssues(issues: readonly Issue[]): string {
  return issues.slice(0, 5).map(describeIssue).join('; ');
}

/**
 * Validates `input` against `schema`; throws a ValidationError (400) whose message names the fields.
 * The issues travel in `details` so clients can point at the field.
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues;
  throw new ValidationError(describeIssues(issues), {
    details: issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
  });
}
