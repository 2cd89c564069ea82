/** The last line of defence: if the page itself fails, say so and offer a reload (the program is saved). */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { Lang } from '../i18n/lang';
import { uiStrings } from '../i18n/ui';

interface Props {
  readonly lang: () => Lang;
  readonly onCrash: () => void;
  readonly children: ReactNode;
}

export class AppBoundary extends Component<Props, { failed: string | null }> {
  override state = { failed: null as string | null };

  static getDerivedStateFromError(error: unknown): { failed: string } {
    return { failed: error instanceof Error ? error.message : String(error) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onCrash();
    console.error('Loopscope crashed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.failed === null) return this.props.children;
    const t = uiStrings(this.props.lang());
    return (
      <div className="crash" role="alert">
        <h1>{t.crashTitle}</h1>
        <p>{t.crashBody}</p>
        <pre>{this.state.failed}</pre>
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          {t.reload}
        </button>
      </div>
    );
  }
}
