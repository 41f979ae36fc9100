/**
 * Values that load their module on first use, so that importing hms-sys does not
 * load provider bindings an agency does not use (and may not have installed).
 * Proxies rather than getters: a namespace or class handed out before its first
 * use stays the same object, and `new`, `extends`, static members and `instanceof`
 * all reach the real module.
 */

/** A module namespace (`hms-sys`'s `aws`, `azure`, `k8s`) loaded on first property access. */
export function lazyNamespace<T extends object>(load: () => T): T {
  let loaded: T | undefined;
  const real = () => (loaded ??= load());
  return new Proxy({} as T, {
    get: (_t, key) => Reflect.get(real(), key),
    has: (_t, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_t, key) => {
      const d = Reflect.getOwnPropertyDescriptor(real(), key);
      // A proxy may only report a property as configurable when its target has it; the target is empty.
      return d && { ...d, configurable: true };
    },
  });
}

/** A class loaded on first use: `new`, `extends`, statics and `instanceof` reach the real class. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyClass<T extends abstract new (...args: any[]) => any>(load: () => T): T {
  let loaded: T | undefined;
  const real = () => (loaded ??= load()) as unknown as new (...args: unknown[]) => object;
  const proxy: T = new Proxy(function lazyClass() {} as unknown as T, {
    // `new X()` passes the proxy as newTarget: construct the real class then; a subclass passes itself.
    construct: (_t, args, newTarget) => Reflect.construct(real(), args, newTarget === proxy ? real() : newTarget),
    get: (_t, key) => Reflect.get(real(), key),
    has: (_t, key) => Reflect.has(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
  return proxy;
}
