import { ConflictError } from '../domain/errors.ts';

const ATTEMPTS = 5;

/**
 * Runs a read-decide-write step again when another writer changed the case in between. The step
 * re-reads, so the second run decides on what actually happened (e.g. a timer that lost the race to
 * a customer message finds its generation stale and does nothing).
 */
export async function retryOnConflict<T>(step: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt === ATTEMPTS) throw error;
    }
  }
}
