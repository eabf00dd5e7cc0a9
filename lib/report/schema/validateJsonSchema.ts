/**
 * A JSON Schema (draft-07) node, restricted to the keywords the SARIF 2.1.0 schema uses on the objects Perimeter
 * writes. Anything else in a schema is an error of the schema, never silently ignored.
 */
export interface SchemaNode {
  readonly $ref?: string;
  readonly type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  /** false = no other property; a schema = every other property must match it; absent/true = anything. */
  readonly additionalProperties?: boolean | SchemaNode;
  readonly required?: readonly string[];
  readonly anyOf?: readonly SchemaNode[];
  readonly enum?: readonly unknown[];
  readonly items?: SchemaNode;
  readonly minItems?: number;
  readonly uniqueItems?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly pattern?: string;
  readonly format?: 'uri' | 'uri-reference' | 'date-time';
}

export interface JsonSchema extends SchemaNode {
  readonly definitions: Readonly<Record<string, SchemaNode>>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// RFC 3339 date-time, as draft-07 `format: date-time` requires.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function formatOk(format: NonNullable<SchemaNode['format']>, s: string): boolean {
  switch (format) {
    case 'uri':
      return /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/.test(s);
    case 'uri-reference':
      return !/[\s\\]/.test(s);
    case 'date-time':
      return DATE_TIME.test(s) && !Number.isNaN(Date.parse(s));
  }
}

function typeOk(type: NonNullable<SchemaNode['type']>, v: unknown): boolean {
  switch (type) {
    case 'object':
      return isObject(v);
    case 'array':
      return Array.isArray(v);
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
  }
}

/** Validates a value against a schema; returns one message per violation (`$.runs[0].results[2].level: …`), empty when valid. */
export function validateJsonSchema(schema: JsonSchema, value: unknown): string[] {
  const errors: string[] = [];
  const resolve = (ref: string): SchemaNode | undefined => (ref.startsWith('#/definitions/') ? schema.definitions[ref.slice('#/definitions/'.length)] : undefined);
  const check = (node: SchemaNode, v: unknown, at: string): void => {
    if (node.$ref) {
      const target = resolve(node.$ref);
      if (!target) errors.push(`${at}: schema reference ${node.$ref} is not in the schema`);
      else check(target, v, at);
      return;
    }
    if (node.type && !typeOk(node.type, v)) {
      errors.push(`${at}: must be ${node.type}`);
      return;
    }
    if (node.enum && !node.enum.includes(v)) errors.push(`${at}: must be one of ${node.enum.map((e) => JSON.stringify(e)).join(', ')}`);
    if (typeof v === 'number') {
      if (node.minimum !== undefined && v < node.minimum) errors.push(`${at}: must be >= ${node.minimum}`);
      if (node.maximum !== undefined && v > node.maximum) errors.push(`${at}: must be <= ${node.maximum}`);
    }
    if (typeof v === 'string') {
      if (node.pattern && !new RegExp(node.pattern, 'u').test(v)) errors.push(`${at}: must match ${node.pattern}`);
      if (node.format && !formatOk(node.format, v)) errors.push(`${at}: must be a ${node.format}`);
    }
    if (Array.isArray(v)) {
      if (node.minItems !== undefined && v.length < node.minItems) errors.push(`${at}: needs at least ${node.minItems} item(s)`);
      if (node.uniqueItems) {
        const seen = new Set(v.map((x) => JSON.stringify(x)));
        if (seen.size !== v.length) errors.push(`${at}: items must be unique`);
      }
      if (node.items) v.forEach((x, i) => check(node.items!, x, `${at}[${i}]`));
    }
    if (isObject(v)) {
      for (const r of node.required ?? []) if (!(r in v)) errors.push(`${at}: missing required property ${r}`);
      for (const [k, x] of Object.entries(v)) {
        const p = node.properties?.[k];
        if (p) check(p, x, `${at}.${k}`);
        else if (node.additionalProperties === false) errors.push(`${at}: property ${k} is not allowed`);
        else if (isObject(node.additionalProperties)) check(node.additionalProperties, x, `${at}.${k}`);
      }
    }
    if (node.anyOf) {
      const before = errors.length;
      const ok = node.anyOf.some((alt) => {
        const sub = validateJsonSchema({ ...alt, definitions: schema.definitions }, v);
        return sub.length === 0;
      });
      errors.length = before;
      if (!ok) errors.push(`${at}: must match one of ${node.anyOf.length} alternatives (${node.anyOf.map((a) => (a.required ? `required ${a.required.join('+')}` : 'schema')).join(' | ')})`);
    }
  };
  check(schema, value, '$');
  return errors;
}
