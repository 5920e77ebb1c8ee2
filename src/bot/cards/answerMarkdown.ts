/**
 * The answer as Markdown, for channels that can't show Adaptive Cards. Same content as the card;
 * commands in fenced code blocks so they are copied whole.
 */
import type { AnswerView } from '../answerView';
import type { Texts } from '../texts';

/**
 * Escapes the Markdown that could change how pasted or article text shows (emphasis, code, links, HTML,
 * tables); Markdown clients show the escaped characters plainly.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]()|<>~])/g, '\\$1');
}

const FENCE_LANGUAGE = { PowerShell: 'powershell', DOS: 'bat', Bash: 'bash' } as const;

export function answerMarkdown(view: AnswerView, t: Texts): string {
  const out: string[] = [`**${escapeMarkdown(view.title)}**`, ''];
  if (view.symptom) out.push(`${t.matchedSymptom}: ${escapeMarkdown(view.symptom)}`, '');
  if (view.evidence) out.push(t.fromYourPaste, '', fence(view.evidence, 'text'), '');
  if (view.truncatedKb !== undefined) out.push(`_${t.truncated(view.truncatedKb)}_`, '');
  if (view.otherLanguage) out.push(`_${t.otherLanguage}_`, '');
  out.push(`**${t.cause}**`, '', escapeMarkdown(view.cause), '');
  if (view.affects.length > 0) out.push(`**${t.affected}**`, '', ...view.affects.map((a) => `- ${escapeMarkdown(a)}`), '');
  out.push(`**${t.fix}**`, '');
  view.steps.forEach((step, i) => {
    out.push(`${i + 1}. ${escapeMarkdown(step.text)}`);
    for (const c of step.commands) {
      out.push('', `   ${t.shell[c.shell]}:`, '', indent(fence(c.code, FENCE_LANGUAGE[c.language]), '   '));
      const filled = c.placeholders.filter((p) => p.value !== undefined);
      if (filled.length > 0) {
        out.push('', `   ${t.filledIn}`);
        for (const p of filled)
          out.push(
            `   - \`<${p.name}>\` = \`${p.value}\` – ${escapeMarkdown(p.description)} _(${escapeMarkdown(t.valueFrom(p.from!, p.origin!))})_`,
          );
      }
      const open = c.placeholders.filter((p) => p.value === undefined);
      if (open.length > 0) {
        out.push('', `   ${t.replaceBeforeRunning}`);
        for (const p of open) out.push(`   - \`<${p.name}>\` – ${escapeMarkdown(p.description)}`);
      }
    }
    out.push('');
  });
  if (view.references.length > 0) {
    out.push(`**${t.references}**`, '', ...view.references.map((r) => `- [${escapeMarkdown(r.title)}](${r.url})`), '');
  }
  if (view.alsoIn.length > 0) {
    out.push(`**${t.alsoIn}**`, '', ...view.alsoIn.map((a) => `- ${escapeMarkdown(a.title)} (\`${t.showCommand(a.id)}\`)`), '');
  }
  if (view.source) {
    const s = view.source;
    const title = s.url ? `[${escapeMarkdown(s.title)}](${s.url})` : escapeMarkdown(s.title);
    out.push(`_${t.source}: ${title}${s.license ? ` (${s.license})` : ''}_`);
  }
  return out.join('\n').trim();
}

/** A fenced code block long enough that backticks inside the code can't close it. */
export function fence(code: string, language: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${language}\n${code}\n${ticks}`;
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((line) => by + line)
    .join('\n');
}
