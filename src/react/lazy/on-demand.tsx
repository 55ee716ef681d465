import { type Attributes, type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { Loading } from '../elements/loading';
import type { AppearanceProps } from '../types/appearance-props';

/**
 * A component whose code loads the first time it renders, so a page pays for the forms (react-hook-form,
 * zod, Radix) only where it shows them. Bundlers split each into its own chunk.
 */
export function onDemand<P extends object>(
  displayName: string,
  load: () => Promise<ComponentType<P>>,
  placeholder: (props: P) => ReactNode = (props) => <Loading {...(props as AppearanceProps)} />,
) {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  function OnDemand(props: P) {
    return (
      <Suspense fallback={placeholder(props)}>
        <Lazy {...(props as P & Attributes)} />
      </Suspense>
    );
  }
  OnDemand.displayName = displayName;
  return OnDemand;
}
