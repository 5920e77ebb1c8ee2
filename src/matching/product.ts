import type { Article } from '../knowledge/types';
import { CLOUD_ONLY_PASTE, CLOUD_PASTE, CLOUD_REPLY_CODE, ON_PREMISES_PASTE, ON_PREMISES_SIDE } from '../knowledge/vocabulary';

/**
 * The product rule: an imported article carries the products it applies to (front matter `appliesto`; an article without
 * one whose title ends `… in Exchange Online` applies to what its title says). A paste that says it runs on an on-premises
 * Exchange server (`Exchange 2013`, the EMS prompt `[PS] C:\…>`) and names nothing of the cloud (Exchange Online, Office
 * 365, a tenant, hybrid, the HCW) is another product than an article that applies to Exchange Online only: the same error
 * there has another cause and fix, so the match is offered, not answered. Articles without products (the YAML ones) and
 * articles that apply to an Exchange Server too (hybrid ones) never conflict, nor does an article whose own text names the
 * paste's version (`Sending Mailbox Server … isn't running Exchange 2013`: the version is part of the error).
 *
 * The other direction: a paste printed in Exchange Online (the EXO module, its endpoint, a datacenter host, a tenant domain, the
 * words `Exchange Online`) that names nothing of an on-premises or hybrid side, matched to an article that applies to Exchange
 * Server only, is offered too, unless the article's own text speaks of the cloud (a hybrid or migration article).
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

/**
 * What shows the paste was printed in Exchange Online (`Connect-ExchangeOnline`, `….prod.outlook.com`), undefined when nothing
 * does or it names an on-premises or hybrid side too.
 */
export function pasteCloudOnly(text: string): string | undefined {
  const m = CLOUD_ONLY_PASTE.exec(text);
  if (!m || ON_PREMISES_PASTE.test(text) || ON_PREMISES_SIDE.test(text)) return undefined;
  return m[0].replace(/^\./, '').trim();
}

/**
 * The paste names anything of Microsoft's cloud (Exchange Online, Office 365, a tenant, a datacenter host, hybrid) or holds
 * a diagnostic code only Exchange Online Protection writes (`ATTR36`).
 */
export function pasteNamesCloud(text: string): boolean {
  return CLOUD_PASTE.test(text) || CLOUD_ONLY_PASTE.test(text) || CLOUD_REPLY_CODE.test(text);
}

/** The article applies to an Exchange Server and to nothing of the cloud (its products; an article without products never). */
export function serverOnly(article: Article): boolean {
  const names = (article.products ?? []).map((p) => p.name.toLowerCase());
  return (
    names.some((n) => /\bexchange server\b/.test(n) && !n.includes('online')) &&
    !names.some((n) => n === 'exchange' || /online|365/.test(n))
  );
}

/** The article's own text (squashed) speaks of the cloud (Exchange Online, Office 365, hybrid): it is no conflict then. */
export function namesCloud(squashed: string): boolean {
  return /exchangeonline|office365|microsoft365|hybrid/.test(squashed);
}

/** An Exchange Server version the paste names (`Exchange 2010`, `Exchange Server 2013`): its year. */
const SERVER_YEAR = /\bExchange(?:[- ]Server)?[ \t]{1,3}(20\d\d)\b/gi;

/** The newest Exchange Server version the paste names (a year), undefined when it names none. */
export function newestPastedServer(text: string): number | undefined {
  let newest: number | undefined;
  for (const m of text.matchAll(SERVER_YEAR)) newest = Math.max(newest ?? 0, Number(m[1]));
  return newest;
}

/**
 * The oldest Exchange Server version the article applies to (its products' versions, years), undefined when its products
 * name no Exchange Server version (none, or "all versions").
 */
export function oldestServer(article: Article): number | undefined {
  let oldest: number | undefined;
  for (const p of article.products ?? []) {
    if (!/^exchange server$/i.test(p.name)) continue;
    if (!p.versions.length) return undefined;
    for (const v of p.versions) {
      const year = /^(20\d\d)\b/.exec(v);
      if (year) oldest = Math.min(oldest ?? Infinity, Number(year[1]));
    }
  }
  return oldest;
}

