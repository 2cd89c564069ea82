/**
 * The words of predict mode, in English and Chinese: the question, each choice, right or wrong
 * and why (the step's narration comes from narration.ts), and the learner's score. The facts are
 * src/trace/predict.ts's; a kind added there without its words here fails the typecheck.
 */
import type { PredictChoice, PredictWhy, QuestionKind } from '../trace/predict';
import { formatTime, taskLabelText } from './format';
import { handleLabelText } from './labels';
import type { Lang } from './lang';
import { render, type Renderers } from './renderers';

export interface PredictStrings {
  readonly toggle: string;
  readonly toggleHint: string;
  readonly panel: string;
  readonly question: (step: number) => string;
  readonly ask: Readonly<Record<QuestionKind, string>>;
  readonly choice: Renderers<PredictChoice>;
  readonly reveal: string;
  readonly right: string;
  readonly wrong: (answer: string) => string;
  readonly why: Renderers<PredictWhy>;
  readonly whatHappened: string;
  readonly continueHint: string;
  readonly score: (right: number, of: number) => string;
  readonly scoreStep: (step: number) => string;
  readonly scoreRight: string;
  readonly scoreWrong: string;
  readonly scoreSkipped: string;
  readonly scoreTitle: string;
  readonly nothingToPredict: string;
}

const en: PredictStrings = {
  toggle: 'Predict',
  toggleHint: 'Predict mode: before each step, guess what the loop does next',
  panel: 'What happens next?',
  question: (step) => `Step ${step} is hidden. What happens next?`,
  ask: {
    'runs-next': 'Which handle does the loop run next?',
    wakes: 'Which waiting task does the next step wake first?',
    prints: 'What does the next step print first?',
  },
  choice: {
    handle: ({ label }) => handleLabelText(label, 'en'),
    task: ({ task }) => taskLabelText(task),
    output: ({ text }) => text,
  },
  reveal: 'Show me',
  right: 'Right!',
  wrong: (answer) => `Not quite: the answer is “${answer}”.`,
  why: {
    'ready-head': () => 'The ready queue is first in, first out: the handle at its head runs next.',
    'earliest-timer': ({ at }) => `Nothing was ready, so the loop jumps the clock to the earliest timer, at ${formatTime(at)}, and runs it.`,
    'woken-first': ({ by }) => `Running ${handleLabelText(by, 'en')} finishes what that task waited for, and it is first in line.`,
    'printed-by': ({ task, line }) =>
      `${task === null ? 'The program' : taskLabelText(task)} prints it${line === null ? '' : ` at line ${line}`}.`,
  },
  whatHappened: 'What happened:',
  continueHint: 'Step on (→) for the next question.',
  score: (right, of) => `You got ${right} of ${of} right.`,
  scoreStep: (step) => `step ${step}`,
  scoreRight: 'right',
  scoreWrong: 'wrong',
  scoreSkipped: 'not answered',
  scoreTitle: 'Your answers',
  nothingToPredict: 'Only one thing can happen next here: stepping on.',
};

const zh: PredictStrings = {
  toggle: '预测',
  toggleHint: '预测模式：每一步之前，先猜事件循环接下来做什么',
  panel: '接下来会发生什么？',
  question: (step) => `第 ${step} 步被隐藏了。接下来会发生什么？`,
  ask: {
    'runs-next': '事件循环接下来运行哪个句柄？',
    wakes: '下一步最先唤醒哪个正在等待的任务？',
    prints: '下一步最先打印什么？',
  },
  choice: {
    handle: ({ label }) => handleLabelText(label, 'zh'),
    task: ({ task }) => taskLabelText(task),
    output: ({ text }) => text,
  },
  reveal: '直接看答案',
  right: '答对了！',
  wrong: (answer) => `不对：答案是“${answer}”。`,
  why: {
    'ready-head': () => '就绪队列先进先出：排在队首的句柄先运行。',
    'earliest-timer': ({ at }) => `当时没有就绪的句柄，事件循环把时钟拨到最早的定时器（${formatTime(at)}）并运行它。`,
    'woken-first': ({ by }) => `运行 ${handleLabelText(by, 'zh')} 让这个任务等待的事情完成了，而它排在最前面。`,
    'printed-by': ({ task, line }) => `${task === null ? '程序' : taskLabelText(task)}${line === null ? '' : `在第 ${line} 行`}打印了它。`,
  },
  whatHappened: '实际发生的是：',
  continueHint: '继续下一步（→）看下一个问题。',
  score: (right, of) => `你答对了 ${of} 题中的 ${right} 题。`,
  scoreStep: (step) => `第 ${step} 步`,
  scoreRight: '答对',
  scoreWrong: '答错',
  scoreSkipped: '未作答',
  scoreTitle: '你的答案',
  nothingToPredict: '这里接下来只可能发生一件事：直接前进。',
};

const WORDS: Readonly<Record<Lang, PredictStrings>> = { en, zh };

export function predictStrings(l: Lang): PredictStrings {
  return WORDS[l];
}

export function choiceText(choice: PredictChoice, l: Lang): string {
  return render(WORDS[l].choice, choice);
}

export function whyText(why: PredictWhy, l: Lang): string {
  return render(WORDS[l].why, why);
}
