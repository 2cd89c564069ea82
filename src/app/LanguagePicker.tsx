/** Switch the UI language; the choice is remembered (prefs slice). */
import { LANGS, type Lang } from '../i18n/lang';
import { UI, uiStrings } from '../i18n/ui';
import { useLoopscope } from '../store/context';

export function LanguagePicker() {
  const lang = useLoopscope((s) => s.lang);
  const setLang = useLoopscope((s) => s.setLang);
  const t = uiStrings(lang);
  return (
    <select
      className="select"
      value={lang}
      aria-label={t.language}
      title={t.language}
      data-testid="language"
      onChange={(e) => {
        const chosen = LANGS.find((l): l is Lang => l === e.target.value);
        if (chosen) setLang(chosen);
      }}
    >
      {LANGS.map((l) => (
        <option key={l} value={l}>
          {UI[l].languageName}
        </option>
      ))}
    </select>
  );
}
