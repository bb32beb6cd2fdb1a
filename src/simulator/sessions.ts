import type * as Wrtc from '@roamhq/wrtc';
import { ApiError, notFound } from './errors.js';
import { avatarFrames } from './avatar.js';
import { allSyllables } from './voice.js';
import { agentFaults, type SimulatorFaults } from './faults.js';
import { loadOptional } from './optional.js';
import type { Registry, StoredAgent } from './registry.js';
import { SimSession, type SessionLimits } from './session.js';
import { Ticker } from './ticker.js';

export interface SessionOptions extends SessionLimits {
  maxSessions: number;
  faults: SimulatorFaults;
}

let exitGuard = false;
/**
 * @roamhq/wrtc 0.10 segfaults in its native teardown when a process that created media tracks exits by
 * itself. Exiting explicitly once the event loop is empty skips that teardown (and keeps the exit code).
 */
function guardExit(): void {
  if (exitGuard) return;
  exitGuard = true;
  process.once('beforeExit', () => process.exit());
}

/** The live sessions of one simulator, bounded in number and duration. */
export class Sessions {
  private readonly live = new Map<string, SimSession>();
  private readonly ticker = new Ticker();
  private wrtc: typeof Wrtc | undefined;

  constructor(private readonly registry: Registry, private readonly options: SessionOptions) {}

  /** Checked before a single-use agent is claimed, so a full simulator does not burn its one session. */
  ensureCapacity(): void {
    if (this.live.size >= this.options.maxSessions) {
      throw new ApiError(429, 'too_many_sessions', `at most ${this.options.maxSessions} sessions at once`, { 'retry-after': '5' });
    }
  }

  /** Loads wrtc and draws the avatar ahead of the first call, so the first visitor does not wait for it. */
  async warm(): Promise<typeof Wrtc> {
    this.wrtc ??= await loadOptional<typeof Wrtc>('@roamhq/wrtc');
    guardExit();
    avatarFrames();
    allSyllables();
    return this.wrtc;
  }

  async start(agent: StoredAgent): Promise<SimSession> {
    this.ensureCapacity();
    const wrtc = await this.warm();
    const toolIds = agent.configuration.tool_calling?.selected_tool_ids ?? [];
    const tools = toolIds.flatMap((id) => this.registry.listTools().filter((t) => t.id === id));
    const session = new SimSession(
      wrtc, this.ticker,
      { id: agent.id, firstMessage: agent.configuration.llm?.first_message ?? '', tools },
      { ...this.options.faults, ...agentFaults(agent.metadata) },
      this.options,
      (s) => this.live.delete(s.id),
    );
    this.live.set(session.id, session);
    return session;
  }

  get(id: string): SimSession {
    const session = this.live.get(id);
    if (!session) throw notFound('session');
    return session;
  }

  list(): SimSession[] {
    return [...this.live.values()];
  }

  setFaults(id: string, faults: SimulatorFaults): void {
    this.get(id).setFaults(faults);
  }

  closeAll(): void {
    for (const s of this.list()) s.end('shutdown');
  }

  /** Sessions currently encoding media (0 after close: nothing leaks). */
  get playing(): number {
    return this.ticker.size;
  }
}
