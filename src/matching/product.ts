import type { Article } from '../knowledge/types';
import { CLOUD_PASTE, ON_PREMISES_PASTE } from '../knowledge/vocabulary';

/**
 * The product rule: an imported article carries the products it applies to (front matter `appliesto`; an article without
 * one whose title ends `… in Exchange Online` applies to what its title says). A paste that says it runs on an on-premises
 * Exchange server (`Exchange 2013`, the EMS prompt `[PS] C:\…>`) and names nothing of the cloud (Exchange Online, Office
 * 365, a tenant, hybrid, the HCW) is another product than an article that applies to Exchange Online only: the same error
 * there has another cause and fix, so the match is offered, not answered. Articles without products (the YAML ones) and
 * articles that apply to an Exchange Server too (hybrid ones) never conflict, nor does an article whose own text names the
 * paste's version (`Sending Mailbox Server … isn't running Exchange 2013`: the version is part of the error).
 */

/** The on-premises product the paste names (`Exchange 2013`, `[PS] C:\…>`), undefined when it names none or the cloud too. */
export function pasteOnPremises(text: string): string | undefined {
  const m = ON_PREMISES_PASTE.exec(text);
  if (!m || CLOUD_PASTE.test(text)) return undefined;
  return m[0].trim();
}

/** The article applies to Exchange Online and to no Exchange Server (its products, or else its title's `in Exchange Online`). */
export function onlineOnly(article: Article): boolean {
  const names = (article.products ?? []).map((p) => p.name.toLowerCase());
  if (!names.length) return /\bin Exchange Online$/i.test(article.title.en ?? '');
  return names.some((n) => n.startsWith('exchange online')) && !names.some((n) => n === 'exchange' || n.startsWith('exchange server'));
}

/** The article's own text (squashed, `scenario.ts` ArticleScenario) names the paste's product: then it is no conflict. */
export function namesProduct(squashed: string, product: string): boolean {
  const version = /\b(?:\d{4}|SE)\b/i.exec(product)?.[0].toLowerCase();
  if (version === undefined) return false;
  return squashed.includes(`exchange${version}`) || squashed.includes(`exchangeserver${version}`);
}
