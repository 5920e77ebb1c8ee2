/**
 * The PasteFix bot: turns a pasted error into an answer card, a clarify question or an honest
 * "not in my knowledge base"; answers commands, greetings and feedback. All behaviour lives here;
 * cards, texts and the language rule are in their own modules.
 */
import type { Activity, ConversationState, StatePropertyAccessor } from 'botbuilder';
import { ActivityHandler, ActivityTypes, CardFactory, MessageFactory, TurnContext } from '../botbuilder';
import type { Logger } from 'pino';
import type { KnowledgeBase } from '../knowledge/load';
import { pick } from '../knowledge/localize';
import type { Article, Lang } from '../knowledge/types';
import type { MatchOptions, MatchResult } from '../matching/types';
import { buildAnswerView, firstSentence, type AnswerContext, type KnownValue } from './answerView';
import { valuesInPaste, type FoundValue, type ValueKind } from '../diagnosis/fill';
import { answerCard } from './cards/answer';
import { answerMarkdown, escapeMarkdown, fence } from './cards/answerMarkdown';
import { clarifyCard, type Candidate } from './cards/clarify';
import { submitData, type ChoiceData, type FeedbackData, type SubmitData } from './submitData';
import { checkFeedback, MAX_ID_CHARS, rememberAnswer, type ShownAnswer } from './feedbackCheck';
import { isFromOtherBot, supportsAdaptiveCards } from './channels';
import type { FeedbackLog, LogEntry } from './feedbackLog';
import { parseIntent } from './intents';
import { chooseLang, preferredLang } from './language';
import { maskSensitive, pasteForLog } from './mask';
import { keepTyping, quotedLines, readScreenshots, type ScreenshotDeps, type ScreenshotsRead } from './screenshots/read';
import { imageSources, type ImageSource } from './screenshots/sources';
import { texts, clarifyIntro, type Texts } from './texts';
import { diagnose, mayShowConfiguration, type Diagnosis } from '../diagnosis';
import { buildDiagnosisView, TLS_ARTICLE_ID } from './diagnosisView';
import { diagnosisTexts } from './diagnosisTexts';
import { diagnosisCard, diagnosisMarkdown } from './cards/diagnosis';
import { MAX_PASTE_CHARS } from '../matching/matcher';
import { setImmediate as letOthersRun } from 'node:timers/promises';

/** What the bot needs from the matcher (the real `Matcher` class satisfies it). */
export interface MatcherLike {
  readonly kb: KnowledgeBase;
  match(text: string, options?: MatchOptions): MatchResult;
}

export interface PasteFixBotDeps {
  /** The matcher to use for this turn; a function so that a knowledge reload can swap it. */
  matcher: () => MatcherLike;
  /** Holds pending clarify choices and the conversation's language (memory, file or blob storage). */
  conversationState: ConversationState;
  feedbackLog: FeedbackLog;
  logger: Logger;
  /** Default `() => new Date()`. */
  clock?: () => Date;
  /** Reading screenshots (OCR). Without it, images are ignored and only the message's text counts. */
  screenshots?: ScreenshotDeps;
}

/** What the bot remembers per conversation. */
export interface ConversationData {
  /** Language the user chose by typing German or English words (`hilfe`, `thanks`). */
  lang?: Lang;
  /** Set once the welcome was sent, so a conversation is welcomed once. */
  welcomed?: boolean;
  /** The open clarify question. */
  pending?: PendingChoice;
  /** Placeholder values (a domain, a server name) pastes in this conversation showed, for later answers. */
  values?: Partial<Record<ValueKind, FoundValue>>;
  /** The last answer shown, so feedback on it can be logged with its paste. */
  last?: { article: string; symptom: string | null; paste: string };
  /** The latest answers shown (ids only), so feedback is taken only on them, once each. */
  answers?: ShownAnswer[];
}

export interface PendingChoice {
  /**
   * Ids, and the pasted line to quote in the answer, masked: conversation state may live in Blob
   * Storage, and the privacy statement promises that no paste is stored unmasked.
   */
  candidates: { article: string; symptom: string | null; evidence?: string }[];
  lang: Lang;
  /** Masked paste, for the log if none of the candidates fits. */
  paste: string;
  truncatedKb?: number;
  /** The candidates were long shots (`Match.weak`): the paste is logged as unmatched already. */
  longShot?: true;
}

