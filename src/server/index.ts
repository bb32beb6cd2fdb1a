/**
 * `iwy-agent/server`: the customer-backend session endpoint, its Node adapter, and a typed iwy REST
 * client. Node-only and Fetch-API code; nothing here reaches the browser bundle.
 */
export * from './fetch.js';
export { toNodeHandler, type NodeHandler } from './node.js';
