export * from './events.js';
export * from './session/states.js';
export * from './session/errors.js';
