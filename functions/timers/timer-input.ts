import * as z from 'zod';
import { TimerRequestSchema } from '../domain/case.ts';

/** What the state machine carries from start to firing: enough to find the case and tell a stale firing. */
export const TimerInputSchema = TimerRequestSchema.extend({ caseId: z.uuid() });
export type TimerInput = z.infer<typeof TimerInputSchema>;

/**
 * Execution names are unique per state machine for 90 days, so a re-armed timer needs its
 * generation in the name; the same name makes a retried start a no-op. (≤ 80 characters.)
 */
export const executionName = (caseId: string, generation: number): string => `${caseId}-g${generation}`;
