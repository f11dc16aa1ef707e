import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from '../shared/api-client.ts';
import type { Session } from '../shared/auth.ts';

export interface ConsoleContext {
  api: Api;
  session: Session;
}

export const Console = createContext<ConsoleContext | null>(null);

export function useConsole(): ConsoleContext {
  const value = useContext(Console);
  if (!value) throw new Error('useConsole outside <Console.Provider>');
  return value;
}
