/**
 * The matcher's output: a ranked match as shown (`toMatch`, with the pasted line that is its evidence), and with
 * `--explain` the evidence behind it (`explain`), in words a knowledge author can act on: which words of the error text
 * the paste holds, and every rule that raised, capped or reordered it. Reads the hits; decides nothing.
 */
import { pick } from '../knowledge/localize';
import type { Lang } from '../knowledge/types';
import type { Translation } from './bridge';
import { fitOf, titleWeight, wordsBeyondErrors, type DescriptionScore } from './descriptions';
import { worksThereWaived } from './errorCaps';
import { round, type CodeHit, type MatchContext, type Paste, type Ranked } from './hits';
import { unmarkSmtpCodes, type Token } from './normalize';
import { contradictionWaivers, touchedUnits, type Contradiction, type QueryView, type Waiver } from './score';
import { includesId } from './sorted';
import type { FocusFit, Match, MatchExplanation, MatchResult } from './types';

/** `explained`: the paste as its hits were scored, to explain the match. */
export function toMatch(ctx: MatchContext, r: Ranked, lang: Lang, paste: Paste, explained: QueryView | undefined): Match {
  const a = ctx.kb.articles[r.hit.article];
  const evidence = quoteLine(r.hit.terms, paste.tokens, paste.lines);
  return {
    article: a.id,
    symptom: r.hit.symptom,
    score: r.score,
    title: pick(a.title, lang).text,
    ...(evidence ? { evidence } : {}),
    ...(r.hit.kind === 'description' && r.hit.weak ? { weak: true as const } : {}),
    ...(explained ? { why: explain(ctx, r, explained, paste) } : {}),
  };
}

/**
 * For `--explain --article`: the article's best symptom among the description path's fits of the paste (`fits`), where no hit
 * found the article — how well its title and description words fit, its place among the articles, the best other article's
 * fit and what an offer needs (descriptions.ts `offeredDescriptions`). Undefined where the prose touched none of its words.
 */
export function focusFitOf(ctx: MatchContext, fits: readonly DescriptionScore[], focus: number): FocusFit | undefined {
  let own: DescriptionScore | undefined;
  let other: DescriptionScore | undefined;
  const best = new Map<number, number>();
  for (const f of fits) {
    const fit = fitOf(f);
    if (fit > (best.get(f.article) ?? -1)) best.set(f.article, fit);
    if (f.article === focus) {
      if (!own || fit > fitOf(own)) own = f;
    } else if (!other || fit > fitOf(other)) other = f;
  }
  if (!own) return undefined;
  const fit = fitOf(own);
  const p = ctx.params.descriptions;
  return {
    symptom: own.symptom,
    found: [...own.found],
    pasteShare: round(own.pasteShare),
    docShare: round(own.docShare),
    fit: round(fit),
    evidence: round(own.evidence),
    rank: 1 + [...best.values()].filter((b) => b > fit).length,
    ...(other ? { other: { article: ctx.kb.articles[other.article].id, fit: round(fitOf(other)) } } : {}),
    offeredAt: `a fit of ${p.minFit} or more with ${p.minEvidence} distinctive words (or ${p.minRare} rare ones), ${p.lead}× the next article's fit`,
  };
}

/**
 * `--explain --article` of a paste read through the lexicon: where the result leaves the article out (the paste as written
 * decides, or the translation's match fell below what the combined result offers), the translation's reading of it
 * (`via`): its match, scored as the translation's matches count (`weight`: `bridge.translatedWeight`) and named in `notes`,
 * or how the description path fit it in the translation (`focusFit`, marked `translated`).
 */
export function translatedFocus(
  result: MatchResult,
  via: MatchResult | undefined,
  article: string | undefined,
  weight: number,
  notes?: string[],
): MatchResult {
  if (!via || article === undefined || result.matches.some((m) => m.article === article)) return result;
  const found = via.matches.find((m) => m.article === article);
  if (found) {
    notes?.push(`${article}: listed as the translation reads it (its score ×${weight}), not among what the result offers`);
    const out: MatchResult = { ...result, matches: [...result.matches, { ...found, score: round(found.score * weight) }] };
    delete out.focusFit;
    return out;
  }
  return via.focusFit ? { ...result, focusFit: { ...via.focusFit, translated: true } } : result;
}

