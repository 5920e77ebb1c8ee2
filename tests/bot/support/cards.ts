/**
 * Checks cards the way clients see them, with the `adaptivecards` package (its DOM-free UMD bundle
 * loads in Node): parse errors, invalid enum values, elements newer than 1.5 — once as Teams sees the
 * card (knows `CodeBlock`) and once as Web Chat does (falls back to the monospace text).
 */
import type * as ACTypes from 'adaptivecards';
// The package's ESM `lib/` does not load in Node; its UMD bundle does.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof ACTypes;

/** Teams' `CodeBlock` element, so a Teams-view parse validates it instead of falling back. */
class CodeBlock extends AC.CardElement {
  static readonly codeSnippetProperty = new AC.StringProperty(AC.Versions.v1_0, 'codeSnippet');
  static readonly languageProperty = new AC.StringProperty(AC.Versions.v1_0, 'language');
  getJsonTypeName(): string {
    return 'CodeBlock';
  }
  protected internalRender(): HTMLElement | undefined {
    return undefined;
  }
  get codeSnippet(): string | undefined {
    return this.getValue(CodeBlock.codeSnippetProperty) as string | undefined;
  }
}

/** Teams' CodeBlock languages (the ones the bot may use are a subset). */
const CODE_LANGUAGES = new Set(['PowerShell', 'Bash', 'DOS', 'JSON', 'PlainText']);

export interface CardCheck {
  /** Problems found; empty for a good card. */
  problems: string[];
  /** The parsed card as Teams sees it. */
  teams: ACTypes.AdaptiveCard;
  /** The parsed card as Web Chat sees it (CodeBlock replaced by its fallback). */
  webchat: ACTypes.AdaptiveCard;
}

function parse(json: object, withCodeBlock: boolean): { card: ACTypes.AdaptiveCard; events: string[] } {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  if (withCodeBlock) {
    const registry = new AC.CardObjectRegistry<ACTypes.CardElement>();
    AC.GlobalRegistry.populateWithDefaultElements(registry);
    registry.register('CodeBlock', CodeBlock, AC.Versions.v1_5);
    context.setElementRegistry(registry);
  }
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  const events: string[] = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i).message);
  for (const e of card.validateProperties().validationEvents) events.push(e.message);
  return { card, events };
}

export function checkCard(json: unknown): CardCheck {
  const problems: string[] = [];
  const card = json as { type?: string; version?: string; body?: unknown[] };
  if (card?.type !== 'AdaptiveCard') problems.push(`type is ${String(card?.type)}, not AdaptiveCard`);
  const [major, minor] = String(card?.version ?? '')
    .split('.')
    .map(Number);
  if (!(major === 1 && minor !== undefined && minor <= 5)) problems.push(`version ${card?.version} is not 1.0–1.5`);

  const teams = parse(json as object, true);
  problems.push(...teams.events.map((m) => `teams: ${m}`));
  const webchat = parse(json as object, false);
  problems.push(...webchat.events.filter((m) => !/^Unknown element type "CodeBlock"/.test(m)).map((m) => `webchat: ${m}`));

  for (const block of findAll(json, (o) => o.type === 'CodeBlock')) {
    if (typeof block.codeSnippet !== 'string' || block.codeSnippet === '') problems.push('CodeBlock without codeSnippet');
    if (!CODE_LANGUAGES.has(String(block.language))) problems.push(`CodeBlock language ${String(block.language)}`);
    const fallback = block.fallback as Record<string, unknown> | undefined;
    if (!fallback || typeof fallback !== 'object') problems.push('CodeBlock without a fallback element');
    else if (!JSON.stringify(fallback).includes('"fontType":"Monospace"')) problems.push('CodeBlock fallback is not monospace');
    else if (!allText(fallback).includes(String(block.codeSnippet))) problems.push('CodeBlock fallback differs from the snippet');
  }
  return { problems, teams: teams.card, webchat: webchat.card };
}

type JsonObject = Record<string, unknown>;

/** Every object in a JSON tree that satisfies `test`, depth first. */
export function findAll(node: unknown, test: (o: JsonObject) => boolean): JsonObject[] {
  const out: JsonObject[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      if (test(n as JsonObject)) out.push(n as JsonObject);
      Object.values(n).forEach(walk);
    }
  };
  walk(node);
  return out;
}

/** All text a person sees in a card element tree (TextBlock, TextRun, CodeBlock; not fallbacks twice). */
export function allText(node: unknown): string {
  const parts: string[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as JsonObject;
    if (o.type === 'TextBlock' || o.type === 'TextRun') parts.push(String(o.text));
    if (o.type === 'CodeBlock') {
      parts.push(String(o.codeSnippet));
      return; // its fallback repeats the snippet
    }
    for (const [key, value] of Object.entries(o)) if (key !== 'data') walk(value);
  };
  walk(node);
  return parts.join('\n');
}
