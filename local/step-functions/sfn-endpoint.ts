import { createServer, type Server } from 'node:http';
import type { ExecutionRecord } from './execution-journal.ts';
import { type LocalStepFunctions, StepFunctionsError } from './local-step-functions.ts';

/** Step Functions' JSON protocol sends timestamps as epoch seconds. */
const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

const describe = (record: ExecutionRecord, stateMachineArn: string) => ({
  executionArn: record.executionArn,
  stateMachineArn,
  name: record.name,
  status: record.status,
  startDate: seconds(record.startDate),
  stopDate: seconds(record.stopDate),
  input: record.input,
  output: record.output,
  error: record.error,
  cause: record.cause,
});

/**
 * The Step Functions API (AWS JSON 1.0) for the calls the functions make, so `@aws-sdk/client-sfn`
 * runs unchanged against it: the client finds it through AWS_ENDPOINT_URL_SFN.
 */
export function createSfnEndpoint(sfn: LocalStepFunctions, stateMachineArn: string): Server {
  const operations: Record<string, (body: Record<string, string>) => unknown> = {
    StartExecution: (body) => {
      const record = sfn.startExecution({ stateMachineArn: body.stateMachineArn ?? '', name: body.name ?? '', input: body.input ?? '{}' });
      return { executionArn: record.executionArn, startDate: seconds(record.startDate) };
    },
    StopExecution: (body) => ({ stopDate: seconds(sfn.stopExecution(body.executionArn ?? '')) }),
    DescribeExecution: (body) => describe(sfn.describeExecution(body.executionArn ?? ''), stateMachineArn),
  };
  return createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const operation = String(request.headers['x-amz-target'] ?? '').replace('AWSStepFunctions.', '');
      const reply = (status: number, body: unknown, errorType?: string) => {
        response.writeHead(status, {
          'content-type': 'application/x-amz-json-1.0',
          ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
        });
        response.end(JSON.stringify(body));
      };
      const run = operations[operation];
      if (!run) return reply(400, { __type: 'UnknownOperationException', message: `${operation} is not served locally` }, 'UnknownOperationException');
      try {
        reply(200, run(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, string>));
      } catch (error) {
        if (!(error instanceof StepFunctionsError)) return reply(500, { __type: 'InternalServerError', message: String(error) }, 'InternalServerError');
        reply(400, { __type: error.type, message: error.message }, error.type);
      }
    });
  });
}
