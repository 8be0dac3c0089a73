/** Field shapes shared by the knowledge-base schema and the rule kinds. */
import type { Field, Shape } from './shape';
import { checkRulePattern } from '../engine/patterns';

export const STRENGTHS = ['mentioned', 'configured', 'ci'] as const;
export const CI_TRIGGERS = ['push', 'pull_request', 'tag', 'schedule', 'data', 'manual', 'other'] as const;

export const ID = /^[a-z0-9][a-z0-9-]*$/;
export const id: Shape = { type: 'string', pattern: ID, hint: 'a lower-case kebab-case id' };
export const text: Shape = { type: 'string' };
export const texts: Shape = { type: 'array', items: text, minItems: 1 };
export const regex: Shape = { type: 'string', check: checkRulePattern };
export const regexes: Shape = { type: 'array', items: regex, minItems: 1 };
export const triggers: Shape = { type: 'array', items: { type: 'enum', values: CI_TRIGGERS }, minItems: 1 };

/** A required field. */
export const req = (shape: Shape, doc?: string): Field => ({ shape, ...(doc !== undefined && { doc }) });
/** An optional field. */
export const opt = (shape: Shape, doc?: string): Field => ({ shape, optional: true, ...(doc !== undefined && { doc }) });