/** The evidence behind one ranked match, in words a knowledge author can act on. */
function explain(ctx: MatchContext, r: Ranked, view: QueryView, paste: Paste): MatchExplanation {
  const h = r.hit;
  const { frame } = paste;
  const rules: MatchExplanation['rules'] = [];
  const out: MatchExplanation = { kind: h.kind, raw: round(h.score), rules };
  if (h.kind === 'error') {
    const sig = ctx.index.errors[h.signal];
    const b = h.breakdown;
    const touched = touchedUnits(h.signal, view, ctx.index, ctx.params.score);
    out.error = {
      text: sig.text,
      units: sig.units.map((u, k) => ({
        words: sig.terms.slice(u.start, u.end).join(' '),
        pasted: touched[k],
        inner: sig.detailUnit > 0 && k >= sig.detailUnit,
      })),
      found: [...new Set(sig.terms.filter((t, i) => includesId(h.found, sig.ids[i])))],
      missing: [...new Set(sig.terms.filter((t, i) => !includesId(h.found, sig.ids[i])))],
    };
    rules.push({
      rule: 'coverage',
      note: `the paste covers ${round(b.wholeCoverage ?? b.detailCoverage)} of the error text (words and word pairs)`,
    });
    if (b.wholeCoverage !== undefined) {
      rules.push({
        rule: 'inner-message',
        note: `inner message covered ${round(b.detailCoverage)}; it counts ${ctx.params.score.detailShare} of the score`,
      });
    }
    if (b.evidenceFactor < 1)
      rules.push({
        rule: 'evidence',
        note: `×${round(b.evidenceFactor)}: evidence of ${round(b.evidenceWords)} distinctive words, full confidence needs ${ctx.params.score.evidenceWords}`,
      });
    if (b.innerOnly)
      rules.push({
        rule: 'inner-message',
        note: `capped at ${ctx.params.score.innerOnly}: the inner message (with its exception class, if any) without its wrapper (other tools print it too; offered, not answered)`,
      });
    if (h.platformInner)
      rules.push({
        rule: 'inner-message',
        note: h.platformWhole
          ? `capped at ${ctx.params.score.innerOnly}: the paste holds only platform messages of the error (${h.platformInner.join('; ')}) that any program or any cmdlet prints, and names neither a place of the article's scenario nor a word of its title beside them (offered, not answered)`
          : `capped at ${ctx.params.score.innerOnly}: the paste holds only the error's inner message, a platform message (${h.platformInner.join('; ')}) that any program or any cmdlet prints, without the wrapper that names this failure and without a place of the article's scenario (offered, not answered)`,
      });
    if (h.genericLine)
      rules.push({
        rule: 'inner-message',
        note: `capped at ${ctx.params.score.innerOnly}: the error text is a generic line that other articles' errors hold inside a longer chain (whatever printed it, it is offered, not answered)`,
      });
    if (h.belowDescription !== undefined)
      rules.push({
        rule: 'description',
        note: `lowered to ${h.belowDescription}: found by less than ${ctx.params.descriptions.weakError} distinctive words, it ranks below the description the paste's prose found`,
      });
    if (h.unexplained !== undefined)
      rules.push({
        rule: 'coverage',
        note: `capped at ${ctx.params.score.unexplained.cap}: its words found (of the article's error text that explains the most) weigh ${h.unexplained} of the paste's error words (less than ${ctx.params.score.unexplained.share}) and hold no code: a message printed in many places, in a paste that says more than the article (offered, not answered)`,
      });
    if (h.codeScenario)
      rules.push({
        rule: 'code',
        note: `capped at ${ctx.params.score.codeScenario.cap}: an NDR's status line, and this article one scenario of that bounce: ${h.codeScenario.owners.join(', ')}, titled with its status code, ${h.codeScenario.owners.length > 1 ? 'hold' : 'holds'} the line whole too; the paste names its title in words worth ${h.codeScenario.title}${h.codeScenario.named.length ? ` (${h.codeScenario.named.join(' ')})` : ''}, theirs ${h.codeScenario.theirs}: not ahead by ${ctx.params.score.codeScenario.titleLead} (offered, not answered)`,
      });
    if (h.otherStatus)
      rules.push({
        rule: 'code',
        note: `capped at ${ctx.params.score.withoutCode}: the paste's status code is not this error's nor its article's (a bounce with another code is another error; offered, not answered)`,
      });
    if (h.codeParts)
      rules.push({
        rule: 'code',
        note: `capped at ${ctx.params.score.withoutCode}: the paste's code ${h.codeParts.pasted} carries later parts that the error's ${h.codeParts.text} writes as zeros (no extended code): the same first part may be another failure (offered, not answered)`,
      });
    if (h.otherException)
      rules.push({
        rule: 'code',
        note: `capped at ${ctx.params.score.withoutCode}: the paste's exception ${h.otherException.pasted} stands where the error has ${h.otherException.text}, a class of the same family, before the same words: the same message from another failure (offered, not answered)`,
      });
    if (h.otherRow)
      rules.push({
        rule: 'code',
        note: `capped at ${ctx.params.score.withoutCode}: an overview's text without a code (a format every bounce prints), and the paste holds none of the overview's rows of its status code: the line with the code is another error's (offered, not answered)`,
      });
    if (b.withoutCode)
      rules.push({
        rule: 'code',
        note: `capped at ${ctx.params.score.withoutCode}: the error carries a code the paste lacks (its message alone may come from another tool; offered, not answered)`,
      });
    if (h.adviceOnly)
      rules.push({
        rule: 'coverage',
        note: `capped at ${ctx.params.score.adviceOnly}: the paste holds only the error's advice to the reader, none of its sentences that say what failed, and writes that advice after a message of its own (the same advice follows other messages; offered, not answered)`,
      });
    if (h.headless)
      rules.push({
        rule: 'coverage',
        note: `capped at ${ctx.params.score.headless}: the paste holds the error without its first sentence (what failed) and goes on right after its end with a sentence of its own (the sentence they share stands in another message; offered, not answered)`,
      });
    if (b.smallPart !== undefined)
      rules.push({
        rule: 'coverage',
        note: `capped at ${ctx.params.score.smallPart.cap}: the paste holds ${round(b.smallPart)} of the error's weight (less than ${ctx.params.score.smallPart.share}) and not how it ends (the same beginning may go on as another error; offered, not answered)`,
      });
    if (b.frameOnly)
      rules.push({
        rule: 'coverage',
        note: `capped at ${ctx.params.score.frameOnly.cap}: the paste holds the error's first and last parts and none of what stands between them, which weighs more (the frame a tool prints around every failure, around another one or none; offered, not answered)`,
      });
    if (b.fragment)
      rules.push({
        rule: 'fragment',
        note: `raised to ${ctx.params.score.fragment}: the paste is a distinctive part of this error and little else (offered, never answered)`,
      });
    if (h.otherOuter)
      rules.push({
        rule: 'scenario',
        note: h.ownOuter
          ? `capped at ${ctx.params.score.otherOuter.cap}: the paste wraps the error's inner message in an outer message of its own (${h.otherOuter.join(', ')}) and holds nothing of the error's: the message printed by another failure (offered, not answered)`
          : `capped at ${ctx.params.score.otherOuter.cap}: the paste wraps the error in an outer message this article never names (${h.otherOuter.join(', ')}): the message printed by another failure (offered, not answered)`,
      });
    if (h.otherScenario)
      rules.push({
        rule: 'scenario',
        note: `capped at ${ctx.params.score.otherScenario}: the paste says it happened in ${h.otherScenario.join(', ')}, none of them in this article's scenario (offered, not answered)`,
      });
    const working = worksThereWaived(ctx, h, paste);
    if (working)
      rules.push({
        rule: 'scenario',
        note: `scenario cap waived: the paste names ${working.join(', ')} only in a sentence that says the task works there, not where the error happened (none of them in this article's scenario; capped at ${ctx.params.score.otherScenario} otherwise)`,
      });
    if (h.otherProduct)
      rules.push({
        rule: 'product',
        note: h.olderServer
          ? `capped at ${ctx.params.score.otherProduct}: the paste names ${h.otherProduct} and no newer version, this article applies to Exchange Server ${h.olderServer} or a later version only (offered, not answered)`
          : h.inCloud
            ? `capped at ${ctx.params.score.otherProduct}: the paste was printed in Exchange Online (${h.otherProduct}) and names no on-premises or hybrid side, this article applies to Exchange Server only (offered, not answered)`
            : `capped at ${ctx.params.score.otherProduct}: the paste runs on an on-premises Exchange server (${h.otherProduct}), this article applies to Exchange Online only (offered, not answered)`,
      });
    if (h.anyServer)
      rules.push({
        rule: 'product',
        note: `capped at ${ctx.params.score.otherProduct}: a bare SMTP reply (its status code and a few words every mail server prints) found with thin evidence, and the paste names nothing of Microsoft's cloud: any server may have replied so, this article applies to Exchange Online only (offered, not answered)`,
      });
    if (h.premisesAddress)
      rules.push({
        rule: 'product',
        note: `capped at ${ctx.params.score.otherProduct}: this error names an address of Exchange Online's organisation (O=ExchangeLabs), the paste's are an on-premises organisation's: the same error about another side's object (offered, not answered)`,
      });
    if (h.foreignProgram)
      rules.push({
        rule: 'foreign-program',
        note: `capped at ${ctx.params.score.foreignProgram}: the paste was printed by another program than Microsoft's (${h.foreignProgram}) and this article names no program (apps, clients, scripts, EWS, SMTP AUTH…): offered, not answered`,
      });
    if (h.otherDirection)
      rules.push({
        rule: 'scenario',
        note: h.directionInside
          ? `capped at ${ctx.params.score.otherDirection}: every word it found lies inside what ${h.directionInside} found, whose title says which way it fails between on-premises and the cloud, and the paste ${h.otherDirection === 'works' ? 'says that way works' : 'says only the other way round'} (offered, not answered)`
          : `capped at ${ctx.params.score.otherDirection}: the article's title says which way it fails between on-premises and the cloud, and the paste ${h.otherDirection === 'works' ? 'says that way works' : 'says only the other way round'} (offered, not answered)`,
      });
    if (h.deniedScenario)
      rules.push({
        rule: 'scenario',
        note: `capped at ${ctx.params.score.otherScenario}: the paste says it has no ${h.deniedScenario}, the article's title names it (offered, not answered)`,
      });
    if (h.consoleTool)
      rules.push({
        rule: 'scenario',
        note: `capped at ${ctx.params.score.otherScenario}: the paste was copied from a PowerShell console and names no ${h.consoleTool}, where this article's error happens; a command PowerShell did not recognize ran nowhere (offered, not answered)`,
      });
    if (h.otherAccount)
      rules.push({
        rule: 'scenario',
        note: `capped at ${ctx.params.score.otherScenario}: the paste concerns an account of kind ${h.otherAccount[0]}, the article's title or cause one of kind ${h.otherAccount[1]}, which can't be the same account (offered, not answered)`,
      });
    if (h.insideCapped !== undefined)
      rules.push({
        rule: 'scenario',
        note: `capped with ${ctx.kb.articles[h.insideCapped].id}: every word it found lies inside what that article's error text found, which the paste's scenario or product capped; the paste's error is that longer one (offered, not answered)`,
      });
    if (b.cutAt !== undefined)
      rules.push({ rule: 'inner-message', note: `the paste stops before a "-->" of the error: scored against the text up to it` });
    if (b.contradiction) {
      const c = b.contradiction;
      rules.push({
        rule: 'contradiction',
        note: `×${ctx.params.score.contradiction}: ${wentOn(c)}`,
      });
    } else
      for (const x of contradictionWaivers(h.signal, view, ctx.index, ctx.params.score))
        rules.push({ rule: 'contradiction', note: waiverNote(x, ctx.params.score.contradiction) });
  } else if (h.kind === 'description') {
    out.keywords = [...h.fit.found];
    out.topics = [...h.topics];
    rules.push({
      rule: 'description',
      note: `the symptom's title and description words hold ${round(h.fit.pasteShare)} of the paste's, the paste ${round(h.fit.docShare)} of theirs (${round(h.fit.evidence)} distinctive words)${h.title ? `; the paste writes its title${h.titleMoved ? ' (its words together, in another order)' : ''}: +${ctx.params.descriptions.titleBonus}` : ''}${h.topics.length && !h.topicsElsewhere && !h.topicsGeneric && !h.deniedScenario && !h.unsaid ? `; +${ctx.params.keywords.topic} per topic phrase` : ''}${h.topicsGeneric ? `; its topic phrases add nothing: found by them and words of its title that name no scenario (${h.topicsGeneric.join(', ')}: the product's name, that something fails), no symptom named (a cause named alone; offered, not answered)` : ''}${h.topicsElsewhere ? `; its topic phrases add nothing: found by them and a word of its title, no symptom named, where the paste says it happened in ${h.topicsElsewhere.join(', ')}, none of them in this article's scenario (a cause named beside another scenario; offered, not answered)` : ''}`,
    });
    if (h.fit.direction)
      rules.push({
        rule: 'description',
        note: `the paste says the direction of the article's title the same way: +${ctx.params.descriptions.directionEvidence} distinctive word${h.fit.led ? '; first or alone only by it: offered, not answered' : ''}`,
      });
    if (h.reversed)
      rules.push({
        rule: 'description',
        note: `the paste says the direction of the article's title the other way round (from the side it goes to): offered, not answered`,
      });
    if (h.directionWorks)
      rules.push({
        rule: 'description',
        note: `the paste says the direction of the article's title works (from the side it comes from to the side it goes to): offered, not answered`,
      });
    if (h.unsaid)
      rules.push({
        rule: 'description',
        note: `the article's title says something fails and the paste says nothing does (no failure, negation or fault word)${h.topics.length ? ': its topic phrases add nothing' : ''}: offered, not answered`,
      });
    if (h.errorUnsaid)
      rules.push({
        rule: 'description',
        note: `the article's title is its error message and the paste names no error or failure: its symptom named with its cause or whole is offered, not answered`,
      });
    if (h.errorUnquoted)
      rules.push({
        rule: 'description',
        note: `the symptom is an error message and the paste names no error: its symptom named whole is offered, not answered`,
      });
    if (h.foreignProgram)
      rules.push({
        rule: 'foreign-program',
        note: `the paste was printed by another program than Microsoft's (${h.foreignProgram}) and this article names no program (apps, clients, scripts, EWS, SMTP AUTH…): its symptom named with its cause or whole is offered, not answered`,
      });
    if (h.codeUnheld)
      rules.push({
        rule: 'description',
        note: `the paste names the result code ${h.codeUnheld}, which no text of this article holds: its symptom named with its cause or whole is offered, not answered`,
      });
    if (h.deniedScenario)
      rules.push({
        rule: 'scenario',
        note: `the paste says it has no ${h.deniedScenario}, the article's title names it: ${h.symptom === null ? 'a cause' : 'a symptom'} named beside a setup the paste rules out (its topic phrases add nothing; offered, not answered)`,
      });
    if (h.unread)
      rules.push({
        rule: 'description',
        note: `would name the symptom and little else, but ${h.unread.words} German word${h.unread.words === 1 ? '' : 's'} the lexicon left as written count as words the symptom lacks: the fit times ${round(h.unread.share)} of the paste's words read falls below ${ctx.params.descriptions.answerFit}`,
      });
    if (h.cause?.whole)
      rules.push({
        rule: 'description',
        note:
          h.score === h.cause.offered
            ? `names the symptom and little else (${round(h.cause.weight)} distinctive words beyond its error texts), but another article is offered too: kept at ${round(h.cause.offered)}`
            : `${ctx.params.descriptions.causeScore}: names the symptom and little else (${round(h.cause.weight)} distinctive words beyond its error texts), and nothing else is offered${h.cause.all ? '; every word read through the lexicon and the symptom’s' : ''}`,
      });
    else if (h.cause?.code) {
      const code = unmarkSmtpCodes(h.cause.code);
      rules.push({
        rule: 'description',
        note:
          h.score === h.cause.offered
            ? `names the symptom (${round(h.cause.weight)} distinctive words beyond its error texts) and ${code}, the status code its title names, but another article is offered too: kept at ${round(h.cause.offered)}`
            : `${ctx.params.descriptions.causeScore}: names the symptom (${round(h.cause.weight)} distinctive words beyond its error texts) and ${code}, the status code its title names, and nothing else is offered`,
      });
    } else if (h.cause)
      rules.push({
        rule: 'description',
        note:
          h.score === h.cause.offered
            ? `names the symptom and ${h.cause.words} words of the article's cause (${round(h.cause.weight)} distinctive words), but another article is offered too: kept at ${round(h.cause.offered)}`
            : `${ctx.params.descriptions.causeScore}: names the symptom and ${h.cause.words} words of the article's cause (${round(h.cause.weight)} distinctive words), and nothing else is offered`,
      });
  } else if (h.kind === 'keyword') {
    out.keywords = [...h.keywords];
    out.topics = [...h.topics];
    rules.push({
      rule: 'keywords',
      note: `${ctx.params.keywords.symptom} for the symptom's phrases, +${ctx.params.keywords.topic} per topic phrase (at most +${ctx.params.keywords.topicMax})`,
    });
    if (h.family)
      rules.push({
        rule: 'keywords',
        note:
          h.score === ctx.params.keywords.familyScore
            ? `${ctx.params.keywords.familyScore}: a symptom the titles and descriptions of ${ctx.params.keywords.familyArticles} articles or more name, without the article's topic phrases: the family's symptom, not this article's (listed, not offered)`
            : `a symptom the titles and descriptions of ${ctx.params.keywords.familyArticles} articles or more name, without the article's topic phrases, read through the lexicon: the family's symptom, offered beside the others, never answered (after another article's symptom of the same score)`,
      });
  } else {
    out.code = h.code;
    rules.push({ rule: 'code', note: codeNote(ctx, h) });
  }
  if (h.problemPart) rules.push({ rule: 'description', note: "found only in the post's problem sentences, the story left out: offered" });
  if ((h.kind === 'description' || h.kind === 'keyword') && h.otherStatus)
    rules.push({
      rule: 'code',
      note: `capped at ${ctx.params.score.withoutCode}: the paste quotes a status code that the article, which names codes of its own, never names (another bounce; offered, not answered)`,
    });
  if (h.kind === 'description' && h.weak)
    rules.push({
      rule: 'description',
      note:
        `${h.score}: fits only weakly, but nothing else in the paste is offered and it holds ${round(h.fit.evidence)} distinctive words, ` +
        `${round(titleWeight(ctx.descriptions, h.fit))} of them its title's, ` +
        `${round(wordsBeyondErrors(ctx.descriptions, h.fit, ctx.facts.errorTextsOf(h.article)))} beyond its error texts: ` +
        'offered as a choice, never answered',
    });
  if (h.kind === 'description' && (h.weak || h.family) && h.fit.otherProduct)
    rules.push({
      rule: 'product',
      note: `offered after the others: its article applies to another product than the paste's (${h.fit.otherProduct})`,
    });
  if (h.kind === 'description' && (h.weak || h.family) && h.fit.namesHeld)
    rules.push({
      rule: 'description',
      note: `offered ahead of a better fit: it holds more of the names the paste writes as a tool prints them (${h.fit.namesHeld.join(', ')})`,
    });
  if (h.kind === 'description' && h.family)
    rules.push({
      rule: 'description',
      note:
        `${h.score}: nothing else in the paste is offered, and it names a symptom many articles describe (${h.family.join(', ')}) ` +
        `that this one holds, with no article's description ahead by ${ctx.params.descriptions.lead}×: offered with the best-fitting of them, never answered`,
    });
  if (h.synonyms)
    rules.push({ rule: 'synonyms', note: `found only with the paste's names read as the articles': ${h.synonyms.join(', ')}` });
  rules.push(...r.adjustments);
  if (frame.size && (h.kind === 'description' || r.adjustments.some((a) => a.rule === 'tie-break')))
    rules.push({
      rule: 'description',
      note: `an event record: the words it writes only as field names (${[...frame].join(', ')}) are no words of a description`,
    });
  return out;
}

/** An allowance of the contradiction check that took the place of a contradiction (score.ts contradictionWaivers), in words. */
function waiverNote(x: Waiver, factor: number): string {
  const at = wentOn(x);
  if (x.kind === 'skip')
    return `contradiction waived: ${at}, a word the error has one or two words later (the paste left a word or two out; ×${factor} otherwise)`;
  if (x.kind === 'quoted')
    return `contradiction waived: ${at}, a word the paste has only in single quotes (a name or value, never another error; ×${factor} otherwise)`;
  if (x.kind === 'pastQuote')
    return `contradiction waived: ${at}, the paste's own words after the quoted message or the sentence a line of it ends with (×${factor} otherwise)`;
  if (x.kind === 'misread')
    return `contradiction waived: ${at}, the same word misread (a letter off, or glued to or split from its neighbour; ×${factor} otherwise)`;
  return `contradiction waived: after the status code "${unmarkSmtpCodes(x.context)}" the paste has "${unmarkSmtpCodes(x.pasted)}" where the error goes on with "${unmarkSmtpCodes(x.expected)}", and the error's message a few words later: a reply's status text between the code and the message (×${factor} otherwise)`;
}

/** Where the paste went on differently from the error, in words, its status codes as pasted (`5.7.931`, not `smtp5x7x931`). */
function wentOn(c: Contradiction): string {
  return `after "${unmarkSmtpCodes(c.context)}" the error goes on with "${unmarkSmtpCodes(c.expected)}", the paste with "${unmarkSmtpCodes(c.pasted)}"`;
}

/** White space other than one single space: what quoteLine writes as one space. */
const SPACE_RUN = /\s\s|[^\S ]/;

/** The pasted line holding most of the evidence, trimmed to a readable length. */
function quoteLine(terms: readonly string[], tokens: Token[], lines: string[]): string | undefined {
  const wanted = new Set(terms);
  // Counts in an array by line (tokens come in line order: the first line with the most wins, as before).
  const perLine = new Int32Array(lines.length);
  for (const t of tokens) if (wanted.has(t.term)) perLine[t.line]++;
  let bestLine = -1;
  let bestCount = 0;
  for (let line = 0; line < perLine.length; line++) {
    if (perLine[line] > bestCount) {
      bestLine = line;
      bestCount = perLine[line];
    }
  }
  if (bestLine < 0) return undefined;
  // Runs of white space as one space: a line that has none but single spaces is not copied.
  const trimmed = lines[bestLine].trim();
  const text = SPACE_RUN.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
  return text.length > 240 ? `${text.slice(0, 237)}…` : text;
}

/** `result` with what the paste was read as through the lexicon (`--explain`). */
export function explained(
  result: MatchResult,
  translation: Translation,
  from: Lang,
  outcome: 'unchanged' | 'answered' | 'merged',
  notes: readonly string[] = [],
): MatchResult {
  // A word read as negated (`Applied.negated`) shows so: `not synced`.
  const terms = translation.applied.map((a) => (a.negated ? 'not ' : '') + a.words.join(' '));
  const to = from === 'de' ? 'en' : 'de';
  return { ...result, translation: { from, to, text: translation.text, terms, outcome, ...(notes.length ? { notes: [...notes] } : {}) } };
}

/** What a code hit's score stands for (the stage 5a rule in codeHits.ts that gave it). */
function codeNote(ctx: MatchContext, h: CodeHit): string {
  const { codeMaxArticles, codeFamily } = ctx.params.keywords;
  if (h.titleNamed)
    return h.otherMessage !== undefined
      ? `${h.score}: one of a status code's family whose title, alone of the family, names the paste's message after the code (and an error text with the paste's reply code): which bounce and why`
      : `${h.score}: a code only this article holds, with words of its title: which error and where`;
  if (h.otherMessage !== undefined)
    return `${h.score}: a status code this article's error text carries with another message after it: one of the code's family (offered, not answered)`;
  if (h.score === codeFamily)
    return `${h.score}: a status code only this article names, and the start of its message as in several of the article's variants`;
  if (h.title)
    return `${h.score}: a status code ${h.title === 'exact' ? "the article's title names" : "in a range the article's title names"} (at most ${codeMaxArticles} titles)`;
  if (h.api)
    return `${h.score}: an API error code (a CamelCase word an error text gives after a code label) at most ${codeMaxArticles} articles hold: the error's family, not where it happened (offered, never answered)`;
  if (h.shared)
    return `${h.score}: a code ${h.shared} articles hold (at most ${codeMaxArticles}), the paste going on after it as this article's error text does`;
  return `${h.score}: a code at most ${codeMaxArticles} articles hold`;
}
