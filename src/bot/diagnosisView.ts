/**
 * A TLS configuration diagnosis resolved to one language and ready to render: the card
 * (cards/diagnosis.ts) and the Markdown for channels without cards both render this.
 */
import type { Diagnosis } from '../diagnosis';
import { pick } from '../knowledge/localize';
import type { Article, Lang } from '../knowledge/types';

export interface DiagnosisItem {
  setting: string;
  /** `HKLM\…\Name`, or the session expression. */
  where: string;
  found: number | null;
  expected: number;
  why: string;
}

export interface DiagnosisView {
  lang: Lang;
  wrong: DiagnosisItem[];
  ok: DiagnosisItem[];
  notShown: DiagnosisItem[];
  commands: string[];
  readCommands: string[];
  rebootNeeded: boolean;
  /** The reference article's affected features, and its id for `show`; absent when it isn't loaded. */
  breaks?: { articleId: string; features: string[] };
  sources: { title: string; url: string }[];
}

/** The article whose symptoms a wrong TLS setting causes. */
export const TLS_ARTICLE_ID = 'exo-legacy-tls-hybrid';

export function buildDiagnosisView(d: Diagnosis, lang: Lang, article: Article | undefined): DiagnosisView {
  const item = (f: Diagnosis['findings'][number]): DiagnosisItem => ({
    setting: pick(f.rule.setting, lang).text,
    where: f.rule.kind === 'session' ? `${f.rule.path}::${f.rule.name}` : `${f.rule.path}\\${f.rule.name}`,
    found: f.found,
    expected: f.rule.expected,
    why: pick(f.rule.why, lang).text,
  });
  const sources = new Map<string, string>();
  for (const f of d.findings) for (const s of f.rule.source) sources.set(s.url, s.title);
  return {
    lang,
    wrong: d.findings.filter((f) => f.ok === false).map(item),
    ok: d.findings.filter((f) => f.ok === true).map(item),
    notShown: d.findings.filter((f) => f.ok === null).map(item),
    commands: d.commands.map((c) => c.code),
    readCommands: d.readCommands,
    rebootNeeded: d.rebootNeeded,
    breaks: article ? { articleId: article.id, features: article.affects.map((a) => pick(a, lang).text) } : undefined,
    sources: [...sources].map(([url, title]) => ({ title, url })),
  };
}
