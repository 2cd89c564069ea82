/**
 * How components reach the store: through a React context rather than a module singleton, so
 * the page, tests and future embeds can each have their own.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LoopscopeStore } from './store';
import type { LoopscopeState } from './types';

const StoreContext = createContext<LoopscopeStore | null>(null);

export function StoreProvider({ store, children }: { store: LoopscopeStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself: for actions and transient subscriptions that must not re-render. */
export function useLoopscopeApi(): LoopscopeStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useLoopscope must be used inside <StoreProvider>');
  return store;
}

/** Subscribe to one slice of state: the component re-renders only when it changes. */
export function useLoopscope<T>(selector: (state: LoopscopeState) => T): T {
  return useStore(useLoopscopeApi(), selector);
}
