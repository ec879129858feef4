// Over 200 lines: turns the schema's JSON Schema into the settings reference's sections and tables, one
// generator whose rules (defaults, unions, nested lists) are easier to follow in one place.
import { z } from 'zod';
import { stringify } from 'yaml';
import { markdownTable } from './markdown-table';

/** The part of a JSON Schema (as `z.toJSONSchema` writes it) the reference reads. */
interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly description?: string;
  /** Set by the settings schema's `.meta()` where a default is derived from other keys. */
  readonly defaultText?: string;
  readonly default?: unknown;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly additionalProperties?: JsonSchema | boolean;
  readonly propertyNames?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
}

/** One settings key as the reference lists it. */
export interface SettingsKey {
  /** Key path as settings errors name it, with `[]` for a list item and `<key>` for a map key. */
  readonly path: string;
  readonly type: string;
  /** `required`, the default value, the default in words, or `none`. */
  readonly default: string;
  readonly allowed: string;
  readonly description: string;
}

/** The keys of one object of the settings: the file itself, `roles[]`, `accounts.<key>`, a backend variant … */
export interface SettingsSection {
  /** Markdown: `The settings file`, `` `roles[]` ``, `` `backend` with `type: cloud` ``. */
  readonly title: string;
  readonly keys: readonly SettingsKey[];
}

/** Thrown when a key has no description: the reference would have a hole. */
export class UndescribedKeyError extends Error {}

/**
 * Every key of a settings schema, section by section, from its JSON Schema form:
 * descriptions, defaults and the constraints JSON Schema can say (enums, ranges,
 * lengths, patterns). Checks written as refinements are not in it; the
 * descriptions say them in words.
 */
export function settingsSections(schema: z.ZodType): SettingsSection[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const sections: SettingsSection[] = [];
  addSection(sections, 'The settings file', json, '');
  return sections;
}

function addSection(sections: SettingsSection[], title: string, object: JsonSchema, prefix: string): void {
  const section = { title, keys: [] as SettingsKey[] };
  sections.push(section);
  const nested: (() => void)[] = [];
  for (const [name, property] of Object.entries(object.properties ?? {})) {
    const path = `${prefix}${name}`;
    if (!property.description) {
      throw new UndescribedKeyError(
        `settings key ${path} has no description: add .describe() or .meta({ description }) to it in the schema`,
      );
    }
    section.keys.push({
      path,
      type: typeOf(property),
      default: defaultOf(property, object.required?.includes(name) ?? false),
      allowed: allowedOf(property),
      description: property.description,
    });
    // Objects inside the key get sections of their own, after this one.
    const items = property.items;
    const values = mapValues(property);
    const variants = shapesOf(property).filter((variant) => variant.type !== 'null');
    if (isObject(property)) {
      nested.push(() => addSection(sections, code(path), property, `${path}.`));
    } else if (isObject(items)) {
      nested.push(() => addSection(sections, code(`${path}[]`), items, `${path}[].`));
    } else if (isObject(values)) {
      nested.push(() => addSection(sections, code(`${path}.<key>`), values, `${path}.<key>.`));
    } else if (variants.length > 0 && variants.every((variant) => isObject(variant))) {
      for (const variant of variants) {
        // A discriminated union: each variant is told apart by a constant key, such as `type: local`.
        const tag = Object.entries(variant.properties ?? {}).find(([, key]) => key.const !== undefined);
        const title = tag ? `${code(path)} with ${code(`${tag[0]}: ${String(tag[1].const)}`)}` : code(path);
        nested.push(() => addSection(sections, title, variant, `${path}.`));
      }
    }
  }
  for (const add of nested) add();
}

/** The shapes a union allows, nested unions flattened (`.nullable()` on a union nests one). */
function shapesOf(schema: JsonSchema): JsonSchema[] {
  const alternatives = schema.anyOf ?? schema.oneOf;
  return alternatives ? alternatives.flatMap(shapesOf) : [schema];
}

function typeOf(schema: JsonSchema): string {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    if (alternatives.every((alternative) => isObject(alternative))) return 'object';
    return alternatives.map(typeOf).join(' or ');
  }
  if (Array.isArray(schema.type)) return schema.type.join(' or ');
  if (schema.type === 'array') return schema.items ? `list of ${plural(typeOf(schema.items))}` : 'list';
  if (schema.type === 'object') {
    const values = mapValues(schema);
    if (values) return `map of ${plural(typeOf(values))}`;
    return 'object';
  }
  return typeof schema.type === 'string' ? schema.type : 'any';
}

function plural(type: string): string {
  return type.includes(' ') ? type : `${type}s`;
}

function defaultOf(schema: JsonSchema, required: boolean): string {
  if ('default' in schema) return code(formatValue(schema.default));
  if (schema.defaultText) return schema.defaultText;
  return required ? 'required' : 'none';
}

function allowedOf(schema: JsonSchema): string {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    if (alternatives.every((alternative) => isObject(alternative))) return '';
    return alternatives
      .filter((alternative) => alternative.type !== 'null')
      .map((alternative) => {
        const allowed = allowedOf(alternative);
        return allowed && `${typeOf(alternative)}: ${allowed}`;
      })
      .filter(Boolean)
      .join('; ');
  }
  const rules: string[] = [];
  if (schema.enum) rules.push(schema.enum.map((value) => code(formatValue(value))).join(', '));
  if (schema.const !== undefined) rules.push(code(formatValue(schema.const)));
  const range = between(schema.minimum, schema.maximum, '');
  if (range) rules.push(range);
  const length = between(schema.minLength, schema.maxLength, ' characters');
  if (length) rules.push(length);
  if (schema.pattern) rules.push(`matching ${code(schema.pattern)}`);
  if (schema.minItems !== undefined) rules.push(`at least ${schema.minItems}`);
  if (schema.items && !isObject(schema.items)) {
    const each = allowedOf(schema.items);
    if (each) rules.push(`each ${each}`);
  }
  const keys = schema.propertyNames && allowedOf(schema.propertyNames);
  if (keys) rules.push(`keys ${keys}`);
  return rules.join(', ');
}

function between(minimum: number | undefined, maximum: number | undefined, unit: string): string {
  if (minimum !== undefined && maximum !== undefined) {
    return minimum === maximum ? `exactly ${minimum}${unit}` : `${minimum} to ${maximum}${unit}`;
  }
  if (minimum !== undefined) return minimum === 1 && unit ? 'not empty' : `at least ${minimum}${unit}`;
  if (maximum !== undefined) return `at most ${maximum}${unit}`;
  return '';
}

function mapValues(schema: JsonSchema): JsonSchema | undefined {
  return typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
}

function isObject(schema: JsonSchema | undefined): schema is JsonSchema {
  return schema !== undefined && schema.properties !== undefined;
}

/** A value as one would write it in the YAML file: `us-east-1`, `[]`, `{ type: local }`. */
function formatValue(value: unknown): string {
  return stringify(value, { collectionStyle: 'flow' }).trim();
}

function code(text: string): string {
  return `\`${text}\``;
}

/** The settings reference as markdown: an introduction, then one table per section. */
export function renderSettingsReference(schema: z.ZodType, introduction: string): string {
  const parts = [introduction.trim()];
  for (const section of settingsSections(schema)) {
    parts.push(`## ${section.title}`);
    parts.push(
      markdownTable(
        ['key', 'type', 'default', 'allowed', 'description'],
        section.keys.map((key) => [code(key.path), key.type, key.default, key.allowed, key.description]),
      ),
    );
  }
  return `${parts.join('\n\n')}\n`;
}
