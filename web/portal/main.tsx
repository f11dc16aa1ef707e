import { render } from 'preact';
import type { PortalConfig } from '../shared/runtime-config.ts';
import { Portal } from './app.tsx';
import './styles.css';

const config = (await (await fetch(`${import.meta.env.BASE_URL}config.json`)).json()) as PortalConfig;
render(<Portal config={config} />, document.getElementById('app')!);
