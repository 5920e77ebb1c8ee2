/**
 * Every fixed text the bot shows, in German and English. The `Texts` interface makes the
 * compiler refuse a text that exists in only one language.
 * Texts ending in `Md` are Markdown (Teams and Web Chat render it); the others are plain.
 */
import type { Lang, Shell } from '../knowledge/types';

export interface Texts {
  welcomeMd: string;
  helpMd: string;
  greeting: string;
  thanks: string;
  /** How to paste so the matcher can find the error. */
  howToPaste: string;
  topicsIntro: string;
  topicsEmpty: string;
  topicLineMd: (title: string, id: string) => string;
  showUsageMd: string;
  showUnknownMd: (id: string) => string;
  notFound: string;
  notFoundNoted: string;
  clarifyIntro: string;
  /** When the matcher offers a single candidate it is not sure of. */
  clarifyIntroOne: string;
  /** When every candidate is a long shot (`Match.weak`): the error itself was not recognised. */
  clarifyIntroWeak: string;
  clarifyIntroWeakOne: string;
  noneOfThese: string;
  /** The button under clarify candidate `n`. */
  chooseThis: (n: number) => string;
  choiceOutOfRange: (count: number) => string;
  noPendingChoice: string;
  // Answer card
  matchedSymptom: string;
  fromYourPaste: string;
  cause: string;
  affected: string;
  fix: string;
  references: string;
  /** Other articles that hold the very same error, listed under the answer. */
  alsoIn: string;
  /** The command that opens an article. */
  showCommand: (id: string) => string;
  source: string;
  replaceBeforeRunning: string;
  /** Above placeholders PasteFix filled in from the paste or the conversation. */
  filledIn: string;
  /** Where a filled-in value came from, e.g. `Set-FederatedOrganizationIdentifier -AccountNamespace`. */
  valueFrom: (from: string, origin: 'paste' | 'conversation') => string;
  shell: Record<Shell, string>;
  truncated: (kilobytes: number) => string;
  /** Shown when the article is not available in the reply language; `available` is the language it is in. */
  otherLanguage: string;
  helpful: string;
  notHelpful: string;
  feedbackThanks: string;
  feedbackSorry: string;
  /** A second click on the buttons of an answer already rated. */
  feedbackAlreadyGiven: string;
  /** Buttons of an answer this conversation wasn't shown (or no longer can rate, or no longer in the knowledge base). */
  feedbackNotRecorded: string;
  apology: string;
  /** The `text` of an answer activity: notification preview and fallback for channels without cards. */
  summary: (title: string, cause: string) => string;
  // Screenshots
  /** Above the text read from a screenshot (quoted), before the answer. */
  screenshotRead: string;
  screenshotNoText: string;
  /** How to send the error as text instead of a screenshot. */
  screenshotCopyText: string;
  screenshotTooLarge: (megabytes: number, pixels: number) => string;
  screenshotNotImage: string;
  screenshotUnreadable: string;
  screenshotNotFetched: string;
  /** More images in one message than are read. */
  screenshotsSkipped: (read: number) => string;
}

