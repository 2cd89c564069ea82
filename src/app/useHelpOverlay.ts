import { useCallback, useState } from 'react';

/** Open/close state of the keyboard-shortcuts overlay. */
export function useHelpOverlay() {
  const [isOpen, setOpen] = useState(false);
  const open = useCallback(() => setOpen(true), []);
  const close = useCallback(() => setOpen(false), []);
  const toggle = useCallback(() => setOpen((o) => !o), []);
  return { isOpen, open, close, toggle };
}
