/**
 * The header's display settings: the colour theme (follow the system, light, dark) and
 * presenter mode. Both are remembered (prefs slice); useDocumentTheme puts them on the page.
 */
import { displayStrings } from '../i18n/display';
import { THEME_CHOICES } from '../store/prefsSlice';
import { useLoopscope } from '../store/context';
import { useDocumentTheme } from './useDocumentTheme';

export function DisplayControls() {
  const lang = useLoopscope((s) => s.lang);
  const theme = useLoopscope((s) => s.theme);
  const presenter = useLoopscope((s) => s.presenter);
  const setTheme = useLoopscope((s) => s.setTheme);
  const setPresenter = useLoopscope((s) => s.setPresenter);
  const t = displayStrings(lang);
  useDocumentTheme(theme, presenter);
  return (
    <>
      <select
        className="select"
        value={theme}
        aria-label={t.theme}
        title={t.theme}
        data-testid="theme"
        onChange={(e) => {
          const chosen = THEME_CHOICES.find((c) => c === e.target.value);
          if (chosen) setTheme(chosen);
        }}
      >
        {THEME_CHOICES.map((c) => (
          <option key={c} value={c}>
            {t.themeName[c]}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn btn-icon btn-toggle"
        aria-pressed={presenter}
        aria-label={t.presenter}
        title={t.presenterHint}
        data-testid="presenter"
        onClick={() => setPresenter(!presenter)}
      >
        <svg className="icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
          <rect x="1.5" y="2" width="13" height="8.5" rx="1" fill="none" stroke="currentColor" strokeWidth="1.4" />
          <path d="M8 10.5V13M5 14h6" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
        </svg>
      </button>
    </>
  );
}
