/**
 * A renderer's systems, pipes or adaptors as pixi's AbstractRenderer takes them: each under
 * the name its class declares (`extension.name`: the property it gets on the renderer, or
 * its key in `renderPipes`), in the order given. What pixi's extension registry builds for
 * its own renderers, without the registry (webgl-renderer.ts, canvas-renderer.ts).
 */
export interface NamedExtension<V> {
  name: string;
  value: V;
}

/**
 * `V`: what the renderer's config expects (SystemConstructor, PipeConstructor). pixi's own
 * classes do not type-check as those (their `init` options are narrower than the generic
 * system's); its registry is untyped, and so is the conversion here.
 */
export function namedExtensions<V>(classes: object[]): NamedExtension<V>[] {
  return classes.map((value) => {
    const meta = (value as { extension?: string | { name?: string } }).extension;
    const name = typeof meta === 'object' ? meta.name : undefined;
    if (!name) throw new Error(`not a named pixi extension: ${(value as { name?: string }).name}`);
    return { name, value: value as V };
  });
}
