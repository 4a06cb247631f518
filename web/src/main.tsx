/** Entry point: read `/config.json`, then mount the app against the configured router. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { endpointUrls, loadAppConfig } from './api/config.ts';
import { setHospitalTimeZone } from './time/hospital-time.ts';
import './index.css';

const root = createRoot(document.getElementById('root')!);

try {
  const config = await loadAppConfig();
  // Before the first render: every date and time on screen is in the hospital's zone.
  if (config.timeZone) setHospitalTimeZone(config.timeZone);
  const { httpUrl, wsUrl } = endpointUrls(config.graphqlUrl, window.location.href);
  root.render(
    <StrictMode>
      <App httpUrl={httpUrl} wsUrl={wsUrl} idleLockMinutes={config.idleLockMinutes} />
    </StrictMode>,
  );
} catch {
  root.render(
    <p role="alert" className="p-8 text-red-800">
      The hospital app could not start: its server did not say where the hospital system is. Please reload the page or call IT.
    </p>,
  );
}