const de: Texts = {
  welcomeMd:
    'Hallo, ich bin **PasteFix**. Fügen Sie eine Fehlermeldung aus Exchange oder Microsoft 365 ein – die ganze Meldung ' +
    'mit ihrer ersten Zeile –, und ich sage Ihnen, welches bekannte Problem es ist, warum es auftritt und wie Sie es ' +
    'Schritt für Schritt beheben. `hilfe` zeigt, was ich kann.',
  helpMd: [
    '**So funktioniert PasteFix**',
    '',
    'Fügen Sie die Fehlermeldung ein, wie sie in PowerShell, im Protokoll des Hybridkonfigurations-Assistenten oder in der Ereignisanzeige steht – ' +
      'die ganze Meldung, einschließlich der ersten Zeile. Deutsch oder Englisch, beides geht.',
    '',
    'Die TLS-Einstellungen eines Servers prüfe ich auch: Fügen Sie die Ausgabe von `reg query`, `Get-ItemProperty`, ' +
      '`[Net.ServicePointManager]::SecurityProtocol` oder den TLS-Abschnitt von HealthChecker ein.',
    '',
    '- `themen` – die Probleme, die ich kenne',
    '- `zeige <Artikel-ID>` – einen Artikel vollständig anzeigen',
    '- `hilfe` – diese Hilfe',
  ].join('\n'),
  greeting: 'Hallo! Fügen Sie einfach die Fehlermeldung ein, und ich schaue nach.',
  thanks: 'Gern geschehen!',
  howToPaste:
    'Fügen Sie die ganze Fehlermeldung ein, einschließlich der ersten Zeile (zum Beispiel die Zeile mit dem Cmdlet oder mit „Fehler:“), ' +
    'und ein paar Zeilen davor und danach.',
  topicsIntro: 'Diese Themen kenne ich:',
  topicsEmpty: 'Die Wissensdatenbank ist leer.',
  topicLineMd: (title, id) => `- ${title} – \`zeige ${id}\``,
  showUsageMd: 'Schreiben Sie `zeige <Artikel-ID>`; `themen` listet die IDs auf.',
  showUnknownMd: (id) => `Einen Artikel mit der ID „${id}“ kenne ich nicht. \`themen\` listet alle auf.`,
  notFound: 'Diesen Fehler kenne ich leider nicht – er steht nicht in meiner Wissensdatenbank.',
  notFoundNoted: 'Ich habe ihn notiert, damit er ergänzt werden kann.',
  clarifyIntro: 'Das kann eines dieser Probleme sein. Welches passt?',
  clarifyIntroOne: 'Ich bin nicht ganz sicher. Ist es dieses Problem?',
  clarifyIntroWeak: 'Diesen Fehler kenne ich nicht sicher. Diese Artikel beschreiben etwas Ähnliches – passt einer davon?',
  clarifyIntroWeakOne: 'Diesen Fehler kenne ich nicht sicher. Dieser Artikel beschreibt etwas Ähnliches – passt er?',
  noneOfThese: 'Keines davon',
  chooseThis: (n) => `${n} – das ist es`,
  choiceOutOfRange: (count) => `Bitte wählen Sie eine Zahl von 1 bis ${count} oder fügen Sie den Fehler erneut ein.`,
  noPendingChoice: 'Es gibt gerade nichts zu wählen. Fügen Sie eine Fehlermeldung ein.',
  matchedSymptom: 'Erkannt',
  fromYourPaste: 'Aus Ihrer Meldung:',
  cause: 'Ursache',
  affected: 'Betroffen',
  fix: 'Lösung',
  references: 'Weitere Informationen',
  alsoIn: 'Auch beschrieben in',
  showCommand: (id) => `zeige ${id}`,
  source: 'Quelle',
  replaceBeforeRunning: 'Vor dem Ausführen ersetzen:',
  filledIn: 'Aus Ihrer Meldung eingesetzt – vor dem Ausführen prüfen:',
  valueFrom: (from, origin) => `übernommen aus ${from} ${origin === 'paste' ? 'in Ihrer Meldung' : 'in einer früheren Nachricht'}`,
  shell: {
    'exchange-management-shell': 'Exchange-Verwaltungsshell',
    powershell: 'Windows PowerShell',
    'exchange-online-powershell': 'Exchange Online PowerShell',
    cmd: 'Eingabeaufforderung (cmd)',
    bash: 'Bash',
  },
  truncated: (kb) => `Ihre Meldung war sehr lang (${kb} KB). Ich habe nur den Teil ausgewertet, der nach dem Fehler aussieht.`,
  otherLanguage: 'Dieser Artikel liegt nur auf Englisch vor.',
  helpful: 'Hat geholfen',
  notHelpful: 'Hat nicht geholfen',
  feedbackThanks: 'Danke für die Rückmeldung – schön, dass es gelöst ist!',
  feedbackSorry:
    'Schade, danke für die Rückmeldung – ich habe sie notiert, damit der Artikel verbessert wird. ' +
    'Wenn Sie mehr von der Fehlermeldung haben, fügen Sie sie vollständig ein.',
  feedbackAlreadyGiven: 'Diese Antwort haben Sie schon bewertet – danke!',
  feedbackNotRecorded: 'Diese Bewertung kann ich nicht speichern: Sie gehört zu keiner aktuellen Antwort in diesem Gespräch.',
  apology: 'Entschuldigung, bei mir ist etwas schiefgegangen. Bitte versuchen Sie es gleich noch einmal.',
  summary: (title, cause) => `Bekanntes Problem: ${title}. ${cause}`,
  screenshotRead: 'Das habe ich aus Ihrem Screenshot gelesen:',
  screenshotNoText: 'Ich konnte in Ihrem Screenshot keinen Text lesen.',
  screenshotCopyText:
    'Fügen Sie den Fehler stattdessen als Text ein: in PowerShell markieren und mit Enter kopieren, in einem Meldungsfenster Strg+C drücken, ' +
    'im Protokoll die Zeilen markieren und kopieren – dann hier einfügen.',
  screenshotTooLarge: (mb, px) =>
    `Ihr Bild ist zu groß: Ich lese Screenshots bis ${mb} MB und ${px.toLocaleString('de-DE')} Pixel Kantenlänge.`,
  screenshotNotImage: 'Ich lese Screenshots im Format PNG oder JPEG.',
  screenshotUnreadable: 'Ich konnte Ihren Screenshot gerade nicht lesen (es hat zu lange gedauert oder es sind zu viele auf einmal).',
  screenshotNotFetched: 'Ich konnte Ihren Screenshot nicht herunterladen.',
  screenshotsSkipped: (n) => `Ich habe nur die ersten ${n} Bilder gelesen.`,
};

