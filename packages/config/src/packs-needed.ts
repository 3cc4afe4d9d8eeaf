// Which built-in rule packs a config needs, decided from its layers before any pack is imported: a
// run compiles only those (#10, start-up). The presets are built from every pack's rule metadata,
// so a config that extends one needs them all; otherwise, the packs its rule ids name.

import type { ConfigLayer } from './resolve-extends.js';

export function packsNeeded(layers: readonly ConfigLayer[], packNames: readonly string[]): string[] {
  if (layers.some((layer) => layer.kind === 'preset')) return [...packNames];
  const named = new Set<string>();
  const add = (idOrPattern: string) => {
    const slash = idOrPattern.indexOf('/');
    // A pattern without a pack (`*`) may mean any of them.
    if (slash === -1) packNames.forEach((name) => named.add(name));
    else named.add(idOrPattern.slice(0, slash));
  };
  for (const layer of layers) {
    if (layer.kind !== 'file') continue;
    // Also the rules a layer turns off: their ids and options are checked against the rules.
    Object.keys(layer.config.rules ?? {}).forEach(add);
    for (const override of layer.config.overrides ?? []) Object.keys(override.rules ?? {}).forEach(add);
    (layer.config.noInlineDisable ?? []).forEach(add);
  }
  return packNames.filter((name) => named.has(name));
}
