/**
 * The TLS diagnosis answer: what is wrong or missing (found vs expected, and why), what that breaks, the
 * exact commands that fix exactly that, the reboot reminder, what is fine, and what the paste didn't show
 * with the commands that read it. As a card and as Markdown for channels without cards.
 */
import type { DiagnosisItem, DiagnosisView } from '../diagnosisView';
import type { DiagnosisTexts } from '../diagnosisTexts';
import { escapeMarkdown } from './answerMarkdown';
import { card, codeBlock, heading, paragraph, run, type AdaptiveCard, type CardJson } from './elements';

function verdict(item: DiagnosisItem, t: DiagnosisTexts): string {
  return item.found === null ? t.missing(item.expected) : t.found(item.found, item.expected);
}

export function diagnosisCard(view: DiagnosisView, t: DiagnosisTexts, summary: string): AdaptiveCard {
  const body: CardJson[] = [{ ...heading(t.title, 'Large'), spacing: 'None' }];
  body.push(
    paragraph(
      [
        run(view.wrong.length === 0 ? t.allGood : t.wrongCount(view.wrong.length), {
          weight: 'Bolder',
          color: view.wrong.length === 0 ? 'Good' : 'Attention',
        }),
      ],
      { spacing: 'Small' },
    ),
  );

  if (view.wrong.length > 0) {
    body.push(heading(t.wrongHeading));
    for (const item of view.wrong) {
      body.push(
        paragraph([run(`✗  ${item.setting}`, { weight: 'Bolder' }), run(` – ${verdict(item, t)}`, { color: 'Attention' })], {
          spacing: 'Small',
        }),
      );
      body.push(paragraph([run(item.where, { fontType: 'Monospace', isSubtle: true, size: 'Small' })], { spacing: 'None' }));
      body.push(paragraph([run(item.why, { isSubtle: true })], { spacing: 'None' }));
    }
    if (view.breaks) {
      body.push(heading(t.breaksHeading), paragraph([run(t.breaksIntro(t.showCommand(view.breaks.articleId)))], { spacing: 'Small' }));
      for (const feature of view.breaks.features) body.push(paragraph([run(`•  ${feature}`)], { spacing: 'None' }));
    }
    body.push(heading(t.fixHeading), paragraph([run(t.fixIntro)], { spacing: 'Small' }));
    for (const code of view.commands) body.push(codeBlock(code, 'PowerShell'));
    if (view.rebootNeeded) body.push(paragraph([run(t.reboot, { weight: 'Bolder', color: 'Warning' })]));
  }

  if (view.ok.length > 0) {
    body.push(heading(t.okHeading));
    for (const item of view.ok)
      body.push(paragraph([run(`✓  ${item.setting}`), run(` – ${t.okValue(item.found!)}`, { isSubtle: true })], { spacing: 'None' }));
  }

  if (view.notShown.length > 0) {
    body.push(heading(t.notShownHeading));
    for (const item of view.notShown) body.push(paragraph([run(`?  ${item.setting}`, { isSubtle: true })], { spacing: 'None' }));
    body.push(paragraph([run(t.notShownIntro)]));
    for (const code of view.readCommands) body.push(codeBlock(code, 'PowerShell'));
    if (view.breaks) body.push(paragraph([run(t.checkScript(t.showCommand(view.breaks.articleId)), { isSubtle: true })]));
  }

  const links: CardJson[] = [run(`${t.sources}: `, { isSubtle: true })];
  view.sources.forEach((s, i) => {
    if (i > 0) links.push(run(' · ', { isSubtle: true }));
    links.push(run(s.title, { isSubtle: true, underline: true, selectAction: { type: 'Action.OpenUrl', url: s.url } }));
  });
  body.push(paragraph(links, { spacing: 'Medium', separator: true }));
  return card(body, [], summary);
}

export function diagnosisMarkdown(view: DiagnosisView, t: DiagnosisTexts): string {
  const out: string[] = [`**${t.title}**`, '', view.wrong.length === 0 ? t.allGood : t.wrongCount(view.wrong.length), ''];
  if (view.wrong.length > 0) {
    out.push(`**${t.wrongHeading}**`, '');
    for (const item of view.wrong)
      out.push(`- **${escapeMarkdown(item.setting)}** – ${verdict(item, t)}  \n  \`${item.where}\`  \n  ${escapeMarkdown(item.why)}`);
    out.push('');
    if (view.breaks)
      out.push(
        `**${t.breaksHeading}**`,
        '',
        t.breaksIntro(`\`${t.showCommand(view.breaks.articleId)}\``),
        '',
        ...view.breaks.features.map((f) => `- ${escapeMarkdown(f)}`),
        '',
      );
    out.push(`**${t.fixHeading}**`, '', t.fixIntro, '', '```powershell', ...view.commands, '```', '');
    if (view.rebootNeeded) out.push(`**${t.reboot}**`, '');
  }
  if (view.ok.length > 0)
    out.push(`**${t.okHeading}**`, '', ...view.ok.map((i) => `- ${escapeMarkdown(i.setting)} – ${t.okValue(i.found!)}`), '');
  if (view.notShown.length > 0) {
    out.push(
      `**${t.notShownHeading}**`,
      '',
      ...view.notShown.map((i) => `- ${escapeMarkdown(i.setting)}`),
      '',
      t.notShownIntro,
      '',
      '```powershell',
      ...view.readCommands,
      '```',
      '',
    );
    if (view.breaks) out.push(t.checkScript(`\`${t.showCommand(view.breaks.articleId)}\``), '');
  }
  out.push(`_${t.sources}: ${view.sources.map((s) => `[${escapeMarkdown(s.title)}](${s.url})`).join(' · ')}_`);
  return out.join('\n');
}
