/**
 * The knowledge base's shapes as JSON Schema (draft 2020-12), so editors validate practice
 * files and `.mlops-lens.yaml` as they are typed. Generated from the same shapes the loader
 * checks with; what a schema cannot say (a pattern's safety) is still checked at load time.
 */
import type { Field, ObjectShape, Shape } from './shape';

type JsonSchema = Record<string, unknown>;

/** A JSON Schema for values of the shape; recursive (`lazy`) shapes become `$defs`. */
export function toJsonSchema(shape: Shape, meta: { id: string; title: string; description: string }): JsonSchema {
  const defs: Record<string, JsonSchema> = {};
  const root = convert(shape, defs);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: meta.id,
    title: meta.title,
    description: meta.description,
    ...root,
    ...(Object.keys(defs).length > 0 && { $defs: Object.fromEntries(Object.entries(defs).sort(([a], [b]) => a.localeCompare(b))) }),
  };
}

function convert(shape: Shape, defs: Record<string, JsonSchema>): JsonSchema {
  switch (shape.type) {
    case 'string':
      // The loader refuses blank strings; a pattern of the shape says more.
      return { type: 'string', pattern: shape.pattern ? shape.pattern.source : '\\S', ...(shape.hint && { description: shape.hint }) };
    case 'integer':
    case 'number':
      return { type: shape.type, ...(shape.min !== undefined && { minimum: shape.min }), ...(shape.max !== undefined && { maximum: shape.max }) };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return { enum: [...shape.values] };
    case 'array':
      return { type: 'array', items: convert(shape.items, defs), ...(shape.minItems !== undefined && { minItems: shape.minItems }) };
    case 'object':
      return object(shape, defs);
    case 'tagged': {
      const tags = Object.keys(shape.variants);
      return {
        type: 'object',
        required: [shape.key],
        properties: { [shape.key]: { enum: tags } },
        // One branch per variant, chosen by the tag: editors report the variant's own fields.
        allOf: tags.map((tag) => ({
          if: { properties: { [shape.key]: { const: tag } }, required: [shape.key] },
          then: object(shape.variants[tag], defs),
        })),
      };
    }
    case 'oneKey':
      return { oneOf: Object.values(shape.variants).map((variant) => object(variant, defs)) };
    case 'anyOf':
      return { anyOf: shape.options.map((option) => convert(option, defs)), description: shape.hint };
    case 'record':
      return { type: 'object', additionalProperties: convert(shape.values, defs) };
    case 'lazy':
      if (!(shape.name in defs)) {
        defs[shape.name] = {};
        defs[shape.name] = convert(shape.get(), defs);
      }
      return { $ref: `#/$defs/${shape.name}` };
  }
}

function object(shape: ObjectShape, defs: Record<string, JsonSchema>): JsonSchema {
  const entries = Object.entries(shape.fields);
  const required = entries.filter(([, f]) => !f.optional).map(([k]) => k);
  return {
    type: 'object',
    ...(required.length > 0 && { required }),
    properties: Object.fromEntries(entries.map(([key, field]) => [key, property(field, defs)])),
    additionalProperties: false,
  };
}

function property(field: Field, defs: Record<string, JsonSchema>): JsonSchema {
  const schema = convert(field.shape, defs);
  if (field.doc === undefined) return schema;
  // A $ref with siblings is fine in 2020-12; the description shows on hover.
  return { ...schema, description: field.doc };
}