export class PasteFixBot extends ActivityHandler {
  private readonly state: StatePropertyAccessor<ConversationData>;
  private readonly clock: () => Date;

  constructor(private readonly deps: PasteFixBotDeps) {
    super();
    this.state = deps.conversationState.createProperty<ConversationData>('pastefix');
    this.clock = deps.clock ?? (() => new Date());
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.handleMembersAdded(context);
      await next();
    });
  }

  /**
   * Runs the turn and saves the conversation state once at its end. A message goes straight to `handleMessage`
   * while this bot's own message handler is the only one registered: ActivityHandler would pass it through about
   * ten nested async steps (turn, message and dialog events, none with another handler) to get there.
   */
  override async run(context: TurnContext): Promise<void> {
    if (context?.activity?.type === ActivityTypes.Message && this.onlyOwnHandlers()) await this.handleMessage(context);
    else await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
  }

  /** True while no handler but the constructor's ones was registered for the events a message runs through. */
  private onlyOwnHandlers(): boolean {
    const { Turn, Message, Dialog } = this.handlers;
    return (Message?.length ?? 0) === 1 && !Turn?.length && !Dialog?.length;
  }

  // ---- message turns ----

  private async handleMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (isFromOtherBot(activity)) {
      this.deps.logger.debug({ activityId: activity.id, from: activity.from?.id }, 'ignored a message from another bot');
      return;
    }
    const data = await this.state.get(context, {});
    const submitted = submitData(activity.value);
    if (submitted) return this.handleSubmit(context, data, submitted);
    const images = this.deps.screenshots ? imageSources(activity) : [];
    if (images.length > 0) return this.handleScreenshots(context, data, images);

    const { intent, preferred } = readIntent(activity, data);
    const lang = preferred ?? chooseLang({});
    const t = texts(lang);

    switch (intent.kind) {
      case 'empty':
      case 'greeting':
        return void (await this.sendText(context, t.greeting));
      case 'thanks':
        return void (await this.sendText(context, t.thanks));
      case 'help':
        return void (await this.sendText(context, t.helpMd));
      case 'topics':
        return void (await this.sendText(context, this.topicsMd(lang)));
      case 'show':
        return this.show(context, data, lang, intent.id);
      case 'number':
        if (data.pending) return this.choose(context, data, { action: 'choose', index: intent.value });
        // A lone number is no error message; don't search for it.
        return void (await this.sendText(context, t.noPendingChoice));
      case 'paste':
        return this.handlePaste(context, data, intent.text, preferred);
    }
  }

  /**
   * A message with images: "typing…" while they are read, then their text (with the message's own, if
   * it is a paste) is matched like a paste, and the answer first quotes what was read.
   */
  private async handleScreenshots(context: TurnContext, data: ConversationData, images: ImageSource[]): Promise<void> {
    const { intent, preferred } = readIntent(context.activity, data);
    const typed = intent.kind === 'paste' ? intent.text : '';
    const stopTyping = keepTyping(context, this.deps.logger);
    let read: ScreenshotsRead;
    try {
      read = await readScreenshots(context, images, this.deps.screenshots!, this.deps.logger);
    } finally {
      stopTyping();
    }
    if (quotedLines(read.text).lines.length === 0) {
      const t = texts(preferred ?? chooseLang({}));
      const why =
        read.read === 0 && read.problems[0] ? screenshotProblemText(t, read.problems[0], this.deps.screenshots!) : t.screenshotNoText;
      await this.sendText(context, [why, '', t.screenshotCopyText].join('\n'));
      if (typed) await this.handlePaste(context, data, typed, preferred);
      return;
    }
    const text = typed ? `${typed}\n\n${read.text}` : read.text;
    await this.handlePaste(context, data, text, preferred, read);
  }

  /** Quotes the text read from screenshots (as text, so an OCR slip is visible), before the answer. */
  private async sendScreenshotText(context: TurnContext, lang: Lang, read: ScreenshotsRead): Promise<void> {
    const t = texts(lang);
    const { lines, more } = quotedLines(read.text);
    const out = [t.screenshotRead, '', fence(lines.join('\n') + (more ? '\n…' : ''), 'text')];
    if (read.skipped > 0) out.push('', t.screenshotsSkipped(read.read + read.problems.length));
    await this.sendText(context, out.join('\n'));
  }

  private async handlePaste(
    context: TurnContext,
    data: ConversationData,
    text: string,
    preferred: Lang | undefined,
    screenshots?: ScreenshotsRead,
  ): Promise<void> {
    const started = Date.now();
    // A paste the matcher cuts is long enough that the steps below (each linear) would together hold /healthz and
    // other conversations several times as long as one: the event loop is let through between them.
    const long = text.length > MAX_PASTE_CHARS;
    // A pasted TLS configuration is diagnosed, never matched: its registry paths are no error of any article.
    const diagnosis = mayShowConfiguration(text) ? diagnose(text) : undefined;
    if (diagnosis?.recognised)
      return this.sendDiagnosis(context, data, diagnosis, chooseLang({ remembered: preferred, paste: diagnosis.lang }), started);
    if (long) await letOthersRun();
    // Values for placeholders this paste shows, remembered for a clarify choice or a later `show`.
    const values = knownValues(data, text);
    if (long) await letOthersRun();
    // One matcher for the whole turn: a knowledge reload in between must not split result and articles.
    const matcher = this.deps.matcher();
    const result = matcher.match(text, preferred ? { lang: preferred } : {});
    const lang = chooseLang({ remembered: preferred, paste: result.lang });
    const truncatedKb = result.truncated ? Math.max(1, Math.round(Buffer.byteLength(text, 'utf8') / 1024)) : undefined;
    data.pending = undefined;
    // Built only when it is written: a service at LOG_LEVEL=warn does not pay for this record on every paste.
    if (this.deps.logger.isLevelEnabled('info')) {
      this.deps.logger.info(
        {
          activityId: context.activity.id,
          conversationId: context.activity.conversation?.id,
          decision: result.decision,
          matches: result.matches.slice(0, 3).map((m) => `${m.article}#${m.symptom ?? ''}@${m.score.toFixed(2)}`),
          lang,
          chars: text.length,
          truncated: result.truncated,
          ms: Date.now() - started,
        },
        'paste matched',
      );
    }
    this.deps.logger.debug({ activityId: context.activity.id, paste: text }, 'paste text');
    if (screenshots) await this.sendScreenshotText(context, lang, screenshots);

    const articleOf = (id: string) => matcher.kb.byId.get(id);
    if (result.decision === 'answer' && result.matches[0] && articleOf(result.matches[0].article)) {
      const best = result.matches[0];
      data.last = { article: best.article, symptom: best.symptom, paste: pasteForLog(text) };
      // An answer lists after the winner only the articles that hold the very same error.
      const alsoIn = result.matches.slice(1).flatMap((m) => articleOf(m.article) ?? []);
      return this.sendAnswer(context, data, articleOf(best.article)!, lang, {
        symptomId: best.symptom,
        evidence: quote(best.evidence),
        truncatedKb,
        alsoIn,
        values,
      });
    }
    if (result.decision === 'clarify') {
      // Usually 2–3 close candidates; the matcher also asks about a single likely one it is not sure of.
      const matches = result.matches.filter((m) => articleOf(m.article)).slice(0, 3);
      if (matches.length >= 1) {
        // Long shots only (the paste's error not recognised, its prose fits weakly): the intro says so, and the paste is
        // a gap in the knowledge base like an unknown one (`kb gaps`), whatever the user picks.
        const weak = matches.every((m) => m.weak);
        data.pending = {
          candidates: matches.map((m) => ({ article: m.article, symptom: m.symptom, evidence: quote(m.evidence) })),
          lang,
          paste: pasteForLog(text),
          truncatedKb,
          ...(weak ? { longShot: true as const } : {}),
        };
        if (weak) await this.record(context, { kind: 'unmatched', reason: 'long-shot', paste: data.pending.paste, lang });
        const candidates = matches.map((m) => candidate(articleOf(m.article)!, m.symptom, lang));
        const intro = clarifyIntro(candidates, texts(lang), weak);
        const card = clarifyCard(candidates, texts(lang), lang, weak);
        return void (await context.sendActivity(this.cardActivity(context, card, intro, () => clarifyMarkdown(candidates, lang, intro))));
      }
    }
    await this.record(context, { kind: 'unmatched', reason: 'none', paste: pasteForLog(text), lang });
    const t = texts(lang);
    const lines = [t.notFound, t.notFoundNoted, '', t.howToPaste];
    if (truncatedKb !== undefined) lines.push('', t.truncated(truncatedKb));
    lines.push('', this.topicsMd(lang));
    await this.sendText(context, lines.join('\n'));
  }

  private async sendDiagnosis(
    context: TurnContext,
    data: ConversationData,
    diagnosis: Diagnosis,
    lang: Lang,
    started: number,
  ): Promise<void> {
    data.pending = undefined;
    const view = buildDiagnosisView(diagnosis, lang, this.deps.matcher().kb.byId.get(TLS_ARTICLE_ID));
    this.deps.logger.info(
      {
        activityId: context.activity.id,
        conversationId: context.activity.conversation?.id,
        wrong: view.wrong.length,
        ok: view.ok.length,
        lang,
        ms: Date.now() - started,
      },
      'configuration diagnosed',
    );
    const t = diagnosisTexts(lang);
    const summary = t.summary(view.wrong.length);
    await context.sendActivity(this.cardActivity(context, diagnosisCard(view, t, summary), summary, () => diagnosisMarkdown(view, t)));
  }

  // ---- card buttons ----

  private async handleSubmit(context: TurnContext, data: ConversationData, submitted: SubmitData): Promise<void> {
    if (submitted.action === 'choose') return this.choose(context, data, submitted);
    const lang = submitted.lang ?? chooseLang({ remembered: data.lang, locale: context.activity.locale });
    const t = texts(lang);
    const verdict = checkFeedback(submitted, this.deps.matcher().kb, data.answers);
    if ('refused' in verdict) {
      this.deps.logger.warn(
        { activityId: context.activity.id, reason: verdict.refused, article: submitted.article.slice(0, MAX_ID_CHARS) },
        'feedback refused',
      );
      return void (await this.sendText(context, verdict.refused === 'already-rated' ? t.feedbackAlreadyGiven : t.feedbackNotRecorded));
    }
    verdict.answer.rated = true;
    await this.recordFeedback(context, data, submitted, verdict.answer, lang);
    await this.sendText(context, submitted.helpful ? t.feedbackThanks : t.feedbackSorry);
  }

  /** Logs a checked click, with the paste when it rates the latest answer (the only one whose paste is kept). */
  private async recordFeedback(
    context: TurnContext,
    data: ConversationData,
    submitted: Pick<FeedbackData, 'helpful'>,
    answer: ShownAnswer,
    lang: Lang,
  ): Promise<void> {
    const latest = data.answers?.at(-1)?.n === answer.n && data.last?.article === answer.article;
    const paste = latest ? data.last?.paste : undefined;
    await this.record(context, {
      kind: 'feedback',
      helpful: submitted.helpful,
      article: answer.article,
      symptom: answer.symptom,
      lang,
      ...(paste ? { paste } : {}),
    });
    this.deps.logger.info({ activityId: context.activity.id, article: answer.article, helpful: submitted.helpful }, 'feedback');
  }

  /** A clarify answer: a button (with article) or a typed number (index into the pending candidates). */
  private async choose(context: TurnContext, data: ConversationData, choice: ChoiceData): Promise<void> {
    const pending = data.pending;
    const lang = choice.lang ?? pending?.lang ?? chooseLang({ remembered: data.lang, locale: context.activity.locale });
    const t = texts(lang);
    if (choice.none) {
      data.pending = undefined;
      if (pending && !pending.longShot)
        await this.record(context, { kind: 'unmatched', reason: 'none-of-these', paste: pending.paste, lang });
      return void (await this.sendText(context, [t.notFoundNoted, '', t.howToPaste].join('\n')));
    }
    let picked: { article: string; symptom: string | null; evidence?: string } | undefined;
    if (choice.article) {
      // A button, maybe on an older card: its data names the article, so it works even without a pending choice.
      picked = pending?.candidates.find((c) => c.article === choice.article && c.symptom === (choice.symptom ?? null)) ?? {
        article: choice.article,
        symptom: choice.symptom ?? null,
      };
    } else if (pending && choice.index === pending.candidates.length + 1) {
      // The Markdown clarify list numbers "none of these" after the candidates.
      return this.choose(context, data, { action: 'choose', none: true, lang });
    } else if (pending && choice.index !== undefined) {
      picked = pending.candidates[choice.index - 1];
      if (!picked) return void (await this.sendText(context, t.choiceOutOfRange(pending.candidates.length)));
    }
    const article = picked && this.deps.matcher().kb.byId.get(picked.article);
    if (!picked || !article) return void (await this.sendText(context, t.noPendingChoice));
    data.pending = undefined;
    data.last = { article: picked.article, symptom: picked.symptom, paste: pending?.paste ?? '' };
    await this.sendAnswer(context, data, article, lang, {
      symptomId: picked.symptom,
      evidence: picked.evidence,
      truncatedKb: pending?.truncatedKb,
      values: knownValues(data),
    });
  }

  // ---- commands ----

  private async show(context: TurnContext, data: ConversationData, lang: Lang, id: string | undefined): Promise<void> {
    const t = texts(lang);
    if (!id) return void (await this.sendText(context, t.showUsageMd));
    const kb = this.deps.matcher().kb;
    const article = kb.byId.get(id) ?? kb.articles.find((a) => a.id.toLowerCase() === id.toLowerCase());
    if (!article) return void (await this.sendText(context, t.showUnknownMd(escapeMarkdown(id))));
    data.last = { article: article.id, symptom: null, paste: '' };
    await this.sendAnswer(context, data, article, lang, { values: knownValues(data) });
  }

  private topicsMd(lang: Lang): string {
    const t = texts(lang);
    const articles = this.deps.matcher().kb.articles;
    if (articles.length === 0) return t.topicsEmpty;
    return [t.topicsIntro, '', ...articles.map((a) => t.topicLineMd(escapeMarkdown(pick(a.title, lang).text), a.id))].join('\n');
  }

  // ---- welcome ----

  private async handleMembersAdded(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const botId = activity.recipient?.id;
    const added = activity.membersAdded ?? [];
    const botAdded = added.some((m) => m.id === botId);
    // A user joining a group chat or team is no reason to post; a user opening a 1:1 chat is.
    const oneToOne = activity.conversation?.conversationType === 'personal' || activity.conversation?.isGroup !== true;
    const userAdded = oneToOne && added.some((m) => m.id !== botId);
    if (!botAdded && !userAdded) return;
    const data = await this.state.get(context, {});
    if (data.welcomed) return;
    data.welcomed = true;
    await this.sendText(context, texts(chooseLang({ remembered: data.lang, locale: activity.locale })).welcomeMd);
  }

  // ---- sending ----

  private async sendAnswer(
    context: TurnContext,
    data: ConversationData,
    article: Article,
    lang: Lang,
    answer: AnswerContext,
  ): Promise<void> {
    const t = texts(lang);
    const built = buildAnswerView(article, lang, answer);
    // Numbered so that its feedback buttons can be checked against what was shown (feedbackCheck.ts).
    const remembered = rememberAnswer(data.answers, built.articleId, built.symptomId);
    data.answers = remembered.shown;
    const view = { ...built, answerId: remembered.n };
    const summary = t.summary(view.title, firstSentence(view.cause));
    await context.sendActivity(this.cardActivity(context, answerCard(view, t, summary, article), summary, () => answerMarkdown(view, t)));
  }

  /**
   * A card with a short text, or — where the channel can't show cards — the full Markdown instead (built only
   * then: most turns would throw it away).
   */
  private cardActivity(context: TurnContext, card: object, summary: string, markdown: () => string): Partial<Activity> {
    if (!supportsAdaptiveCards(context.activity.channelId)) return markdownMessage(markdown());
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card), summary);
    activity.summary = summary;
    return activity;
  }

  private async sendText(context: TurnContext, markdown: string): Promise<void> {
    await context.sendActivity(markdownMessage(markdown));
  }

  /** Appends to the feedback log; a failing log is reported but never costs the user the reply. */
  private async record(context: TurnContext, entry: DistributiveOmit<LogEntry, 'time' | 'channel'>): Promise<void> {
    const full = { ...entry, time: this.clock().toISOString(), channel: context.activity.channelId ?? 'unknown' } as LogEntry;
    try {
      await this.deps.feedbackLog.append(full);
    } catch (err) {
      this.deps.logger.error({ err, activityId: context.activity.id }, 'could not write the feedback log');
    }
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function screenshotProblemText(t: Texts, problem: ScreenshotsRead['problems'][number], deps: ScreenshotDeps): string {
  switch (problem) {
    case 'too-large':
      return t.screenshotTooLarge(deps.limits.maxBytes / (1024 * 1024), deps.limits.maxSide);
    case 'not-image':
      return t.screenshotNotImage;
    case 'not-fetched':
      return t.screenshotNotFetched;
    case 'unreadable':
      return t.screenshotUnreadable;
  }
}

function markdownMessage(markdown: string): Partial<Activity> {
  const activity = MessageFactory.text(markdown);
  activity.textFormat = 'markdown';
  return activity;
}

/**
 * What the user typed (mention removed) and the language they prefer, from their words, earlier turns or
 * locale; words in a language are remembered for the conversation.
 */
function readIntent(
  activity: Partial<Activity>,
  data: ConversationData,
): { intent: ReturnType<typeof parseIntent>; preferred: Lang | undefined } {
  const intent = parseIntent(removeMentions(activity));
  if ('spoken' in intent && intent.spoken) data.lang = intent.spoken;
  const preferred = preferredLang({
    spoken: 'spoken' in intent ? intent.spoken : undefined,
    remembered: data.lang,
    locale: activity.locale,
  });
  return { intent, preferred };
}

/** The message text without the @mention of this bot (Teams channels and group chats). */
export function removeMentions(activity: Partial<Activity>): string {
  const botId = activity.recipient?.id;
  let text = activity.text ?? '';
  // Without entities there is no mention (most messages): the activity is not copied for getMentions then.
  if (botId && activity.entities?.length) {
    // The channel may send `entities: null` (the schema allows null for absent fields); botbuilder's
    // getMentions only expects undefined.
    for (const mention of TurnContext.getMentions({ ...activity, entities: activity.entities ?? undefined })) {
      if (mention.mentioned?.id === botId && mention.text) text = text.split(mention.text).join(' ');
    }
  }
  return text.trim();
}

/**
 * Placeholder values for an answer: those this paste shows, else those an earlier paste of the conversation
 * showed. The paste's own values are remembered for later turns (a clarify choice, `show`).
 */
function knownValues(data: ConversationData, text?: string): Map<ValueKind, KnownValue> {
  const known = new Map<ValueKind, KnownValue>();
  for (const [kind, found] of Object.entries(data.values ?? {}) as [ValueKind, FoundValue][])
    known.set(kind, { ...found, origin: 'conversation' });
  if (text !== undefined) {
    for (const [kind, found] of valuesInPaste(text)) {
      known.set(kind, { ...found, origin: 'paste' });
      data.values = { ...data.values, [kind]: found };
    }
  }
  return known;
}

/**
 * The pasted line an answer quotes, masked: it is kept in conversation state while a clarify question
 * is open, and a card should not echo a password into the chat history either.
 */
function quote(evidence: string | undefined): string | undefined {
  return evidence === undefined ? undefined : maskSensitive(evidence);
}

/** A clarify candidate: title plus one line that tells it apart (its symptom, else the cause's first sentence). */
function candidate(article: Article, symptomId: string | null, lang: Lang): Candidate {
  const symptom = symptomId ? article.symptoms.find((s) => s.id === symptomId) : undefined;
  return {
    article: article.id,
    symptom: symptom?.id ?? null,
    title: pick(article.title, lang).text,
    difference: symptom ? pick(symptom.description, lang).text : firstSentence(pick(article.cause, lang).text),
  };
}

/** The clarify card as Markdown, for channels that show no cards; `intro` is the card's own first line. */
function clarifyMarkdown(candidates: readonly Candidate[], lang: Lang, intro: string): string {
  const t = texts(lang);
  return [
    intro,
    '',
    ...candidates.map((c, i) => `${i + 1}. **${escapeMarkdown(c.title)}** – ${escapeMarkdown(c.difference)}`),
    '',
    `${candidates.length + 1}. ${t.noneOfThese}`,
  ].join('\n');
}