/**
 * Every Exchange Server version the paste names, as years: `Exchange 2016`, `Exchange Server 2019 CU14`, the years a list
 * goes on with (`Exchange 2013 and 2016`, `Exchange 2010/2013`), and a server's build (`15.1.2507.6` is Exchange 2016).
 * Empty when it names none.
 */
export function pastedServers(text: string): Set<number> {
  const years = new Set<number>();
  if (/exchange/i.test(text)) for (const m of text.matchAll(SERVER_LIST)) for (const y of m[0].matchAll(/20\d\d/g)) years.add(Number(y[0]));
  if (/\b1[45]\.0?\d[. ]/.test(text))
    for (const m of text.matchAll(SERVER_BUILD)) {
      const year = BUILD_YEARS[`${m[1] ?? m[3]}.${m[2] ?? m[4]}`];
      if (year !== undefined) years.add(year);
    }
  return years;
}

/**
 * An on-premises Exchange build: `15.1.2507.6`, `15.02.1544.004`, `Version 15.2 (Build 1544.4)` (Exchange Online's datacenter
 * builds, `15.20.…`, are no server's). Its major and minor version say which server (BUILD_YEARS).
 */
const SERVER_BUILD = /(?<![\d.])(1[45])\.0?([0-3])\.\d{3,4}\.\d{1,4}(?![\d.])|\bVersion (1[45])\.([0-3]) \(Build \d{3,4}\.\d{1,4}\)/g;

/** Exchange Server versions by their build's major.minor. */
const BUILD_YEARS: Readonly<Record<string, number | undefined>> = {
  '14.0': 2010,
  '14.1': 2010,
  '14.2': 2010,
  '14.3': 2010,
  '15.0': 2013,
  '15.1': 2016,
  '15.2': 2019,
};

/** `Exchange 2013`, `Exchange Server 2016`, with the years a list adds after it (`, 2016`, ` and 2019`, `/2016`). */
const SERVER_LIST =
  /\bExchange(?:[- ]Server)?[ \t]{1,3}20\d\d\b(?:[ \t]{0,2}(?:,|\/|&|and|or)[ \t]{0,2}(?:Exchange(?:[- ]Server)?[ \t]{1,3})?20\d\d\b)*/gi;

/**
 * The Exchange Server versions (years) an article is about, when it says they are its scenario: its title names them
 * (`… in Exchange Server 2013`, `… Exchange 2016 and later versions`), or its title or a symptom speaks of a coexistence of
 * versions (`… in an Exchange coexistence environment`). The years are its products' and its title's; `from`, a year its
 * title says later versions follow (`and later`, `or a later version`). Undefined for every other article (most list the
 * versions of their day without saying the problem is theirs alone), and for an article that applies to the cloud too (a
 * hybrid article: the wizard and the cloud side are the same for every server version).
 */
export function versionScope(article: Article): { years: Set<number>; from?: number } | undefined {
  const title = article.title.en ?? '';
  const titled = /\bExchange(?:[- ]Server)?[ \t]{1,3}20\d\d\b/i.test(title);
  if (!titled && !COEXISTENCE.test(title) && !article.symptoms.some((s) => COEXISTENCE.test(s.description.en ?? ''))) return undefined;
  let years: Set<number> | undefined;
  for (const p of article.products ?? []) {
    const name = p.name.toLowerCase();
    if (/online|365|azure|entra/.test(name)) return undefined;
    if (name !== 'exchange server') continue;
    for (const v of p.versions) {
      const year = /^(20\d\d)\b/.exec(v);
      if (year) (years ??= new Set()).add(Number(year[1]));
    }
  }
  let from: number | undefined;
  for (const m of title.matchAll(SERVER_LIST)) {
    for (const y of m[0].matchAll(/20\d\d/g)) (years ??= new Set()).add(Number(y[0]));
    if (LATER.test(title.slice(m.index + m[0].length, m.index + m[0].length + 40))) from = Math.max(...m[0].match(/20\d\d/g)!.map(Number));
  }
  return years && { years, ...(from !== undefined ? { from } : {}) };
}

/** Versions of Exchange side by side (`coexistence`, `co-existence`, `coexist`). */
const COEXISTENCE = /\bco-?exist/i;

/** After a version: later ones too (`and later versions`, `or a later version`, `or later`). */
const LATER = /^[ \t]*(?:\S+[ \t]+){0,3}?(?:and|or)[ \t]+(?:a[ \t]+)?later\b/i;
