/** The top bar: what to run (examples, Run/Stop), how the engine is doing, and the page's settings. */
import { uiStrings } from '../i18n/ui';
import { useLoopscope } from '../store/context';
import { ExamplesMenu } from '../panels/ExamplesMenu';
import { RunButton } from '../panels/RunButton';
import { EmbedButton } from '../panels/EmbedButton';
import { ShareButton } from '../panels/ShareButton';
import { DisplayControls } from './DisplayControls';
import { ExportMenu } from '../export/ExportMenu';
import { PinButton } from '../compare/PinButton';
import { LanguagePicker } from './LanguagePicker';
import { StatusIndicator } from './StatusIndicator';

export function Header({ onHelp }: { onHelp: () => void }) {
  const t = uiStrings(useLoopscope((s) => s.lang));
  return (
    <header className="app-header">
      <div className="logo">
        {/* The page's one level-one heading: its name (the views' titles are h2). */}
        <h1 className="logo-name">
          <span className="logo-mark" aria-hidden="true">
            ⟳{' '}
          </span>
          {t.appName}
        </h1>
        <span className="logo-tagline">{t.tagline}</span>
      </div>
      <ExamplesMenu />
      <RunButton />
      <StatusIndicator />
      <div className="header-spacer" />
      <LanguagePicker />
      <PinButton />
      <ExportMenu />
      <DisplayControls />
      <ShareButton />
      <EmbedButton />
      <button type="button" className="btn btn-icon" onClick={onHelp} title={t.help} aria-label={t.help} data-testid="help">
        ?
      </button>
    </header>
  );
}
