import * as React from 'react';

const REACT_LAZY = Symbol.for('react.lazy');

/** A lazy node: what React Server Components hand a client component for an element still streaming in. */
interface LazyNode {
  $$typeof: symbol;
  _payload: PromiseLike<unknown>;
}

function isLazyNode(node: unknown): node is LazyNode {
  if (typeof node !== 'object' || node === null) return false;
  const { $$typeof, _payload } = node as Partial<LazyNode>;
  return $$typeof === REACT_LAZY && typeof _payload?.then === 'function';
}

// Read through the namespace: React 18 has no `use`, and its absence must not break the import.
const use = (React as { use?: <T>(usable: PromiseLike<T>) => T }).use;

/**
 * The element a prop stands for. An element passed from a Server Component (say, a custom trigger) can reach
 * a client component as a lazy node, which `isValidElement` rejects; it is unwrapped here with `use`, which
 * suspends until it resolves, so the client renders what the server rendered and hydration matches.
 */
export function useResolvedNode<T>(node: T): T {
  let resolved: unknown = node;
  while (use && isLazyNode(resolved)) resolved = use(resolved._payload);
  return resolved as T;
}
