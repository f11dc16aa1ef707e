import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from '../shared/api-client.ts';
import type { Agent, Settings } from '../shared/api-types.ts';
import type { Session } from '../shared/auth.ts';
import type { PaletteAction } from './command-palette.tsx';

export interface ConsoleContext {
  api: Api;
  session: Session;
  /** The agent directory, for pickers; empty until it has loaded. */
  agents: Agent[];
  /** An agent's name, or the id itself for one the directory does not know. */
  nameOf: (id: string) => string;
  /** The tenant's choices (custom statuses, categories, types); null until loaded. */
  settings: Settings | null;
  /** What the open view adds to the command palette (a case: the commands allowed on it). */
  offerActions: (actions: PaletteAction[]) => void;
}

export const Console = createContext<ConsoleContext | null>(null);

export function useConsole(): ConsoleContext {
  const value = useContext(Console);
  if (!value) throw new Error('useConsole outside <Console.Provider>');
  return value;
}