const en: Texts = {
  welcomeMd:
    "Hi, I'm **PasteFix**. Paste an error from Exchange or Microsoft 365 – the whole message, including its first line – " +
    "and I'll tell you which known problem it is, why it happens and how to fix it, step by step. Type `help` to see what I can do.",
  helpMd: [
    '**How PasteFix works**',
    '',
    'Paste the error as PowerShell, the Hybrid Configuration Wizard log or the event log shows it – the whole message, ' +
      'including its first line. English or German, both work.',
    '',
    "I also check a server's TLS settings: paste the output of `reg query`, `Get-ItemProperty`, " +
      "`[Net.ServicePointManager]::SecurityProtocol` or HealthChecker's TLS section.",
    '',
    '- `topics` – the problems I know',
    '- `show <article id>` – show one article in full',
    '- `help` – this help',
  ].join('\n'),
  greeting: "Hello! Just paste the error message and I'll look it up.",
  thanks: "You're welcome!",
  howToPaste:
    'Paste the whole error message, including its first line (for example the line with the cmdlet or with "Error:"), ' +
    'and a few lines before and after it.',
  topicsIntro: 'These are the topics I know:',
  topicsEmpty: 'The knowledge base is empty.',
  topicLineMd: (title, id) => `- ${title} – \`show ${id}\``,
  showUsageMd: 'Type `show <article id>`; `topics` lists the ids.',
  showUnknownMd: (id) => `I don't know an article with the id "${id}". \`topics\` lists them all.`,
  notFound: "Sorry, I don't know this error – it isn't in my knowledge base.",
  notFoundNoted: "I've noted it so it can be added.",
  clarifyIntro: 'This could be one of these problems. Which one fits?',
  clarifyIntroOne: "I'm not quite sure. Is it this problem?",
  clarifyIntroWeak: "I don't know this error for sure. These articles describe something close – does one of them fit?",
  clarifyIntroWeakOne: "I don't know this error for sure. This article describes something close – does it fit?",
  noneOfThese: 'None of these',
  chooseThis: (n) => `${n} – this one`,
  choiceOutOfRange: (count) => `Please pick a number from 1 to ${count}, or paste the error again.`,
  noPendingChoice: 'There is nothing to choose right now. Paste an error message.',
  matchedSymptom: 'Recognised',
  fromYourPaste: 'From your paste:',
  cause: 'Cause',
  affected: 'Affected',
  fix: 'Fix',
  references: 'More information',
  alsoIn: 'Also described in',
  showCommand: (id) => `show ${id}`,
  source: 'Source',
  replaceBeforeRunning: 'Replace before running:',
  filledIn: 'Filled in from your paste – check before running:',
  valueFrom: (from, origin) => `taken from ${from} ${origin === 'paste' ? 'in your paste' : 'in an earlier message'}`,
  shell: {
    'exchange-management-shell': 'Exchange Management Shell',
    powershell: 'Windows PowerShell',
    'exchange-online-powershell': 'Exchange Online PowerShell',
    cmd: 'Command Prompt (cmd)',
    bash: 'Bash',
  },
  truncated: (kb) => `Your paste was very long (${kb} KB). I matched only the part that looks like the error.`,
  otherLanguage: 'This article is only available in German.',
  helpful: 'This solved it',
  notHelpful: "Didn't help",
  feedbackThanks: "Thanks for letting me know – glad it's solved!",
  feedbackSorry:
    "Sorry it didn't help. Thanks for telling me – I've noted it so the article can be improved. " +
    'If you have more of the error message, paste it whole.',
  feedbackAlreadyGiven: 'You have already rated this answer – thank you!',
  feedbackNotRecorded: "I can't record this rating: it belongs to no recent answer in this conversation.",
  apology: 'Sorry, something went wrong on my side. Please try again in a moment.',
  summary: (title, cause) => `Known problem: ${title}. ${cause}`,
  screenshotRead: 'I read this from your screenshot:',
  screenshotNoText: "I couldn't read any text in your screenshot.",
  screenshotCopyText:
    'Paste the error as text instead: in PowerShell select it and press Enter to copy it, in a message box press Ctrl+C, ' +
    'in a log select the lines and copy them – then paste it here.',
  screenshotTooLarge: (mb, px) =>
    `Your image is too large: I read screenshots up to ${mb} MB and ${px.toLocaleString('en-US')} pixels a side.`,
  screenshotNotImage: 'I read screenshots in PNG or JPEG format.',
  screenshotUnreadable: "I couldn't read your screenshot just now (it took too long, or too many came at once).",
  screenshotNotFetched: "I couldn't download your screenshot.",
  screenshotsSkipped: (n) => `I read only the first ${n} images.`,
};

export const TEXTS: Readonly<Record<Lang, Texts>> = { de, en };

/** The question above clarify candidates: "one of these" or, for a single one, "is it this one". */
export function clarifyIntro(candidates: readonly unknown[], t: Texts, weak = false): string {
  if (weak) return candidates.length === 1 ? t.clarifyIntroWeakOne : t.clarifyIntroWeak;
  return candidates.length === 1 ? t.clarifyIntroOne : t.clarifyIntro;
}

/** The fixed texts in `lang`. */
export function texts(lang: Lang): Texts {
  return TEXTS[lang];
}
