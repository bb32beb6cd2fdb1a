const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** iwy agent ids are UUIDs; "demo" starts iwy's public demo agent. */
export const isValidAgentId = (id: unknown): id is string =>
  typeof id === 'string' && (id === 'demo' || UUID.test(id));
