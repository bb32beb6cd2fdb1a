import { SessionController } from '../../src/session/controller.js';
import type { SessionControllerOptions } from '../../src/session/controller-options.js';
import type { SessionState } from '../../src/session/states.js';
import type { IwyEventDetailMap, IwyEventName } from '../../src/events.js';
import { scriptedSessionUrl, type ScriptedAnswer } from '../support/session-endpoint.js';
import { stubLoader, type StubScript } from '../transports/stub-transport.js';

export const AGENT_ID = '6f1c2a9e-8b7d-4c3e-9f10-2a3b4c5d6e7f';
export const WEBRTC_ANSWER: ScriptedAnswer = { json: { webrtcUrl: 'offer', sessionId: 's-1' } };

type Recorded = { [K in IwyEventName]: { type: K; detail: IwyEventDetailMap[K] } }[IwyEventName];

/** Real getUserMedia (Chromium's fake device), keeping every track it hands out. */
export function recordingGetUserMedia() {
  const tracks: MediaStreamTrack[] = [];
  const calls: Promise<unknown>[] = [];
  const getUserMedia = (c: MediaStreamConstraints) => {
    const call = navigator.mediaDevices.getUserMedia(c).then((stream) => {
      tracks.push(...stream.getTracks());
      return stream;
    });
    calls.push(call.catch(() => undefined));
    return call;
  };
  return {
    getUserMedia,
    tracks,
    /** Waits for every getUserMedia call (and what the controller does right after it). */
    settled: async () => {
      await Promise.all(calls);
      await new Promise((r) => setTimeout(r, 0));
    },
    allEnded: () => tracks.every((t) => t.readyState === 'ended'),
  };
}

/**
 * A controller wired to a scripted session endpoint, a stub transport and a recording getUserMedia.
 * `trace` is the whole ordered list of states, starting with the initial one.
 */
export function harness(
  options: {
    answer?: ScriptedAnswer;
    script?: StubScript;
    cancelRequest?: boolean;
    context?: Record<string, unknown>;
  } & Partial<Omit<SessionControllerOptions, 'emit'>> = {},
) {
  const { answer = WEBRTC_ANSWER, script, cancelRequest, context, ...rest } = options;
  const endpoint = scriptedSessionUrl(answer);
  const stub = stubLoader(script);
  const mic = recordingGetUserMedia();
  const events: Recorded[] = [];
  const trace: SessionState[] = [];
  const controller = new SessionController({
    agentId: AGENT_ID,
    sessionUrl: endpoint.url,
    loadTransport: stub.load,
    getUserMedia: mic.getUserMedia,
    ...rest,
    emit: (type, detail) => {
      events.push({ type, detail } as Recorded);
      if (type === 'iwy-state-change') trace.push((detail as IwyEventDetailMap['iwy-state-change']).state);
      if (type === 'iwy-session-request' && context) {
        (detail as IwyEventDetailMap['iwy-session-request']).body.context = context;
      }
      return !(type === 'iwy-session-request' && cancelRequest);
    },
  });
  trace.push(controller.snapshot.state);

  /** Resolves once the controller is in `state` (rejects after `ms`). */
  const reach = (state: SessionState, ms = 5000) =>
    new Promise<void>((resolve, reject) => {
      if (controller.snapshot.state === state) return resolve();
      const timer = setTimeout(() => {
        off();
        reject(new Error(`never reached '${state}'; trace: ${trace.join(', ')}`));
      }, ms);
      const off = controller.subscribe((s) => {
        if (s.state !== state) return;
        clearTimeout(timer);
        off();
        resolve();
      });
    });

  const named = <K extends IwyEventName>(type: K) =>
    events.filter((e) => e.type === type).map((e) => e.detail as IwyEventDetailMap[K]);

  return { controller, endpoint, stub, mic, events, trace, reach, named };
}
