/** The top bar: what to run (examples, Run/Stop), how the engine is doing, and the page's settings. */
import { uiStrings } from '../i18n/ui';
import { useLoopscope } from '../store/context';
import { ExamplesMenu } from '../panels/ExamplesMenu';
import { RunButton } from '../panels/RunButton';
import { ShareButton } from '../panels/ShareButton';
import { ExportMenu } from '../export/ExportMenu';
import { PinButton } from '../compare/PinButton';
import { LanguagePicker } from './LanguagePicker';
import { StatusIndicator } from './StatusIndicator';

export function Header({ onHelp }: { onHelp: () => void }) {
  const t = uiStrings(useLoopscope((s) => s.lang));
  return (
    <header className="app-header">
      <div className="logo">
        <span className="logo-name">
          <span className="logo-mark" aria-hidden="true">
            ⟳{' '}
          </span>
          {t.appName}
        </span>
        <span className="logo-tagline">{t.tagline}</span>
      </div>
      <ExamplesMenu />
      <RunButton />
      <StatusIndicator />
      <div className="header-spacer" />
      <LanguagePicker />
      <PinButton />
      <ExportMenu />
      <ShareButton />
      <button type="button" className="btn btn-icon" onClick={onHelp} title={t.help} aria-label={t.help} data-testid="help">
        ?
      </button>
    </header>
  );
}
