import type { ServicePlugin } from '../plugin-api';
import { installedPlugins } from '../plugins';

/**
 * Returns a stand-in for each installed plugin, with the same name, that reports success without
 * calling the external system behind it. The demo seed runs its service tasks through these, so
 * seeding never creates IT logins or sends requests.
 */
export function standInPlugins(): ServicePlugin[] {
  return installedPlugins().map((plugin) => ({
    name: plugin.name,
    title: plugin.title,
    description: plugin.description,
    run: () => Promise.resolve({ status: 'demo', note: 'seeded without calling the plugin' }),
  }));
}
