/** If Monaco fails to load or crashes, keep a plain editor instead of a blank pane. */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { EditorFallback } from './EditorFallback';

interface State {
  readonly failed: string | null;
}

export class EditorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: null };

  static getDerivedStateFromError(error: unknown): State {
    return { failed: error instanceof Error ? error.message : String(error) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('editor failed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.failed !== null) return <EditorFallback note={`⚠ ${this.state.failed}`} />;
    return this.props.children;
  }
}
