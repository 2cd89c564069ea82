/**
 * Predict mode, on the page: the toggle, and when playback holds before a step, the question
 * with its choices; after a pick, right or wrong, why, and the step's narration; at the end of
 * the run, the learner's score (n of m right, which ones). The question comes from
 * src/trace/predict.ts through the store; the words from src/i18n/predict.ts.
 */
import { useMemo } from 'react';
import { narrationText } from '../i18n/narration';
import { choiceText, predictStrings, whyText } from '../i18n/predict';
import { useLoopscope, useLoopscopeApi } from '../store/context';
import { scoreOf, selectAnswers, selectFeedback, selectQuestion, type PredictAnswer } from '../store/predictSlice';
import type { Lang } from '../i18n/lang';
import { narrate, type PredictQuestion } from '../trace';
import type { TraceIndex } from '../trace/types';
import './predict.css';

/** A mark beside each answer of the score, besides its word: the colour is not the only sign. */
const MARK = { right: '✓', wrong: '✗', skipped: '–' } as const;

export function PredictPanel() {
  const api = useLoopscopeApi();
  const lang = useLoopscope((s) => s.lang);
  const t = predictStrings(lang);
  const on = useLoopscope((s) => s.predictOn);
  const hasTrace = useLoopscope((s) => s.index !== null);
  const question = useLoopscope(selectQuestion);
  const feedback = useLoopscope(selectFeedback);
  const index = useLoopscope((s) => s.index);

  return (
    <div className="predict" data-testid="predict">
      <button
        type="button"
        className={`btn btn-small predict-toggle${on ? ' predict-toggle-on' : ''}`}
        aria-pressed={on}
        title={t.toggleHint}
        disabled={!hasTrace}
        onClick={() => api.getState().togglePredict()}
        data-testid="predict-toggle"
      >
        {t.toggle}
      </button>
      {question !== null && <Question question={question} lang={lang} />}
      {question === null && feedback !== null && index !== null && <Feedback answer={feedback} index={index} lang={lang} />}
      <Score lang={lang} />
    </div>
  );
}

function Question({ question, lang }: { question: PredictQuestion; lang: Lang }) {
  const api = useLoopscopeApi();
  const t = predictStrings(lang);
  return (
    <section className="predict-card" aria-labelledby="predict-title" data-testid="predict-question" data-step={question.step}>
      <h2 id="predict-title" className="predict-title">
        {t.question(question.step)}
      </h2>
      <p className="predict-ask">{t.ask[question.kind]}</p>
      <ul className="predict-choices">
        {question.choices.map((choice, i) => (
          <li key={i}>
            <button type="button" className={`btn predict-choice predict-choice-${choice.kind}`} onClick={() => api.getState().answerQuestion(i)} data-testid="predict-choice">
              {choiceText(choice, lang)}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn-quiet btn-small" onClick={() => api.getState().answerQuestion(null)} data-testid="predict-reveal">
        {t.reveal}
      </button>
    </section>
  );
}

function Feedback({ answer, index, lang }: { answer: PredictAnswer; index: TraceIndex; lang: Lang }) {
  const t = predictStrings(lang);
  const q = answer.question;
  const right = q.choices[q.answer];
  const story = useMemo(() => narrationText(narrate(index, { step: q.step }), lang), [index, q.step, lang]);
  const verdict = answer.picked === null ? null : answer.right;
  return (
    <section
      className={`predict-card predict-feedback${verdict === true ? ' predict-right' : verdict === false ? ' predict-wrong' : ''}`}
      role="status"
      data-testid="predict-feedback"
      data-result={verdict === null ? 'skipped' : verdict ? 'right' : 'wrong'}
    >
      <p className="predict-verdict">
        {verdict === true ? t.right : right === undefined ? '' : t.wrong(choiceText(right, lang))}
      </p>
      <p className="predict-why">{whyText(q.why, lang)}</p>
      <p className="predict-story">
        <strong>{t.whatHappened}</strong> {story.replaceAll('`', '')}
      </p>
    </section>
  );
}

function Score({ lang }: { lang: Lang }) {
  const t = predictStrings(lang);
  const index = useLoopscope((s) => s.index);
  const step = useLoopscope((s) => s.cursor.step);
  const answers = useLoopscope(selectAnswers);
  const askSteps = useLoopscope((s) => s.askSteps);
  // Memoised on what it reads: the score is a new list each time it is computed.
  const score = useMemo(() => (index === null ? null : scoreOf(index, step, askSteps, answers)), [index, step, askSteps, answers]);
  if (score === null) return null;
  const right = score.filter((s) => s.result === 'right').length;
  const word = { right: t.scoreRight, wrong: t.scoreWrong, skipped: t.scoreSkipped } as const;
  return (
    <section className="predict-card predict-score" aria-labelledby="predict-score-title" data-testid="predict-score">
      <h2 id="predict-score-title" className="predict-title">
        {t.scoreTitle}
      </h2>
      <p className="predict-score-total" data-testid="predict-score-total">
        {t.score(right, score.length)}
      </p>
      <ul className="predict-score-list">
        {score.map((item) => (
          <li key={item.step} className={`predict-score-${item.result}`} data-result={item.result}>
            <span className="predict-score-mark" aria-hidden="true">
              {MARK[item.result]}
            </span>
            {t.scoreStep(item.step)}: {word[item.result]}
          </li>
        ))}
      </ul>
    </section>
  );
}
