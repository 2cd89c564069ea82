/**
 * Small inline SVG icons for the controls: drawn, not font glyphs, so they look the same on
 * every system (media-control characters such as ⏮ are missing from many fonts).
 */
import type { ReactNode } from 'react';

function Icon({ children, size = 14 }: { children: ReactNode; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" fill="currentColor" aria-hidden="true" focusable="false" className="icon">
      {children}
    </svg>
  );
}

export const JumpStartIcon = () => (
  <Icon>
    <rect x="2" y="3" width="2" height="10" rx="0.5" />
    <path d="M14 3v10L5 8z" />
  </Icon>
);

export const JumpEndIcon = () => (
  <Icon>
    <path d="M2 3v10l9-5z" />
    <rect x="12" y="3" width="2" height="10" rx="0.5" />
  </Icon>
);

export const PlayIcon = () => (
  <Icon>
    <path d="M4 2.5v11l9.5-5.5z" />
  </Icon>
);

export const PauseIcon = () => (
  <Icon>
    <rect x="3.5" y="2.5" width="3" height="11" rx="0.5" />
    <rect x="9.5" y="2.5" width="3" height="11" rx="0.5" />
  </Icon>
);

export const StopIcon = () => (
  <Icon size={12}>
    <rect x="3" y="3" width="10" height="10" rx="1" />
  </Icon>
);

export const LinkIcon = () => (
  <Icon>
    <path
      d="M6.8 9.2a.75.75 0 0 1 0-1.06l2.34-2.34a.75.75 0 1 1 1.06 1.06L7.86 9.2a.75.75 0 0 1-1.06 0zm-1.9 3.8a2.5 2.5 0 0 1-1.77-4.27l1.6-1.6a.75.75 0 0 1 1.06 1.06l-1.6 1.6a1 1 0 0 0 1.42 1.42l1.6-1.6a.75.75 0 0 1 1.06 1.06l-1.6 1.6A2.49 2.49 0 0 1 4.9 13zm5.36-4.3a.75.75 0 0 1-.53-1.28l1.6-1.6a1 1 0 0 0-1.42-1.42l-1.6 1.6a.75.75 0 0 1-1.06-1.06l1.6-1.6a2.5 2.5 0 0 1 3.54 3.54l-1.6 1.6a.75.75 0 0 1-.53.22z"
    />
  </Icon>
);

export const CheckIcon = () => (
  <Icon>
    <path d="M6.2 11.6 2.9 8.3l1.06-1.06 2.24 2.24 5.84-5.84 1.06 1.06z" />
  </Icon>
);
