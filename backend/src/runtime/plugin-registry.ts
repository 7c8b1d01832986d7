import type { ServicePlugin } from '../plugin-api';

/** The service plugins a runtime may call, by the name BPMN service tasks give. */
export class PluginRegistry {
  readonly #plugins = new Map<string, ServicePlugin>();

  constructor(plugins: ServicePlugin[]) {
    for (const plugin of plugins) {
      if (this.#plugins.has(plugin.name)) {
        throw new Error(`Two plugins are named ${plugin.name}; rename one of them.`);
      }
      this.#plugins.set(plugin.name, plugin);
    }
  }

  /** Names of every registered plugin, for deploy validation. */
  get names(): ReadonlySet<string> {
    return new Set(this.#plugins.keys());
  }

  /** Returns the plugin called `name`, or undefined. */
  find(name: string): ServicePlugin | undefined {
    return this.#plugins.get(name);
  }
}
