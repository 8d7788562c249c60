/**
 * Defensive access to the WPS ET object model. Its members are COM-style: a member that
 * is a property in one WPS build is a method in another (`Range.Item(r, c)` beside
 * `Range.Cells(r, c)`, `Worksheets.Item(x)` beside `Worksheets(x)`), so every access goes
 * through these helpers instead of assuming one shape.
 */

/** An object of the ET object model; its members are only known at run time. */
export type EtObject = Record<string, unknown>;

function isObject(v: unknown): v is EtObject {
  return (typeof v === 'object' || typeof v === 'function') && v !== null;
}

/** Reads a property, or calls it when this build exposes it as a method without arguments. */
export function prop<T = unknown>(obj: unknown, name: string): T {
  if (!isObject(obj)) throw new TypeError(`WPS 对象模型缺少 ${name}`);
  const v = obj[name];
  return (typeof v === 'function' ? (v as (...a: unknown[]) => unknown).call(obj) : v) as T;
}

/** Reads an object-valued property; throws when the build does not have it. */
export function child(obj: unknown, name: string): EtObject {
  const v = prop(obj, name);
  if (!isObject(v)) throw new TypeError(`WPS 对象模型缺少 ${name}`);
  return v;
}

/** Writes a property. */
export function setProp(obj: unknown, name: string, value: unknown): void {
  if (!isObject(obj)) throw new TypeError(`WPS 对象模型缺少 ${name}`);
  obj[name] = value;
}

/**
 * Calls a parameterized member: `obj.name(...args)` where it is a method, otherwise the
 * collection it returns is indexed with `Item(...args)` (or called, for builds where
 * the collection itself is callable).
 */
export function invoke<T = unknown>(obj: unknown, name: string, ...args: unknown[]): T {
  if (!isObject(obj)) throw new TypeError(`WPS 对象模型缺少 ${name}`);
  const v = obj[name];
  if (typeof v === 'function') return (v as (...a: unknown[]) => unknown).apply(obj, args) as T;
  if (isObject(v)) return item<T>(v, ...args);
  throw new TypeError(`WPS 对象模型缺少 ${name}`);
}

/** `collection.Item(...args)`, or `collection(...args)` where the collection is callable. */
export function item<T = unknown>(collection: unknown, ...args: unknown[]): T {
  if (!isObject(collection)) throw new TypeError('WPS 对象模型缺少集合');
  const get = collection.Item;
  if (typeof get === 'function') return (get as (...a: unknown[]) => unknown).apply(collection, args) as T;
  if (typeof collection === 'function') return (collection as (...a: unknown[]) => unknown)(...args) as T;
  throw new TypeError('WPS 对象模型的集合没有 Item');
}

/** Calls a method that takes no arguments, such as `Select`, `Activate` or `Delete`. */
export function call(obj: unknown, name: string, ...args: unknown[]): unknown {
  if (!isObject(obj) || typeof obj[name] !== 'function') throw new TypeError(`WPS 对象模型缺少 ${name}`);
  return (obj[name] as (...a: unknown[]) => unknown).apply(obj, args);
}

/** A number property (COM returns numbers; some builds return numeric strings). */
export function numberProp(obj: unknown, name: string): number {
  return Number(prop(obj, name));
}
