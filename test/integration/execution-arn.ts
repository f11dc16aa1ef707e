import { executionName } from '../../functions/timers/timer-input.ts';
import { LOCAL_STATE_MACHINE_ARN } from '../../local/timers.ts';

/** The local execution of a case's timer, named as the scheduler names it. */
export const executionArnOf = (caseId: string, generation = 1) =>
  `${LOCAL_STATE_MACHINE_ARN.replace(':stateMachine:', ':execution:')}:${executionName(caseId, generation)}`;
