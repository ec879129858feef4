import { UserError } from '../user-error';
import type { SynthesizedStackJson } from './synthesized-stack';

/** One expectation as the stack records it (the settings' `expectations[]`, defaults filled in). */
export interface RecordedExpectation {
  readonly principal: string;
  readonly can?: string | readonly string[];
  readonly cannot?: string | readonly string[];
  readonly on: string;
  readonly context?: Readonly<Record<string, string>>;
}

/** One acknowledged review finding as the stack records it (the settings' `acknowledge[]`). */
export interface RecordedAcknowledgement {
  readonly finding: string | readonly string[];
  readonly principal: string | readonly string[];
  readonly reason: string;
}

/** What a synthesized stack records of the settings that produced it (see src/stack/settings-record.ts). */
export interface StackSettingsRecord {
  /** The settings file, relative to the project root: `config/default.yaml`. */
  readonly file: string;
  readonly expectations: readonly RecordedExpectation[];
  /** @default none: stacks synthesized before acknowledgements were recorded */
  readonly acknowledge: readonly RecordedAcknowledgement[];
}

/**
 * The settings record in the stack's `//` metadata, or undefined for a stack
 * synthesized before stacks carried one. A record of the wrong shape (edited by
 * hand) is a {@link UserError}.
 */
export function readSettingsRecord(stack: SynthesizedStackJson): StackSettingsRecord | undefined {
  const record = stack['//']?.metadata?.settings;
  if (record === undefined) return undefined;
  if (!isRecord(record) || typeof record.file !== 'string' || !Array.isArray(record.expectations)) {
    throw new UserError(
      'the stack\'s "//" metadata has a settings record this version cannot read: run `npm run synth` again',
    );
  }
  const bad = record.expectations.findIndex((expectation) => !isExpectation(expectation));
  if (bad >= 0) {
    throw new UserError(`the stack's recorded expectations[${bad}] is not an expectation: run \`npm run synth\` again`);
  }
  const acknowledge = record.acknowledge ?? [];
  if (!Array.isArray(acknowledge) || !acknowledge.every(isAcknowledgement)) {
    throw new UserError(
      "the stack's recorded acknowledge list is not one of acknowledgements: run `npm run synth` again",
    );
  }
  return {
    file: record.file,
    expectations: record.expectations as RecordedExpectation[],
    acknowledge: acknowledge as RecordedAcknowledgement[],
  };
}

function isExpectation(value: unknown): value is RecordedExpectation {
  const actions = (v: unknown) =>
    v === undefined || typeof v === 'string' || (Array.isArray(v) && v.every((a) => typeof a === 'string'));
  return (
    isRecord(value) &&
    typeof value.principal === 'string' &&
    typeof value.on === 'string' &&
    actions(value.can) &&
    actions(value.cannot) &&
    (value.context === undefined ||
      (isRecord(value.context) && Object.values(value.context).every((v) => typeof v === 'string')))
  );
}

function isAcknowledgement(value: unknown): value is RecordedAcknowledgement {
  const names = (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.every((n) => typeof n === 'string'));
  return isRecord(value) && names(value.finding) && names(value.principal) && typeof value.reason === 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
