import { Composer, CST, isMap, isScalar, isSeq, Parser, type YAMLMap } from 'yaml';
import { UserError } from '../user-error';

/** What {@link setRevokeSessionsBefore} changed. */
export interface RevokeSessionsEdit {
  /** The settings file's text with the edit: every other byte as it was. */
  readonly text: string;
  /** The roles edited, in file order. */
  readonly roles: readonly string[];
}

const KEY = 'revokeSessionsBefore';

/**
 * Writes `revokeSessionsBefore: "<time>"` into the named roles of a settings
 * file (or every role, for `'all'`) as an edit of the YAML document, not a
 * rewrite: the roles are found with the `yaml` library's Document API and the
 * value is set in its concrete syntax tree, so comments, quoting, flow maps and
 * blank lines stay byte for byte (re-stringifying the document would reflow
 * them). An existing value is replaced in place, keeping a comment after it; a
 * role without the key gets it as its last key, in the role's own style.
 */
export function setRevokeSessionsBefore(
  text: string,
  file: string,
  roles: 'all' | readonly string[],
  time: string,
): RevokeSessionsEdit {
  const tokens = [...new Parser().parse(text)];
  const documents = [...new Composer({ keepSourceTokens: true }).compose(tokens)];
  if (documents.length !== 1 || documents[0].errors.length > 0) {
    throw new UserError(`${file} is not one valid YAML document: run \`cross-account check\` and fix it first`);
  }
  const seq = documents[0].get('roles', true);
  const maps = isSeq(seq) ? seq.items.filter((item): item is YAMLMap => isMap(item)) : [];
  const named = new Map(maps.map((map) => [String(map.get('name')), map]));
  const wanted = roles === 'all' ? [...named.keys()] : roles;
  if (wanted.length === 0) throw new UserError(`${file} has no roles to revoke the sessions of`);
  const unknown = wanted.filter((name) => !named.has(name));
  if (unknown.length > 0) {
    throw new UserError(
      `${unknown.map((name) => `role "${name}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in ${file} (roles: ${[...named.keys()].join(', ') || 'none'})`,
    );
  }
  for (const name of wanted) setKey(named.get(name)!, time);
  return {
    text: tokens.map((token) => CST.stringify(token)).join(''),
    roles: [...named.keys()].filter((name) => wanted.includes(name)),
  };
}

function setKey(map: YAMLMap, time: string): void {
  const collection = map.srcToken;
  if (!collection || (collection.type !== 'block-map' && collection.type !== 'flow-collection')) {
    throw new UserError(`cannot edit a role written as ${collection?.type ?? 'an alias'}: write it as a YAML map`);
  }
  const inFlow = collection.type === 'flow-collection';
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === KEY);
  const item =
    pair && collection.items.find((candidate) => candidate.key === (pair.key as { srcToken?: unknown }).srcToken);
  if (item?.value && CST.isScalar(item.value)) {
    CST.setScalarValue(item.value, time, { afterKey: true, inFlow, type: 'QUOTE_DOUBLE' });
    return;
  }
  if (item?.value) throw new UserError(`${KEY} of a role must be a time or null, not a list or a map`);
  if (item) {
    // `revokeSessionsBefore:` with no value: what followed the colon (a line break, a comment) follows the value.
    const [indicator, ...rest] = item.sep ?? [];
    item.sep = [indicator, sourceToken('space', ' ', collection.indent)];
    item.value = CST.createScalarToken(time, { indent: collection.indent, inFlow, type: 'QUOTE_DOUBLE', end: rest });
    return;
  }
  if (inFlow) appendToFlowMap(collection, time);
  else appendToBlockMap(collection, time);
}

/** `{ …, revokeSessionsBefore: "<time>" }`: the space before the closing brace stays before it. */
function appendToFlowMap(collection: CST.FlowCollection, time: string): void {
  const { indent } = collection;
  const last = collection.items.at(-1)?.value;
  const lastEnd = last && 'end' in last && Array.isArray(last.end) ? last.end : [];
  let spaceFrom = lastEnd.length;
  while (spaceFrom > 0 && lastEnd[spaceFrom - 1].type === 'space') spaceFrom--;
  const trailing = lastEnd.splice(spaceFrom);
  collection.items.push({
    start: collection.items.length > 0 ? [sourceToken('comma', ',', indent), sourceToken('space', ' ', indent)] : [],
    key: CST.createScalarToken(KEY, { indent, inFlow: true, implicitKey: true, end: [] }),
    sep: [sourceToken('map-value-ind', ':', indent), sourceToken('space', ' ', indent)],
    value: CST.createScalarToken(time, { indent, inFlow: true, type: 'QUOTE_DOUBLE', end: trailing }),
  });
}

/**
 * A new last line `revokeSessionsBefore: "<time>"` at the map's indent. Blank
 * lines and comments after the last value (they introduce what follows) move
 * below the new line.
 */
function appendToBlockMap(collection: CST.BlockMap, time: string): void {
  const { indent } = collection;
  const last = collection.items.at(-1)?.value;
  if (last && (last.type === 'scalar' || last.type.endsWith('quoted-scalar') || last.type === 'flow-collection')) {
    const end = ((last as CST.FlowScalar).end ??= []);
    // A file that ends without a line break gets one before the new line.
    if (!end.some((token) => token.type === 'newline')) end.push(sourceToken('newline', '\n', indent));
  }
  const lastEnd = last && 'end' in last && Array.isArray(last.end) ? last.end : undefined;
  const lineEnd = lastEnd ? lastEnd.findIndex((token) => token.type === 'newline') : -1;
  const after = lastEnd && lineEnd >= 0 ? lastEnd.splice(lineEnd + 1) : [];
  collection.items.push({
    start: [sourceToken('space', ' '.repeat(indent), 0)],
    key: CST.createScalarToken(KEY, { indent, implicitKey: true, end: [] }),
    sep: [sourceToken('map-value-ind', ':', indent), sourceToken('space', ' ', indent)],
    value: CST.createScalarToken(time, {
      indent,
      type: 'QUOTE_DOUBLE',
      end: [sourceToken('newline', '\n', indent), ...after],
    }),
  });
}

function sourceToken(type: CST.SourceToken['type'], source: string, indent: number): CST.SourceToken {
  return { type, source, indent, offset: -1 };
}
