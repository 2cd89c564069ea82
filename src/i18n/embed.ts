/**
 * The words of embedding: the embedded page (its link to the full app, its notes) and the Embed
 * dialog that writes the iframe code, in English and Chinese. The link's parameter names and
 * values (`views=timeline`, `editor=readonly`) are code, shown as they are written.
 */
import { EMBED_VIEWS, type EditorMode, type EmbedTheme, type EmbedViewName, type IgnoredParam } from '../protocol/embed';
import type { Lang } from './lang';

/** The views' names as a link writes them. */
const VIEW_LIST = EMBED_VIEWS.join(', ');

export interface EmbedStrings {
  readonly openInLoopscope: string;
  readonly openInLoopscopeHint: string;
  readonly editorReadOnly: string;
  /** The iframe's accessible name, written into the code the dialog makes. */
  readonly frameTitle: string;
  /** Where the embed's views are, for screen readers. */
  readonly embedRegion: string;
  /** Stop cannot interrupt Python in a frame that is not cross-origin isolated. */
  readonly stopRestarts: string;
  readonly ignoredIntro: string;
  readonly ignored: (param: IgnoredParam) => string;

  readonly embed: string;
  readonly embedHint: string;
  readonly dialogTitle: string;
  readonly viewsLegend: string;
  readonly viewName: Readonly<Record<EmbedViewName, string>>;
  readonly noViewPicked: string;
  readonly editorLegend: string;
  readonly editorMode: Readonly<Record<EditorMode, string>>;
  readonly playback: string;
  readonly autoplay: string;
  readonly speed: string;
  readonly looks: string;
  readonly language: string;
  readonly readersLanguage: string;
  readonly theme: string;
  readonly themeName: Readonly<Record<EmbedTheme | 'system', string>>;
  readonly opensAt: (step: number) => string;
  readonly opensBeforeRun: string;
  readonly codeLabel: string;
  readonly copy: string;
  readonly copied: string;
  readonly copyByHand: string;
  readonly preview: string;
  readonly headersNote: string;
}

const en: EmbedStrings = {
  openInLoopscope: 'Open in Loopscope ↗',
  openInLoopscopeHint: 'Open this program at this step in the full Loopscope, in a new tab',
  editorReadOnly: 'This embedded program is read-only. Open it in Loopscope to change it.',
  frameTitle: 'Loopscope: an asyncio program, one loop step at a time',
  embedRegion: 'Embedded Loopscope',
  stopRestarts:
    'Stop restarts Python in this frame (a few seconds): the page around it is not cross-origin isolated. The run up to the stop is kept.',
  ignoredIntro: 'This embed’s link asks for settings Loopscope does not know; it uses its defaults for them:',
  ignored: ({ key, value }) => {
    const asked = `${key}=${value}`;
    switch (key) {
      case 'embed':
        return `${asked} is shown as an embed (write embed=1).`;
      case 'views':
        return `${asked}: the views are ${VIEW_LIST}.`;
      case 'play':
        return `${asked}: write play=1 to play at once.`;
      case 'speed':
        return `${asked}: the speed is a number of loop steps per second, at most 1000.`;
      case 'editor':
        return `${asked}: the editor is readonly, hidden or editable.`;
      case 'theme':
        return `${asked}: the theme is light or dark.`;
    }
  },

  embed: 'Embed',
  embedHint: 'Put this program, at this step, into a web page (iframe code)',
  dialogTitle: 'Embed in a web page',
  viewsLegend: 'Views to show',
  viewName: {
    narration: 'Narration',
    timeline: 'Task timeline',
    ready: 'Ready queue',
    timers: 'Timers',
    cancellations: 'Cancellations',
    objects: 'Objects and await graph',
    console: 'Console',
    problems: 'Problems',
  },
  noViewPicked: 'No view picked: the embed shows its default views.',
  editorLegend: 'Program',
  editorMode: { readonly: 'Shown, read-only', hidden: 'Hidden', editable: 'Editable, with Run' },
  playback: 'Playback',
  autoplay: 'Play at once',
  speed: 'Speed',
  looks: 'Language and colours',
  language: 'Language',
  readersLanguage: 'The reader’s',
  theme: 'Colours',
  themeName: { system: 'The reader’s system', light: 'Light', dark: 'Dark' },
  opensAt: (step) => `The embed opens at step ${step}, where you are now.`,
  opensBeforeRun: 'Run the program to choose the step it opens at; it opens at the start.',
  codeLabel: 'Paste this into your page’s HTML:',
  copy: 'Copy code',
  copied: 'Copied',
  copyByHand: 'The clipboard is not available: the code is selected, copy it with Ctrl/⌘ + C.',
  preview: 'Preview in a new tab',
  headersNote:
    'The script keeps the frame as tall as its content. Stop works best when your page is cross-origin isolated (COOP and COEP headers); without them it restarts Python. See “Embedding” in the README.',
};

