import type { SignUpHolds } from '../types/provider-props';

const holdsByClient = new WeakMap<object, SignUpHolds>();

/** The holds of every provider over one auth client. */
export function holdsFor(authClient: object): SignUpHolds {
  let holds = holdsByClient.get(authClient);
  if (!holds) {
    holds = createHolds();
    holdsByClient.set(authClient, holds);
  }
  return holds;
}

function createHolds(): SignUpHolds {
  let count = 0;
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const l of listeners) l();
  };
  return {
    hold() {
      count++;
      emit();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        count--;
        emit();
      };
    },
    held: () => count > 0,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
