/**
 * Types for `<iwy-agent>` in Vue 3 templates (Volar). Import once, types only, and tell Vue's compiler
 * that `iwy-*` tags are custom elements (`compilerOptions.isCustomElement`).
 * @example
 * import type {} from 'iwy-agent/vue';
 * <iwy-agent agent-id="demo" session-url="/api/iwy-session" @iwy-state-change="onState" />
 */
import type { DefineComponent } from 'vue';
import type { IwyEventDetailMap } from '../events.js';
import type { IwyAgentAttributes } from '../attributes.js';

type VueEventProps = {
  [K in keyof IwyEventDetailMap as `on${Capitalize<K>}`]?: (event: CustomEvent<IwyEventDetailMap[K]>) => void;
};

export type IwyAgentVueComponent = DefineComponent<IwyAgentAttributes & VueEventProps>;

declare module 'vue' {
  interface GlobalComponents {
    'iwy-agent': IwyAgentVueComponent;
  }
}
