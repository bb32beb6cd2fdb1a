import { IwyAgentError } from '../../src/session/errors.js';
import type { SessionInfo } from '../../src/session/session-info.js';
import type {
  AgentTransport,
  TransportCallbacks,
  TransportConnectOptions,
  TransportLoader,
} from '../../src/transports/types.js';

export interface StubScript {
  /** ok: connect() resolves; fail: rejects with transport-failed; hang: waits until aborted. */
  connect?: 'ok' | 'fail' | 'hang';
  /** Fire bot-ready right after connecting. */
  readyOnConnect?: boolean;
}

/** A scriptable AgentTransport: the test plays the agent and the network through `cb`. */
export class StubTransport implements AgentTransport {
  readonly calls: string[] = [];
  options: TransportConnectOptions | undefined;
  disconnected = false;
  readonly #script: StubScript;

  constructor(script: StubScript = {}) {
    this.#script = script;
  }

  /** The controller's callbacks (after connect() was called). */
  get cb(): TransportCallbacks {
    if (!this.options) throw new Error('connect() has not been called');
    return this.options.callbacks;
  }

  async connect(options: TransportConnectOptions): Promise<void> {
    this.options = options;
    this.calls.push('connect');
    const mode = this.#script.connect ?? 'ok';
    if (mode === 'fail') throw new IwyAgentError('transport-failed', 'stub: the agent refused the offer');
    if (mode === 'hang') {
      await new Promise((_, reject) => {
        options.signal.addEventListener('abort', () => reject(options.signal.reason), { once: true });
      });
    }
    if (this.#script.readyOnConnect) queueMicrotask(() => options.callbacks.onAgentReady());
  }

  setMicEnabled(on: boolean): void {
    this.calls.push(`mic:${on}`);
  }

  sendText(text: string): void {
    this.calls.push(`text:${text}`);
  }

  async disconnect(): Promise<void> {
    this.calls.push('disconnect');
    this.disconnected = true;
  }
}

/** A TransportLoader handing out StubTransports, keeping each one and the session it was for. */
export function stubLoader(script: StubScript = {}) {
  const transports: StubTransport[] = [];
  const sessions: SessionInfo[] = [];
  const load: TransportLoader = async (session) => {
    sessions.push(session);
    const transport = new StubTransport(script);
    transports.push(transport);
    return transport;
  };
  return {
    load,
    transports,
    sessions,
    get last(): StubTransport {
      const t = transports.at(-1);
      if (!t) throw new Error('no transport was loaded');
      return t;
    },
  };
}
