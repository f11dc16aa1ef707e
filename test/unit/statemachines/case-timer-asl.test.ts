import { readFileSync } from 'node:fs';
import aslValidator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import { CASE_TIMER_ASL, placeholdersOf } from '../../../local/step-functions/asl-definition.ts';

const text = readFileSync(CASE_TIMER_ASL, 'utf8');
const definition = JSON.parse(text) as { States: Record<string, { Type: string; Comment?: string; Retry?: unknown[]; Catch?: unknown[] }> };

describe('the case timer state machine', () => {
  it('is valid Amazon States Language, placeholders and all', () => {
    const { isValid, errorsText } = aslValidator(definition);

    expect(isValid, errorsText()).toBe(true);
  });

  it('has a Comment on every state', () => {
    expect(Object.entries(definition.States).filter(([, state]) => !state.Comment).map(([name]) => name)).toEqual([]);
  });

  it('retries the firing and catches what still fails', () => {
    expect(definition.States.FireTimer).toMatchObject({ Retry: [expect.objectContaining({ ErrorEquals: ['States.ALL'] })], Catch: [expect.objectContaining({ Next: 'RecordFailure' })] });
  });

  it('names the functions it invokes only through placeholders', () => {
    expect(placeholdersOf(text).sort()).toEqual(['FireTimerFunctionArn', 'RecordTimerFailureFunctionArn']);
  });
});
