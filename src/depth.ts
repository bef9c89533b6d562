// Server content nested without bound must not overflow the stack of anything that walks it
// recursively (the printer, JSON.stringify, the live view): deeper than a cap, it is cut and
// marked. Both loops here are iterative, so they never overflow themselves. Pure.

/** Deeper than this, a value is cut (Python's own repr gives up near 1000; JS walks overflow past a few thousand). */
export const MAX_DEPTH = 200;

export const deepMarker = (max: number) => `… (nested more than ${max} deep)`;

const isNested = (v: unknown): v is object => typeof v === "object" && v !== null;

/** Whether any object or array in `value` sits deeper than `max` levels. */
export function deeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (!isNested(v)) continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) if (isNested(child)) stack.push([child, depth + 1]);
  }
  return false;
}

/** The value itself when nothing in it is deeper than `max`; else a copy whose deeper parts are a marker string. */
export function capDepth<T>(value: T, max = MAX_DEPTH): T {
  if (!deeperThan(value, max)) return value;
  const copy = (v: object): Record<string, unknown> | unknown[] => (Array.isArray(v) ? [] : {});
  const root = isNested(value) ? copy(value) : value;
  const stack: Array<[object, Record<string, unknown> | unknown[], number]> = isNested(value)
    ? [[value, root as Record<string, unknown>, 0]]
    : [];
  while (stack.length) {
    const [from, to, depth] = stack.pop() as [object, Record<string, unknown>, number];
    for (const [key, child] of Object.entries(from)) {
      if (!isNested(child)) to[key] = child;
      else if (depth + 1 >= max) to[key] = deepMarker(max);
      else {
        const next = copy(child);
        to[key] = next;
        stack.push([child, next as Record<string, unknown>, depth + 1]);
      }
    }
  }
  return root as T;
}