const zh: EmbedStrings = {
  openInLoopscope: '在 Loopscope 中打开 ↗',
  openInLoopscopeHint: '在新标签页的完整 Loopscope 中打开这个程序和当前步骤',
  editorReadOnly: '这个嵌入的程序是只读的。在 Loopscope 中打开就可以修改。',
  frameTitle: 'Loopscope：一步一步看 asyncio 程序的事件循环',
  embedRegion: '嵌入的 Loopscope',
  stopRestarts: '在这个框架里，“停止”会重启 Python（需要几秒）：外面的页面没有启用跨源隔离。停止之前的运行记录会保留。',
  ignoredIntro: '这个嵌入链接里有 Loopscope 不认识的设置，这些设置改用默认值：',
  ignored: ({ key, value }) => {
    const asked = `${key}=${value}`;
    switch (key) {
      case 'embed':
        return `${asked} 按嵌入方式显示（请写 embed=1）。`;
      case 'views':
        return `${asked}：可用的视图是 ${VIEW_LIST}。`;
      case 'play':
        return `${asked}：要立即播放，请写 play=1。`;
      case 'speed':
        return `${asked}：速度是每秒的循环步数，最多 1000。`;
      case 'editor':
        return `${asked}：编辑器可以是 readonly、hidden 或 editable。`;
      case 'theme':
        return `${asked}：主题可以是 light 或 dark。`;
    }
  },

  embed: '嵌入',
  embedHint: '把这个程序和当前步骤放进网页（iframe 代码）',
  dialogTitle: '嵌入到网页',
  viewsLegend: '要显示的视图',
  viewName: {
    narration: '解说',
    timeline: '任务时间线',
    ready: '就绪队列',
    timers: '定时器',
    cancellations: '取消',
    objects: '对象和等待关系图',
    console: '控制台',
    problems: '问题',
  },
  noViewPicked: '没有选择视图：嵌入会显示默认的视图。',
  editorLegend: '程序',
  editorMode: { readonly: '显示，只读', hidden: '隐藏', editable: '可编辑，可运行' },
  playback: '播放',
  autoplay: '立即播放',
  speed: '速度',
  looks: '语言和配色',
  language: '语言',
  readersLanguage: '跟随读者',
  theme: '配色',
  themeName: { system: '跟随读者的系统', light: '浅色', dark: '深色' },
  opensAt: (step) => `嵌入会在第 ${step} 步打开，也就是你现在的位置。`,
  opensBeforeRun: '先运行程序，才能选择打开的步骤；现在会从头打开。',
  codeLabel: '把这段代码粘贴到你网页的 HTML 里：',
  copy: '复制代码',
  copied: '已复制',
  copyByHand: '无法使用剪贴板：代码已选中，请按 Ctrl/⌘ + C 复制。',
  preview: '在新标签页中预览',
  headersNote:
    '这段脚本会让框架的高度跟随内容。你的页面启用跨源隔离（COOP 和 COEP 响应头）时，“停止”效果最好；否则“停止”会重启 Python。详见 README 的 “Embedding” 一节。',
};

export function embedStrings(lang: Lang): EmbedStrings {
  return lang === 'zh' ? zh : en;
}
