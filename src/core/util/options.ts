/**
 * Options resolution shared by every options object in orgraph: the frozen defaults overlaid by the
 * caller's options, where an option explicitly set to `undefined` keeps its default (a plain
 * `{ ...defaults, ...options }` would let `{ x: undefined }` erase the default).
 */

/** The options a caller actually set (undefined entries dropped), to spread over the defaults. */
export function definedOnly<T extends object>(o: T | undefined): Partial<T> {
  const out: Partial<T> = {};
  if (o === undefined) return out;
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** `{ ...defaults, ...options }` where an option explicitly `undefined` keeps the default. */
export function withDefaults<D extends object, O extends object>(defaults: D, options: O | undefined): D & O {
  return { ...defaults, ...definedOnly(options) } as D & O;
}
