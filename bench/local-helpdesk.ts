import { freePort } from '../local/free-port.ts';
import { type LocalHelpdesk, type LocalOptions, startLocalHelpdesk } from '../local/start.ts';

type ServicePorts = Required<Pick<LocalOptions, 'dynamoDbPort' | 'stepFunctionsPort' | 'sesPort' | 's3Port' | 'cognitoPort'>>;

let ports: Promise<ServicePorts> | undefined;

/**
 * An in-memory local helpdesk on a free HTTP port. The function modules keep their DynamoDB, Step
 * Functions, SES, S3 and Cognito clients for the life of the process, as in Lambda, bound to the
 * endpoints of the first helpdesk that ran them; so every helpdesk the bench starts reuses that first
 * one's five ports. `stop` also leaves the environment as it was found: startLocalHelpdesk points the SDK at
 * its endpoints through it.
 */
export async function startBenchHelpdesk(options: Pick<LocalOptions, 'timeScale'> = {}): Promise<LocalHelpdesk> {
  ports ??= Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]).then(
    ([dynamoDbPort, stepFunctionsPort, sesPort, s3Port, cognitoPort]) => ({ dynamoDbPort, stepFunctionsPort, sesPort, s3Port, cognitoPort }),
  );
  const savedEnv = { ...process.env };
  const restoreEnv = () => {
    for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
  };
  try {
    const helpdesk = await startLocalHelpdesk({ ...options, ...(await ports), port: 0 });
    return {
      ...helpdesk,
      stop: async () => {
        try {
          await helpdesk.stop();
        } finally {
          restoreEnv();
        }
      },
    };
  } catch (error) {
    restoreEnv();
    throw error;
  }
}
