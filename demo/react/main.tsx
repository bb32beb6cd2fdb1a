// iwy-agent in a React 19 app: the wrapper with typed event props, and the raw tag with typed JSX.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { IwyAgent } from '../../src/react/index.js';
import type { SessionState } from '../../src/session/states.js';

const sessionUrl = new URLSearchParams(location.search).get('session-url') ?? '/api/iwy-session';

function App() {
  const [state, setState] = useState<SessionState>('idle');
  const [lastError, setLastError] = useState('');
  return (
    <main>
      <h1>React</h1>
      <IwyAgent
        agentId="demo"
        sessionUrl={sessionUrl}
        mode="inline"
        style={{ display: 'block', height: 360 }}
        onStateChange={(e) => setState(e.detail.state)}
        onError={(e) => setLastError(e.detail.code)}
      />
      <p>
        state: <output id="state">{state}</output> · error: <output id="error">{lastError}</output>
      </p>
      {/* The raw tag works too, typed by iwy-agent/jsx. */}
      <iwy-agent agent-id="demo" session-url={sessionUrl} id="raw" oniwy-state-change={(e) => console.log(e.detail.state)} />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
