/** Says which of the link's embed settings were not understood, and that their defaults are used. */
import { embedStrings } from '../i18n/embed';
import { useLoopscope } from '../store/context';

export function IgnoredParams() {
  const t = embedStrings(useLoopscope((s) => s.lang));
  const ignored = useLoopscope((s) => s.embed?.ignored ?? NONE);
  if (ignored.length === 0) return null;
  return (
    <div className="embed-ignored" role="note" data-testid="embed-ignored">
      <p>{t.ignoredIntro}</p>
      <ul>
        {ignored.map((param) => (
          <li key={param.key} data-key={param.key}>
            {t.ignored(param)}
          </li>
        ))}
      </ul>
    </div>
  );
}

const NONE: readonly never[] = [];
