import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startSimulator } from '../../src/simulator/index.js';
import { agentBody, api } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'iwy-sim-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('simulator storage', () => {
  it('keeps agents, tools and the dev key across a restart', async () => {
    const first = await startSimulator({ dataDir: dir });
    const call = api(first);
    const agent = (await call('POST', '/agent', agentBody({ name: 'Persistent' }))).body;
    const tool = (await call('POST', '/tool', { name: 'kept', description: 'd', server_url: 'http://127.0.0.1:1/x', parameters_schema: {} })).body;
    const single = (await call('POST', '/ephemeral-agent', { configuration: {} })).body.agent;
    assert.equal((await call('POST', '/start-agent-session', { agentId: single.id })).status, 200);
    const { apiKey, demoAgentId } = first;
    await first.close();

    const second = await startSimulator({ dataDir: dir });
    try {
      assert.equal(second.apiKey, apiKey, 'the generated key is kept in the data dir');
      assert.equal(second.demoAgentId, demoAgentId, 'the demo agent is seeded once');
      const again = api(second);
      assert.equal((await again('GET', `/agent/${agent.id}`)).body.name, 'Persistent');
      assert.equal((await again('GET', `/tool/${tool.id}`)).body.name, 'kept');
      assert.equal((await again('GET', '/agent')).body.filter((a: { id: string }) => a.id === demoAgentId).length, 1);
      const demoTool = (await again('GET', '/tool')).body.find((t: { name: string }) => t.name === 'get_current_time');
      assert.equal(new URL(demoTool.server_url).port, String(second.port), 'the demo tool follows the new port');
      const reuse = await again('POST', '/start-agent-session', { agentId: single.id });
      assert.equal(reuse.status, 410, 'a used single-use agent stays used after a restart');
    } finally {
      await second.close();
    }
  });

  it('an explicit key wins over the stored one', async () => {
    const sim = await startSimulator({ dataDir: dir, apiKey: 'iwy_dev_given' });
    try {
      assert.equal(sim.apiKey, 'iwy_dev_given');
      assert.equal((await api(sim)('GET', '/agent')).status, 200);
    } finally {
      await sim.close();
    }
  });

  it('keeps concurrent writes consistent', async () => {
    const sim = await startSimulator({ dataDir: dir });
    try {
      const call = api(sim);
      const id = (await call('POST', '/agent', agentBody())).body.id;
      // 40 concurrent PATCHes, each adding its own metadata key: a lost update would drop keys.
      const patches = await Promise.all(
        Array.from({ length: 40 }, (_, i) => call('PATCH', `/agent/${id}`, { metadata: { [`k${i}`]: i } })),
      );
      assert.ok(patches.every((p) => p.status === 200));
      const metadata = (await call('GET', `/agent/${id}`)).body.metadata;
      assert.equal(Object.keys(metadata).length, 40);
      // 20 concurrent creations all land, with distinct ids.
      const created = await Promise.all(Array.from({ length: 20 }, (_, i) => call('POST', '/agent', agentBody({ name: `c${i}` }))));
      assert.equal(new Set(created.map((c) => c.body.id)).size, 20);
    } finally {
      await sim.close();
    }
  });

  it('gives a single-use agent exactly one session, even to concurrent requests, then 410', async () => {
    const sim = await startSimulator();
    try {
      const call = api(sim);
      const id = (await call('POST', '/ephemeral-agent', { configuration: {}, ttl_seconds: 60 })).body.agent.id;
      const tries = await Promise.all(Array.from({ length: 8 }, () => call('POST', '/start-agent-session', { agentId: id })));
      assert.deepEqual(tries.map((t) => t.status).sort(), [200, 410, 410, 410, 410, 410, 410, 410]);
      assert.ok(tries.filter((t) => t.status === 410).every((t) => t.body.error === 'agent_used'));
      assert.equal((await call('GET', `/agent/${id}`)).body.used, true);
    } finally {
      await sim.close();
    }
  });

  it('refuses an expired single-use agent with 410', async (t) => {
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const sim = await startSimulator();
    try {
      const call = api(sim);
      const id = (await call('POST', '/ephemeral-agent', { configuration: {}, ttl_seconds: 60 })).body.agent.id;
      t.mock.timers.tick(61_000);
      const res = await call('POST', '/start-agent-session', { agentId: id });
      assert.equal(res.status, 410);
      assert.equal(res.body.error, 'agent_expired');
    } finally {
      await sim.close();
    }
  });

  it('refuses sessions beyond the limit with 429 and Retry-After', async () => {
    const sim = await startSimulator({ maxSessions: 2 });
    try {
      const call = api(sim);
      for (let i = 0; i < 2; i++) assert.equal((await call('POST', '/start-agent-session', { agentId: 'demo' })).status, 200);
      const res = await call('POST', '/start-agent-session', { agentId: 'demo' });
      assert.equal(res.status, 429);
      assert.equal(res.headers.get('retry-after'), '5');
    } finally {
      await sim.close();
    }
    assert.equal(sim.sessions().length, 0, 'close() ends every session');
  });
});
