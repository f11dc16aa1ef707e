import { render } from 'preact';
import { currentSession, signIn } from '../shared/auth.ts';
import type { RuntimeConfig } from '../shared/runtime-config.ts';
import { App } from './app.tsx';
import './styles.css';

const config = (await (await fetch(`${import.meta.env.BASE_URL}config.json`)).json()) as RuntimeConfig;
const session = (await currentSession(config)) ?? (await signIn(config));
render(<App config={config} session={session} />, document.getElementById('app')!);
