/** The local execution of a case's timer (the local state machine ARN, named as the scheduler names it). */
export const executionArnOf = (caseId: string, generation = 1) =>
  `arn:aws:states:eu-central-1:000000000000:execution:case-timer:${caseId}-g${generation}`;
