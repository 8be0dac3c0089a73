/**
 * A small declarative shape checker for the knowledge base and the user's config file.
 * It reports the YAML path of each problem so the loader can point at file and line.
 */

export type YamlPath = (string | number)[];

/** A problem with a value, at a path inside its document. */
export interface ShapeIssue {
  path: YamlPath;
  reason: string;
  /** The problem is the key itself (an unknown field), not its value. */
  atKey?: boolean;
}

export interface ObjectShape {
  type: 'object';
  fields: Record<string, Field>;
}

export interface Field {
  shape: Shape;
  optional?: boolean;
  /** What the field means (generated documentation and JSON Schema descriptions). */
  doc?: string;
}

export type Shape =
  | { type: 'string'; pattern?: RegExp; hint?: string; check?: (value: string) => string | undefined }
  | { type: 'integer'; min?: number; max?: number }
  | { type: 'number'; min?: number; max?: number }
  | { type: 'boolean' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'array'; items: Shape; minItems?: number }
  | ObjectShape
  /** An object whose `key` field names its variant (e.g. rule `kind`). */
  | { type: 'tagged'; key: string; variants: Record<string, ObjectShape> }
  /** An object with exactly one of the listed keys, which names its variant (e.g. conditions). */
  | { type: 'oneKey'; variants: Record<string, ObjectShape> }
  /** A value of any one of these shapes (e.g. a level number or the word `target`). */
  | { type: 'anyOf'; options: Shape[]; hint: string }
  /** An object whose keys are free (checked by the caller) and whose values have one shape. */
  | { type: 'record'; values: Shape }
  /** For recursive shapes; `name` is how the JSON Schema refers to it. */
  | { type: 'lazy'; name: string; get: () => Shape };

/** Check a value against a shape; returns every issue found (empty when valid). */
export function checkShape(value: unknown, shape: Shape, path: YamlPath = []): ShapeIssue[] {
  switch (shape.type) {
    case 'string': {
      if (typeof value !== 'string' || value.trim() === '') return [{ path, reason: 'expected a non-empty string' }];
      if (shape.pattern && !shape.pattern.test(value)) {
        return [{ path, reason: `'${value}' is not ${shape.hint ?? `of the form ${shape.pattern}`}` }];
      }
      const problem = shape.check?.(value);
      return problem ? [{ path, reason: problem }] : [];
    }
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return [{ path, reason: 'expected a whole number' }];
      if ((shape.min !== undefined && value < shape.min) || (shape.max !== undefined && value > shape.max)) {
        return [{ path, reason: `expected a whole number from ${shape.min} to ${shape.max}` }];
      }
      return [];
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return [{ path, reason: 'expected a number' }];
      if (shape.min !== undefined && value < shape.min) return [{ path, reason: `expected a number of at least ${shape.min}` }];
      return shape.max !== undefined && value > shape.max ? [{ path, reason: `expected a number of at most ${shape.max}` }] : [];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [{ path, reason: 'expected true or false' }];
    case 'enum':
      return typeof value === 'string' && shape.values.includes(value)
        ? []
        : [{ path, reason: `expected one of ${shape.values.join(', ')}` }];
    case 'array': {
      if (!Array.isArray(value)) return [{ path, reason: 'expected a list' }];
      if (shape.minItems !== undefined && value.length < shape.minItems) {
        return [{ path, reason: `expected at least ${shape.minItems} item${shape.minItems === 1 ? '' : 's'}` }];
      }
      return value.flatMap((item, i) => checkShape(item, shape.items, [...path, i]));
    }
    case 'object':
      return checkObject(value, shape, path);
    case 'tagged': {
      const record = asObject(value);
      if (!record) return [{ path, reason: 'expected a mapping' }];
      const tag = record[shape.key];
      // Own keys only: `toString` or `constructor` must not find Object.prototype's members.
      const variant = typeof tag === 'string' && Object.hasOwn(shape.variants, tag) ? shape.variants[tag] : undefined;
      if (!variant) return [{ path: [...path, shape.key], reason: `expected one of ${Object.keys(shape.variants).join(', ')}` }];
      return checkObject(value, variant, path);
    }
    case 'oneKey': {
      const record = asObject(value);
      const keys = record ? Object.keys(shape.variants).filter((k) => Object.hasOwn(record, k)) : [];
      if (keys.length !== 1) {
        return [{ path, reason: `expected a mapping with exactly one of ${Object.keys(shape.variants).join(', ')}` }];
      }
      return checkObject(value, shape.variants[keys[0]], path);
    }
    case 'anyOf':
      return shape.options.some((option) => checkShape(value, option, path).length === 0) ? [] : [{ path, reason: `expected ${shape.hint}` }];
    case 'record': {
      const record = asObject(value);
      if (!record) return [{ path, reason: 'expected a mapping' }];
      return Object.entries(record).flatMap(([key, item]) => checkShape(item, shape.values, [...path, key]));
    }
    case 'lazy':
      return checkShape(value, shape.get(), path);
  }
}

function checkObject(value: unknown, shape: ObjectShape, path: YamlPath): ShapeIssue[] {
  const record = asObject(value);
  if (!record) return [{ path, reason: 'expected a mapping' }];
  const issues: ShapeIssue[] = [];
  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(shape.fields, key)) {
      issues.push({ path: [...path, key], atKey: true, reason: `unknown field '${key}'; expected ${Object.keys(shape.fields).join(', ')}` });
    }
  }
  for (const [key, field] of Object.entries(shape.fields)) {
    if (record[key] === undefined || record[key] === null) {
      if (!field.optional) issues.push({ path: [...path, key], reason: `missing required field '${key}'` });
    } else {
      issues.push(...checkShape(record[key], field.shape, [...path, key]));
    }
  }
  return issues;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Format a YAML path the way people write it: `practices[2].detect[0].glob`. */
export function formatPath(path: YamlPath): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');
}
