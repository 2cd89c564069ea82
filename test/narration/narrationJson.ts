/** The narration fixtures as JSON text: one event a line, so a re-recording diffs by event. */
export function narrationJson(traces: Readonly<Record<string, { readonly source: string; readonly end: unknown; readonly events: readonly unknown[] }>>): string {
  const programs = Object.entries(traces).map(([name, { source, end, events }]) =>
    [
      `  ${JSON.stringify(name)}: {`,
      `    "source": ${JSON.stringify(source)},`,
      `    "end": ${JSON.stringify(end)},`,
      `    "events": [`,
      events.map((e) => `      ${JSON.stringify(e)}`).join(',\n'),
      `    ]`,
      `  }`,
    ].join('\n'),
  );
  return `{\n${programs.join(',\n')}\n}\n`;
}
